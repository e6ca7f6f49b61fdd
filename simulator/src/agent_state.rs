//! An agent's own state (idle, busy, rest, wrap-up) under its calls, the status codes of
//! `getAgentStatus` (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0581.html>)
//! and the state changes with their events (section A of agent-shift-ops.md).
//!
//! A call is shown on top of the state: an agent with a call is "talking" (7), or
//! "pre-rest" (9) when it asked for a rest during the call. Asked during a call, busy, rest
//! and wrap-up take effect when the agent's last call ends ([`SimState::after_call`]).

use std::time::Duration;

use serde_json::{json, Value};

use crate::state::{now_ms, SimState};
use crate::timers::Deferred;

/// `getAgentStatus` codes (H-0581): 0 unknown, 1 signed in and 6 same as idle are
/// reserved and never sent by the simulator.
pub const SIGNED_OUT: u8 = 2;
/// Busy (not ready).
pub const BUSY: u8 = 3;
/// Idle (ready).
pub const IDLE: u8 = 4;
/// Wrap-up (work).
pub const WORK: u8 = 5;
/// Talking (also while a call rings or is held).
pub const TALKING: u8 = 7;
/// Rest.
pub const REST: u8 = 8;
/// Pre-rest: a rest asked for during a call.
pub const PRE_REST: u8 = 9;

/// An agent's own state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentStatus {
    /// Ready for calls.
    Idle,
    /// Not ready, with the reason given to `saybusy` (200..=250), if any.
    Busy(Option<u8>),
    /// At rest until `until_ms` (epoch ms), with its cause (0 = none). It stays at rest
    /// after that (a reminder event only) until `cancelrest`.
    Rest {
        /// When the rest time is up (epoch ms).
        until_ms: i64,
        /// The rest cause (0..=255).
        cause: u8,
    },
    /// Wrap-up (after-call work).
    Work,
}

/// A rest asked for and not yet begun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestRequest {
    /// Rest time in seconds (1..=86399).
    pub seconds: u32,
    /// Rest cause (0..=255).
    pub cause: u8,
}

impl AgentStatus {
    /// Name used in `/__sim/agents/{id}`.
    pub fn name(self) -> &'static str {
        match self {
            AgentStatus::Idle => "idle",
            AgentStatus::Busy(_) => "busy",
            AgentStatus::Rest { .. } => "rest",
            AgentStatus::Work => "work",
        }
    }

    /// The busy reason, if busy with one.
    pub fn busy_reason(self) -> Option<u8> {
        match self {
            AgentStatus::Busy(r) => r,
            _ => None,
        }
    }

    /// `{"untilMs", "cause"}` at rest, else `null`.
    pub fn rest_json(self) -> Value {
        match self {
            AgentStatus::Rest { until_ms, cause } => json!({"untilMs": until_ms, "cause": cause}),
            _ => Value::Null,
        }
    }

    fn code(self) -> u8 {
        match self {
            AgentStatus::Idle => IDLE,
            AgentStatus::Busy(_) => BUSY,
            AgentStatus::Rest { .. } => REST,
            AgentStatus::Work => WORK,
        }
    }

    /// The state event announcing this state (none for rest: its success event does; none
    /// for not-ready either: `AgentState_Busy` is the vendor's "occupied" state, which a
    /// playback outside a call announces (cec_05_4050), not the state `saybusy` sets, which
    /// `AgentState_SetNotReady_Success` announces).
    fn event(self) -> Option<&'static str> {
        match self {
            AgentStatus::Idle => Some("AgentState_Ready"),
            AgentStatus::Busy(_) => None,
            AgentStatus::Work => Some("AgentState_Work"),
            AgentStatus::Rest { .. } => None,
        }
    }
}

/// A state change refused because the agent is in the wrong state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongState;

impl SimState {
    /// The `agentState` of `getAgentStatus`.
    pub fn status_code(&self, id: u32) -> u8 {
        match self.agents.get(&id) {
            None => SIGNED_OUT,
            Some(a) if self.has_call(id) && a.pending_rest.is_some() => PRE_REST,
            Some(_) if self.has_call(id) => TALKING,
            Some(a) => a.status.code(),
        }
    }

