//! The only code that performs I/O: one `fetch` call with a timeout and an optional
//! caller `AbortSignal`, through the *global* `fetch` (browsers and Node >= 18 alike).
//!
//! Every JS failure is turned into a [`Failure`]; nothing here can panic. The timer and the
//! abort listener are removed when the call ends, so no closure or timer outlives it.

use crate::error::{snippet, Error, ErrorKind};
use crate::http::{BodyLimit, HttpRequest, ResponseHead, Service, AUTHORIZATION};
use crate::js_object::plain_object;
use crate::js_text::js_text;
use crate::settle::settled;
use crate::timer::{AbortListener, Deadline};
use js_sys::{Object, Promise, Reflect, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{AbortController, AbortSignal};

// Strings cross as JS values from [`js_text`], not as `&str` (see that module).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = fetch)]
    fn global_fetch(url: &JsValue, init: &FetchInit) -> Result<Promise, JsValue>;

    /// The `fetch` init: a plain object.
    #[wasm_bindgen(extends = Object)]
    pub type FetchInit;
    #[wasm_bindgen(method, setter = method)]
    fn set_method(this: &FetchInit, value: &JsValue);
    #[wasm_bindgen(method, setter = headers)]
    fn set_headers(this: &FetchInit, value: &Object);
    #[wasm_bindgen(method, setter = body)]
    fn set_body(this: &FetchInit, value: &JsValue);
    #[wasm_bindgen(method, setter = signal)]
    fn set_signal(this: &FetchInit, value: &AbortSignal);
    #[wasm_bindgen(method, setter = redirect)]
    fn set_redirect(this: &FetchInit, value: &JsValue);

    /// A body stream, seen only for `getReader`.
    type BodyStream;
    #[wasm_bindgen(method, catch, js_name = getReader)]
    fn get_reader(this: &BodyStream) -> Result<BodyReader, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn tee(this: &BodyStream) -> Result<js_sys::Array, JsValue>;
    /// A `ReadableStreamDefaultReader`.
    type BodyReader;
    #[wasm_bindgen(method, catch)]
    fn read(this: &BodyReader) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn cancel(this: &BodyReader) -> Result<Promise, JsValue>;

    /// A response's `Headers`.
    #[wasm_bindgen(extends = Object)]
    type ResponseHeaders;
    #[wasm_bindgen(method, catch)]
    fn get(this: &ResponseHeaders, name: &JsValue) -> Result<Option<String>, JsValue>;
}

/// Why a call produced no response.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Connection refused, reset, DNS, CORS, or a body cut short.
    Network(String),
    /// The timeout expired.
    Timeout(u32),
    /// The caller's signal fired.
    Aborted,
    /// The server answered with a redirect, which is never followed (nothing documents one,
    /// and following it would send the `Guid` or the C2 signature elsewhere).
    Redirect {
        /// The 3xx status, or 0 where a browser hides it (an opaque redirect).
        status: u16,
        /// What the error says of the target ([`crate::http::redirect_target`]).
        target: String,
    },
    /// The body grew past the client's limit; reading stopped there.
    TooLarge(BodyLimit),
}

impl Failure {
    /// The typed error for `operation`.
    pub fn into_error(self, operation: &'static str) -> Error {
        let kind = match self {
            Failure::Network(message) => ErrorKind::Network { message },
            Failure::Timeout(timeout_ms) => ErrorKind::Timeout { timeout_ms },
            Failure::Aborted => ErrorKind::Aborted,
            Failure::Redirect { status, target } => ErrorKind::Http {
                status,
                body: format!(
                    "redirect to {target} not followed: CC-Gateway and CC-CMS answer directly, \
                     so the request was not sent anywhere else"
                ),
            },
            Failure::TooLarge(limit) => ErrorKind::Decode {
                path: "body".to_owned(),
                message: format!(
                    "longer than {} ({} bytes); reading stopped there",
                    limit.option, limit.bytes
                ),
            },
        };
        Error::new(operation, kind)
    }
}

/// A complete response: head plus the whole body, still in JS memory.
#[derive(Debug)]
pub struct Response {
    /// Status and the headers the client reads.
    pub head: ResponseHead,
    /// The body bytes.
    pub body: Uint8Array,
}

