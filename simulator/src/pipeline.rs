//! Middleware around every route: idle sign-out check, preflight, body capture, request
//! log, outages, faults, CORS headers and the one-line stderr log.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::cors;
use crate::gateway;
use crate::reply;
use crate::state::{AppState, FaultKind, RequestRecord, TRAP_PREFIX};

/// Body fields whose values the request log never shows.
const SECRET_FIELDS: &[&str] = &["password", "serviceToken"];

/// The body for the request log: as sent, except that secret fields of a JSON object are
/// replaced by `<redacted>`.
fn redact_secrets(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let Ok(serde_json::Value::Object(mut map)) = serde_json::from_str::<serde_json::Value>(&text)
    else {
        return text;
    };
    let mut redacted = false;
    for key in SECRET_FIELDS {
        if let Some(v) = map.get_mut(*key) {
            *v = serde_json::Value::String("<redacted>".to_owned());
            redacted = true;
        }
    }
    if redacted {
        serde_json::Value::Object(map).to_string()
    } else {
        text
    }
}

/// Largest request body read.
const MAX_BODY: usize = 1 << 20;
/// Upper bound of a `delay` fault.
pub const MAX_DELAY_MS: u64 = 120_000;

/// Whether `path` belongs to the test-control API.
pub fn is_control(path: &str) -> bool {
    path == "/__sim" || path.starts_with("/__sim/")
}

/// The middleware.
pub async fn pipeline(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    app.lock().expire_idle(Instant::now());
    if path.starts_with(TRAP_PREFIX) {
        app.lock().trap_hits += 1;
        let mut resp = if method == Method::OPTIONS {
            cors::preflight()
        } else {
            StatusCode::NOT_FOUND.into_response()
        };
        cors::decorate(resp.headers_mut());
        eprintln!("{method} {path} {} (trap)", resp.status().as_u16());
        return resp;
    }
    let (mut resp, mut note) = if method == Method::OPTIONS {
        (cors::preflight(), "")
    } else {
        handle(&app, req, next, &path).await
    };
    // An outage that began while the request was being handled (a held poll) drops it too.
    if method != Method::OPTIONS && is_outage_path(&path) && app.lock().outage_active() {
        (resp, note) = (dropped(), " (outage)");
    }
    crate::timers::schedule(&app);
    cors::decorate(resp.headers_mut());
    if app.lock().drop_armed() {
        resp.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    eprintln!("{method} {path} {}{note}", resp.status().as_u16());
    resp
}

async fn handle(app: &AppState, req: Request, next: Next, path: &str) -> (Response, &'static str) {
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        let resp = reply::envelope_with(
            StatusCode::PAYLOAD_TOO_LARGE,
            reply::BAD_PARAM,
            "request body too large or unreadable",
            serde_json::json!(""),
        );
        return (resp, "");
    };
    let fault = if is_control(path) {
        None
    } else {
        let h = &parts.headers;
        let mut s = app.lock();
        let guid_state = gateway::guid_state(&s, path, h);
        s.log_request(RequestRecord {
            method: parts.method.to_string(),
            path: path.to_owned(),
            guid_present: h.contains_key("guid"),
            guid_state,
            content_type: h
                .get(header::CONTENT_TYPE)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned()),
            authorization_present: h.contains_key(header::AUTHORIZATION),
            body: redact_secrets(&bytes),
        });
        if is_outage_path(path) && s.outage_active() {
            return (dropped(), " (outage)");
        }
        s.take_fault(path)
    };
    let req = Request::from_parts(parts, Body::from(bytes));
    let Some(fault) = fault else {
        return (next.run(req).await, "");
    };
    match fault.kind {
        FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms.min(MAX_DELAY_MS))).await;
            (next.run(req).await, " (fault: delay)")
        }
        FaultKind::Status500 => (
            with_type(
                StatusCode::INTERNAL_SERVER_ERROR,
                "text/plain;charset=UTF-8",
                "Internal Server Error",
            ),
            " (fault: status500)",
        ),
        FaultKind::Html => (
            with_type(StatusCode::OK, "text/html;charset=UTF-8", HTML_PAGE),
            " (fault: html)",
        ),
        FaultKind::BadJson => (
            with_type(
                StatusCode::OK,
                reply::JSON_UTF8,
                r#"{"message":"","retcode":"0","result":{"#,
            ),
            " (fault: badJson)",
        ),
        FaultKind::EmptyBody => (
            with_type(StatusCode::OK, reply::JSON_UTF8, ""),
            " (fault: emptyBody)",
        ),
        FaultKind::Drop => (dropped(), " (fault: drop)"),
        FaultKind::ResetMidBody => {
            let mut resp = Response::new(Body::new(CutBody(None)));
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(reply::JSON_UTF8),
            );
            resp.headers_mut()
                .insert(header::CONTENT_LENGTH, HeaderValue::from_static("4096"));
            (resp, " (fault: resetMidBody)")
        }
        FaultKind::OversizedJson => {
            let body = format!(
                r#"{{"message":"{}","retcode":"0","result":{{}}}}"#,
                "x".repeat(OVERSIZED_MESSAGE_LEN)
            );
            let mut resp = (StatusCode::OK, body).into_response();
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(reply::JSON_UTF8),
            );
            (resp, " (fault: oversizedJson)")
        }
        FaultKind::TextPlainJson => (
            with_type(StatusCode::OK, "text/plain;charset=UTF-8", SUCCESS_ENVELOPE),
            " (fault: textPlainJson)",
        ),
        FaultKind::Binary => {
            let mut resp = (StatusCode::OK, Bytes::from_static(WAV_START)).into_response();
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            (resp, " (fault: binary)")
        }
        FaultKind::GatewayEnvelope => (
            with_type(StatusCode::OK, reply::JSON_UTF8, SUCCESS_ENVELOPE),
            " (fault: gatewayEnvelope)",
        ),
        FaultKind::Redirect => {
            let status = StatusCode::from_u16(fault.status).unwrap_or(StatusCode::FOUND);
            let mut resp = with_type(status, reply::JSON_UTF8, SUCCESS_ENVELOPE);
            if let Ok(location) = HeaderValue::from_str(&fault.location) {
                resp.headers_mut().insert(header::LOCATION, location);
            }
            (resp, " (fault: redirect)")
        }
        FaultKind::EndlessJson => {
            let mut resp = Response::new(Body::new(EndlessBody(0)));
            resp.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(reply::JSON_UTF8),
            );
            (resp, " (fault: endlessJson)")
        }
    }
}