    /// Sets the agent's own state; pushes `transition` (the operation's success event)
    /// and, outside a call, the new state's event.
    fn set_status(&mut self, id: u32, status: AgentStatus, transition: Option<(&str, Value)>) {
        let in_call = self.has_call(id);
        let Some(a) = self.agents.get_mut(&id) else {
            return;
        };
        a.status = status;
        if let Some((event, content)) = transition {
            a.push_event(event, content);
        }
        if let (false, Some(event)) = (in_call, status.event()) {
            a.push_event(event, Value::Null);
        }
    }

    fn status_of(&self, id: u32) -> Option<AgentStatus> {
        self.agents.get(&id).map(|a| a.status)
    }

    /// `sayfree`: from busy or wrap-up (or idle again) to idle; not from rest.
    pub fn say_free(&mut self, id: u32) -> Result<(), WrongState> {
        let transition = match self.status_of(id).ok_or(WrongState)? {
            AgentStatus::Busy(_) => Some(("AgentState_CancelNotReady_Success", Value::Null)),
            AgentStatus::Work => Some(("AgentState_CancelWork_Success", Value::Null)),
            AgentStatus::Idle => None,
            AgentStatus::Rest { .. } => return Err(WrongState),
        };
        self.set_status(id, AgentStatus::Idle, transition);
        Ok(())
    }

    /// `saybusy`: `reason` 200..=250 or none. An agent already busy must send `reason`
    /// and `prolong` (checked by the handler); not from rest.
    pub fn say_busy(&mut self, id: u32, reason: Option<u8>) -> Result<(), WrongState> {
        if matches!(
            self.status_of(id).ok_or(WrongState)?,
            AgentStatus::Rest { .. }
        ) {
            return Err(WrongState);
        }
        // Reason 1: the agent made itself busy (H-1346), when no custom reason is given.
        let shown = reason.map_or_else(|| "1".to_owned(), |r| r.to_string());
        self.set_status(
            id,
            AgentStatus::Busy(reason),
            Some(("AgentState_SetNotReady_Success", json!({ "reason": shown }))),
        );
        Ok(())
    }

    /// `cancelbusy`: busy to idle only.
    pub fn cancel_busy(&mut self, id: u32) -> Result<(), WrongState> {
        match self.status_of(id).ok_or(WrongState)? {
            AgentStatus::Busy(_) => {
                self.set_status(
                    id,
                    AgentStatus::Idle,
                    Some(("AgentState_CancelNotReady_Success", Value::Null)),
                );
                Ok(())
            }
            _ => Err(WrongState),
        }
    }

    /// `work` (sayWork): to wrap-up, from idle, busy or wrap-up; not from rest.
    pub fn say_work(&mut self, id: u32) -> Result<(), WrongState> {
        match self.status_of(id).ok_or(WrongState)? {
            AgentStatus::Rest { .. } => Err(WrongState),
            AgentStatus::Work => Ok(()),
            _ => {
                self.set_status(id, AgentStatus::Work, None);
                Ok(())
            }
        }
    }

    /// `cancelwork`: wrap-up to idle only.
    pub fn cancel_work(&mut self, id: u32) -> Result<(), WrongState> {
        match self.status_of(id).ok_or(WrongState)? {
            AgentStatus::Work => {
                self.set_status(
                    id,
                    AgentStatus::Idle,
                    Some(("AgentState_CancelWork_Success", Value::Null)),
                );
                Ok(())
            }
            _ => Err(WrongState),
        }
    }

    /// `rest/{time}/{restcause}`: outside a call the rest begins after the asynchronous
    /// delay (`AgentState_SetRest_Success`); during a call it waits for the call's end
    /// (pre-rest). An agent at rest may only prolong it (`prolong=true`: the time is added).
    pub fn rest(&mut self, id: u32, req: RestRequest, prolong: bool) -> Result<(), WrongState> {
        let in_call = self.has_call(id);
        let delay = self.session.async_event_delay_ms;
        let a = self.agents.get_mut(&id).ok_or(WrongState)?;
        match a.status {
            AgentStatus::Rest { until_ms, cause } if prolong => {
                a.rest_epoch += 1;
                let until_ms = until_ms + i64::from(req.seconds) * 1000;
                a.status = AgentStatus::Rest { until_ms, cause };
                let epoch = a.rest_epoch;
                self.later(delay, Deferred::RestProlonged { agent: id, epoch });
                Ok(())
            }
            AgentStatus::Rest { .. } => Err(WrongState),
            _ if a.pending_rest.is_some() => Err(WrongState),
            _ => {
                a.pending_rest = Some(req);
                a.rest_epoch += 1;
                let epoch = a.rest_epoch;
                if !in_call {
                    self.later(delay, Deferred::RestBegins { agent: id, epoch });
                }
                Ok(())
            }
        }
    }

