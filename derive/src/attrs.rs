//! The `#[serde(...)]` options both derives understand.

use proc_macro2::Span;
use syn::{Attribute, ExprPath, LitStr};

/// Options on a struct, an enum or an enum variant.
#[derive(Default)]
pub struct Container {
    pub deny_unknown: bool,
    pub rename_all: Option<String>,
    pub transparent: bool,
    pub tag: Option<String>,
    pub rename: Option<String>,
}

/// Options on a field.
#[derive(Default)]
pub struct Field {
    pub rename: Option<String>,
    pub aliases: Vec<String>,
    pub default: bool,
    pub skip_if: Option<ExprPath>,
}

fn serde_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("serde"))
}

pub fn container(attrs: &[Attribute]) -> syn::Result<Container> {
    let mut c = Container::default();
    for attr in serde_attrs(attrs) {
        attr.parse_nested_meta(|m| {
            if m.path.is_ident("deny_unknown_fields") {
                c.deny_unknown = true;
            } else if m.path.is_ident("transparent") {
                c.transparent = true;
            } else if m.path.is_ident("rename_all") {
                c.rename_all = Some(m.value()?.parse::<LitStr>()?.value());
            } else if m.path.is_ident("tag") {
                c.tag = Some(m.value()?.parse::<LitStr>()?.value());
            } else if m.path.is_ident("rename") {
                c.rename = Some(m.value()?.parse::<LitStr>()?.value());
            } else {
                return Err(m.error("cec-agent-derive does not support this serde option"));
            }
            Ok(())
        })?;
    }
    Ok(c)
}

pub fn field(field: &syn::Field) -> syn::Result<Field> {
    let mut f = Field::default();
    for attr in serde_attrs(&field.attrs) {
        attr.parse_nested_meta(|m| {
            if m.path.is_ident("rename") {
                f.rename = Some(m.value()?.parse::<LitStr>()?.value());
            } else if m.path.is_ident("alias") {
                f.aliases.push(m.value()?.parse::<LitStr>()?.value());
            } else if m.path.is_ident("default") {
                f.default = true;
            } else if m.path.is_ident("skip_serializing_if") {
                f.skip_if = Some(m.value()?.parse::<LitStr>()?.parse::<ExprPath>()?);
            } else if m.path.is_ident("borrow") {
                // Borrowing is decided by the field's type here.
            } else {
                return Err(m.error("cec-agent-derive does not support this serde option"));
            }
            Ok(())
        })?;
    }
    Ok(f)
}

/// A Rust name (`snake_case` field, `CamelCase` variant) as written on the wire.
pub fn wire_name(ident: &syn::Ident, rename_all: Option<&str>) -> syn::Result<String> {
    let ident = ident.to_string();
    let ident = ident.trim_start_matches("r#");
    Ok(match rename_all {
        None => ident.to_owned(),
        Some("lowercase") => ident.to_lowercase(),
        Some("camelCase") => {
            let mut out = String::new();
            let mut upper = false;
            for (i, ch) in ident.chars().enumerate() {
                if ch == '_' {
                    upper = true;
                } else if upper {
                    out.extend(ch.to_uppercase());
                    upper = false;
                } else if i == 0 {
                    out.extend(ch.to_lowercase()); // a `CamelCase` variant
                } else {
                    out.push(ch);
                }
            }
            out
        }
        Some(other) => {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("cec-agent-derive does not support rename_all = {other:?}"),
            ))
        }
    })
}

/// The one field of a `transparent` type.
pub fn only_field(fields: &syn::Fields) -> syn::Result<&syn::Field> {
    let mut iter = fields.iter();
    match (iter.next(), iter.next()) {
        (Some(field), None) => Ok(field),
        _ => Err(syn::Error::new_spanned(
            fields,
            "transparent needs exactly one field",
        )),
    }
}

/// A named field with its options and its wire name.
pub struct Named<'a> {
    pub field: &'a syn::Field,
    pub ident: &'a syn::Ident,
    pub wire: String,
    pub attrs: Field,
}

/// Each named field with its options and wire name (`rename`, else `rename_all` applied).
pub fn named<'a>(
    fields: &'a syn::FieldsNamed,
    rename_all: Option<&str>,
) -> syn::Result<Vec<Named<'a>>> {
    fields
        .named
        .iter()
        .map(|field| {
            let ident = field
                .ident
                .as_ref()
                .ok_or_else(|| syn::Error::new_spanned(field, "unnamed field"))?;
            let attrs = self::field(field)?;
            let wire = match &attrs.rename {
                Some(w) => w.clone(),
                None => wire_name(ident, rename_all)?,
            };
            Ok(Named {
                field,
                ident,
                wire,
                attrs,
            })
        })
        .collect()
}
