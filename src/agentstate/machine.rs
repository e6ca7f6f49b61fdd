//! The machine that turns events, operation outcomes and resyncs into [`AgentSnapshot`]s.
//!
//! Rules for a stream that may be incomplete, late or repeated (there are no sequence numbers):
//! - an event that changes nothing gives no new snapshot (duplicates are harmless);
//! - a call's state never moves back to ringing or dialing (Talking before Ringing keeps the
//!   call talking; the late Ringing only fills in the numbers);
//! - an event for a call that has ended (the last [`ENDED_MEMORY`] call IDs) is ignored, so a
//!   repeated Talking cannot bring a released call back; a release for a call the machine does
//!   not know changes nothing;
//! - a resync replaces what the events built, keeping what it cannot see (reasons, mute,
//!   conference partners) for the states and calls it confirms.

use super::snapshot::*;
use crate::agentevent::{AgentEvent, CallEventContent, Content};
use crate::de::Text;
use crate::onlineagent::AgentStateCode;
use std::collections::VecDeque;

/// How many ended call IDs the machine remembers to ignore late events for.
pub const ENDED_MEMORY: usize = 32;

/// Call types (`feature` / `callfeature`, the CEC call-type table) that are outbound calls:
/// 7 normal, 8 agent, 9 PRI, 10 IVR, 11 phone agent, 14 networked, 40..=42 campaign.
const OUTBOUND_FEATURES: &[i64] = &[7, 8, 9, 10, 11, 14, 40, 41, 42];
/// Call types that are internal calls: 6 internal, 17/18 networked internal.
const INTERNAL_FEATURES: &[i64] = &[6, 17, 18];

/// What an operation's success tells the machine (the vendor sends no event for some, e.g.
/// mute, and the rest's length is only in the request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A sign-in (or resume) succeeded: signed in, state unknown until the resync.
    SignedIn,
    /// Signed out (the call succeeded, or the gateway says the agent is not signed in).
    SignedOut,
    /// `beginMute` (`true`) or `endMute` (`false`) succeeded: the active call's `muted`.
    Muted(bool),
    /// `rest({ seconds })` succeeded: the rest that `AgentState_SetRest_Success` starts ends
    /// this many seconds after it.
    RestRequested {
        /// The rest's length.
        seconds: i64,
    },
    /// A call-starting operation (`callOut`, `callInner`, `innerHelp`) returned its call ID.
    Dialed {
        /// The new call.
        call_id: String,
        /// The number called.
        called: Option<String>,
        /// Outbound or internal.
        direction: CallDirection,
    },
}

/// What the gateway says now: `getAgentStatus`, `queryCallInfo` (and a hold list where
/// there is one).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resync {
    /// `agentState` (a status code), if the status call answered.
    pub status_code: Option<i64>,
    /// The calls the gateway reports (`None`: the call query did not answer, keep the calls).
    pub calls: Option<Vec<ResyncCall>>,
}

/// One call in a resync.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ResyncCall {
    /// Call ID.
    pub call_id: String,
    /// Calling number.
    pub caller: Option<String>,
    /// Called number.
    pub called: Option<String>,
    /// Call type (`callfeature`).
    pub feature: Option<i64>,
    /// Whether it is on hold, if known (a hold list).
    pub held: Option<bool>,
    /// Whether it waits to be answered, if known (listed by `queryCallInfoBeforeAnswer`): the
    /// status code says talking (7) while a call rings, so only this tells the two apart.
    pub ringing: Option<bool>,
}

/// The live agent state: apply events, outcomes and resyncs; read [`Machine::snapshot`].
#[derive(Debug, Clone)]
pub struct Machine {
    snap: AgentSnapshot,
    /// Recently ended call IDs, newest last.
    ended: VecDeque<String>,
    /// The length of a requested rest, until its `SetRest_Success` arrives.
    pending_rest_ms: Option<i64>,
}

fn text(t: &Option<Text>) -> Option<String> {
    t.as_ref().map(|t| t.0.clone()).filter(|t| !t.is_empty())
}

fn is_agent_number(n: &Option<String>) -> bool {
    n.as_deref().is_some_and(|n| n.starts_with(['a', 'A']))
}

/// A call's direction from its type and numbers.
pub fn direction(
    feature: Option<i64>,
    caller: &Option<String>,
    called: &Option<String>,
) -> CallDirection {
    match feature {
        _ if is_agent_number(caller) || is_agent_number(called) => CallDirection::Internal,
        Some(f) if INTERNAL_FEATURES.contains(&f) => CallDirection::Internal,
        Some(f) if OUTBOUND_FEATURES.contains(&f) => CallDirection::Outbound,
        Some(_) => CallDirection::Inbound,
        None => CallDirection::Unknown,
    }
}

