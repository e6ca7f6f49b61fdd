//! `agent.state` and `agent.subscribe`: the live state of [`crate::agentstate`] as a frozen JS
//! object, the same object until the machine reports a change, and its subscribers.
//!
//! `subscribe` is a getter that returns one function per client, bound to it, so it works
//! unbound (`useSyncExternalStore(agent.subscribe, () => agent.state)`) and keeps its identity
//! across renders (React subscribes again whenever `subscribe` changes).

use super::agent::{call, exchange, Agent};
use super::convert::{encode, function_arg};
use super::gateway::AgentClient;
use crate::agentevent::AgentEvent;
use crate::agentstate::{Machine, Outcome, Resync, ResyncCall};
use crate::calldata::{CallInfo, CallInfoBeforeAnswerRequest, CallInfoRequest, CurrentCall};
use crate::client::AGENT_CLIENT;
use crate::error::Error;
use crate::error::ErrorKind;
use crate::onlineagent::AgentStatusRequest;
use crate::operation::{parse_as, Operation};
use crate::session::PollStatus;
use js_sys::{Array, Function, Object};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

/// The longest a resync's calls may take (the poller waits for them).
const RESYNC_TIMEOUT_MS: u32 = 10_000;

/// The live state behind one client.
pub struct LiveState {
    machine: RefCell<Machine>,
    /// The frozen JS snapshot of the machine's current revision, made on first read.
    cached: RefCell<Option<JsValue>>,
    listeners: RefCell<Vec<(u32, Function)>>,
    /// The bound `subscribe` function, made on first read.
    subscribe: RefCell<Option<Function>>,
    /// The events that arrived while a resync was on the way (`None`: none is): they are
    /// applied again on top of its answers, which may predate them.
    during_resync: RefCell<Option<Vec<AgentEvent>>>,
    /// The latest resync's number (an older one's answer is dropped).
    resync_generation: Cell<u32>,
    /// A resync the poller is to run before its next poll.
    resync_wanted: Cell<bool>,
}

fn now() -> i64 {
    js_sys::Date::now() as i64
}

impl LiveState {
    /// A signed-out agent, now.
    pub fn new() -> Self {
        Self {
            machine: RefCell::new(Machine::new(now())),
            cached: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            subscribe: RefCell::new(None),
            during_resync: RefCell::new(None),
            resync_generation: Cell::new(0),
            resync_wanted: Cell::new(false),
        }
    }

    /// Removes the subscriber `id`, if it is one.
    pub fn remove_listener(&self, id: u32) {
        self.listeners.borrow_mut().retain(|(i, _)| *i != id);
    }

    /// The frozen snapshot (the same object until the next change).
    fn snapshot_js(&self) -> JsValue {
        if let Some(v) = self.cached.borrow().as_ref() {
            return v.clone();
        }
        let value = encode(AGENT_CLIENT, self.machine.borrow().snapshot()).unwrap_or(JsValue::NULL);
        deep_freeze(&value);
        *self.cached.borrow_mut() = Some(value.clone());
        value
    }
}

/// Freezes `value` and everything in it (the snapshot is a small tree of plain objects).
fn deep_freeze(value: &JsValue) {
    if !value.is_object() {
        return;
    }
    if let Some(items) = value.dyn_ref::<Array>() {
        items.for_each(&mut |item, _, _| deep_freeze(&item));
    } else {
        Object::values(value.unchecked_ref::<Object>())
            .for_each(&mut |item, _, _| deep_freeze(&item));
    }
    Object::freeze(value.unchecked_ref::<Object>());
}

/// After a change: a new snapshot, then every subscriber with it (outside any borrow, so a
/// subscriber may read the state, subscribe or unsubscribe).
fn changed(agent: &Agent) {
    let live = &agent.live;
    *live.cached.borrow_mut() = None;
    let listeners: Vec<Function> = live
        .listeners
        .borrow()
        .iter()
        .map(|(_, f)| f.clone())
        .collect();
    if listeners.is_empty() {
        return;
    }
    let snapshot = live.snapshot_js();
    for listener in listeners {
        if let Err(thrown) = listener.call1(&JsValue::NULL, &snapshot) {
            agent.report(&PollStatus::ListenerFailed {
                event_type: "state".to_owned(),
                message: super::agent::describe(&thrown),
            });
        }
    }
}

