//! `#[derive(Decode)]` and `#[derive(Encode)]` for cec-agent's own JSON reader and writer
//! (`cec_agent::json`).
//!
//! Both read the `#[serde(...)]` attributes the types already carry for tsify, so each wire
//! name is written once. Supported, because the crate uses them:
//!
//! - container: `rename_all = "camelCase" | "lowercase"`, `transparent`,
//!   `deny_unknown_fields` (decoding), `tag = "..."` (encoding enums with struct variants);
//! - field: `rename`, `alias` and `default` (decoding), `skip_serializing_if` (encoding);
//! - enums (encoding only): unit variants as strings, or internally tagged with `tag`.
//!
//! Any other `#[serde(...)]` option is a compile error, so an attribute added later cannot
//! be silently ignored.

mod attrs;
mod decode;
mod encode;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Derives `crate::json::Decode` (structs) from the type's `#[serde]` attributes.
#[proc_macro_derive(Decode, attributes(serde))]
pub fn derive_decode(input: TokenStream) -> TokenStream {
    derive(parse_macro_input!(input as DeriveInput), decode::expand)
}

/// Derives `crate::json::Encode` (structs and enums) from the type's `#[serde]` attributes.
#[proc_macro_derive(Encode, attributes(serde))]
pub fn derive_encode(input: TokenStream) -> TokenStream {
    derive(parse_macro_input!(input as DeriveInput), encode::expand)
}

fn derive(
    input: DeriveInput,
    expand: fn(&DeriveInput) -> syn::Result<proc_macro2::TokenStream>,
) -> TokenStream {
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
