//! The state behind one `AgentClient`: the pure client (config + Guid), the sign-in phase,
//! the running event poller, and everyone listening for events.

use super::convert::encode;
use super::log;
use crate::agentevent::AgentEvent;
use crate::client::GatewayClient;
use crate::error::{Error, ErrorKind};
use crate::http::{HttpRequest, ResponseHead};
use crate::operation::{FromEnvelope, Operation};
use crate::session::{Phase, PollStatus, StopReason};
use js_sys::{Function, Reflect};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

/// Builds a request with the client's current Guid (called again for a resend).
pub type Prepare<'a> = &'a dyn Fn() -> Result<HttpRequest, Error>;

/// A raw answer: status, headers and body.
pub struct Answer {
    pub head: ResponseHead,
    pub body: Vec<u8>,
    /// Why a `Set-GUID` the answer carried was refused (the answer is still delivered).
    pub refused_rotation: Option<Error>,
}

/// Sends the request `prepare` builds and returns the raw answer, having taken any rotated Guid
/// (a malformed `Set-GUID` fails the call: see [`GatewayClient::take_rotated_guid`]).
///
/// A request can leave with a Guid that rotates before the gateway reads it (a browser may
/// queue it behind a held event poll). If the gateway refuses that Guid (100-006 / 000-003)
/// and a newer one has arrived meanwhile, the request is sent once more with the newer Guid:
/// a refused Guid means the operation was not performed, so this never duplicates it.
///
/// Not generic, so one copy of this future serves every operation.
pub async fn exchange(
    client: &GatewayClient,
    operation: &'static str,
    prepare: Prepare<'_>,
    timeout_ms: u32,
    signal: Option<&AbortSignal>,
) -> Result<Answer, Error> {
    let mut resent = false;
    loop {
        let sent_with = client.guid_changes();
        let http = prepare()?;
        let carried_guid = http.header("Guid").is_some();
        let response =
            log::exchange(operation, &http, timeout_ms, client.body_limit(), signal).await?;
        let refused_rotation = client.take_rotated_guid(operation, &response.head).err();
        if let Some(refused) = &refused_rotation {
            log::failure(operation, refused, None);
        }
        let answer = Answer {
            head: response.head,
            body: response.body.to_vec(),
            refused_rotation,
        };
        let rotated = carried_guid && client.guid_changes() != sent_with;
        if resent || !rotated || !guid_refused(operation, &answer) {
            return Ok(answer);
        }
        resent = true;
    }
}

fn guid_refused(operation: &'static str, answer: &Answer) -> bool {
    matches!(
        crate::envelope::open(operation, &answer.head, &answer.body),
        Err(Error { kind: ErrorKind::Service { ref retcode, .. }, .. }) if retcode == "100-006" || retcode == "000-003"
    )
}

/// Decodes an answer as `O`'s output, logging a failure.
pub fn decode_answer<O: Operation>(answer: &Answer) -> Result<O::Output, Error> {
    decode_answer_as(O::LOG_NAME, answer)
}

/// [`decode_answer`] by output type (one copy per output, not per operation).
pub fn decode_answer_as<T: FromEnvelope>(
    operation: &'static str,
    answer: &Answer,
) -> Result<T, Error> {
    let output = crate::operation::parse_as(operation, &answer.head, &answer.body);
    if let Err(e) = &output {
        log::failure(operation, e, None);
    }
    output
}

/// Sends `op` (see [`exchange`]) and decodes the answer.
pub async fn call<O: Operation>(
    client: &GatewayClient,
    op: &O,
    timeout_ms: u32,
    signal: Option<&AbortSignal>,
) -> Result<O::Output, Error> {
    let answer = exchange(
        client,
        O::LOG_NAME,
        &|| client.prepare(op),
        timeout_ms,
        signal,
    )
    .await?;
    decode_answer::<O>(&answer)
}

/// A running poller: abort `controller` to stop it; `reason` says why it stopped.
pub struct Poller {
    pub controller: AbortController,
    pub reason: Rc<Cell<StopReason>>,
    /// Keeps the caller's abort signal linked to `controller` while the poller runs.
    pub _caller_link: Option<crate::timer::AbortListener>,
}

