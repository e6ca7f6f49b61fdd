//! Response builders: the CC-Gateway envelope, plain JSON, and the codes this simulator uses.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::state::SetGuidForm;

/// Content type of every JSON response, as the real servers send it.
pub const JSON_UTF8: &str = "application/json;charset=UTF-8";

/// Success.
pub const OK: &str = "0";
/// Parameters or address in the URL (or body) invalid.
pub const BAD_PARAM: &str = "000-002";
/// Sign-in parameter empty or invalid (also an invalid handshake `service_token`).
pub const BAD_SIGN_IN_PARAM: &str = "100-001";
/// Agent already signed in.
pub const ALREADY_SIGNED_IN: &str = "100-002";
/// Wrong user name or password.
pub const BAD_PASSWORD: &str = "100-004";
/// Agent not signed in / GUID mismatch.
pub const NOT_LOGGED_IN: &str = "100-006";
/// Invalid agent type at sign-in.
pub const BAD_AGENT_TYPE: &str = "100-012";
/// Documented netplay failure (meaning undocumented; the simulator uses "file not found").
pub const NOT_FOUND_100_018: &str = "100-018";
/// Rewind (backfast): wrong state.
pub const REWIND_WRONG_STATE: &str = "500-001";
/// Fast-forward (forefast): wrong state.
pub const FORWARD_WRONG_STATE: &str = "500-002";
/// Pause play: wrong state.
pub const PAUSE_WRONG_STATE: &str = "500-003";
/// Resume play: wrong state.
pub const RESUME_WRONG_STATE: &str = "500-005";
/// Start play: wrong state.
pub const PLAY_WRONG_STATE: &str = "500-007";
/// Stop play: wrong state.
pub const STOP_PLAY_WRONG_STATE: &str = "500-009";
/// Quality control: no permission.
pub const QC_NO_PERMISSION: &str = "900-002";
/// Quality control: resource unavailable.
pub const QC_UNAVAILABLE: &str = "900-003";
/// The only code documented for thirdPartyConfTransmitNum.
pub const TRANSMIT_FAILED: &str = "10001";

/// Message of every 100-006 answer, as observed on real gateways.
pub const NOT_LOGGED_IN_MSG: &str = "agent not login";

/// Result of a handler that may stop early with an error response.
pub type Reply = Result<Response, Response>;

/// Collapses a [`Reply`].
pub fn finish(r: Reply) -> Response {
    r.unwrap_or_else(|e| e)
}

/// A JSON response with the given status.
pub fn json(status: StatusCode, body: &Value) -> Response {
    let mut resp = (status, body.to_string()).into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(JSON_UTF8));
    resp
}

/// HTTP 200 gateway envelope.
pub fn envelope(retcode: &str, message: &str, result: Value) -> Response {
    envelope_with(StatusCode::OK, retcode, message, result)
}

/// Gateway envelope with an explicit HTTP status.
pub fn envelope_with(status: StatusCode, retcode: &str, message: &str, result: Value) -> Response {
    json(
        status,
        &json!({"message": message, "retcode": retcode, "result": result}),
    )
}

/// Success envelope with `result: {}` and an empty message.
pub fn ok_empty() -> Response {
    envelope(OK, "", json!({}))
}

/// Failure envelope. Failures carry `result: ""`, as observed on real gateways.
pub fn fail(retcode: &str, message: &str) -> Response {
    envelope(retcode, message, json!(""))
}

/// `000-002` naming the offending parameter.
pub fn bad_param(name: &str) -> Response {
    fail(BAD_PARAM, &format!("parameter {name} is invalid"))
}

/// Adds `Set-GUID: JSESSIONID=<guid>` (or the configured `form`) to a response, written
/// in exactly that case on HTTP/1 (see `header_case`).
pub fn set_guid(resp: &mut Response, guid: &str, form: SetGuidForm) {
    if let Some(Ok(v)) = form.value(guid).map(|v| HeaderValue::from_str(&v)) {
        resp.headers_mut().insert("set-guid", v);
        crate::header_case::preserve_set_guid_case(resp.extensions_mut());
    }
}

/// Error of the `/__sim/` control API.
pub fn control_error(status: StatusCode, message: &str) -> Response {
    json(status, &json!({"error": message}))
}