/// Applies a polled event to the state.
pub fn apply_event(agent: &Agent, event: &AgentEvent) {
    let live = &agent.live;
    if let Some(events) = live.during_resync.borrow_mut().as_mut() {
        events.push(event.clone());
    }
    if live.machine.borrow_mut().apply(event, now()) {
        changed(agent);
    }
}

/// Applies what an operation's success tells.
pub fn record(agent: &Agent, outcome: Outcome) {
    if agent.live.machine.borrow_mut().record(outcome, now()) {
        changed(agent);
    }
}

/// What the gateway says now, for a resync: `getAgentStatus`, then `queryCallInfo` for the
/// call in progress (`isNoContainLastCall`: an ended call is not one the agent has; 400-001
/// means none), and when there is a call `queryCallInfoBeforeAnswer` (is it still ringing?).
/// A failed call query keeps the calls the events built; a failed status query fails the
/// resync (logged; the state stays as the events made it).
async fn fetch_resync(agent: &Agent, signal: Option<&AbortSignal>) -> Result<Resync, Error> {
    let client = &agent.client;
    let timeout_ms = client
        .timeout_for(Default::default())
        .min(RESYNC_TIMEOUT_MS);
    let status = call(client, &AgentStatusRequest, timeout_ms, signal).await?;
    let current = CallInfoRequest {
        is_no_contain_last_call: Some(true),
    };
    // Parsed here rather than by `call`, which would log the expected "no call" as a failure.
    let operation = CallInfoRequest::LOG_NAME;
    let answer = exchange(
        client,
        operation,
        &|| client.prepare(&current),
        timeout_ms,
        signal,
    )
    .await;
    let calls = match answer.and_then(|a| parse_as::<CurrentCall>(operation, &a.head, &a.body)) {
        Ok(CurrentCall(call)) => Some(call.iter().map(resync_call).collect()),
        Err(Error {
            kind: ErrorKind::Service { retcode, .. },
            ..
        }) if retcode == "400-001" => Some(Vec::new()),
        Err(e) => {
            super::log::failure(operation, &e, None);
            None
        }
    };
    let mut calls = calls;
    // A call the gateway reports rings or talks: the status code (7) is the same for both,
    // the calls waiting to be answered tell.
    if let Some(list) = calls.as_mut().filter(|l| !l.is_empty()) {
        if let Ok(waiting) = call(client, &CallInfoBeforeAnswerRequest, timeout_ms, signal).await {
            for c in list.iter_mut() {
                c.ringing = Some(waiting.0.iter().any(|w| w.callid.0 == c.call_id));
            }
        }
    }
    Ok(Resync {
        status_code: Some(status.agent_state.code()),
        calls,
    })
}

/// A `queryCallInfo` call as the machine takes it (the gateway has no hold list to ask).
fn resync_call(c: &CallInfo) -> ResyncCall {
    let text = |t: &Option<crate::de::Text>| t.as_ref().map(|t| t.0.clone());
    ResyncCall {
        call_id: c.callid.0.clone(),
        caller: text(&c.caller),
        called: text(&c.called),
        feature: c.callfeature.map(|f| f.0),
        held: None,
        ringing: None,
    }
}

/// Applies a resync's answers, then `events` again (see [`resync`]); notifies once.
fn apply_resync(agent: &Agent, fetched: Result<Resync, Error>, events: &[AgentEvent]) {
    let r = match fetched {
        Ok(r) => r,
        Err(e) => return super::log::failure("resync", &e, None),
    };
    let changed_any = {
        let mut machine = agent.live.machine.borrow_mut();
        let before = machine.snapshot().revision;
        let at = now();
        machine.resync(&r, at);
        for e in events {
            machine.apply(e, at);
        }
        machine.snapshot().revision != before
    };
    if changed_any {
        changed(agent);
    }
}

