//! JS value <-> Rust conversions shared by every entry point.

use crate::client::CallOptions;
use crate::config;
use crate::error::{snippet, Error};
use crate::validation::invalid;
use js_sys::{Object, Reflect, JSON};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// Decodes a JS argument into `T`; failures name the field, the rule and the value.
///
/// The value crosses as JSON text (`JSON.stringify`), which is cheaper than walking it
/// property by property and lets serde see unknown (misspelt) fields.
pub fn decode<T: DeserializeOwned>(
    operation: &'static str,
    arg: &'static str,
    value: &JsValue,
) -> Result<T, Error> {
    let json = json_text(operation, arg, value)?;
    crate::envelope::parse(&json).map_err(|e| decode_error(operation, arg, e))
}

/// The JSON text of a JS argument (kept out of the generic [`decode`], which is instantiated
/// once per request type).
#[inline(never)]
fn json_text(operation: &'static str, arg: &'static str, value: &JsValue) -> Result<String, Error> {
    if value.is_undefined() || value.is_null() {
        return Err(Error::validation(
            operation,
            invalid(arg, "required", "is required", "nothing"),
        ));
    }
    JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| {
            Error::validation(
                operation,
                invalid(
                    arg,
                    "type",
                    "must be a plain JSON-like object",
                    "not serializable",
                ),
            )
        })
}

/// The validation error for a decode failure: field, rule and value from serde's message.
#[inline(never)]
fn decode_error(
    operation: &'static str,
    arg: &'static str,
    e: crate::envelope::DecodeError,
) -> Error {
    let parent = if e.path == "." { String::new() } else { e.path };
    let quoted = e.message.split('`').nth(1).unwrap_or("");
    let err = if e.message.starts_with("missing field") {
        let field = if parent.is_empty() {
            quoted.to_owned()
        } else {
            format!("{parent}.{quoted}")
        };
        invalid(&field, "required", "is required", "nothing")
    } else if e.message.starts_with("unknown field") {
        // The path already ends with the unknown field's name.
        invalid(
            if parent.is_empty() { quoted } else { &parent },
            "unknownField",
            "is not a field of this request (check the spelling)",
            "present",
        )
    } else {
        let field = if parent.is_empty() {
            arg.to_owned()
        } else {
            parent
        };
        invalid(
            &field,
            "type",
            "has the wrong type",
            snippet(&e.message, 120),
        )
    };
    Error::validation(operation, err)
}

/// The per-call options: `{ timeoutMs?, signal? }`.
pub struct Options {
    /// Pure-core options.
    pub core: CallOptions,
    /// The caller's signal.
    pub signal: Option<AbortSignal>,
}

/// Decodes `options` (undefined/null = defaults). Unknown keys are rejected like typos.
pub fn options(operation: &'static str, value: Option<&JsValue>) -> Result<Options, Error> {
    let v = |e| Error::validation(operation, e);
    let mut out = Options {
        core: CallOptions::default(),
        signal: None,
    };
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(out);
    };
    if !value.is_object() {
        return Err(v(invalid(
            "options",
            "type",
            "must be an object { timeoutMs?, signal? }",
            "not an object",
        )));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "timeoutMs" && key != "signal" {
            return Err(v(invalid(
                &format!("options.{key}"),
                "unknownField",
                "is not a call option (timeoutMs, signal)",
                "present",
            )));
        }
    }
    let get =
        |key: &str| Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    let timeout = get("timeoutMs");
    if !timeout.is_undefined() {
        let ms = timeout
            .as_f64()
            .filter(|f| f.fract() == 0.0)
            .ok_or_else(|| {
                v(invalid(
                    "options.timeoutMs",
                    "type",
                    "must be an integer",
                    "not an integer",
                ))
            })?;
        out.core.timeout_ms = Some(config::timeout_ms("options.timeoutMs", ms as i64).map_err(v)?);
    }
    let signal = get("signal");
    if !signal.is_undefined() && !signal.is_null() {
        out.signal = Some(signal.dyn_into::<AbortSignal>().map_err(|_| {
            v(invalid(
                "options.signal",
                "type",
                "must be an AbortSignal",
                "not an AbortSignal",
            ))
        })?);
    }
    Ok(out)
}

/// Converts a result for JS (as JSON text, parsed by the engine): plain objects and arrays,
/// `null` for absent values.
pub fn encode<T: Serialize>(operation: &'static str, value: &T) -> Result<JsValue, Error> {
    let text = serde_json::to_string(value)
        .map_err(|e| Error::decode(operation, "result", format!("cannot convert to JS: {e}")))?;
    JSON::parse(&text).map_err(|_| Error::decode(operation, "result", "cannot convert to JS"))
}

/// Call options that may carry keys of their own (`forceIfSignedIn`, `outcomeTimeoutMs`, ...):
/// [`ExtraOptions::take`] removes those from a shallow copy, then [`ExtraOptions::rest`] is
/// checked by [`options`] like any call options (so misspelt keys are still rejected).
pub struct ExtraOptions {
    original: Option<JsValue>,
    copy: Option<Object>,
}

impl ExtraOptions {
    /// Wraps the caller's options argument (left untouched).
    pub fn new(value: Option<JsValue>) -> Self {
        let copy = value
            .as_ref()
            .filter(|v| v.is_object())
            .map(|v| Object::assign(&Object::new(), v.unchecked_ref()));
        Self {
            original: value,
            copy,
        }
    }

    /// Removes `key` and returns its value (`undefined` when absent or not an object).
    pub fn take(&self, key: &str) -> JsValue {
        let Some(obj) = &self.copy else {
            return JsValue::UNDEFINED;
        };
        let value = Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED);
        let _ = Reflect::delete_property(obj, &key.into());
        value
    }

    /// What is left, for [`options`].
    pub fn rest(self) -> Option<JsValue> {
        self.copy.map(JsValue::from).or(self.original)
    }
}
