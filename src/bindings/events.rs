//! The event poller and the ways to consume events: `on`, `onStatus`, `events()` (an async
//! iterator) and the outcome helpers (`beginNetPlayAndWait`, `interceptAndWait`).
//!
//! The poller is one async loop per client (`GET agentevent/{agentid}` again and again, as
//! [`PollPolicy`] decides). Stopping it aborts the poll in flight and its sleep, so no request,
//! timer or closure outlives the stop.

use super::agent::{
    call, decode_answer_as, exchange, iter_result, Agent, Answer, CallFilter, EventFilter, Poller,
    Stream, Waiter,
};
use super::convert::{decode, decode_optional, function_arg, options, string_arg, ExtraOptions};
use super::gateway::{AgentClient, Prepared};
use crate::agentevent::{PollEventsRequest, Polled, KNOWN_EVENTS};
use crate::client::GatewayClient;
use crate::client::AGENT_CLIENT;
use crate::error::{Error, ErrorKind};
use crate::onlineagent::RestRequest;
use crate::operation::FromEnvelope;
use crate::operation::{Ack, Operation};
use crate::qualitycontrol::InterceptRequest;
use crate::recordplay::NetPlayRequest;
use crate::registry::{get, register_versioned, unregister};
use crate::session::{Next, PollPolicy, PollStatus, StopReason};
use crate::slab::Slab;
use crate::timer::{sleep, AbortListener, Timer};
use crate::validation::invalid;
use crate::voicecall::{
    AnswerRequest, CallInnerRequest, CallInnerSkillRequest, CallOutRequest, CallSelector,
    CallStarted, ConfJoinRequest, GetHoldRequest, HoldRequest, InnerHelpRequest, TransferRequest,
    HELP_THREE_PARTY,
};
use js_sys::{Array, Function, Object, Promise, Reflect, Symbol};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

#[wasm_bindgen(typescript_custom_section)]
const TS_EVENTS: &'static str = r#"
/** Options of `startEvents` and `events`. */
export interface EventsOptions { signal?: AbortSignal; }
/** Options of the `...AndWait` helpers. */
export interface OutcomeOptions extends CallOptions {
  /** How long to wait for the outcome event after the request succeeded (default 30000 ms). */
  outcomeTimeoutMs?: number;
}
/** `using agent = new AgentClient(...)` frees the client at the end of the block (needs lib "esnext.disposable"). */
export interface AgentClient extends Disposable {
  /**
   * Calls `handler` for every event of the known `type` whose content decoded, so `content` is
   * always the typed payload; returns the unsubscribe function. Other events (vendor types
   * this version does not know, contents that did not decode) go to `on("*")` and
   * `onUnknownEvent`. A name outside `AgentEventMap` does not compile, and throws a
   * validation `AgentApiError` from JS.
   */
  on<K extends keyof AgentEventMap>(type: K, handler: (event: AgentEventMap[K]) => void): () => void;
}
"#;

/// Default wait for an outcome event.
pub const DEFAULT_OUTCOME_TIMEOUT_MS: u32 = 30_000;

fn now() -> f64 {
    js_sys::Date::now()
}

/// Starts the poller unless it is running. `caller` (an `AbortSignal`) stops it too.
pub fn start_poller(agent: &Rc<Agent>, caller: Option<&AbortSignal>) {
    if agent.polling() {
        return;
    }
    let Ok(controller) = AbortController::new() else {
        return agent.report(&PollStatus::Stopped {
            reason: StopReason::Stopped,
            message: Some("AbortController is unavailable".to_owned()),
        });
    };
    let reason = Rc::new(Cell::new(StopReason::Stopped));
    let caller_link = caller.map(|signal| {
        let (reason, controller) = (reason.clone(), controller.clone());
        AbortListener::new(signal, move || {
            reason.set(StopReason::Aborted);
            controller.abort();
        })
    });
    if caller.is_some_and(crate::transport::is_aborted) {
        return;
    }
    let signal = controller.signal();
    *agent.poller.borrow_mut() = Some(Poller {
        controller,
        reason: reason.clone(),
        _caller_link: caller_link,
    });
    crate::run::spawn_later(poll_loop(Rc::downgrade(agent), signal, reason));
}

/// Stops the poller, if running, recording `why`.
pub fn stop_poller(agent: &Agent, why: StopReason) {
    if let Some(p) = agent.poller.borrow().as_ref() {
        p.reason.set(why);
        p.controller.abort();
    }
}

