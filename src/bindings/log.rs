//! Optional logging: `setLogger(entry => ...)` receives one structured entry per request,
//! response, failure and poller status. Entries carry the operation, method, path, status,
//! duration and error text, never header values or bodies, so the `Guid`, passwords, AK/SK
//! and `Authorization` cannot reach a log.

use crate::error::Error;
use crate::http::{BodyLimit, HttpRequest, ResponseHead};
use crate::transport::{self, Response, Streamed};
use cec_agent_derive::Encode;
use js_sys::Function;
use std::cell::RefCell;
use tsify::Tsify;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

thread_local! {
    static LOGGER: RefCell<Option<Function>> = const { RefCell::new(None) };
}

/// One log entry.
#[derive(Debug, Clone, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct LogEntry {
    /// `debug` for requests, responses and aborted calls, `warn` for failures.
    #[tsify(type = "\"debug\" | \"warn\"")]
    pub level: &'static str,
    /// The vendor's log name of the operation.
    pub operation: &'static str,
    /// What happened.
    pub message: String,
    /// HTTP method, for request entries.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<&'static str>,
    /// URL path (and query), for request entries.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// HTTP status, for response entries.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// Time from request to response or failure.
    #[tsify(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<f64>,
}

/// Installs `logger` (or removes it with `null`). It is called synchronously; what it throws
/// is ignored. Anything but a function or `null` throws a validation `AgentApiError`.
#[wasm_bindgen(js_name = setLogger)]
pub fn set_logger(
    #[wasm_bindgen(unchecked_param_type = "((entry: LogEntry) => void) | null")] logger: JsValue,
) -> Result<(), JsValue> {
    let logger = if logger.is_null() || logger.is_undefined() {
        None
    } else {
        Some(super::convert::function_arg("setLogger", "logger", logger)?)
    };
    LOGGER.with(|l| *l.borrow_mut() = logger);
    Ok(())
}

fn enabled() -> bool {
    LOGGER.with(|l| l.borrow().is_some())
}

/// Sends `entry` to the logger, if one is installed.
pub fn emit(entry: LogEntry) {
    let Some(logger) = LOGGER.with(|l| l.borrow().clone()) else {
        return;
    };
    if let Ok(value) = super::convert::encode(entry.operation, &entry) {
        let _ = logger.call1(&JsValue::NULL, &value);
    }
}

/// Logs a failure of `operation`: `warn`, or `debug` for an abort, which the caller (or the
/// package stopping its own poller, as `signOut()` does) asked for.
pub fn failure(operation: &'static str, error: &Error, duration_ms: Option<f64>) {
    if enabled() {
        let aborted = matches!(error.kind, crate::error::ErrorKind::Aborted);
        emit(LogEntry {
            level: if aborted { "debug" } else { "warn" },
            operation,
            message: error.to_string(),
            method: None,
            path: None,
            status: None,
            duration_ms,
        });
    }
}

fn path_of(url: &str) -> String {
    let after_scheme = crate::text::split_once(url, "://").map_or(url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("/", |i| &after_scheme[i..])
        .to_owned()
}

/// [`transport::send`] with a request entry before and a response or failure entry after.
pub async fn exchange(
    operation: &'static str,
    req: &HttpRequest,
    timeout_ms: u32,
    limit: BodyLimit,
    signal: Option<&AbortSignal>,
) -> Result<Response, Error> {
    let send = transport::send(req, timeout_ms, limit, signal);
    logged(operation, req, |r: &Response| &r.head, send).await
}

/// [`transport::send_streaming`], logged as [`exchange`] is.
pub async fn exchange_streaming(
    operation: &'static str,
    req: &HttpRequest,
    timeout_ms: u32,
    sniff: u32,
    signal: Option<&AbortSignal>,
) -> Result<Streamed, Error> {
    let send = transport::send_streaming(req, timeout_ms, sniff, signal);
    logged(operation, req, |r: &Streamed| &r.head, send).await
}

/// Runs `send` with a request entry before and a response or failure entry after.
async fn logged<T>(
    operation: &'static str,
    req: &HttpRequest,
    head: fn(&T) -> &ResponseHead,
    send: impl std::future::Future<Output = Result<T, transport::Failure>>,
) -> Result<T, Error> {
    let logging = enabled();
    let start = logging.then(js_sys::Date::now);
    if logging {
        let message = format!("{} {}", req.method.as_str(), path_of(&req.url));
        emit(LogEntry {
            level: "debug",
            operation,
            message,
            method: Some(req.method.as_str()),
            path: Some(path_of(&req.url)),
            status: None,
            duration_ms: None,
        });
    }
    let result = send.await.map_err(|f| f.into_error(operation));
    if let Some(start) = start {
        let duration_ms = Some(js_sys::Date::now() - start);
        match &result {
            Ok(r) => {
                let status = head(r).status;
                emit(LogEntry {
                    level: "debug",
                    operation,
                    message: format!("http {status}"),
                    method: None,
                    path: None,
                    status: Some(status),
                    duration_ms,
                })
            }
            Err(e) => failure(operation, e, duration_ms),
        }
    }
    result
}
