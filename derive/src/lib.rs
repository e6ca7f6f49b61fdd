//! `#[derive(Decode)]` for cec-agent's own JSON reader (`cec_agent::json`).
//!
//! It reads the `#[serde(...)]` attributes the types already carry for tsify, so the wire
//! names stay written once. Supported, because the crate uses them:
//!
//! - container: `deny_unknown_fields`, `rename_all = "camelCase" | "lowercase"`, `transparent`;
//! - field: `rename`, `alias`, `default`.
//!
//! Anything else inside `#[serde(...)]` that concerns decoding is a compile error, so an
//! attribute added later cannot be silently ignored. Serialization-only options
//! (`skip_serializing_if`, `borrow`, `tag`) are accepted and have no effect here.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

/// Derives `crate::json::Decode` from the type's `#[serde]` attributes.
#[proc_macro_derive(Decode, attributes(serde))]
pub fn derive_decode(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

#[derive(Default)]
struct Container {
    deny_unknown: bool,
    rename_all: Option<String>,
    transparent: bool,
}

#[derive(Default)]
struct Field {
    rename: Option<String>,
    aliases: Vec<String>,
    default: bool,
}

/// Options that only matter when serializing.
const SERIALIZE_ONLY: &[&str] = &["skip_serializing_if", "borrow", "tag"];

fn container_attrs(input: &DeriveInput) -> syn::Result<Container> {
    let mut c = Container::default();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|m| {
            if m.path.is_ident("deny_unknown_fields") {
                c.deny_unknown = true;
            } else if m.path.is_ident("transparent") {
                c.transparent = true;
            } else if m.path.is_ident("rename_all") {
                c.rename_all = Some(m.value()?.parse::<LitStr>()?.value());
            } else if SERIALIZE_ONLY.iter().any(|s| m.path.is_ident(s)) {
                let _ = m.value()?.parse::<syn::Expr>()?;
            } else {
                return Err(m.error("Decode does not support this serde option"));
            }
            Ok(())
        })?;
    }
    Ok(c)
}

fn field_attrs(field: &syn::Field) -> syn::Result<Field> {
    let mut f = Field::default();
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|m| {
            if m.path.is_ident("rename") {
                f.rename = Some(m.value()?.parse::<LitStr>()?.value());
            } else if m.path.is_ident("alias") {
                f.aliases.push(m.value()?.parse::<LitStr>()?.value());
            } else if m.path.is_ident("default") {
                f.default = true;
            } else if m.path.is_ident("borrow") {
                // `#[serde(borrow)]` takes no value.
            } else if SERIALIZE_ONLY.iter().any(|s| m.path.is_ident(s)) {
                let _ = m.value()?.parse::<syn::Expr>()?;
            } else {
                return Err(m.error("Decode does not support this serde option"));
            }
            Ok(())
        })?;
    }
    Ok(f)
}

/// `snake_case` Rust name to the wire name under `rename_all`.
fn wire_name(ident: &str, rename_all: Option<&str>) -> syn::Result<String> {
    let ident = ident.trim_start_matches("r#");
    Ok(match rename_all {
        None => ident.to_owned(),
        Some("lowercase") => ident.to_lowercase(),
        Some("camelCase") => {
            let mut out = String::new();
            let mut upper = false;
            for ch in ident.chars() {
                if ch == '_' {
                    upper = true;
                } else if upper {
                    out.extend(ch.to_uppercase());
                    upper = false;
                } else {
                    out.push(ch);
                }
            }
            out
        }
        Some(other) => {
            return Err(syn::Error::new(
                Span::call_site(),
                format!("Decode does not support rename_all = {other:?}"),
            ))
        }
    })
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let container = container_attrs(input)?;
    let lifetimes: Vec<_> = input.generics.lifetimes().collect();
    if input.generics.type_params().next().is_some() || lifetimes.len() > 1 {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "Decode supports at most one lifetime and no type parameters",
        ));
    }
    let (impl_lt, ty_lt, de) = match lifetimes.first() {
        Some(l) => {
            let lt = &l.lifetime;
            (quote!(<#lt>), quote!(<#lt>), quote!(#lt))
        }
        None => (quote!(<'de>), quote!(), quote!('de)),
    };
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(name, "Decode derives only structs"));
    };
    let body = if container.transparent {
        transparent_body(&data.fields)?
    } else {
        object_body(&data.fields, &container)?
    };
    Ok(quote! {
        impl #impl_lt crate::json::Decode<#de> for #name #ty_lt {
            fn decode(r: &mut crate::json::Reader<#de>) -> ::core::result::Result<Self, crate::json::DecodeError> {
                #body
            }
        }
    })
}

fn transparent_body(fields: &Fields) -> syn::Result<Tokens> {
    let mut iter = fields.iter();
    let (Some(field), None) = (iter.next(), iter.next()) else {
        return Err(syn::Error::new_spanned(
            fields,
            "transparent needs exactly one field",
        ));
    };
    Ok(match &field.ident {
        Some(ident) => quote!(Ok(Self { #ident: crate::json::Decode::decode(r)? })),
        None => quote!(Ok(Self(crate::json::Decode::decode(r)?))),
    })
}

fn object_body(fields: &Fields, container: &Container) -> syn::Result<Tokens> {
    let Fields::Named(named) = fields else {
        return Err(syn::Error::new_spanned(fields, "Decode needs named fields"));
    };
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut inits = Vec::new();
    let mut tables = Vec::new();
    for (i, field) in named.named.iter().enumerate() {
        let ident = field
            .ident
            .as_ref()
            .ok_or_else(|| syn::Error::new_spanned(field, "unnamed field"))?;
        let attrs = field_attrs(field)?;
        let wire = match attrs.rename {
            Some(w) => w,
            None => wire_name(&ident.to_string(), container.rename_all.as_deref())?,
        };
        let slot = syn::Ident::new(&format!("slot{i}"), Span::call_site());
        let i = syn::Index::from(i);
        let ty = &field.ty;
        let names = std::iter::once(&wire).chain(attrs.aliases.iter());
        slots.push(
            quote!(let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;),
        );
        tables.push(quote!(&[#(#names),*]));
        arms.push(
            quote!(::core::option::Option::Some(#i) => crate::json::field(r, &mut #slot, #wire),),
        );
        inits.push(if attrs.default {
            quote!(#ident: #slot.unwrap_or_default())
        } else {
            quote!(#ident: crate::json::take(#slot, #wire)?)
        });
    }
    let deny = container.deny_unknown;
    // Keys are looked up in one table by shared code, so each type adds only a jump table.
    Ok(quote! {
        const FIELDS: &[&[&str]] = &[#(#tables),*];
        #(#slots)*
        r.object(&mut |r, key| match crate::json::field_index(key, FIELDS) {
            #(#arms)*
            _ => r.other_field(key, #deny),
        })?;
        ::core::result::Result::Ok(Self { #(#inits),* })
    })
}