async fn poll_loop(weak: Weak<Agent>, signal: AbortSignal, reason: Rc<Cell<StopReason>>) {
    let Some(agent) = weak.upgrade() else { return };
    let (timing, poll_timeout) = agent.client.poll_settings();
    let mut policy = PollPolicy::new(timing, now());
    agent.report(&PollStatus::Started);
    drop(agent);
    let mut last_error = None;
    loop {
        // Hold the agent only while working, so a dropped client is not kept alive by its poller.
        let Some(agent) = weak.upgrade() else { return };
        super::state::resync_in_poller(&agent, &signal).await;
        if signal.aborted() {
            break;
        }
        let outcome = call(
            &agent.client,
            &PollEventsRequest,
            poll_timeout,
            Some(&signal),
        )
        .await;
        if signal.aborted() {
            break;
        }
        agent.polls.set(agent.polls.get() + 1.0);
        let delay = match outcome {
            Ok(Polled(event)) => {
                let (next, status) = policy.on_success(event.is_some(), now());
                if let Some(s) = status {
                    agent.report(&s);
                    // Events may have been lost while polling failed: resync before the next poll.
                    if matches!(s, PollStatus::Recovered { .. }) {
                        super::state::resync(&agent);
                    }
                }
                if let Some(e) = event {
                    agent.dispatch(&e);
                }
                next
            }
            Err(e) => {
                let (next, statuses) = policy.on_failure(&e, now());
                for s in statuses
                    .iter()
                    .filter(|s| !matches!(s, PollStatus::Stopped { .. }))
                {
                    agent.report(s);
                }
                last_error = Some(e.to_string());
                next
            }
        };
        drop(agent);
        match delay {
            Next::Stop(why) => {
                reason.set(why);
                break;
            }
            // After an event the next poll goes out at once (a 0 ms timer would still cost ~1 ms).
            Next::PollAfter(ms) if ms <= 0.0 => {}
            Next::PollAfter(ms) => {
                if !sleep(ms, &signal).await {
                    break;
                }
            }
        }
    }
    let Some(agent) = weak.upgrade() else { return };
    let why = reason.get();
    *agent.poller.borrow_mut() = None;
    if why == StopReason::NotSignedIn {
        agent.phase.set(crate::session::Phase::SignedOut);
        super::state::record(&agent, crate::agentstate::Outcome::SignedOut);
    }
    let message = if matches!(why, StopReason::NotSignedIn | StopReason::GuidRejected) {
        last_error
    } else {
        None
    };
    agent.report(&PollStatus::Stopped {
        reason: why,
        message,
    });
    agent.close_event_consumers(why);
}

fn signal_option(
    operation: &'static str,
    options: Option<&JsValue>,
) -> Result<Option<AbortSignal>, Error> {
    Ok(super::convert::options(operation, options)?.signal)
}

/// The operation an outcome helper sends: its request, built for the client (again for a
/// resend), the check of its answer (which gives the ID of a call it started), and what
/// settles it.
struct Sent {
    operation: &'static str,
    prepare: Prepared,
    check: fn(&'static str, &Answer) -> Result<Option<String>, Error>,
    outcome: Outcome,
    /// What its success tells the live state.
    state_outcome: Option<crate::agentstate::Outcome>,
}

/// What settles an outcome helper: its success and failure events, and whose.
pub struct Outcome {
    /// Events that resolve it.
    pub succeed_on: &'static [&'static str],
    /// Events that reject it with kind `outcome`.
    pub fail_on: &'static [&'static str],
    /// Which call's events count.
    pub call: CallFilter,
}

/// What an operation's answer tells its outcome helper: the ID of the call it started, if any.
pub trait StartedCall {
    /// The new call's ID (`callOut`, `callInner`, ...); `None` for the other answers.
    fn started_call(self) -> Option<String>;
}

impl StartedCall for Ack {
    fn started_call(self) -> Option<String> {
        None
    }
}

impl StartedCall for CallStarted {
    fn started_call(self) -> Option<String> {
        Some(self.call_id)
    }
}

/// Checks an answer as an operation's output `T` (the helper resolves with the event, not
/// it); gives the ID of the call it started, if any.
fn check_answer<T: FromEnvelope + StartedCall>(
    operation: &'static str,
    answer: &Answer,
) -> Result<Option<String>, Error> {
    decode_answer_as::<T>(operation, answer).map(StartedCall::started_call)
}

