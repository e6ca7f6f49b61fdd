//! `Error` -> a real JS `Error` named `AgentApiError`, and its TypeScript declaration.

use crate::error::{Error, ErrorKind};
use crate::js_object::Assignable;
use crate::js_text::js_text;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(typescript_custom_section)]
const TS_ERROR: &'static str = r#"
/** The vendor's "Method Name in Logs" of every operation, plus `AgentClient` / `CmsClient` (config, arguments, a freed client) and `setLogger`. */
export type OperationName =
  | "AgentClient" | "CmsClient" | "setLogger"
  | "login" | "forceLogin" | "loginEx" | "logout" | "updateGuid" | "handShake" | "getAgentEvent"
  | "beginNetPlay" | "beginPlay" | "stopPlay" | "pausePlay" | "resumePlay" | "foreFastPlay" | "backFastPlay"
  | "queryCallInfoBeforeAnswer" | "thirdPartyConfTransmitNum"
  | "getAgentStatus" | "sayFree" | "sayBusy" | "cancelBusy" | "rest" | "cancelRest" | "sayWork" | "cancelWork"
  | "setAgentAutoEnterIdle" | "queryCallInfo" | "setCallAppDataEx" | "queryCallAppData"
  | "answer" | "release" | "disconnect" | "hold" | "getHold" | "connectHold" | "beginMute" | "endMute"
  | "transfer" | "cancelTransfer" | "callout" | "callInner" | "callInnerSkill" | "innerHelp" | "confJoin"
  | "secondDialEx"
  | "intercept" | "addSupervise" | "addInsert" | "stopSupervise" | "switchSuperviseOrInsert"
  | "requestWhisperAgent" | "requestStopWhisperAgent" | "requestSwitchInsertWhisperAgent"
  | "downloadRecordFile";
/** Every `kind` an `AgentApiError` can have. */
export type AgentApiErrorKind = AgentApiError["kind"];
/** Fields every `AgentApiError` has. */
export interface AgentApiErrorBase extends Error {
  name: "AgentApiError";
  /** The vendor's "Method Name in Logs" (e.g. `beginNetPlay`), or `AgentClient` / `CmsClient` for config errors. */
  operation: OperationName;
}
/** Input broke a documented rule; nothing was sent. */
export interface AgentApiValidationError extends AgentApiErrorBase { kind: "validation"; field: string; rule: string; expected: string; value: string; }
/** Connection refused or reset, DNS, CORS. */
export interface AgentApiNetworkError extends AgentApiErrorBase { kind: "network"; }
/** The per-call timeout expired and the request was cancelled. */
export interface AgentApiTimeoutError extends AgentApiErrorBase { kind: "timeout"; timeoutMs: number; }
/** The caller's AbortSignal cancelled the call. */
export interface AgentApiAbortedError extends AgentApiErrorBase { kind: "aborted"; }
/** Non-2xx HTTP status (401 from CC-CMS means the C2 signature was refused). */
export interface AgentApiHttpError extends AgentApiErrorBase { kind: "http"; status: number; body: string; }
/**
 * The server reported failure. `retcode` is CC-Gateway's `retcode` (not "0") or CC-CMS's
 * `resultCode`; `serverMessage` is the gateway's `message` or CC-CMS's `resultDesc`; `meaning`
 * is the code's documented meaning (as `retcodeMeaning(retcode)`), or `null`.
 */
export interface AgentApiServiceError extends AgentApiErrorBase { kind: "service"; retcode: string; serverMessage: string; meaning: string | null; }
/** The response did not have the documented shape (HTML page, truncated JSON, wrong field type). */
export interface AgentApiDecodeError extends AgentApiErrorBase { kind: "decode"; path: string; }
/** The call is not allowed in the client's current state (no Guid yet, sign-in during sign-out, a freed client); nothing was sent. */
export interface AgentApiStateError extends AgentApiErrorBase { kind: "state"; }
/** The request was accepted, then its outcome event reported failure (e.g. `AgentMediaEvent_Play_Fail`). */
export interface AgentApiOutcomeError extends AgentApiErrorBase { kind: "outcome"; eventType: keyof AgentEventMap; }
/** A bug in this package restarted its module while the call was pending; whether the request was carried out is unknown. Clients made before must be made again. */
export interface AgentApiInternalError extends AgentApiErrorBase { kind: "internal"; }
/** Every error this package throws or rejects with. Narrow on `kind`. */
export type AgentApiError =
  | AgentApiValidationError | AgentApiNetworkError | AgentApiTimeoutError | AgentApiAbortedError
  | AgentApiHttpError | AgentApiServiceError | AgentApiDecodeError | AgentApiStateError | AgentApiOutcomeError
  | AgentApiInternalError;
