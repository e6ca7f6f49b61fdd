//! `#[derive(Encode)]`: a struct as a JSON object (or, with `transparent`, as its one field),
//! an enum of unit variants as strings, an enum with `tag` as objects carrying the tag.

use crate::attrs;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{Data, DeriveInput, Fields};

pub fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let container = attrs::container(&input.attrs)?;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let body = match &input.data {
        Data::Struct(data) if container.transparent => transparent_body(&data.fields)?,
        Data::Struct(data) => {
            let Fields::Named(named) = &data.fields else {
                return Err(syn::Error::new_spanned(name, "Encode needs named fields"));
            };
            let writes = field_writes(
                named,
                container.rename_all.as_deref(),
                |ident| quote!(&self.#ident),
            )?;
            quote! {
                w.begin_object();
                #(#writes)*
                w.end_object();
            }
        }
        Data::Enum(data) => enum_body(data, &container)?,
        Data::Union(_) => return Err(syn::Error::new_spanned(name, "Encode cannot derive unions")),
    };
    Ok(quote! {
        impl #impl_generics crate::json::Encode for #name #ty_generics #where_clause {
            fn encode(&self, w: &mut crate::json::Writer) {
                #body
            }
        }
    })
}

fn transparent_body(fields: &Fields) -> syn::Result<Tokens> {
    Ok(match &attrs::only_field(fields)?.ident {
        Some(ident) => quote!(crate::json::Encode::encode(&self.#ident, w)),
        None => quote!(crate::json::Encode::encode(&self.0, w)),
    })
}

/// `key: value` for each field, `access` giving the expression that borrows it.
fn field_writes(
    named: &syn::FieldsNamed,
    rename_all: Option<&str>,
    access: impl Fn(&syn::Ident) -> Tokens,
) -> syn::Result<Vec<Tokens>> {
    let mut out = Vec::new();
    for f in attrs::named(named, rename_all)? {
        let (wire, attrs) = (f.wire, f.attrs);
        let value = access(f.ident);
        let write = quote! {
            w.key(#wire);
            crate::json::Encode::encode(#value, w);
        };
        out.push(match attrs.skip_if {
            Some(skip) => quote!(if !#skip(#value) { #write }),
            None => write,
        });
    }
    Ok(out)
}

fn enum_body(data: &syn::DataEnum, container: &attrs::Container) -> syn::Result<Tokens> {
    let mut arms = Vec::new();
    for variant in &data.variants {
        let ident = &variant.ident;
        let own = attrs::container(&variant.attrs)?;
        let wire = match own.rename {
            Some(w) => w,
            None => attrs::wire_name(ident, container.rename_all.as_deref())?,
        };
        arms.push(match (&variant.fields, &container.tag) {
            (Fields::Unit, None) => quote!(Self::#ident => w.string(#wire),),
            (Fields::Unit, Some(tag)) => quote! {
                Self::#ident => {
                    w.begin_object();
                    w.key(#tag);
                    w.string(#wire);
                    w.end_object();
                }
            },
            (Fields::Named(named), Some(tag)) => {
                let bindings = named.named.iter().map(|f| &f.ident);
                let writes =
                    field_writes(named, own.rename_all.as_deref(), |ident| quote!(#ident))?;
                quote! {
                    Self::#ident { #(#bindings),* } => {
                        w.begin_object();
                        w.key(#tag);
                        w.string(#wire);
                        #(#writes)*
                        w.end_object();
                    }
                }
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "Encode supports unit variants, and struct variants with a tag",
                ))
            }
        });
    }
    Ok(quote!(match self { #(#arms)* }))
}