/// `request`, then its outcome event, as the promise of a `...AndWait` helper: resolves with
/// the first event of `succeed_on`, rejects with kind "outcome" on one of `fail_on`. Only
/// this wrapper is generic; the waiting itself ([`send_and_wait`]) is one copy for every
/// helper.
pub(super) fn and_wait<O: Operation + 'static>(
    agent: Rc<Agent>,
    request: Result<O, Error>,
    options_value: Option<JsValue>,
    succeed_on: &'static [&'static str],
    fail_on: &'static [&'static str],
) -> Promise
where
    O::Output: StartedCall,
{
    let outcome = Outcome {
        succeed_on,
        fail_on,
        call: CallFilter::Any,
    };
    and_wait_on(agent, request.map(|op| (op, outcome)), options_value)
}

/// [`and_wait`] with the whole [`Outcome`] (e.g. only one call's events).
pub(super) fn and_wait_on<O: Operation + 'static>(
    agent: Rc<Agent>,
    request: Result<(O, Outcome), Error>,
    options_value: Option<JsValue>,
) -> Promise
where
    O::Output: StartedCall,
{
    let sent = request.map(|(op, outcome)| Sent {
        operation: O::LOG_NAME,
        state_outcome: op.outcome(),
        prepare: Box::new(move |c: &GatewayClient| c.prepare(&op)),
        check: check_answer::<O::Output>,
        outcome,
    });
    crate::run::promise_later(O::LOG_NAME, outcome(agent, sent, options_value))
}

async fn outcome(
    agent: Rc<Agent>,
    sent: Result<Sent, Error>,
    options_value: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    Ok(send_and_wait(agent, sent?, options_value).await?)
}

/// Registers a waiter for the outcome of `sent`, sends it, then waits for the outcome event
/// (the waiter is armed first, so an event that comes before the answer is not missed).
async fn send_and_wait(
    agent: Rc<Agent>,
    sent: Sent,
    options_value: Option<JsValue>,
) -> Result<JsValue, Error> {
    let operation = sent.operation;
    let extras = ExtraOptions::new(operation, options_value)?;
    let wait = extras.take("outcomeTimeoutMs");
    let wait_ms = if wait.is_undefined() {
        DEFAULT_OUTCOME_TIMEOUT_MS
    } else {
        let ms = wait.as_f64().filter(|f| f.fract() == 0.0).unwrap_or(-1.0) as i64;
        crate::config::timeout_ms("options.outcomeTimeoutMs", ms)
            .map_err(|e| Error::validation(operation, e))?
    };
    let opts = options(operation, extras.rest().as_ref())?;
    // Bad input is a validation error, whether or not events are being polled.
    (sent.prepare)(&agent.client)?;
    if !agent.polling() {
        return Err(Error::new(
            operation,
            ErrorKind::State {
                message: "events are not being polled: sign in or call startEvents() first"
                    .to_owned(),
            },
        ));
    }
    let id = agent.next_id();
    let slots: Rc<Cell<Option<(Function, Function)>>> = Rc::new(Cell::new(None));
    let promise = Promise::new(&mut |resolve, reject| slots.set(Some((resolve, reject))));
    let Some((resolve, reject)) = slots.take() else {
        return Err(Error::new(
            operation,
            ErrorKind::State {
                message: "could not create a promise".to_owned(),
            },
        ));
    };
    agent.waiters.borrow_mut().push(Waiter {
        id,
        operation,
        succeed_on: sent.outcome.succeed_on,
        fail_on: sent.outcome.fail_on,
        call: sent.outcome.call,
        resolve,
        reject: reject.clone(),
    });
    let forget = |agent: &Agent| agent.waiters.borrow_mut().retain(|w| w.id != id);
    let client = &agent.client;
    let answer = exchange(
        client,
        operation,
        &|| (sent.prepare)(client),
        client.timeout_for(opts.core),
        opts.signal.as_ref(),
    )
    .await;
    match answer.and_then(|a| (sent.check)(operation, &a)) {
        Err(e) => {
            forget(&agent);
            return Err(e);
        }
        Ok(Some(call_id)) => agent.call_started(id, call_id),
        Ok(None) => {}
    }
    if let Some(outcome) = sent.state_outcome {
        super::state::record(&agent, outcome);
    }
    let _deadline = Timer::after(f64::from(wait_ms), move || {
        let err = Error::new(
            operation,
            ErrorKind::Timeout {
                timeout_ms: wait_ms,
            },
        );
        let _ = reject.call1(&JsValue::NULL, &err.into());
    });
    let weak = Rc::downgrade(&agent);
    drop(agent);
    let settled = crate::settle::settled(&promise).await;
    if let Some(agent) = weak.upgrade() {
        forget(&agent);
    }
    settled.map_err(|e| Error::new(operation, error_kind_of(&e)))
}