/// Which events a listener gets.
pub enum EventFilter {
    /// Every event (`on("*")`).
    All,
    /// Events of one known type whose content decoded (`on(type)`), as the types promise.
    Known(&'static str),
    /// Every `known: false` event (`onUnknownEvent`): vendor types this version does not know,
    /// and known types whose content did not decode.
    Unknown,
}

impl EventFilter {
    fn accepts(&self, event: &AgentEvent) -> bool {
        match self {
            Self::All => true,
            Self::Known(t) => event.known && *t == event.event_type,
            Self::Unknown => !event.known,
        }
    }
}

/// One `on(type, handler)` or `onUnknownEvent(handler)` subscription.
struct Listener {
    id: u32,
    filter: EventFilter,
    handler: Function,
}

/// A pending outcome helper (e.g. `beginNetPlayAndWait`): settles on the first matching event.
pub struct Waiter {
    pub id: u32,
    pub operation: &'static str,
    pub succeed_on: &'static [&'static str],
    pub fail_on: &'static [&'static str],
    /// Whose events settle it.
    pub call: CallFilter,
    pub resolve: Function,
    pub reject: Function,
}

/// Which call's events settle a [`Waiter`].
pub enum CallFilter {
    /// Any call's (or events without a call).
    Any,
    /// Only events that name this call ID.
    Call(String),
    /// The call the operation is starting, whose ID its answer brings (`callOut`): until then
    /// the events of the waiter's types wait here, as they may arrive before the answer.
    Starting(Vec<AgentEvent>),
}

impl CallFilter {
    /// Whether an event of the waiter's types naming `call` (from [`event_call_id`]) settles
    /// it; a starting call keeps the event for later.
    fn admits(&mut self, event: &AgentEvent, call: Option<&str>) -> bool {
        match self {
            CallFilter::Any => true,
            CallFilter::Call(id) => call == Some(id.as_str()),
            CallFilter::Starting(early) => {
                early.push(event.clone());
                false
            }
        }
    }
}

/// The call ID an encoded event names: its content when that is a bare string, else the
/// content's `callid` or `callId`. (`value` is the package's own plain object.)
fn event_call_id(value: &JsValue) -> Option<String> {
    let content = Reflect::get(value, &"content".into()).ok()?;
    if let Some(id) = content.as_string() {
        return Some(id);
    }
    if !content.is_object() {
        return None;
    }
    ["callid", "callId"].iter().find_map(|k| {
        Reflect::get(&content, &JsValue::from_str(k))
            .ok()?
            .as_string()
    })
}

/// An `events()` async iterator's state while it runs.
#[derive(Default)]
pub struct Stream {
    /// Events no `next()` has taken yet. The iterator holds it too, so what is left is still
    /// delivered after the stream ends and the module has let go of it.
    pub buffer: js_sys::Array,
    /// The waiting `next()` calls, first first: each one's `resolve`, and its `reject` kept
    /// for the panic hook.
    pub pending: RefCell<VecDeque<(Function, crate::run::Waiting)>>,
    pub done: Cell<bool>,
    /// The iterator's registry entry and the caller's signal's listener, until the stream ends.
    pub link: RefCell<Option<super::events::Link>>,
}

impl Stream {
    /// Delivers `value` to the first waiting `next()`, or buffers it.
    pub fn push(&self, value: JsValue) {
        if self.done.get() {
            return;
        }
        let waiting = self.pending.borrow_mut().pop_front();
        match waiting {
            Some((resolve, _)) => {
                let _ = resolve.call1(&JsValue::NULL, &iter_result(value, false));
            }
            None => {
                self.buffer.push(&value);
            }
        }
    }

