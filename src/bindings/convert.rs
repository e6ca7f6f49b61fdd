//! JS value <-> Rust conversions shared by every entry point.

use crate::calldata::CallInfoList;
use crate::client::CallOptions;
use crate::config;
use crate::error::{snippet, Error};
use crate::js_object::plain_object;
use crate::js_text::js_text;
use crate::json::{Decode, DecodeError, Encode, Problem};
use crate::operation::Ack;
use crate::validation::invalid;
use js_sys::{Function, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// Decodes a JS argument into `T`; failures name the field, the rule and the value.
///
/// The value crosses as JSON text (`JSON.stringify`), which is cheaper than walking it
/// property by property and lets serde see unknown (misspelt) fields.
pub fn decode<T: for<'de> Decode<'de>>(
    operation: &'static str,
    arg: &'static str,
    value: &JsValue,
) -> Result<T, Error> {
    let json = json_text(operation, arg, value)?;
    crate::envelope::parse(&json).map_err(|e| decode_error(operation, arg, e))
}

/// [`decode`] for a request whose every field is optional: `undefined` or `null` (the argument
/// left out) is the default request.
pub fn decode_optional<T: for<'de> Decode<'de> + Default>(
    operation: &'static str,
    arg: &'static str,
    value: Option<&JsValue>,
) -> Result<T, Error> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => decode(operation, arg, v),
        _ => Ok(T::default()),
    }
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

/// The validation error for a decode failure: the field, the rule and what was wrong.
#[inline(never)]
fn decode_error(operation: &'static str, arg: &'static str, e: DecodeError) -> Error {
    let e = e.into_detail();
    let parent = if e.path == "." { None } else { Some(e.path) };
    let err = match e.problem {
        Problem::Missing => {
            let field = e.field.unwrap_or_default();
            let field = match parent {
                Some(p) => format!("{p}.{field}"),
                None => field.to_owned(),
            };
            invalid(&field, "required", "is required", "nothing")
        }
        // The path already ends with the unknown field's name.
        Problem::Unknown => invalid(
            parent.as_deref().unwrap_or(arg),
            "unknownField",
            "is not a field of this request (check the spelling)",
            "present",
        ),
        Problem::Syntax | Problem::Invalid => invalid(
            parent.as_deref().unwrap_or(arg),
            "type",
            "has the wrong type",
            snippet(&e.message, 120),
        ),
    };
    Error::validation(operation, err)
}

#[wasm_bindgen]
extern "C" {
    // The caller's objects may be proxies or carry getters: every import that can run their
    // code catches what it throws, so nothing unwinds through the module (that would skip
    // destructors and leave borrows and the shadow stack as they were).
    /// `Object.keys(value)`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// `Object.assign(target, source)`.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = assign)]
    fn assign(target: &Object, source: &JsValue) -> Result<Object, JsValue>;
}

/// A callback argument: a function, or a validation error naming `field`.
pub fn function_arg(
    operation: &'static str,
    field: &str,
    value: JsValue,
) -> Result<Function, Error> {
    value.dyn_into::<Function>().map_err(|_| {
        Error::validation(
            operation,
            invalid(field, "type", "must be a function", "not a function"),
        )
    })
}

/// A string argument, or a validation error naming `field`. `secret` keeps the value (or
/// what was passed instead) out of the error.
pub fn string_arg(
    operation: &'static str,
    field: &str,
    value: &JsValue,
    secret: bool,
) -> Result<String, Error> {
    value.as_string().ok_or_else(|| {
        let shown = if secret { "<redacted>" } else { "not a string" };
        Error::validation(operation, invalid(field, "type", "must be a string", shown))
    })
}

