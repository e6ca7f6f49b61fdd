//! Writing `Set-GUID` with exactly the vendor's case on HTTP/1.
//!
//! Header names are case-insensitive, but clients that compare them exactly (Huawei's own
//! Java demo looks for `Set-GUID`) lose the session when they read `set-guid`, which is
//! how hyper writes every name (`http::HeaderName` is lower-case). Title-casing
//! (`title_case_headers`) would give `Set-Guid`, which is just as wrong.
//!
//! hyper 1.x writes a response's header names in their original case when the response
//! carries its `HeaderCaseMap` extension, but that type is private (hyperium/hyper#2695,
//! still open; #2511: "only useful for proxies right now"). What hyper does offer
//! publicly is the proxy case: with `preserve_header_case(true)`, a parsed request
//! carries the map of the case its names arrived in, and a response given that map is
//! written with it. So the simulator parses, once and in memory, one request whose only
//! header is `Set-GUID: x` with hyper's own HTTP/1 server, keeps the extensions hyper put
//! on it, and adds them to every response that sets the Guid. The bytes on the wire are
//! hyper's own, with the case taken from a message hyper parsed: no byte rewriting and no
//! fork. Should a hyper version stop recording the case, the header falls back to
//! lower case (and `tests/set_guid_case.rs` fails).

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::task::{Context, Poll, Waker};

use axum::body::Body;
use axum::http::{Extensions, Request, Response};
use hyper::body::Incoming;
use hyper::rt::{Read, ReadBufCursor, Write};

/// The one request parsed to learn the case.
const MESSAGE: &[u8] = b"GET / HTTP/1.0\r\nSet-GUID: x\r\n\r\n";
/// Polls allowed for the in-memory exchange (it needs a handful).
const MAX_POLLS: usize = 64;

static SET_GUID_CASE: OnceLock<Option<Extensions>> = OnceLock::new();

/// Adds the extensions that make hyper write `Set-GUID` in that case.
pub fn preserve_set_guid_case(extensions: &mut Extensions) {
    if let Some(learned) = SET_GUID_CASE.get_or_init(learn) {
        extensions.extend(learned.clone());
    }
}

/// The request side of the exchange: [`MESSAGE`], then end of stream; writes are dropped.
struct OneRequest(usize);

impl Read for OneRequest {
    fn poll_read(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
        mut buf: ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        let rest = &MESSAGE[self.0..];
        let n = rest.len().min(buf.remaining());
        buf.put_slice(&rest[..n]);
        self.0 += n;
        Poll::Ready(Ok(()))
    }
}

impl Write for OneRequest {
    fn poll_write(self: Pin<&mut Self>, _: &mut Context<'_>, b: &[u8]) -> Poll<io::Result<usize>> {
        Poll::Ready(Ok(b.len()))
    }
    fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
    fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// Serves [`MESSAGE`] with hyper (`preserve_header_case`) and returns the parsed
/// request's extensions. Everything is in memory and always ready, so the connection is
/// driven to its end by polling it directly.
fn learn() -> Option<Extensions> {
    let seen: Arc<Mutex<Option<Extensions>>> = Arc::default();
    let sink = Arc::clone(&seen);
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        *sink.lock().unwrap_or_else(PoisonError::into_inner) = Some(req.extensions().clone());
        std::future::ready(Ok::<_, Infallible>(Response::new(Body::empty())))
    });
    let mut conn = hyper::server::conn::http1::Builder::new()
        .preserve_header_case(true)
        .keep_alive(false)
        .serve_connection(OneRequest(0), service);
    let mut cx = Context::from_waker(Waker::noop());
    let finished = (0..MAX_POLLS).any(|_| Pin::new(&mut conn).poll(&mut cx).is_ready());
    let learned = seen.lock().unwrap_or_else(PoisonError::into_inner).take();
    if !finished || learned.is_none() {
        eprintln!("cec-sim: could not learn the Set-GUID header case; it is sent in lower case");
    }
    learned
}