#[derive(Clone, Copy, PartialEq)]
enum Fired {
    Nothing,
    Timeout,
    Aborted,
}

/// Cancels the fetch on timeout or on the caller's abort; undoes both when dropped.
struct CancelGuard {
    fired: Rc<Cell<Fired>>,
    _deadline: Deadline,
    _on_abort: Option<AbortListener>,
}

impl CancelGuard {
    fn arm(controller: &AbortController, timeout_ms: u32, caller: Option<&AbortSignal>) -> Self {
        let fired = Rc::new(Cell::new(Fired::Nothing));
        let trigger = |what: Fired| {
            let (fired, controller) = (fired.clone(), controller.clone());
            move || {
                if fired.get() == Fired::Nothing {
                    fired.set(what);
                }
                controller.abort();
            }
        };
        Self {
            _deadline: Deadline::after(f64::from(timeout_ms), trigger(Fired::Timeout)),
            _on_abort: caller.map(|signal| AbortListener::new(signal, trigger(Fired::Aborted))),
            fired,
        }
    }
}

/// `signal.aborted` through `Reflect.get`, which catches what a throwing getter or proxy trap
/// throws; `None` unless it reads as a boolean.
pub fn read_aborted(signal: &JsValue) -> Option<bool> {
    Reflect::get(signal, &js_text("aborted"))
        .ok()
        .and_then(|v| v.as_bool())
}

/// Whether the caller's `signal` has fired. One whose flag cannot be read (a proxy that
/// throws) counts as fired: the call is cancelled rather than the module unwound.
pub fn is_aborted(signal: &AbortSignal) -> bool {
    read_aborted(signal).unwrap_or(true)
}

/// Sends `req` and reads the whole body, at most `limit` bytes of it, within `timeout_ms`,
/// unless `caller` aborts first.
pub async fn send(
    req: &HttpRequest,
    timeout_ms: u32,
    limit: BodyLimit,
    caller: Option<&AbortSignal>,
) -> Result<Response, Failure> {
    if caller.is_some_and(is_aborted) {
        return Err(Failure::Aborted);
    }
    let (controller, uses) = controllers::take().map_err(network)?;
    let deadline = js_sys::Date::now() + f64::from(timeout_ms);
    let signal = controller.signal();
    let sending = exchange(req, &signal, limit, deadline);
    let (result, fired) = guarded(&controller, timeout_ms, caller, sending).await;
    if !fired {
        // The exchange is over (body read or failed) and the signal never fired.
        controllers::give_back(controller, uses);
    }
    result
}

/// Runs `exchange` (which uses `controller`'s signal), cancelling it when `timeout_ms` passes
/// or `caller` aborts; a failure is then reported as what fired. Also says whether anything
/// fired. After a failure the controller is aborted: whatever is left of the response (a
/// redirect's or an over-long body) goes with the connection, and an aborted controller is
/// never pooled.
async fn guarded<T>(
    controller: &AbortController,
    timeout_ms: u32,
    caller: Option<&AbortSignal>,
    exchange: impl std::future::Future<Output = Result<T, Failure>>,
) -> (Result<T, Failure>, bool) {
    let guard = CancelGuard::arm(controller, timeout_ms, caller);
    let result = exchange.await;
    let fired = guard.fired.get();
    drop(guard);
    if result.is_err() {
        controller.abort();
    }
    let result = match (result, fired) {
        (Ok(value), _) => Ok(value),
        (Err(_), Fired::Timeout) | (Err(Failure::Timeout(_)), Fired::Nothing) => {
            Err(Failure::Timeout(timeout_ms))
        }
        (Err(_), Fired::Aborted) => Err(Failure::Aborted),
        (Err(e), Fired::Nothing) => Err(e),
    };
    (result, fired != Fired::Nothing)
}

/// `AbortController`s that cancelled nothing, kept for later calls: in Node 20 a controller's
/// signal costs about 3.5 µs to create (`makeTransferable`), a sixth of the package's own time
/// in a call, plus the garbage it leaves.
///
/// A controller is only handed back once its exchange is over and its signal never fired, so
/// no two requests share one at a time and an aborted signal is never reused. `fetch`
/// implementations leave an abort listener on the signal until the request object is
/// garbage-collected, so each controller is retired after [`MAX_USES`] requests: fewer
/// listeners than Node's leak warning (10) even if no collection ran in between.
mod controllers {
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;
    use web_sys::AbortController;