    /// Ends the iteration: every waiting `next()` resolves `{ done: true }`, and the stream
    /// leaves the registry and the caller's signal (whichever way it ends, so nothing of it
    /// is left behind).
    pub fn end(&self) {
        self.done.set(true);
        // Dropped outside the borrow; it may hold the listener running now (wasm-bindgen frees
        // a closure dropped during its own call once the call returns).
        let link = self.link.borrow_mut().take();
        drop(link);
        let waiting = std::mem::take(&mut *self.pending.borrow_mut());
        for (resolve, _) in waiting {
            let _ = resolve.call1(&JsValue::NULL, &iter_result(JsValue::UNDEFINED, true));
        }
    }
}

/// `{ value, done }`.
pub fn iter_result(value: JsValue, done: bool) -> JsValue {
    let obj = js_sys::Object::new();
    let _ = Reflect::set(&obj, &"value".into(), &value);
    let _ = Reflect::set(&obj, &"done".into(), &JsValue::from_bool(done));
    obj.into()
}

/// Everything behind one `AgentClient`.
pub struct Agent {
    pub client: GatewayClient,
    pub phase: Cell<Phase>,
    pub poller: RefCell<Option<Poller>>,
    /// Polls answered or failed since the client was created (for monitoring).
    pub polls: Cell<f64>,
    next_id: Cell<u32>,
    listeners: RefCell<Vec<Listener>>,
    status_listeners: RefCell<Vec<(u32, Function)>>,
    pub waiters: RefCell<Vec<Waiter>>,
    pub streams: RefCell<Vec<Rc<Stream>>>,
    /// The live state (`agent.state`) and its subscribers.
    pub live: super::state::LiveState,
}

impl Agent {
    /// A new agent around a validated client.
    pub fn new(client: GatewayClient) -> Self {
        Self {
            client,
            phase: Cell::new(Phase::default()),
            poller: RefCell::new(None),
            polls: Cell::new(0.0),
            next_id: Cell::new(1),
            listeners: RefCell::new(Vec::new()),
            status_listeners: RefCell::new(Vec::new()),
            waiters: RefCell::new(Vec::new()),
            streams: RefCell::new(Vec::new()),
            live: super::state::LiveState::new(),
        }
    }

    /// A fresh subscription ID.
    pub fn next_id(&self) -> u32 {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        id
    }

    /// Adds an event listener; returns its ID.
    pub fn add_listener(&self, filter: EventFilter, handler: Function) -> u32 {
        let id = self.next_id();
        self.listeners.borrow_mut().push(Listener {
            id,
            filter,
            handler,
        });
        id
    }

    /// Adds a status listener; returns its ID.
    pub fn add_status_listener(&self, handler: Function) -> u32 {
        let id = self.next_id();
        self.status_listeners.borrow_mut().push((id, handler));
        id
    }

    /// Removes the listener or status listener with `id`.
    pub fn remove_listener(&self, id: u32) {
        self.listeners.borrow_mut().retain(|l| l.id != id);
        self.status_listeners.borrow_mut().retain(|(i, _)| *i != id);
        self.live.remove_listener(id);
    }

    /// Whether the poller is running.
    pub fn polling(&self) -> bool {
        self.poller.borrow().is_some()
    }

    /// Delivers `event` to listeners, streams and waiters. Handlers are called outside any
    /// borrow, so they may subscribe, unsubscribe or call operations.
    pub fn dispatch(&self, event: &AgentEvent) {
        // The state first, so handlers of this event read the state it leads to.
        super::state::apply_event(self, event);
        let value = match encode("getAgentEvent", event) {
            Ok(v) => v,
            Err(e) => {
                return self.report(&PollStatus::ListenerFailed {
                    event_type: event.event_type.clone(),
                    message: e.to_string(),
                })
            }
        };
        let handlers: Vec<Function> = self
            .listeners
            .borrow()
            .iter()
            .filter(|l| l.filter.accepts(event))
            .map(|l| l.handler.clone())
            .collect();
        for handler in handlers {
            if let Err(thrown) = handler.call1(&JsValue::NULL, &value) {
                let message = describe(&thrown);
                self.report(&PollStatus::ListenerFailed {
                    event_type: event.event_type.clone(),
                    message,
                });
            }
        }
        let streams: Vec<Rc<Stream>> = self.streams.borrow().clone();
        for stream in streams {
            stream.push(value.clone());
        }
        self.settle_waiters(event, &value, None);
    }