/// Rebuilds the kind of an `AgentApiError` that crossed a JS promise.
fn error_kind_of(value: &JsValue) -> ErrorKind {
    let text = |k: &str| {
        Reflect::get(value, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match text("kind").as_str() {
        "outcome" => ErrorKind::Outcome {
            event_type: text("eventType"),
        },
        "timeout" => ErrorKind::Timeout {
            timeout_ms: Reflect::get(value, &"timeoutMs".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u32,
        },
        _ => ErrorKind::State {
            message: text("message"),
        },
    }
}

#[wasm_bindgen]
impl AgentClient {
    /// Starts polling events (sign-in does this already). `signal` stops polling when aborted.
    #[wasm_bindgen(js_name = startEvents)]
    pub fn start_events(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "EventsOptions")] options: Option<JsValue>,
    ) -> Result<(), JsValue> {
        let signal = signal_option("getAgentEvent", options.as_ref())?;
        if !self.agent.client.has_guid() {
            return Err(Error::new("getAgentEvent", crate::operation::no_guid()).into());
        }
        let was_polling = self.agent.polling();
        start_poller(&self.agent, signal.as_ref());
        // A client given a saved Guid (`guid` in the config, `setGuid`) counts as signed in.
        if !was_polling && self.agent.polling() {
            super::state::record(&self.agent, crate::agentstate::Outcome::SignedIn);
            super::state::resync(&self.agent);
        }
        Ok(())
    }

    /// Stops polling events; streams end and pending outcome helpers reject.
    #[wasm_bindgen(js_name = stopEvents)]
    pub fn stop_events(&self) {
        stop_poller(&self.agent, StopReason::Stopped);
    }

    /// How many event polls have completed (answered or failed) since the client was created.
    #[wasm_bindgen(getter, js_name = pollCount)]
    pub fn poll_count(&self) -> f64 {
        self.agent.polls.get()
    }

    /// Whether events are being polled.
    #[wasm_bindgen(getter, js_name = polling)]
    pub fn polling(&self) -> bool {
        self.agent.polling()
    }

    /// With `"*"`: calls `handler` for every event, known or not (check `known`, then narrow
    /// on `eventType`); returns the unsubscribe function. Throws a validation `AgentApiError`
    /// unless `type` is `"*"` or a known event type and `handler` a function.
    #[wasm_bindgen(js_name = on, unchecked_return_type = "() => void")]
    pub fn on(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"*\"")] event_type: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(event: AgentEvent) => void")] handler: JsValue,
    ) -> Result<JsValue, JsValue> {
        let event_type = string_arg(AGENT_CLIENT, "type", &event_type, false)?;
        let filter = if event_type == "*" {
            EventFilter::All
        } else {
            let known = KNOWN_EVENTS.iter().find(|(t, _)| *t == event_type);
            let Some((known, _)) = known else {
                return Err(Error::validation(
                    AGENT_CLIENT,
                    invalid(
                        "type",
                        "oneOf",
                        "must be \"*\" or a known event type (onUnknownEvent gets the others)",
                        crate::validation::shown(&event_type),
                    ),
                )
                .into());
            };
            EventFilter::Known(known)
        };
        let handler = function_arg(AGENT_CLIENT, "handler", handler)?;
        let id = self.agent.add_listener(filter, handler);
        Ok(unsubscribe(&self.agent, id))
    }

    /// Calls `handler` for every `known: false` event: vendor event types this version does not
    /// know (the escape for them), and known types whose content did not decode (`problem` says
    /// why). Returns the unsubscribe function. Throws a validation `AgentApiError` unless
    /// `handler` is a function.
    #[wasm_bindgen(js_name = onUnknownEvent, unchecked_return_type = "() => void")]
    pub fn on_unknown_event(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(event: UnknownAgentEvent) => void")]
        handler: JsValue,
    ) -> Result<JsValue, JsValue> {
        let handler = function_arg(AGENT_CLIENT, "handler", handler)?;
        let id = self.agent.add_listener(EventFilter::Unknown, handler);
        Ok(unsubscribe(&self.agent, id))
    }

    /// Calls `handler` with the poller's status reports (failures, recovery, the 2-minute
    /// warning, stop); returns the unsubscribe function. Throws a validation `AgentApiError`
    /// unless `handler` is a function.
    #[wasm_bindgen(js_name = onStatus, unchecked_return_type = "() => void")]
    pub fn on_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "(status: PollStatus) => void")] handler: JsValue,
    ) -> Result<JsValue, JsValue> {
        let handler = function_arg(AGENT_CLIENT, "handler", handler)?;
        let id = self.agent.add_status_listener(handler);
        Ok(unsubscribe(&self.agent, id))
    }

    /// Every event from now on, as an async iterator (`for await (const e of client.events())`).
    /// It ends when polling stops, when `signal` aborts, or on `break`.
    #[wasm_bindgen(js_name = events, unchecked_return_type = "AsyncIterableIterator<AgentEvent>")]
    pub fn events(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "EventsOptions")] options: Option<JsValue>,
    ) -> Result<JsValue, JsValue> {
        let signal = signal_option("getAgentEvent", options.as_ref())?;
        let stream = Rc::new(Stream::default());
        if signal.as_ref().is_some_and(crate::transport::is_aborted) {
            stream.end();
        } else {
            self.agent.streams.borrow_mut().push(stream.clone());
        }
        Ok(iterator(Rc::downgrade(&self.agent), stream, signal))
    }

    /// `beginNetPlay`, then waits for its outcome: resolves with `AgentMediaEvent_Play_Succ`,
    /// rejects with kind "outcome" on `AgentMediaEvent_Play_Fail`, "timeout" after `outcomeTimeoutMs`.
    #[wasm_bindgen(js_name = beginNetPlayAndWait, unchecked_return_type = "Promise<AgentEventMap[\"AgentMediaEvent_Play_Succ\"]>")]
    pub fn begin_net_play_and_wait(
        &self,
        #[wasm_bindgen(unchecked_param_type = "NetPlayRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "OutcomeOptions")] options: Option<JsValue>,
    ) -> Promise {
        let request = decode::<NetPlayRequest>(NetPlayRequest::LOG_NAME, "request", &request);
        and_wait(
            self.agent.clone(),
            request,
            options,
            &["AgentMediaEvent_Play_Succ"],
            &["AgentMediaEvent_Play_Fail"],
        )
    }

    /// `intercept`, then waits for `AgentEvent_Talking` (the inspector now talks with the customer).
    #[wasm_bindgen(js_name = interceptAndWait, unchecked_return_type = "Promise<AgentEventMap[\"AgentEvent_Talking\"]>")]
    pub fn intercept_and_wait(
        &self,
        #[wasm_bindgen(unchecked_param_type = "InterceptRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "OutcomeOptions")] options: Option<JsValue>,
    ) -> Promise {
        let request = decode::<InterceptRequest>(InterceptRequest::LOG_NAME, "request", &request);
        and_wait(
            self.agent.clone(),
            request,
            options,
            &["AgentEvent_Talking"],
            &[],
        )
    }
}

