//! `#[derive(Decode)]`: a reader for a struct, from the JSON object (or, with `transparent`,
//! from whatever its one field reads).

use crate::attrs;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

pub fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let container = attrs::container(&input.attrs)?;
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
    Ok(match &attrs::only_field(fields)?.ident {
        Some(ident) => quote!(Ok(Self { #ident: crate::json::Decode::decode(r)? })),
        None => quote!(Ok(Self(crate::json::Decode::decode(r)?))),
    })
}

fn object_body(fields: &Fields, container: &attrs::Container) -> syn::Result<Tokens> {
    let Fields::Named(named) = fields else {
        return Err(syn::Error::new_spanned(fields, "Decode needs named fields"));
    };
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut inits = Vec::new();
    let mut tables = Vec::new();
    for (i, f) in attrs::named(named, container.rename_all.as_deref())?
        .into_iter()
        .enumerate()
    {
        let (ident, ty, wire, attrs) = (f.ident, &f.field.ty, f.wire, f.attrs);
        let slot = syn::Ident::new(&format!("slot{i}"), Span::call_site());
        let i = syn::Index::from(i);
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