/// Length of the padded `message` of an `oversizedJson` answer (5 MB).
pub const OVERSIZED_MESSAGE_LEN: usize = 5 * 1024 * 1024;
const SUCCESS_ENVELOPE: &str = r#"{"message":"success","retcode":"0","result":{}}"#;
const WAV_START: &[u8] =
    b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x40\x1f\x00\x00\xff\xfe";

/// Sends the start of a JSON envelope, waits so the head (with a longer `Content-Length`)
/// and the first bytes reach the client, then resets the connection.
#[derive(Debug)]
pub struct CutBody(Option<Pin<Box<tokio::time::Sleep>>>);

impl HttpBody for CutBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        let Some(sleep) = self.0.as_mut() else {
            self.0 = Some(Box::pin(tokio::time::sleep(Duration::from_millis(100))));
            return Poll::Ready(Some(Ok(http_body::Frame::data(Bytes::from_static(
                br#"{"message":"","retcode":"0","result":{"#,
            )))));
        };
        std::task::ready!(sleep.as_mut().poll(cx));
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionReset,
            "simulated reset mid-body",
        ))))
    }
}

/// Paths an outage drops: everything the gateway and CMS serve.
fn is_outage_path(path: &str) -> bool {
    path.starts_with("/agentgateway/") || path.starts_with("/rest/")
}

/// A response whose body fails at once: the connection closes with no response.
fn dropped() -> Response {
    Response::new(Body::new(FailingBody))
}

const HTML_PAGE: &str = "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>502 Bad Gateway</h1><p>The upstream server is unavailable.</p></body></html>";

fn with_type(status: StatusCode, content_type: &'static str, body: &'static str) -> Response {
    let mut resp = (status, body).into_response();
    resp.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

/// A JSON body that never ends: `{"message":"` and then 64 KiB chunks of `x` for as long as
/// the client reads, bounded at [`ENDLESS_MAX_BYTES`] so a forgotten client cannot keep a
/// test machine busy.
#[derive(Debug)]
pub struct EndlessBody(u64);

/// Where an `endlessJson` body gives up (8 GiB).
pub const ENDLESS_MAX_BYTES: u64 = 8 << 30;

impl HttpBody for EndlessBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        static CHUNK: [u8; 64 * 1024] = [b'x'; 64 * 1024];
        if self.0 >= ENDLESS_MAX_BYTES {
            return Poll::Ready(None);
        }
        let first = self.0 == 0;
        self.0 += CHUNK.len() as u64;
        Poll::Ready(Some(Ok(http_body::Frame::data(if first {
            Bytes::from_static(br#"{"retcode":"0","message":""#)
        } else {
            Bytes::from_static(&CHUNK)
        }))))
    }
}

/// A body whose first poll fails, so hyper aborts the connection before the buffered
/// response head is flushed: the client sees a network error, not a response.
#[derive(Debug)]
pub struct FailingBody;

impl HttpBody for FailingBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "simulated drop",
        ))))
    }
}

#[cfg(test)]
mod redaction_tests {
    use super::redact_secrets;

    #[test]
    fn passwords_and_tokens_never_reach_the_request_log() {
        let logged =
            redact_secrets(br#"{"password":"pw-123","phonenum":"70001","serviceToken":"tok"}"#);
        assert!(
            !logged.contains("pw-123") && !logged.contains("\"tok\""),
            "{logged}"
        );
        assert!(logged.contains("70001"));
        let plain = r#"{"fileName":"a.V3",  "ccId":1}"#;
        assert_eq!(
            redact_secrets(plain.as_bytes()),
            plain,
            "other bodies are logged as sent"
        );
        assert_eq!(redact_secrets(b"not json"), "not json");
    }
}