// --- Outcome helpers of the agent-state operations (issue 16) ---

#[wasm_bindgen]
impl AgentClient {
    /// `rest`, then waits for `AgentState_SetRest_Success`, which the gateway sends after the
    /// call has returned (the wait starts before the request goes out, so it is never missed).
    #[wasm_bindgen(js_name = restAndWait, unchecked_return_type = "Promise<AgentEventMap[\"AgentState_SetRest_Success\"]>")]
    pub fn rest_and_wait(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RestRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "OutcomeOptions")] options: Option<JsValue>,
    ) -> Promise {
        let request = decode::<RestRequest>(RestRequest::LOG_NAME, "request", &request);
        and_wait(
            self.agent.clone(),
            request,
            options,
            &["AgentState_SetRest_Success"],
            &[],
        )
    }
}

// --- Outcome helpers of the call-control operations (issue 16) ---

/// Runs the outcome helper of `request`, whose [`Outcome`] `outcome_of` gives (one copy per
/// operation, shared by the three forms of [`call_and_wait!`]).
fn call_and_wait<O: Operation + 'static>(
    agent: Rc<Agent>,
    request: Result<O, Error>,
    options: Option<JsValue>,
    outcome_of: fn(&O) -> Outcome,
) -> Promise
where
    O::Output: StartedCall,
{
    let request = request.map(|op| {
        let outcome = outcome_of(&op);
        (op, outcome)
    });
    and_wait_on(agent, request, options)
}