/// Rebuilds the state from the gateway (after a sign-in, a resume, a poller recovery). While
/// the poller runs, the poller does it before its next poll ([`resync_in_poller`]), so no
/// event is applied between the answers and the events after them. Otherwise in the
/// background: the answers, then the events that arrived meanwhile again (an event the answers
/// already reflect changes nothing the second time; one they predate is not lost). A newer
/// resync supersedes a running one.
pub fn resync(agent: &Rc<Agent>) {
    let live = &agent.live;
    if agent.polling() {
        return live.resync_wanted.set(true);
    }
    let generation = live.resync_generation.get().wrapping_add(1);
    live.resync_generation.set(generation);
    live.during_resync.borrow_mut().get_or_insert_with(Vec::new);
    let weak = Rc::downgrade(agent);
    crate::run::spawn_later(async move {
        let Some(agent) = weak.upgrade() else { return };
        let fetched = fetch_resync(&agent, None).await;
        if agent.live.resync_generation.get() == generation {
            let events = agent.live.during_resync.borrow_mut().take();
            apply_resync(&agent, fetched, &events.unwrap_or_default());
        }
    });
}

/// Runs a resync asked for while the poller runs, in the poller's task (`signal` stops it
/// with the poller).
pub async fn resync_in_poller(agent: &Agent, signal: &AbortSignal) {
    let live = &agent.live;
    if !live.resync_wanted.replace(false) {
        return;
    }
    // Supersedes a background resync still on the way.
    live.resync_generation
        .set(live.resync_generation.get().wrapping_add(1));
    let fetched = fetch_resync(agent, Some(signal)).await;
    let events = live.during_resync.borrow_mut().take();
    if !signal.aborted() {
        apply_resync(agent, fetched, &events.unwrap_or_default());
    }
}

/// `subscribe(listener)` of the client behind `weak`.
fn subscribe(weak: &Weak<Agent>, listener: JsValue) -> Result<JsValue, JsValue> {
    let listener = function_arg(AGENT_CLIENT, "listener", listener)?;
    let Some(agent) = weak.upgrade() else {
        return Err(Error::new(
            AGENT_CLIENT,
            crate::error::ErrorKind::State {
                message: "subscribe() on a freed client".to_owned(),
            },
        )
        .into());
    };
    let id = agent.next_id();
    agent.live.listeners.borrow_mut().push((id, listener));
    Ok(super::events::unsubscribe(&agent, id))
}

#[wasm_bindgen]
impl AgentClient {
    /// The live state: signed in or not, the agent's state (with its reason and, for a rest
    /// this client asked for, when it ends) and the calls the agent has. A frozen object, the
    /// same one until something changes; rebuilt from the gateway after every sign-in, resume
    /// and poller recovery.
    #[wasm_bindgen(getter, js_name = state, unchecked_return_type = "AgentSnapshot")]
    pub fn state(&self) -> JsValue {
        self.agent.live.snapshot_js()
    }

    /// `subscribe(listener)`: calls `listener` with the new `state` after every change and
    /// returns the unsubscribe function. The same function every time, bound to this client,
    /// so it can be passed on its own: `useSyncExternalStore(agent.subscribe, () => agent.state)`.
    /// Throws a validation `AgentApiError` unless `listener` is a function.
    #[wasm_bindgen(
        getter,
        js_name = subscribe,
        unchecked_return_type = "(listener: (state: AgentSnapshot) => void) => () => void"
    )]
    pub fn subscribe(&self) -> JsValue {
        let live = &self.agent.live;
        if let Some(f) = live.subscribe.borrow().as_ref() {
            return f.clone().into();
        }
        let weak = Rc::downgrade(&self.agent);
        let f: Function =
            Closure::<dyn FnMut(JsValue) -> Result<JsValue, JsValue>>::new(move |listener| {
                subscribe(&weak, listener)
            })
            .into_js_value()
            .unchecked_into();
        *live.subscribe.borrow_mut() = Some(f.clone());
        f.into()
    }
}