    /// Settles the waiters (or only waiter `only`) that `event` (encoded as `value`) is the
    /// outcome of.
    fn settle_waiters(&self, event: &AgentEvent, value: &JsValue, only: Option<u32>) {
        let kind = event.event_type.as_str();
        let mut call = None;
        let settled: Vec<(Waiter, bool)> = {
            let mut waiters = self.waiters.borrow_mut();
            let mut out = Vec::new();
            let mut i = 0;
            while i < waiters.len() {
                let w = &mut waiters[i];
                let ok = w.succeed_on.contains(&kind);
                let relevant =
                    (ok || w.fail_on.contains(&kind)) && only.is_none_or(|id| id == w.id);
                if relevant
                    && w.call.admits(
                        event,
                        call.get_or_insert_with(|| event_call_id(value)).as_deref(),
                    )
                {
                    out.push((waiters.remove(i), ok));
                } else {
                    i += 1;
                }
            }
            out
        };
        for (waiter, ok) in settled {
            if ok && event.known {
                let _ = waiter.resolve.call1(&JsValue::NULL, value);
            } else if ok {
                // The outcome arrived, but not as the promised type.
                let problem = event.problem.as_deref().unwrap_or("did not decode");
                let err = Error::decode(waiter.operation, "event.content", problem);
                let _ = waiter.reject.call1(&JsValue::NULL, &err.into());
            } else {
                let err = Error::new(
                    waiter.operation,
                    ErrorKind::Outcome {
                        event_type: event.event_type.clone(),
                    },
                );
                let _ = waiter.reject.call1(&JsValue::NULL, &err.into());
            }
        }
    }

    /// The call waiter `id` waits for has started as `call_id`: from now on only its events
    /// settle the waiter, and those that arrived before are looked at first, in order.
    pub fn call_started(&self, id: u32, call_id: String) {
        let early = {
            let mut waiters = self.waiters.borrow_mut();
            let Some(w) = waiters.iter_mut().find(|w| w.id == id) else {
                return;
            };
            match std::mem::replace(&mut w.call, CallFilter::Call(call_id)) {
                CallFilter::Starting(early) => early,
                _ => Vec::new(),
            }
        };
        for event in early {
            if let Ok(value) = encode("getAgentEvent", &event) {
                self.settle_waiters(&event, &value, Some(id));
            }
        }
    }

    /// Tells status listeners about `status`.
    pub fn report(&self, status: &PollStatus) {
        if let PollStatus::PollFailed { message, .. }
        | PollStatus::Stopped {
            message: Some(message),
            ..
        } = status
        {
            log::emit(log::LogEntry {
                level: "warn",
                operation: "getAgentEvent",
                message: format!("event poller: {message}"),
                method: None,
                path: None,
                status: None,
                duration_ms: None,
            });
        }
        let Ok(value) = encode("getAgentEvent", status) else {
            return;
        };
        let handlers: Vec<Function> = self
            .status_listeners
            .borrow()
            .iter()
            .map(|(_, h)| h.clone())
            .collect();
        for handler in handlers {
            // A throwing status handler has nowhere further to report to; it must not stop polling.
            let _ = handler.call1(&JsValue::NULL, &value);
        }
    }

    /// After the poller stopped: end every stream and fail every pending outcome helper.
    pub fn close_event_consumers(&self, reason: StopReason) {
        let streams: Vec<Rc<Stream>> = self.streams.borrow_mut().drain(..).collect();
        for stream in streams {
            stream.end();
        }
        let waiters: Vec<Waiter> = self.waiters.borrow_mut().drain(..).collect();
        for w in waiters {
            let err = Error::new(
                w.operation,
                ErrorKind::State {
                    message: format!(
                        "event polling stopped ({reason:?}) before the outcome event arrived"
                    ),
                },
            );
            let _ = w.reject.call1(&JsValue::NULL, &err.into());
        }
    }
}

/// A thrown JS value as text.
pub fn describe(thrown: &JsValue) -> String {
    Reflect::get(thrown, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "a non-Error value was thrown".to_owned())
}