    /// Requests one controller serves before it is dropped.
    pub const MAX_USES: u8 = 8;
    /// Idle controllers kept (about the number of calls a page has in flight at once).
    const KEEP: usize = 8;

    thread_local! {
        static IDLE: RefCell<Vec<(AbortController, u8)>> = const { RefCell::new(Vec::new()) };
    }

    /// An idle controller, or a new one; with the number of requests it served.
    pub fn take() -> Result<(AbortController, u8), JsValue> {
        match IDLE.with(|idle| idle.borrow_mut().pop()) {
            Some(kept) => Ok(kept),
            None => Ok((AbortController::new()?, 0)),
        }
    }

    /// How many idle controllers are kept.
    pub fn idle() -> usize {
        IDLE.with(|idle| idle.borrow().len())
    }

    /// Keeps `controller` for a later request, unless it is used up or the pool is full.
    pub fn give_back(controller: AbortController, uses: u8) {
        let uses = uses.saturating_add(1);
        if uses >= MAX_USES || controller.signal().aborted() {
            return;
        }
        IDLE.with(|idle| {
            let mut idle = idle.borrow_mut();
            if idle.len() < KEEP {
                idle.push((controller, uses));
            }
        });
    }

    #[cfg(test)]
    mod tests {
        use super::{give_back, idle, take, IDLE, KEEP, MAX_USES};
        use wasm_bindgen_test::wasm_bindgen_test;

        #[wasm_bindgen_test]
        fn a_controller_that_fired_is_never_handed_out_again() {
            IDLE.with(|idle| idle.borrow_mut().clear());
            let (fired, uses) = take().unwrap();
            fired.abort();
            give_back(fired, uses);
            assert_eq!(idle(), 0);
            let (fresh, uses) = take().unwrap();
            assert!(!fresh.signal().aborted());
            give_back(fresh.clone(), uses);
            assert_eq!(idle(), 1);
            let (again, _) = take().unwrap();
            assert!(again == fresh, "an unfired controller is reused");
        }

        #[wasm_bindgen_test]
        fn each_controller_serves_a_bounded_number_of_requests() {
            IDLE.with(|idle| idle.borrow_mut().clear());
            let (first, mut uses) = take().unwrap();
            let mut served = 0;
            loop {
                served += 1;
                give_back(first.clone(), uses);
                let (next, n) = take().unwrap();
                if next != first {
                    break;
                }
                uses = n;
            }
            assert_eq!(served, usize::from(MAX_USES));
        }

        #[wasm_bindgen_test]
        fn the_pool_stays_bounded() {
            IDLE.with(|idle| idle.borrow_mut().clear());
            let taken: Vec<_> = (0..3 * KEEP).map(|_| take().unwrap()).collect();
            for (c, uses) in taken {
                give_back(c, uses);
            }
            assert_eq!(idle(), KEEP);
        }
    }
}

/// How many idle `AbortController`s the pool keeps.
pub fn idle_controllers() -> usize {
    controllers::idle()
}

/// The `fetch` init for `req`: method, headers (a plain object), body and the cancelling signal.
pub fn request_init(req: &HttpRequest, signal: Option<&AbortSignal>) -> FetchInit {
    let headers = plain_object();
    for (name, value) in &req.headers {
        // A C2 `Authorization` differs on every call: kept out of the cache, where it would
        // only push out the strings that do repeat.
        let value = if name.eq_ignore_ascii_case(AUTHORIZATION) {
            JsValue::from_str(value)
        } else {
            js_text(value)
        };
        headers.set(&js_text(name), &value);
    }
    let init: FetchInit = Object::new().unchecked_into();
    init.set_method(&js_text(req.method.as_str()));
    init.set_headers(&headers);
    // A redirect comes back as a response (Node: the 3xx; browsers: an opaque redirect),
    // never followed with the `Guid`, the password or the signature (see `exchange`).
    init.set_redirect(&js_text("manual"));
    if let Some(body) = &req.body {
        // As bytes: a copy out of wasm memory, cheaper than decoding it into a JS string.
        init.set_body(&Uint8Array::from(body.as_bytes()));
    }
    if let Some(signal) = signal {
        init.set_signal(signal);
    }
    init
}