/// An `AgentClient` outcome helper (`...AndWait`) of a call-control operation: `required`,
/// `optional` or no request (`none`), as the operation's own method; docs as
/// `#[doc = "..."]` (see `operation_with_request!`).
macro_rules! call_and_wait {
    ($(#[doc = $doc:tt])* $js:literal, $method:ident, $op:ty, required $request_ts:literal $(, wrap $wrap:expr)?; $returns:literal, $outcome:expr) => {
        #[wasm_bindgen]
        impl AgentClient {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $returns)]
            pub fn $method(
                &self,
                #[wasm_bindgen(unchecked_param_type = $request_ts)] request: JsValue,
                #[wasm_bindgen(unchecked_optional_param_type = "OutcomeOptions")] options: Option<JsValue>,
            ) -> Promise {
                let decoded = decode(<$op as Operation>::LOG_NAME, "request", &request);
                $(let decoded = decoded.map($wrap);)?
                call_and_wait::<$op>(self.agent.clone(), decoded, options, $outcome)
            }
        }
    };
    ($(#[doc = $doc:tt])* $js:literal, $method:ident, $op:ty, optional $request_ts:literal, wrap $wrap:expr; $returns:literal, $outcome:expr) => {
        #[wasm_bindgen]
        impl AgentClient {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $returns)]
            pub fn $method(
                &self,
                #[wasm_bindgen(unchecked_optional_param_type = $request_ts)] request: Option<JsValue>,
                #[wasm_bindgen(unchecked_optional_param_type = "OutcomeOptions")] options: Option<JsValue>,
            ) -> Promise {
                let decoded = decode_optional(<$op as Operation>::LOG_NAME, "request", request.as_ref());
                call_and_wait::<$op>(self.agent.clone(), decoded.map($wrap), options, $outcome)
            }
        }
    };
    ($(#[doc = $doc:tt])* $js:literal, $method:ident, $op:expr, none; $returns:literal, $outcome:expr) => {
        #[wasm_bindgen]
        impl AgentClient {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $returns)]
            pub fn $method(
                &self,
                #[wasm_bindgen(unchecked_optional_param_type = "OutcomeOptions")] options: Option<JsValue>,
            ) -> Promise {
                call_and_wait(self.agent.clone(), Ok($op), options, $outcome)
            }
        }
    };
}

/// `AgentEvent_Talking` of the call `selected` names, else of any call.
fn talking_in(selected: &CallSelector) -> Outcome {
    Outcome {
        succeed_on: &[TALKING],
        fail_on: &[],
        call: selected
            .call_id
            .as_ref()
            .map_or(CallFilter::Any, |c| CallFilter::Call(c.0.clone())),
    }
}

/// The call being started talks (`succeed_on`), or fails with one of `fail_on`.
fn started(succeed_on: &'static [&'static str], fail_on: &'static [&'static str]) -> Outcome {
    Outcome {
        succeed_on,
        fail_on,
        call: CallFilter::Starting(Vec::new()),
    }
}

/// The events that end a transfer of `deviceType` in `mode` (the transfer page's events):
/// the agent leaves (release), the target takes over (success), the parties talk (talk) or
/// meet (three-party), the call comes back from the IVR (hang-up); `AgentEvent_Connect_Fail`
/// when the target cannot be reached.
fn transfer_outcome(t: &TransferRequest) -> Outcome {
    let succeed_on: &'static [&'static str] = match (t.device_type.0, t.mode.0) {
        (3, 1) => &["AgentEvent_ReturnFromIvr"],
        (5, 1) | (1..=4, 0) | (2, 3) => &["AgentEvent_Call_Release"],
        (5, 3) => &[TALKING],
        (5, 4) => &["AgentEvent_Conference"],
        _ => &["AgentEvent_SuccTransResult"],
    };
    Outcome {
        succeed_on,
        fail_on: &["AgentEvent_Connect_Fail"],
        call: CallFilter::Any,
    }
}

const TALKING: &str = "AgentEvent_Talking";
const INSIDE_CALL_FAIL: &[&str] = &["AgentEvent_Inside_Call_Fail"];

