//! JS copies of the strings every call hands to `fetch`: method, URL, header names and values.
//!
//! Passing a Rust string to JS decodes it with `TextDecoder`, about 0.3 µs a string in
//! Chromium, and a call passes half a dozen, nearly always the same ones. The last
//! [`KEEP`] distinct strings are kept as JS values and handed over again instead. No crate
//! was found that does this: wasm-bindgen's own `intern` (behind its `enable-interning`
//! feature) keeps each string until `unintern`, with no bound.

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
        // Borrowed already only when the panic hook runs after a panic in here: it gets an
        // uncached copy.
        let Ok(mut recent) = recent.try_borrow_mut() else {
            return JsValue::from_str(s);
        };
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

#[cfg(test)]
mod tests {
    use super::{js_text, KEEP, RECENT};
    use wasm_bindgen_test::wasm_bindgen_test;

    fn kept() -> usize {
        RECENT.with(|r| r.borrow().entries.len())
    }

    #[wasm_bindgen_test]
    fn a_cache_already_borrowed_gives_an_uncached_copy() {
        RECENT.with(|recent| {
            let _held = recent.borrow_mut();
            assert_eq!(
                js_text("while borrowed").as_string().as_deref(),
                Some("while borrowed")
            );
        });
    }

    #[wasm_bindgen_test]
    fn hands_back_the_same_text_before_and_after_eviction() {
        let texts: Vec<String> = (0..3 * KEEP)
            .map(|i| format!("https://10.0.0.1:8043/agentgateway/resource/x/{i}/坐席"))
            .chain(["".to_owned(), "Guid".to_owned()])
            .collect();
        for round in 0..2 {
            for t in &texts {
                assert_eq!(
                    js_text(t).as_string().as_deref(),
                    Some(t.as_str()),
                    "round {round}"
                );
                // Asked again at once: served from the cache, still the same text.
                assert_eq!(js_text(t).as_string().as_deref(), Some(t.as_str()));
            }
        }
        assert_eq!(kept(), KEEP, "the cache stays bounded");
    }

    #[wasm_bindgen_test]
    fn a_rotated_value_is_never_confused_with_the_old_one() {
        let old = js_text("27ab.AgentGateway0");
        let new = js_text("27ab.AgentGateway1");
        assert_eq!(old.as_string().as_deref(), Some("27ab.AgentGateway0"));
        assert_eq!(new.as_string().as_deref(), Some("27ab.AgentGateway1"));
        assert_eq!(js_text("27ab.AgentGateway0"), old);
    }
}
