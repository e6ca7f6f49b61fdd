//! JS copies of the strings every call hands to `fetch`: method, URL, header names and values.
//!
//! Passing a Rust string to JS decodes it with `TextDecoder`, about 0.3 µs a string in
//! Chromium, and a call passes half a dozen, nearly always the same ones. The last
//! [`KEEP`] distinct strings are kept as JS values and handed over again instead.

use std::cell::RefCell;
use wasm_bindgen::JsValue;

/// How many distinct strings are kept (a client's URLs, header names and values).
const KEEP: usize = 24;

#[derive(Default)]
struct Recent {
    entries: Vec<(Box<str>, JsValue)>,
    /// The entry replaced next once full (oldest first).
    next: usize,
}

thread_local! {
    static RECENT: RefCell<Recent> = RefCell::new(Recent::default());
}

/// `s` as a JS string, reused when `s` was handed over recently.
pub fn js_text(s: &str) -> JsValue {
    RECENT.with(|recent| {
        let mut recent = recent.borrow_mut();
        if let Some((_, value)) = recent.entries.iter().find(|(k, _)| **k == *s) {
            return value.clone();
        }
        let value = JsValue::from_str(s);
        let entry = (Box::from(s), value.clone());
        if recent.entries.len() < KEEP {
            recent.entries.push(entry);
        } else {
            let at = recent.next;
            if let Some(slot) = recent.entries.get_mut(at) {
                *slot = entry;
            }
            recent.next = (at + 1) % KEEP;
        }
        value
    })
}
