//! CORS: every response is readable from any origin; preflights always succeed.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// Headers scripts may read (the GUID, download file names and types).
pub const EXPOSE_HEADERS: &str = "Set-GUID, Content-Disposition, Content-Type";
/// Methods allowed by preflight.
pub const ALLOW_METHODS: &str = "GET, POST, PUT, DELETE, OPTIONS";
/// Request headers allowed by preflight.
pub const ALLOW_HEADERS: &str = "Content-Type, Guid, Authorization, service_token";

/// Adds the headers every response carries.
pub fn decorate(headers: &mut HeaderMap) {
    headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    headers.insert(
        "access-control-expose-headers",
        HeaderValue::from_static(EXPOSE_HEADERS),
    );
}

/// Answer to an `OPTIONS` request on any path.
pub fn preflight() -> Response {
    let mut resp = StatusCode::NO_CONTENT.into_response();
    let h = resp.headers_mut();
    h.insert(
        "access-control-allow-methods",
        HeaderValue::from_static(ALLOW_METHODS),
    );
    h.insert(
        "access-control-allow-headers",
        HeaderValue::from_static(ALLOW_HEADERS),
    );
    h.insert("access-control-max-age", HeaderValue::from_static("600"));
    resp
}