    /// `cancelrest`: ends a rest (or a rest not yet begun) and makes the agent idle.
    pub fn cancel_rest(&mut self, id: u32) -> Result<(), WrongState> {
        let a = self.agents.get_mut(&id).ok_or(WrongState)?;
        let resting = matches!(a.status, AgentStatus::Rest { .. });
        if !resting && a.pending_rest.is_none() {
            return Err(WrongState);
        }
        a.pending_rest = None;
        a.rest_epoch += 1;
        if resting {
            self.set_status(
                id,
                AgentStatus::Idle,
                Some(("AgentState_CancelRest_Success", Value::Null)),
            );
        } else {
            a.push_event("AgentState_CancelRest_Success", Value::Null);
        }
        Ok(())
    }

    /// The asynchronous start of a rest: `AgentState_SetRest_Success`, and the reminder
    /// scheduled for when its time is up.
    pub fn rest_begins(&mut self, id: u32, epoch: u64) {
        let Some(a) = self.agents.get_mut(&id).filter(|a| a.rest_epoch == epoch) else {
            return;
        };
        let Some(req) = a.pending_rest.take() else {
            return;
        };
        a.status = AgentStatus::Rest {
            until_ms: now_ms() + i64::from(req.seconds) * 1000,
            cause: req.cause,
        };
        a.push_event(
            "AgentState_SetRest_Success",
            json!({"reason": req.cause.to_string()}),
        );
        self.later(
            u64::from(req.seconds) * 1000,
            Deferred::RestTimeout { agent: id, epoch },
        );
    }

    /// A prolonged rest: its success event again, and the reminder moved.
    pub fn rest_prolonged(&mut self, id: u32, epoch: u64) {
        let Some(a) = self.agents.get_mut(&id).filter(|a| a.rest_epoch == epoch) else {
            return;
        };
        let AgentStatus::Rest { until_ms, cause } = a.status else {
            return;
        };
        a.push_event(
            "AgentState_SetRest_Success",
            json!({"reason": cause.to_string()}),
        );
        let left = u64::try_from(until_ms - now_ms()).unwrap_or(0);
        self.later(left, Deferred::RestTimeout { agent: id, epoch });
    }

    /// The rest time is up: `AgentState_Rest_Timeout`, a reminder only (still at rest).
    pub fn rest_timeout(&mut self, id: u32, epoch: u64) {
        if let Some(a) = self
            .agents
            .get_mut(&id)
            .filter(|a| a.rest_epoch == epoch && matches!(a.status, AgentStatus::Rest { .. }))
        {
            a.push_event("AgentState_Rest_Timeout", Value::Null);
        }
    }

    /// What follows the end of an agent's last call: `AgentOther_PhoneRelease`, then a
    /// rest asked for during the call begins, or the state event (idle becomes wrap-up
    /// when `autoenteridle` is off).
    pub fn after_call(&mut self, id: u32) {
        if self.has_call(id) {
            return;
        }
        let delay = self.session.async_event_delay_ms;
        let Some(a) = self.agents.get_mut(&id) else {
            return;
        };
        a.push_event("AgentOther_PhoneRelease", Value::Null);
        if a.pending_rest.is_some() {
            let epoch = a.rest_epoch;
            self.later(delay, Deferred::RestBegins { agent: id, epoch });
            return;
        }
        let status = match a.status {
            AgentStatus::Idle if !a.auto_enter_idle => AgentStatus::Work,
            s => s,
        };
        a.status = status;
        if let Some(event) = status.event() {
            a.push_event(event, Value::Null);
        }
    }
}

/// Milliseconds as a [`Duration`].
pub fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}
