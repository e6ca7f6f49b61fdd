//! `agent.state` and `agent.subscribe`: the live state of [`crate::agentstate`] as a frozen JS
//! object, the same object until the machine reports a change, and its subscribers.
//!
//! `subscribe` is a getter that returns one function per client, bound to it, so it works
//! unbound (`useSyncExternalStore(agent.subscribe, () => agent.state)`) and keeps its identity
//! across renders (React subscribes again whenever `subscribe` changes).

use super::agent::{call, Agent};
use super::convert::{encode, function_arg};
use super::gateway::AgentClient;
use crate::agentevent::AgentEvent;
use crate::agentstate::{Machine, Outcome, Resync, ResyncCall};
use crate::calldata::{CallInfo, CallInfoRequest, CurrentCall};
use crate::client::AGENT_CLIENT;
use crate::error::Error;
use crate::error::ErrorKind;
use crate::onlineagent::AgentStatusRequest;
use crate::session::PollStatus;
use js_sys::{Array, Function, Object};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A resync is asked again (at most this often in all) when an event changed the state while
/// its answers were on the way: they may predate that event.
const RESYNC_ATTEMPTS: u32 = 3;

/// The live state behind one client.
pub struct LiveState {
    machine: RefCell<Machine>,
    /// The frozen JS snapshot of the machine's current revision, made on first read.
    cached: RefCell<Option<JsValue>>,
    listeners: RefCell<Vec<(u32, Function)>>,
    /// The bound `subscribe` function, made on first read.
    subscribe: RefCell<Option<Function>>,
    /// Changes made by events (a resync started before one is stale).
    event_changes: Cell<u64>,
    /// The latest resync's number (an older one's answer is dropped).
    resync_generation: Cell<u32>,
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
            event_changes: Cell::new(0),
            resync_generation: Cell::new(0),
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
    if live.machine.borrow_mut().apply(event, now()) {
        live.event_changes.set(live.event_changes.get() + 1);
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
/// means none). A failed call query keeps the calls the events built; a failed status query
/// fails the resync (logged; the state stays as the events made it).
async fn fetch_resync(agent: &Agent) -> Result<Resync, Error> {
    let client = &agent.client;
    let timeout_ms = client.timeout_for(Default::default());
    let status = call(client, &AgentStatusRequest, timeout_ms, None).await?;
    let current = CallInfoRequest {
        is_no_contain_last_call: Some(true),
    };
    let calls = match call(client, &current, timeout_ms, None).await {
        Ok(CurrentCall(call)) => Some(call.iter().map(resync_call).collect()),
        Err(Error {
            kind: ErrorKind::Service { retcode, .. },
            ..
        }) if retcode == "400-001" => Some(Vec::new()),
        Err(_) => None,
    };
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
    }
}

/// Rebuilds the state from the gateway (after a sign-in, a resume, a poller recovery), in the
/// background. A newer resync supersedes a running one; one whose answers may predate an
/// event that arrived meanwhile is asked again.
pub fn resync(agent: &Rc<Agent>) {
    let live = &agent.live;
    let generation = live.resync_generation.get().wrapping_add(1);
    live.resync_generation.set(generation);
    let weak = Rc::downgrade(agent);
    crate::run::spawn_later(async move {
        for _ in 0..RESYNC_ATTEMPTS {
            let Some(agent) = weak.upgrade() else { return };
            let seen = agent.live.event_changes.get();
            let fetched = fetch_resync(&agent).await;
            if agent.live.resync_generation.get() != generation {
                return;
            }
            match fetched {
                Ok(r) if agent.live.event_changes.get() == seen => {
                    if agent.live.machine.borrow_mut().resync(&r, now()) {
                        changed(&agent);
                    }
                    return;
                }
                Ok(_) => {}
                Err(e) => return super::log::failure("resync", &e, None),
            }
        }
    });
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
