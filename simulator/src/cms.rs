//! CC-CMS `downloadRecordFile`, protected by C2 (auth-v2) signatures.
//!
//! The signature is checked with the simulator's own implementation of the vendor's algorithm
//! (`../shared/reference/cms-signature-example.py`), over the request as received: the `Host`
//! header as sent, the path, the raw query and the body bytes. It shares no code with the
//! client's signer, which a check built from the code under test would agree with.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use cec_agent::time::{parse_compact, parse_sign_timestamp};
use hmac::{Hmac, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};
use serde_json::json;
use sha2::Sha256;

use crate::params::{header_str, is_json_content_type, json_object, percent_decode, str_field};
use crate::reply;
use crate::state::{now_ms, AppState, Config};

/// Path of the operation.
pub const DOWNLOAD_PATH: &str = "/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile";

/// Largest accepted clock difference between the signature timestamp and now.
const MAX_SKEW_SECS: i64 = 15 * 60;

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new().route(DOWNLOAD_PATH, post(download))
}

fn cms_error(status: StatusCode, code: &str, desc: &str) -> Response {
    reply::json(
        status,
        &json!({"resultCode": code, "resultDesc": desc, "resultData": ""}),
    )
}

async fn download(
    State(app): State<AppState>,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !verify(&app.config, "POST", &uri, &headers, &body) {
        return cms_error(StatusCode::UNAUTHORIZED, "0401", "authentication failed");
    }
    if !is_json_content_type(&headers) {
        return cms_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "0415",
            "Content-Type must be application/json",
        );
    }
    let Some(map) = json_object(&body) else {
        return cms_error(StatusCode::OK, "1", "request body is not a JSON object");
    };
    let call_id = match str_field(&map, "callID") {
        Ok(Some(c)) if !c.is_empty() => c,
        _ => return cms_error(StatusCode::OK, "1", "callID is required"),
    };
    for name in ["workNo", "beginTime", "callerNo", "calleeNo"] {
        if str_field(&map, name).is_err() {
            return cms_error(StatusCode::OK, "1", &format!("{name} is invalid"));
        }
    }
    if let Ok(Some(t)) = str_field(&map, "beginTime") {
        if !t.is_empty() && parse_compact(t).is_none() {
            return cms_error(StatusCode::OK, "1", "beginTime is invalid");
        }
    }
    let found = app.lock().recordings.get(call_id).cloned();
    let Some(file) = found else {
        return reply::json(
            StatusCode::OK,
            &json!({"resultData": "", "resultCode": "1", "resultDesc": "Record List is empty"}),
        );
    };
    let mut resp = (StatusCode::OK, file.bytes).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(file.content_type),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file.file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

/// The parts of a received request that C2 signs, as received.
#[derive(Debug, Clone, Copy)]
pub struct C2Request<'a> {
    /// HTTP method.
    pub method: &'a str,
    /// Request path as received.
    pub path: &'a str,
    /// Raw query string (without `?`), empty when there is none.
    pub query: &'a str,
    /// The `Host` header value as received.
    pub host: &'a [u8],
    /// Body bytes as received.
    pub body: &'a [u8],
}

/// RFC 3986 unreserved characters stay; every other byte becomes `%XX`.
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

fn enc(bytes: &[u8]) -> String {
    percent_encoding::percent_encode(bytes, NOT_UNRESERVED).to_string()
}

/// Lower-case hex of HMAC-SHA256(`key`, `msg`).
fn hmac_hex(key: &[u8], msg: &[u8]) -> Option<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).ok()?;
    mac.update(msg);
    let digest = mac.finalize().into_bytes();
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

/// The `Authorization` value the vendor's C2 algorithm gives `req` signed with `ak`/`sk` at
/// `timestamp`, signing the `host` header only.
pub fn c2_authorization(
    ak: &str,
    sk: &str,
    timestamp: &str,
    req: &C2Request<'_>,
) -> Option<String> {
    let prefix = format!("auth-v2/{ak}/{timestamp}/host");
    let signing_key = hmac_hex(sk.as_bytes(), prefix.as_bytes())?;
    let mut canonical = format!("{}\n{}\n", req.method, req.path);
    if !req.query.is_empty() {
        let mut pairs: Vec<String> = req
            .query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                format!(
                    "{}={}",
                    enc(percent_decode(k).as_bytes()),
                    enc(percent_decode(v).as_bytes())
                )
            })
            .collect();
        pairs.sort();
        canonical.push_str(&pairs.join("&"));
        canonical.push('\n');
    }
    canonical.push_str("host\nhost:");
    canonical.push_str(&enc(req.host));
    if !req.body.is_empty() {
        canonical.push('\n');
        canonical.push_str(&enc(req.body));
    }
    let signature = hmac_hex(signing_key.as_bytes(), canonical.as_bytes())?;
    Some(format!("{prefix}/{signature}"))
}

/// Checks `Authorization: auth-v2/{AK}/{timestamp}/host/{signature}` against a signature
/// computed by [`c2_authorization`] over the request as received.
pub fn verify(config: &Config, method: &str, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> bool {
    let (Some(auth), Some(host)) = (
        header_str(headers, "authorization"),
        headers.get(header::HOST),
    ) else {
        return false;
    };
    let parts: Vec<&str> = auth.split('/').collect();
    let [version, ak, timestamp, signed, _signature] = parts.as_slice() else {
        return false;
    };
    if *version != "auth-v2" || *ak != config.ak || *signed != "host" {
        return false;
    }
    let Some(ts) = parse_sign_timestamp(timestamp) else {
        return false;
    };
    if (now_ms() / 1000 - ts).abs() > MAX_SKEW_SECS {
        return false;
    }
    let req = C2Request {
        method,
        path: uri.path(),
        query: uri.query().unwrap_or(""),
        host: host.as_bytes(),
        body,
    };
    c2_authorization(&config.ak, &config.sk, timestamp, &req)
        .is_some_and(|expected| constant_time_eq(expected.as_bytes(), auth.as_bytes()))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