call_and_wait! {
    #[doc = " `answer`, then waits for `AgentEvent_Talking` (of the call `callId`, when given)."]
    "answerAndWait", answer_and_wait, AnswerRequest, optional "CallSelector", wrap AnswerRequest;
    "Promise<AgentEventMap[\"AgentEvent_Talking\"]>", |op| talking_in(&op.0)
}
call_and_wait! {
    #[doc = " `hold`, then waits for `AgentEvent_Hold` (its content is the held call's ID)."]
    "holdAndWait", hold_and_wait, HoldRequest, none;
    "Promise<AgentEventMap[\"AgentEvent_Hold\"]>",
    |_| Outcome { succeed_on: &["AgentEvent_Hold"], fail_on: &[], call: CallFilter::Any }
}
call_and_wait! {
    #[doc = " `getHold` (unhold), then waits for `AgentEvent_Talking` (of the call `callId`, when given)."]
    "getHoldAndWait", get_hold_and_wait, GetHoldRequest, optional "CallSelector", wrap GetHoldRequest;
    "Promise<AgentEventMap[\"AgentEvent_Talking\"]>", |op| talking_in(&op.0)
}
call_and_wait! {
    #[doc = " `callout`, then waits for the new call: resolves on its `AgentEvent_Talking`, rejects with kind"]
    #[doc = " \"outcome\" on its `AgentEvent_Call_Out_Fail` (busy) or `AgentEvent_Connect_Fail` (no answer)."]
    "callOutAndWait", call_out_and_wait, CallOutRequest, required "DialRequest", wrap CallOutRequest;
    "Promise<AgentEventMap[\"AgentEvent_Talking\"]>",
    |_| started(&[TALKING], &["AgentEvent_Call_Out_Fail", "AgentEvent_Connect_Fail"])
}
call_and_wait! {
    #[doc = " `callInner`, then waits for the new call: resolves on its `AgentEvent_Talking`, rejects with kind"]
    #[doc = " \"outcome\" on its `AgentEvent_Inside_Call_Fail`."]
    "callInnerAndWait", call_inner_and_wait, CallInnerRequest, required "DialRequest", wrap CallInnerRequest;
    "Promise<AgentEventMap[\"AgentEvent_Talking\"]>", |_| started(&[TALKING], INSIDE_CALL_FAIL)
}
call_and_wait! {
    #[doc = " `callInnerSkill`, then waits for the new call: resolves on its `AgentEvent_Talking`, rejects"]
    #[doc = " with kind \"outcome\" on its `AgentEvent_Inside_Call_Fail`."]
    "callInnerSkillAndWait", call_inner_skill_and_wait, CallInnerSkillRequest, required "CallInnerSkillRequest";
    "Promise<AgentEventMap[\"AgentEvent_Talking\"]>", |_| started(&[TALKING], INSIDE_CALL_FAIL)
}
call_and_wait! {
    #[doc = " `innerHelp`, then waits for the helper: resolves on `AgentEvent_Talking` (two-party) or"]
    #[doc = " `AgentEvent_Conference` (three-party, mode 2) of its call, rejects with kind \"outcome\" on"]
    #[doc = " `AgentEvent_Consult_Fail`."]
    "innerHelpAndWait", inner_help_and_wait, InnerHelpRequest, required "InnerHelpRequest";
    "Promise<AgentEventMap[\"AgentEvent_Talking\"] | AgentEventMap[\"AgentEvent_Conference\"]>",
    |op| {
        let three_party = op.mode.is_some_and(|m| m.0 == HELP_THREE_PARTY);
        let succeed_on: &'static [&'static str] =
            if three_party { &["AgentEvent_Conference"] } else { &[TALKING] };
        started(succeed_on, &["AgentEvent_Consult_Fail"])
    }
}
call_and_wait! {
    #[doc = " `confJoin`, then waits for `AgentEvent_Conference` (the three-party call and its partners)."]
    "confJoinAndWait", conf_join_and_wait, ConfJoinRequest, required "ConfJoinRequest";
    "Promise<AgentEventMap[\"AgentEvent_Conference\"]>",
    |_| Outcome { succeed_on: &["AgentEvent_Conference"], fail_on: &[], call: CallFilter::Any }
}
call_and_wait! {
    #[doc = " `transfer`, then waits for the event that ends it in its mode: `AgentEvent_Call_Release`"]
    #[doc = " (release), `AgentEvent_SuccTransResult` (success), `AgentEvent_Talking` (talk, external),"]
    #[doc = " `AgentEvent_Conference` (three-party, external), `AgentEvent_ReturnFromIvr` (IVR hang-up);"]
    #[doc = " rejects with kind \"outcome\" on `AgentEvent_Connect_Fail`."]
    "transferAndWait", transfer_and_wait, TransferRequest, required "TransferRequest";
    "Promise<KnownAgentEvent>", transfer_outcome
}

/// A function that removes subscription `id` (safe to call more than once).
pub(super) fn unsubscribe(agent: &Rc<Agent>, id: u32) -> JsValue {
    let weak = Rc::downgrade(agent);
    Closure::<dyn FnMut()>::new(move || {
        if let Some(agent) = weak.upgrade() {
            agent.remove_listener(id);
        }
    })
    .into_js_value()
}

