//! Plain JS objects the package builds and fills by property assignment (`object[key] =
//! value`): on a fresh object that cannot throw, and it skips the exception wrapper that
//! `Reflect.set` goes through (a fifth of preparing a call in V8 when headers used it).

use js_sys::Object;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// An object the package created, filled by assignment.
    #[wasm_bindgen(extends = Object)]
    pub type Assignable;
    /// `this[key] = value`.
    #[wasm_bindgen(method, indexing_setter)]
    pub fn set(this: &Assignable, key: &JsValue, value: &JsValue);
}

/// A fresh `{}`.
pub fn plain_object() -> Assignable {
    Object::new().unchecked_into()
}