async fn exchange(
    req: &HttpRequest,
    signal: &AbortSignal,
    limit: BodyLimit,
    deadline: f64,
) -> Result<Response, Failure> {
    let (response, head, declared) = respond(req, signal).await?;
    if declared.is_some_and(|n| n > u64::from(limit.bytes)) {
        return Err(Failure::TooLarge(limit));
    }
    let mut reader = Chunks::of(&response)?;
    let chunks = js_sys::Array::new();
    let mut total: u32 = 0;
    while let Some(chunk) = reader.next().await? {
        total = match total.checked_add(chunk.length()) {
            Some(t) if t <= limit.bytes => t,
            _ => return Err(Failure::TooLarge(limit)),
        };
        // Checked on every chunk: bounds the read even where a fast endless body keeps the
        // page's timers from running, as `arrayBuffer()` did in Chromium.
        if js_sys::Date::now() > deadline {
            return Err(Failure::Timeout(0));
        }
        chunks.push(&chunk);
    }
    Ok(Response {
        head,
        body: concat(&chunks, total),
    })
}

/// Sends `req` and waits for the response head: a redirect is refused here, and the
/// `Content-Length`, if any, is returned with it.
async fn respond(
    req: &HttpRequest,
    signal: &AbortSignal,
) -> Result<(web_sys::Response, ResponseHead, Option<u64>), Failure> {
    let init = request_init(req, Some(signal));
    let fetching = global_fetch(&js_text(&req.url), &init).map_err(network)?;
    let response: web_sys::Response = settled(&fetching)
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(|_| {
            Failure::Network("fetch resolved to something that is not a Response".to_owned())
        })?;
    let status = response.status();
    let headers: ResponseHeaders = response.headers().unchecked_into();
    let read = |name: &str| headers.get(&js_text(name)).ok().flatten();
    // `type` is "opaqueredirect" for a redirect a browser refused to follow.
    let opaque = Reflect::get(&response, &js_text("type"))
        .ok()
        .and_then(|t| t.as_string())
        .as_deref()
        == Some("opaqueredirect");
    if opaque || (300..400).contains(&status) {
        let target = crate::http::redirect_target(read("location").as_deref());
        return Err(Failure::Redirect { status, target });
    }
    let declared = read("content-length").and_then(|n| n.trim().parse::<u64>().ok());
    let head = ResponseHead {
        status,
        content_type: read("content-type"),
        set_guid: (req.service == Service::Gateway)
            .then(|| read("set-guid"))
            .flatten(),
        content_disposition: (req.service == Service::Cms)
            .then(|| read("content-disposition"))
            .flatten(),
    };
    Ok((response, head, declared))
}

/// The chunks of a body stream, read into JS memory (none of them enters the module).
struct Chunks(Option<BodyReader>);

impl Chunks {
    fn of(response: &web_sys::Response) -> Result<Self, Failure> {
        // `response.body`: a `ReadableStream`, or `null` for no body.
        Self::from_stream(&Reflect::get(response, &js_text("body")).unwrap_or_default())
    }

    fn from_stream(stream: &JsValue) -> Result<Self, Failure> {
        if stream.is_null() || stream.is_undefined() {
            return Ok(Self(None));
        }
        let reader = stream
            .unchecked_ref::<BodyStream>()
            .get_reader()
            .map_err(network)?;
        Ok(Self(Some(reader)))
    }

    /// The next chunk, or `None` at the end.
    async fn next(&mut self) -> Result<Option<Uint8Array>, Failure> {
        let Some(reader) = &self.0 else {
            return Ok(None);
        };
        let step = settled(&reader.read().map_err(network)?)
            .await
            .map_err(network)?;
        let field = |key: &str| Reflect::get(&step, &js_text(key)).unwrap_or_default();
        if field("done").as_bool() != Some(false) {
            self.0 = None;
            return Ok(None);
        }
        field("value")
            .dyn_into()
            .map(Some)
            .map_err(|_| Failure::Network("the body stream gave a non-byte chunk".to_owned()))
    }

