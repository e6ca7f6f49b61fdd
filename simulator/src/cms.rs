//! CC-CMS `downloadRecordFile`, protected by C2 (auth-v2) signatures verified with the
//! library's own signer.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use cec_agent::cms::signing::{authorization, SigningInput, AUTH_VERSION, SIGNED_HEADERS};
use cec_agent::time::{parse_compact, parse_sign_timestamp};
use serde_json::json;

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

/// Checks `Authorization: auth-v2/{AK}/{timestamp}/host/{signature}` against a signature
/// recomputed over the request as received.
pub fn verify(config: &Config, method: &str, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> bool {
    let (Some(auth), Some(host), Ok(body)) = (
        header_str(headers, "authorization"),
        header_str(headers, "host"),
        std::str::from_utf8(body),
    ) else {
        return false;
    };
    let parts: Vec<&str> = auth.split('/').collect();
    let [version, ak, timestamp, signed, _signature] = parts.as_slice() else {
        return false;
    };
    if *version != AUTH_VERSION || *ak != config.ak || *signed != SIGNED_HEADERS {
        return false;
    }
    let Some(ts) = parse_sign_timestamp(timestamp) else {
        return false;
    };
    if (now_ms() / 1000 - ts).abs() > MAX_SKEW_SECS {
        return false;
    }
    let owned: Vec<(String, String)> = uri
        .query()
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    let query: Vec<(&str, &str)> = owned
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let expected = authorization(&SigningInput {
        access_key: &config.ak,
        secret_key: &config.sk,
        timestamp,
        method,
        path: uri.path(),
        query: &query,
        host,
        body,
    });
    constant_time_eq(expected.as_bytes(), auth.as_bytes())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