declare global {
  /** Merged with lib "esnext.disposable"'s `Disposable` where the consumer has it, so the clients are `using`-disposable there and still compile on lib es2022. */
  interface Disposable {}
}
/** Per-call options. */
export interface CallOptions {
  /** Overrides the client's timeout for this call (1..=600000 ms). */
  timeoutMs?: number;
  /** Cancels the call; the promise rejects with kind "aborted". */
  signal?: AbortSignal;
}
"#;

/// Whether `value` is an error from this package.
#[wasm_bindgen(js_name = isAgentApiError, unchecked_return_type = "value is AgentApiError")]
pub fn is_agent_api_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> bool {
    value.is_instance_of::<js_sys::Error>()
        && Reflect::get(&value, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .as_deref()
            == Some("AgentApiError")
}

/// Gives the fresh `Error` its field `key` by plain assignment.
fn set(target: &Assignable, key: &str, value: impl Into<JsValue>) {
    target.set(&js_text(key), &value.into());
}

/// Frames a validation error's stack may hold beyond the page's own `Error.stackTraceLimit`:
/// enough to pass the package's own frames (the glue and a dozen module functions) and reach
/// the caller's.
const OWN_FRAMES: f64 = 24.0;

thread_local! {
    /// The global `Error` constructor, whose `stackTraceLimit` V8 and JavaScriptCore read when
    /// an `Error` is made.
    static ERROR_CONSTRUCTOR: JsValue =
        Reflect::get(&js_sys::global(), &JsValue::from_str("Error")).unwrap_or(JsValue::UNDEFINED);
}

/// `new Error(message)`, with a stack that is worth its cost. A validation error is made
/// inside the method call, so its stack is made deep enough to show the caller's frames past
/// the package's own. Every other kind comes from the exchange or the session, nearly always
/// in a microtask, where the stack would hold only the package's frames, so it gets none
/// (capturing them cost V8 about 13 µs an error).
/// Engines without a numeric `Error.stackTraceLimit` are left alone, and the page's limit is
/// put back before this returns.
fn new_error(message: &str, reaches_caller: bool) -> js_sys::Error {
    let key = js_text("stackTraceLimit");
    ERROR_CONSTRUCTOR.with(|constructor| {
        let Some(saved) = Reflect::get(constructor, &key)
            .ok()
            .and_then(|v| v.as_f64())
        else {
            return js_sys::Error::new(message);
        };
        let limit = if reaches_caller {
            saved + OWN_FRAMES
        } else {
            0.0
        };
        let _ = Reflect::set(constructor, &key, &JsValue::from_f64(limit));
        let error = js_sys::Error::new(message);
        let _ = Reflect::set(constructor, &key, &JsValue::from_f64(saved));
        error
    })
}

/// Builds the JS `AgentApiError` for `err`.
pub fn to_js(err: &Error) -> JsValue {
    let reaches_caller = matches!(err.kind, ErrorKind::Validation(_));
    let js = new_error(&err.to_string(), reaches_caller);
    js.set_name("AgentApiError");
    let obj: Assignable = js.unchecked_into();
    set(&obj, "kind", err.kind_name());
    set(&obj, "operation", err.operation);
    match &err.kind {
        ErrorKind::Validation(v) => {
            set(&obj, "field", v.field.as_str());
            set(&obj, "rule", v.rule);
            set(&obj, "expected", v.expected.as_str());
            set(&obj, "value", v.value.as_str());
        }
        ErrorKind::Network { .. } | ErrorKind::Aborted => {}
        ErrorKind::Timeout { timeout_ms } => set(&obj, "timeoutMs", *timeout_ms),
        ErrorKind::Http { status, body } => {
            set(&obj, "status", *status);
            set(&obj, "body", body.as_str());
        }
        ErrorKind::Service {
            retcode,
            message,
            meaning,
        } => {
            set(&obj, "retcode", retcode.as_str());
            set(&obj, "serverMessage", message.as_str());
            set(
                &obj,
                "meaning",
                meaning.map(JsValue::from_str).unwrap_or(JsValue::NULL),
            );
        }
        ErrorKind::Decode { path, .. } => set(&obj, "path", path.as_str()),
        ErrorKind::State { .. } | ErrorKind::Internal => {}
        ErrorKind::Outcome { event_type } => set(&obj, "eventType", event_type.as_str()),
    }
    obj.into()
}

impl From<Error> for JsValue {
    fn from(err: Error) -> Self {
        to_js(&err)
    }
}

/// Keeps a panic from poisoning the module. With `panic = "abort"` a panic traps (the call
/// throws a `RuntimeError`) and leaves Rust's memory in an unknown state; this hook asks
/// wasm-bindgen's glue to replace the instance with a fresh one before the next call into
/// the module. Clients created before the panic then throw "Invalid stale object from
/// previous Wasm instance" instead of touching stale memory; new clients work. Calls still
/// pending reject with kind "internal".
#[wasm_bindgen(start)]
fn install_panic_recovery() {
    std::panic::set_hook(Box::new(|_| {
        wasm_bindgen::handler::schedule_reinit();
        // The old instance's callbacks that JS still holds throw "Cannot invoke closure from
        // previous WASM instance" when called; from a timer or an event listener that is an
        // uncaught exception, which ends a Node process. So its timers are cleared and its
        // `abort` listeners removed (promise reactions are handled in `crate::settle`), and
        // its pending calls, which would otherwise never settle, are rejected.
        crate::timer::disarm_all();
        crate::run::reject_all(internal_error);
    }));
}

/// The error a pending call gets when a panic restarts the module. [`to_js`] is safe here:
/// the one cache it uses ([`js_text`]) gives an uncached copy if the panic left it borrowed.
fn internal_error(operation: &'static str) -> JsValue {
    to_js(&Error::new(operation, ErrorKind::Internal))
}

/// Test-only trigger (hidden from the TypeScript declarations): panics inside the module so
/// the JS tests can show that the next call still works. With `later`, the panic strikes in a
/// promise reaction, as one in a call's response handling would, and the returned promise is
/// that call's.
#[wasm_bindgen(js_name = __panicForTest, skip_typescript)]
#[allow(clippy::panic)]
pub fn panic_for_test(later: Option<bool>) -> JsValue {
    if later == Some(true) {
        return crate::run::promise_later("__panicForTest", async {
            panic!("panic requested by a test, in a promise reaction")
        })
        .into();
    }
    panic!("panic requested by a test");
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn frames(error: &JsValue) -> usize {
        let stack = Reflect::get(error, &JsValue::from_str("stack")).ok();
        let stack = stack.and_then(|s| s.as_string()).unwrap_or_default();
        stack
            .lines()
            .filter(|l| l.trim_start().starts_with("at "))
            .count()
    }

    fn limit() -> Option<f64> {
        ERROR_CONSTRUCTOR.with(|c| {
            Reflect::get(c, &JsValue::from_str("stackTraceLimit"))
                .ok()?
                .as_f64()
        })
    }

    #[wasm_bindgen_test]
    fn only_validation_errors_capture_a_stack_and_the_limit_is_put_back() {
        let before = limit();
        assert!(before.is_some(), "V8 has a numeric Error.stackTraceLimit");
        let aborted = to_js(&Error::new("intercept", ErrorKind::Aborted));
        assert_eq!(
            frames(&aborted),
            0,
            "an error made outside the caller's call has no frames"
        );
        let invalid = crate::validation::required("fileName", "")
            .err()
            .map(|e| Error::validation("beginNetPlay", e));
        let invalid = to_js(&invalid.unwrap());
        assert!(frames(&invalid) > 0, "a validation error keeps its stack");
        assert!(invalid.is_instance_of::<js_sys::Error>() && is_agent_api_error(invalid));
        assert_eq!(limit(), before, "the page's limit is put back");
    }
}