/// The rejection for an options object that cannot be read.
fn unreadable(operation: &'static str, field: &str) -> Error {
    Error::validation(
        operation,
        invalid(
            field,
            "type",
            "must be a plain object whose properties can be read",
            "a getter or proxy threw",
        ),
    )
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
    let keys = own_keys(value).map_err(|_| unreadable(operation, "options"))?;
    for key in keys.iter() {
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
    let get = |key: &str| {
        Reflect::get(value, &JsValue::from_str(key))
            .map_err(|_| unreadable(operation, &format!("options.{key}")))
    };
    let timeout = get("timeoutMs")?;
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
    let signal = get("signal")?;
    if !signal.is_undefined() && !signal.is_null() {
        let not_a_signal = || {
            v(invalid(
                "options.signal",
                "type",
                "must be an AbortSignal",
                "not an AbortSignal",
            ))
        };
        let signal = signal
            .dyn_into::<AbortSignal>()
            .map_err(|_| not_a_signal())?;
        // `instanceof` alone passes `Object.create(AbortSignal.prototype)` and proxies.
        if crate::transport::read_aborted(&signal).is_none() {
            return Err(not_a_signal());
        }
        out.signal = Some(signal);
    }
    Ok(out)
}

/// Converts a result for JS (as JSON text, parsed by the engine): plain objects and arrays,
/// `null` for absent values.
pub fn encode<T: Encode>(operation: &'static str, value: &T) -> Result<JsValue, Error> {
    let text = crate::json::to_string(value);
    JSON::parse(&text).map_err(|_| Error::decode(operation, "result", "cannot convert to JS"))
}

/// A call's result as a JS value.
pub trait ToJs {
    /// Converts `self`; `operation` names the call in an error.
    fn to_js(&self, operation: &'static str) -> Result<JsValue, Error>;
}

/// `{ message }`, built directly: for this one-field answer of most operations, the JSON
/// text round trip of [`encode`] (serialize, decode the text into JS, `JSON.parse`) cost
/// more than the rest of handling the response. The message is nearly always the same
/// ("success"), so its JS string is reused.
impl ToJs for Ack {
    fn to_js(&self, _operation: &'static str) -> Result<JsValue, Error> {
        let out = plain_object();
        out.set(&js_text("message"), &js_text(&self.message));
        Ok(out.into())
    }
}

impl ToJs for CallInfoList {
    fn to_js(&self, operation: &'static str) -> Result<JsValue, Error> {
        encode(operation, self)
    }
}

// --- Outputs of the agent-state and call-data operations (issue 16) ---

impl ToJs for crate::onlineagent::AgentStatus {
    fn to_js(&self, operation: &'static str) -> Result<JsValue, Error> {
        encode(operation, self)
    }
}

impl ToJs for crate::calldata::CurrentCall {
    fn to_js(&self, operation: &'static str) -> Result<JsValue, Error> {
        encode(operation, self)
    }
}

impl ToJs for crate::calldata::CallAppData {
    fn to_js(&self, _operation: &'static str) -> Result<JsValue, Error> {
        Ok(JsValue::from_str(&self.0))
    }
}

// --- Outputs of the call-control operations (issue 16) ---

impl ToJs for crate::voicecall::CallStarted {
    fn to_js(&self, operation: &'static str) -> Result<JsValue, Error> {
        encode(operation, self)
    }
}

/// Call options that may carry keys of their own (`forceIfSignedIn`, `outcomeTimeoutMs`, ...):
/// [`ExtraOptions::take`] removes those from a shallow copy, then [`ExtraOptions::rest`] is
/// checked by [`options`] like any call options (so misspelt keys are still rejected).
pub struct ExtraOptions {
    original: Option<JsValue>,
    copy: Option<Object>,
}

impl ExtraOptions {
    /// Wraps the caller's options argument (left untouched): a plain copy is taken at once,
    /// so its getters run here, once; an object that cannot be copied is rejected.
    pub fn new(operation: &'static str, value: Option<JsValue>) -> Result<Self, Error> {
        let copy = match value.as_ref().filter(|v| v.is_object()) {
            Some(v) => {
                Some(assign(&Object::new(), v).map_err(|_| unreadable(operation, "options"))?)
            }
            None => None,
        };
        Ok(Self {
            original: value,
            copy,
        })
    }

    /// Removes `key` and returns its value (`undefined` when absent or not an object).
    pub fn take(&self, key: &str) -> JsValue {
        let Some(obj) = &self.copy else {
            return JsValue::UNDEFINED;
        };
        // A plain data copy: reading it runs none of the caller's code.
        let value = Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED);
        let _ = Reflect::delete_property(obj, &key.into());
        value
    }

    /// What is left, for [`options`].
    pub fn rest(self) -> Option<JsValue> {
        self.copy.map(JsValue::from).or(self.original)
    }
}