    /// Stops reading; the stream's source is told to stop sending.
    fn cancel(self) {
        if let Some(Ok(cancelled)) = self.0.map(|r| r.cancel()) {
            // Only for its handlers: a rejection is never unhandled.
            drop(settled(&cancelled));
        }
    }
}

/// `chunks` (Uint8Arrays of `total` bytes in all) as one array, in JS memory.
fn concat(chunks: &js_sys::Array, total: u32) -> Uint8Array {
    if chunks.length() == 1 {
        return chunks.get(0).unchecked_into();
    }
    let body = Uint8Array::new_with_length(total);
    let mut at = 0;
    for chunk in chunks.iter() {
        let chunk: Uint8Array = chunk.unchecked_into();
        body.set(&chunk, at);
        at += chunk.length();
    }
    body
}

/// Cancels a body stream that will not be read (a [`Streamed`] failure), so its connection
/// is released.
pub fn cancel_stream(body: &JsValue) {
    if let Ok(chunks) = Chunks::from_stream(body) {
        chunks.cancel();
    }
}

/// A response whose body is handed over as a stream: its first bytes, read to decide what
/// it is, and the whole body still to read (those first bytes included).
#[derive(Debug)]
pub struct Streamed {
    /// Status and the headers the client reads.
    pub head: ResponseHead,
    /// `Content-Length`, if sent.
    pub declared: Option<u64>,
    /// At least `sniff` bytes from the start (fewer only when the body is shorter).
    pub prefix: Uint8Array,
    /// The whole body: a `ReadableStream` of Uint8Arrays (`null` when there is none).
    pub body: JsValue,
}

/// Sends `req` and reads the first `sniff` bytes of the body within `timeout_ms` (unless
/// `caller` aborts first); the rest is left to the caller's reading. The body is split with
/// `tee()`: the branch read here is cancelled once `sniff` bytes are in, after which the other
/// carries the body alone, without buffering it.
pub async fn send_streaming(
    req: &HttpRequest,
    timeout_ms: u32,
    sniff: u32,
    caller: Option<&AbortSignal>,
) -> Result<Streamed, Failure> {
    if caller.is_some_and(is_aborted) {
        return Err(Failure::Aborted);
    }
    // A controller of its own, never pooled: its signal stays tied to the body being read.
    let controller = AbortController::new().map_err(network)?;
    let signal = controller.signal();
    let sniffing = sniffed(req, &signal, sniff);
    guarded(&controller, timeout_ms, caller, sniffing).await.0
}

async fn sniffed(req: &HttpRequest, signal: &AbortSignal, sniff: u32) -> Result<Streamed, Failure> {
    let (response, head, declared) = respond(req, signal).await?;
    let stream = Reflect::get(&response, &js_text("body")).unwrap_or_default();
    let (mut probe, body) = if stream.is_null() || stream.is_undefined() {
        (Chunks(None), JsValue::NULL)
    } else {
        let branches = stream
            .unchecked_ref::<BodyStream>()
            .tee()
            .map_err(network)?;
        (Chunks::from_stream(&branches.get(0))?, branches.get(1))
    };
    let chunks = js_sys::Array::new();
    let mut total: u32 = 0;
    while total < sniff {
        let Some(chunk) = probe.next().await? else {
            break;
        };
        total = total.saturating_add(chunk.length());
        chunks.push(&chunk);
    }
    probe.cancel();
    Ok(Streamed {
        head,
        declared,
        prefix: concat(&chunks, total),
        body,
    })
}

/// Describes a JS failure value: `message`, plus Node's `cause` (`ECONNREFUSED`, `UND_ERR_SOCKET`).
fn network(value: JsValue) -> Failure {
    let text = |v: &JsValue, key: &str| {
        Reflect::get(v, &JsValue::from_str(key))
            .ok()
            .and_then(|s| s.as_string())
    };
    let mut message = text(&value, "message")
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "fetch failed".to_owned());
    if let Ok(cause) = Reflect::get(&value, &JsValue::from_str("cause")) {
        if let Some(detail) = text(&cause, "code").or_else(|| text(&cause, "message")) {
            message = format!("{message} ({detail})");
        }
    }
    Failure::Network(snippet(&message, 200))
}