/// Ends `stream` and forgets it.
fn end_stream(agent: &Weak<Agent>, stream: &Rc<Stream>) {
    stream.end();
    if let Some(agent) = agent.upgrade() {
        agent
            .streams
            .borrow_mut()
            .retain(|s| !Rc::ptr_eq(s, stream));
    }
}

thread_local! {
    /// The running iterators, by the handle their `next` and `return` are bound to. A stream
    /// leaves when it ends (or its client is dropped), so an ended iterator holds nothing in
    /// the module. Weak: the agent's `streams` own them.
    static ITERATORS: RefCell<Slab<(Weak<Agent>, Weak<Stream>)>> = RefCell::new(Slab::default());
    /// `next(index, generation, buffer)` and `return(index, generation)`, made once: every
    /// iterator binds them to its own handle and buffer.
    static METHODS: (Function, Function) = (
        Closure::<dyn FnMut(u32, u32, Array) -> Promise>::new(next).into_js_value().unchecked_into(),
        Closure::<dyn FnMut(u32, u32) -> Promise>::new(ret).into_js_value().unchecked_into(),
    );
}

/// A running stream's registry entry and its caller's signal's listener; dropped when the
/// stream ends.
pub struct Link {
    index: u32,
    _abort: Option<AbortListener>,
}

impl Drop for Link {
    fn drop(&mut self) {
        unregister(&ITERATORS, self.index);
    }
}

/// A promise of `{ value: undefined, done: true }`.
fn done() -> Promise {
    Promise::resolve(&iter_result(JsValue::UNDEFINED, true))
}

/// An iterator's `next()`: a buffered event, else the next one, else done.
fn next(index: u32, generation: u32, buffer: Array) -> Promise {
    if buffer.length() > 0 {
        return Promise::resolve(&iter_result(buffer.shift(), false));
    }
    match get(&ITERATORS, index, generation).and_then(|(_, s)| s.upgrade()) {
        Some(stream) if !stream.done.get() => Promise::new(&mut |resolve, reject| {
            let waiting = crate::run::Waiting::new(PollEventsRequest::LOG_NAME, reject);
            stream.pending.borrow_mut().push_back((resolve, waiting));
        }),
        _ => done(),
    }
}

/// An iterator's `return()` (also what `break` calls): ends the stream.
fn ret(index: u32, generation: u32) -> Promise {
    if let Some((agent, stream)) = get(&ITERATORS, index, generation) {
        if let Some(stream) = stream.upgrade() {
            end_stream(&agent, &stream);
        }
    }
    done()
}

/// The async-iterator object over `stream`: `next()`, `return()` and `[Symbol.asyncIterator]`.
fn iterator(agent: Weak<Agent>, stream: Rc<Stream>, signal: Option<AbortSignal>) -> JsValue {
    // A stream already ended (its signal aborted before `events()`) gets a handle that finds
    // nothing.
    let (index, generation) = if stream.done.get() {
        (u32::MAX, 0)
    } else {
        // Weak: the stream owns this listener, which must not keep the stream alive.
        let weak = Rc::downgrade(&stream);
        let handle = register_versioned(&ITERATORS, (agent.clone(), weak.clone()));
        let abort = signal.map(|signal| {
            AbortListener::new(&signal, move || {
                if let Some(stream) = weak.upgrade() {
                    end_stream(&agent, &stream);
                }
            })
        });
        *stream.link.borrow_mut() = Some(Link {
            index: handle.0,
            _abort: abort,
        });
        handle
    };
    let (index, generation) = (JsValue::from(index), JsValue::from(generation));
    let (next, ret) = METHODS.with(|(next, ret)| {
        (
            next.bind3(&JsValue::NULL, &index, &generation, &stream.buffer),
            ret.bind2(&JsValue::NULL, &index, &generation),
        )
    });
    let obj = Object::new();
    let _ = Reflect::set(&obj, &"next".into(), &next);
    let _ = Reflect::set(&obj, &"return".into(), &ret);
    // `Object.prototype.valueOf` returns `this`: exactly what `[Symbol.asyncIterator]` must do,
    // without creating a function from source (which a strict CSP forbids).
    let value_of = Reflect::get(&Object::new(), &"valueOf".into()).unwrap_or(JsValue::UNDEFINED);
    let _ = Reflect::set(&obj, &Symbol::async_iterator().into(), &value_of);
    obj.into()
}