impl Machine {
    /// A signed-out agent with no calls, at `now_ms`.
    pub fn new(now_ms: i64) -> Self {
        Self {
            snap: AgentSnapshot {
                signed_in: false,
                status: AgentStatusSnapshot {
                    state: StateName(AgentStateCode::SignedOut),
                    code: AgentStateCode::SignedOut.code(),
                    reason: None,
                    since: now_ms,
                    until: None,
                    rest_timed_out: false,
                },
                calls: Vec::new(),
                revision: 0,
            },
            ended: VecDeque::new(),
            pending_rest_ms: None,
        }
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> &AgentSnapshot {
        &self.snap
    }

    /// Runs `change` on the state; a new revision if it changed anything. Returns whether it did.
    fn changing(&mut self, change: impl FnOnce(&mut Self)) -> bool {
        let before = self.snap.clone();
        change(self);
        let changed = self.snap != before;
        if changed {
            self.snap.revision = before.revision + 1;
        }
        changed
    }

    /// Applies one event; `true` if the snapshot changed.
    pub fn apply(&mut self, event: &AgentEvent, now_ms: i64) -> bool {
        if !event.known {
            return false;
        }
        self.changing(|m| m.on_event(event, now_ms))
    }

    /// Applies what an operation's success tells; `true` if the snapshot changed.
    pub fn record(&mut self, outcome: Outcome, now_ms: i64) -> bool {
        self.changing(|m| m.on_outcome(outcome, now_ms))
    }

    /// Rebuilds the state from what the gateway says now; `true` if the snapshot changed.
    pub fn resync(&mut self, resync: &Resync, now_ms: i64) -> bool {
        self.changing(|m| m.on_resync(resync, now_ms))
    }

    fn set_status(&mut self, state: AgentStateCode, reason: Option<i64>, now: i64) {
        let s = &mut self.snap.status;
        if s.state.0 == state && s.reason == reason {
            return;
        }
        *s = AgentStatusSnapshot {
            state: StateName(state),
            code: state.code(),
            reason,
            since: now,
            until: None,
            rest_timed_out: false,
        };
        if state == AgentStateCode::Rest {
            s.until = self.pending_rest_ms.take().map(|ms| now + ms);
        }
    }

    fn signed_out(&mut self, now: i64) {
        self.snap.signed_in = false;
        self.set_status(AgentStateCode::SignedOut, None, now);
        for call in std::mem::take(&mut self.snap.calls) {
            self.remember_ended(call.call_id);
        }
        self.pending_rest_ms = None;
    }

    fn remember_ended(&mut self, call_id: String) {
        self.ended.retain(|c| *c != call_id);
        self.ended.push_back(call_id);
        if self.ended.len() > ENDED_MEMORY {
            self.ended.pop_front();
        }
    }

    fn has_ended(&self, call_id: &str) -> bool {
        self.ended.iter().any(|c| c == call_id)
    }

    fn call_mut(&mut self, call_id: &str) -> Option<&mut CallSnapshot> {
        self.snap.calls.iter_mut().find(|c| c.call_id == call_id)
    }

    /// The call with `call_id`, added in `state` if it is new; `None` if it has ended.
    fn call_or_new(
        &mut self,
        call_id: &str,
        state: CallState,
        now: i64,
    ) -> Option<&mut CallSnapshot> {
        if self.has_ended(call_id) {
            return None;
        }
        if self.call_mut(call_id).is_none() {
            self.snap.calls.push(CallSnapshot {
                call_id: call_id.to_owned(),
                direction: CallDirection::Unknown,
                caller: None,
                called: None,
                state,
                muted: false,
                since: now,
                partners: Vec::new(),
            });
        }
        self.call_mut(call_id)
    }

    fn end_call(&mut self, call_id: &str) {
        let before = self.snap.calls.len();
        self.snap.calls.retain(|c| c.call_id != call_id);
        if self.snap.calls.len() != before {
            self.remember_ended(call_id.to_owned());
        }
    }

    /// Ringing / Talking content: the call, with its numbers and direction filled in.
    fn call_event(
        &mut self,
        c: &CallEventContent,
        state: CallState,
        now: i64,
    ) -> Option<&mut CallSnapshot> {
        let id = text(&c.callid)?;
        let call = self.call_or_new(&id, state, now)?;
        fill(&mut call.caller, text(&c.caller));
        fill(&mut call.called, text(&c.called));
        if call.direction == CallDirection::Unknown {
            call.direction = direction(c.feature.map(|f| f.0), &call.caller, &call.called);
        }
        Some(call)
    }

    fn on_event(&mut self, event: &AgentEvent, now: i64) {
        use AgentStateCode as S;
        let reason = match &event.content {
            Content::Reason(r) => r.reason.map(|r| r.0),
            _ => None,
        };
        match event.event_type.as_str() {
            "AgentOther_InService" => self.snap.signed_in = true,
            "AgentOther_ShutdownService" => self.signed_out(now),
            "AgentState_Ready"
            | "AgentState_Force_Ready"
            | "AgentState_CancelNotReady_Success"
            | "AgentState_CancelRest_Success"
            | "AgentState_CancelWork_Success" => self.set_status(S::Idle, None, now),
            "AgentState_SetNotReady_Success" => self.set_status(S::Busy, reason, now),
            "AgentState_SetRest_Success" => self.set_status(S::Rest, reason, now),
            "AgentState_Rest_Timeout" if self.snap.status.state.0 == S::Rest => {
                self.snap.status.rest_timed_out = true;
            }
            "AgentState_Work" | "AgentState_SetWork_Success" => {
                self.set_status(S::WrapUp, None, now)
            }
            // UNCERTAIN: AgentState_Busy is the "occupied" state (a call or a playback), the
            // status code 7, not the not-ready "busy" (code 3, SetNotReady_Success).
            "AgentState_Busy" => self.set_status(S::Talking, None, now),
            _ => self.on_call_event(event, now),
        }
        // Any event of a signed-out agent but ShutdownService means it is signed in again.
        if event.event_type != "AgentOther_ShutdownService"
            && self.snap.status.state.0 != S::SignedOut
        {
            self.snap.signed_in = true;
        }
    }

    fn on_call_event(&mut self, event: &AgentEvent, now: i64) {
        match (event.event_type.as_str(), &event.content) {
            ("AgentEvent_Ringing", Content::Call(c)) => {
                self.call_event(c, CallState::Ringing, now);
            }
            ("AgentEvent_Talking", Content::Call(c)) => {
                if let Some(call) = self.call_event(c, CallState::Talking, now) {
                    set_state(call, CallState::Talking, now);
                }
                self.set_status(AgentStateCode::Talking, None, now);
            }
            ("AgentEvent_Incoming_CallInfo", Content::IncomingCallInfo(c)) => {
                let Some(id) = text(&c.call_id) else { return };
                if let Some(call) = self.call_or_new(&id, CallState::Ringing, now) {
                    fill(&mut call.caller, text(&c.caller));
                    fill(&mut call.called, text(&c.called));
                    if call.direction == CallDirection::Unknown {
                        call.direction = CallDirection::Inbound;
                    }
                }
            }
            ("AgentEvent_Customer_Alerting", Content::CustomerAlerting(c)) => {
                let Some(id) = text(&c.callid) else { return };
                if let Some(call) = self.call_or_new(&id, CallState::Dialing, now) {
                    fill(&mut call.called, text(&c.other_phone));
                    if call.direction == CallDirection::Unknown {
                        call.direction = match text(&c.other_phone_workno) {
                            Some(_) => CallDirection::Internal,
                            None => CallDirection::Outbound,
                        };
                    }
                }
            }
            ("AgentEvent_Hold", Content::CallId(id)) => {
                if let Some(call) = self.call_or_new(&id.0, CallState::Held, now) {
                    set_state(call, CallState::Held, now);
                }
            }
            ("AgentEvent_Conference", Content::Conference(c)) => self.conference(c, now),
            ("AgentEvent_Customer_Release", Content::CustomerRelease(c)) => {
                let (Some(id), number) = (text(&c.callid), text(&c.number)) else {
                    return;
                };
                let Some(call) = self.call_mut(&id) else {
                    return;
                };
                if call.state == CallState::Conference {
                    call.partners.retain(|p| Some(p) != number.as_ref());
                    // One other party left: a plain two-party call again.
                    if call.partners.len() <= 1 {
                        set_state(call, CallState::Talking, now);
                    }
                } else {
                    // Two parties: the other one left, so the call is over.
                    self.end_call(&id);
                }
            }
            ("AgentEvent_SuccTransResult", Content::TransferResult(c)) => {
                // Success mode: 0 means the call went to the target and left this agent.
                if let (Some(id), Some(crate::de::Int(0))) = (text(&c.call_id), c.result) {
                    self.end_call(&id);
                }
            }
            ("AgentEvent_Call_Release", Content::CallId(id)) => self.end_call(&id.0),
            (
                "AgentEvent_Call_Out_Fail"
                | "AgentEvent_Connect_Fail"
                | "AgentEvent_No_Answer"
                | "AgentEvent_Consult_Fail"
                | "AgentEvent_Inside_Call_Fail",
                Content::CallId(id),
            ) => {
                // A failed attempt ends a call not yet connected; on a connected call (a
                // failed transfer or consult of it) the call goes on.
                let unconnected = self
                    .call_mut(&id.0)
                    .is_some_and(|c| matches!(c.state, CallState::Ringing | CallState::Dialing));
                if unconnected {
                    self.end_call(&id.0);
                }
            }
            _ => {}
        }
    }

    /// `AgentEvent_Conference`: the call is a conference with `partner`; another call of the
    /// agent to one of the partners (the consult leg) has merged into it.
    fn conference(&mut self, c: &crate::agentevent::ConferenceContent, now: i64) {
        let Some(id) = text(&c.callid) else { return };
        let partners: Vec<String> = text(&c.partner)
            .map(|p| {
                p.split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let Some(call) = self.call_or_new(&id, CallState::Conference, now) else {
            return;
        };
        set_state(call, CallState::Conference, now);
        call.partners = partners.clone();
        let merged: Vec<String> = self
            .snap
            .calls
            .iter()
            .filter(|c| c.call_id != id)
            .filter(|c| {
                [&c.called, &c.caller]
                    .iter()
                    .any(|n| n.as_ref().is_some_and(|n| partners.contains(n)))
            })
            .map(|c| c.call_id.clone())
            .collect();
        for m in merged {
            self.end_call(&m);
        }
    }

    fn on_outcome(&mut self, outcome: Outcome, now: i64) {
        match outcome {
            Outcome::SignedIn => {
                self.snap.signed_in = true;
                if self.snap.status.state.0 == AgentStateCode::SignedOut {
                    self.set_status(AgentStateCode::Unknown, None, now);
                }
            }
            Outcome::SignedOut => self.signed_out(now),
            Outcome::Muted(muted) => {
                let active = self
                    .snap
                    .calls
                    .iter_mut()
                    .find(|c| matches!(c.state, CallState::Talking | CallState::Conference));
                if let Some(call) = active {
                    call.muted = muted;
                }
            }
            Outcome::RestRequested { seconds } => {
                let ms = seconds.saturating_mul(1000);
                let s = &mut self.snap.status;
                if s.state.0 == AgentStateCode::Rest && s.until.is_none() {
                    // The event came before the call's answer.
                    s.until = Some(s.since + ms);
                } else {
                    self.pending_rest_ms = Some(ms);
                }
            }
            Outcome::Dialed {
                call_id,
                called,
                direction,
            } => {
                if let Some(call) = self.call_or_new(&call_id, CallState::Dialing, now) {
                    fill(&mut call.called, called);
                    if call.direction == CallDirection::Unknown {
                        call.direction = direction;
                    }
                }
            }
        }
    }

    fn on_resync(&mut self, r: &Resync, now: i64) {
        let state = r.status_code.map(StateName::from_code);
        if state == Some(AgentStateCode::SignedOut) {
            return self.signed_out(now);
        }
        if let Some(state) = state {
            self.snap.signed_in = true;
            if state != self.snap.status.state.0 {
                self.set_status(state, None, now);
            }
        }
        let Some(calls) = &r.calls else { return };
        // Without a ringing list, a call the events never showed is taken as talking when the
        // agent talks, else as ringing.
        let talking = self.snap.status.state.0 == AgentStateCode::Talking;
        let mut rebuilt = Vec::with_capacity(calls.len());
        for c in calls {
            let fresh = match (c.held, c.ringing) {
                (Some(true), _) => CallState::Held,
                (_, Some(true)) => CallState::Ringing,
                (_, Some(false)) => CallState::Talking,
                _ if talking => CallState::Talking,
                _ => CallState::Ringing,
            };
            let mut call = match self.snap.calls.iter().find(|k| k.call_id == c.call_id) {
                Some(known) => known.clone(),
                None => CallSnapshot {
                    call_id: c.call_id.clone(),
                    direction: direction(c.feature, &c.caller, &c.called),
                    caller: None,
                    called: None,
                    state: fresh,
                    muted: false,
                    since: now,
                    partners: Vec::new(),
                },
            };
            fill(&mut call.caller, c.caller.clone().filter(|n| !n.is_empty()));
            fill(&mut call.called, c.called.clone().filter(|n| !n.is_empty()));
            match c.held {
                Some(true) => set_state(&mut call, CallState::Held, now),
                Some(false) if call.state == CallState::Held => {
                    set_state(&mut call, CallState::Talking, now)
                }
                _ => {}
            }
            // Answered while events were missed.
            if c.ringing == Some(false) && call.state == CallState::Ringing {
                set_state(&mut call, CallState::Talking, now);
            }
            self.ended.retain(|e| *e != c.call_id);
            rebuilt.push(call);
        }
        for gone in std::mem::replace(&mut self.snap.calls, rebuilt) {
            if !self.snap.calls.iter().any(|c| c.call_id == gone.call_id) {
                self.remember_ended(gone.call_id);
            }
        }
    }
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn set_state(call: &mut CallSnapshot, state: CallState, now: i64) {
    if call.state != state {
        call.state = state;
        call.since = now;
        if state != CallState::Conference {
            call.partners.clear();
        }
    }
}
