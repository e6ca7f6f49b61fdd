//! Work that happens after an operation has returned: a rest's success event and its
//! reminder, the far end of a callOut or an external transfer (answers, busy, no answer),
//! and the failure event of a call to an agent who is not available.
//!
//! Handlers queue it with [`SimState::later`]; the middleware (and every timer that fires)
//! hands the queue to [`schedule`], which runs each item on a tokio timer holding only a
//! weak reference to the state.

use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::calls::{call_content, LegState, OnAnswer, Who};
use crate::state::{AppState, SimState};

/// How a simulated number answers (`POST /__sim/numbers/{number}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum FarEndOutcome {
    /// It rings, then answers (the default).
    #[default]
    Answer,
    /// It is busy: `AgentEvent_Call_Out_Fail` (a transfer: `AgentEvent_Connect_Fail`).
    Busy,
    /// It rings and nobody answers: `AgentEvent_Customer_Alerting`, then
    /// `AgentEvent_Connect_Fail`.
    NoAnswer,
}

/// A piece of later work.
#[derive(Debug, Clone, PartialEq)]
pub enum Deferred {
    /// The asked-for rest begins (`AgentState_SetRest_Success`).
    RestBegins {
        /// The agent.
        agent: u32,
        /// Its rest epoch when asked (a later change cancels this).
        epoch: u64,
    },
    /// A prolonged rest is confirmed.
    RestProlonged {
        /// The agent.
        agent: u32,
        /// Its rest epoch.
        epoch: u64,
    },
    /// The rest time is up (`AgentState_Rest_Timeout`).
    RestTimeout {
        /// The agent.
        agent: u32,
        /// Its rest epoch.
        epoch: u64,
    },
    /// The far end `number` of `callid` answers, is busy or does not answer.
    FarEnd {
        /// The call.
        callid: String,
        /// The number called.
        number: String,
    },
    /// A call sent to an IVR in hang-up mode comes back to the agent.
    ReturnFromIvr {
        /// The call.
        callid: String,
        /// The agent waiting for it.
        agent: u32,
    },
    /// An event for an agent (a failure reported after the call returned).
    Event {
        /// The agent.
        agent: u32,
        /// Its type.
        event_type: &'static str,
        /// Its content.
        content: Value,
    },
}

/// Starts a timer for every item queued in the state.
pub fn schedule(app: &AppState) {
    let work = std::mem::take(&mut app.lock().deferred);
    for (ms, item) in work {
        let weak = Arc::downgrade(app);
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            let Some(app) = weak.upgrade() else { return };
            app.lock().fire(item);
            schedule(&app);
        });
    }
}

impl SimState {
    /// Does one piece of later work.
    pub fn fire(&mut self, item: Deferred) {
        match item {
            Deferred::RestBegins { agent, epoch } => self.rest_begins(agent, epoch),
            Deferred::RestProlonged { agent, epoch } => self.rest_prolonged(agent, epoch),
            Deferred::RestTimeout { agent, epoch } => self.rest_timeout(agent, epoch),
            Deferred::FarEnd { callid, number } => self.far_end(&callid, &number),
            Deferred::ReturnFromIvr { callid, agent } => self.return_from_ivr(&callid, agent),
            Deferred::Event {
                agent,
                event_type,
                content,
            } => self.push(agent, event_type, content),
        }
    }

    /// The far end of a callOut (its party answers [`OnAnswer::Connect`]) or of an
    /// external transfer (any other [`OnAnswer`]) acts as `/__sim/numbers` says.
    fn far_end(&mut self, callid: &str, number: &str) {
        let outcome = self.numbers.get(number).copied().unwrap_or_default();
        let who = Who::Number(number.to_owned());
        let Some(call) = self.calls.get_mut(callid) else {
            return;
        };
        let Some(party) = call
            .parties
            .iter_mut()
            .find(|p| p.who == who && p.state == LegState::Ringing)
        else {
            return;
        };
        let on_answer = party.on_answer;
        if outcome == FarEndOutcome::Answer {
            party.set(LegState::Talking);
        }
        let callout = on_answer == OnAnswer::Connect;
        let agents = call.agents();
        let info = call.info.clone();
        if outcome != FarEndOutcome::Busy {
            for &a in &agents {
                self.push(
                    a,
                    "AgentEvent_Customer_Alerting",
                    json!({"callid": callid, "otherPhone": number, "otherPhoneWorkno": "", "type": "main"}),
                );
            }
        }
        match (outcome, callout) {
            (FarEndOutcome::Answer, _) => self.connect(callid, None, on_answer),
            (FarEndOutcome::Busy, true) => self.call_out_failed(callid, "AgentEvent_Call_Out_Fail"),
            (FarEndOutcome::NoAnswer, true) => {
                self.call_out_failed(callid, "AgentEvent_Connect_Fail")
            }
            (_, false) => {
                if let Some(call) = self.calls.get_mut(callid) {
                    call.parties.retain(|p| p.who != who);
                }
                for a in agents {
                    self.push(a, "AgentEvent_Connect_Fail", json!(info.callid));
                }
            }
        }
    }

    /// `AgentEvent_ReturnFromIvr`, and the agent talks again.
    fn return_from_ivr(&mut self, callid: &str, agent: u32) {
        let Some(party) = self.calls.get_mut(callid).and_then(|c| c.party_mut(agent)) else {
            return;
        };
        party.set(LegState::Talking);
        let info = self.calls.get(callid).map(|c| c.info.clone());
        self.push(agent, "AgentEvent_ReturnFromIvr", json!(callid));
        if let Some(info) = info {
            self.push(agent, "AgentEvent_Talking", call_content(&info));
        }
    }

    /// A callOut that never connected: its failure event, then the call is gone.
    fn call_out_failed(&mut self, callid: &str, event_type: &str) {
        let agents = self
            .calls
            .get(callid)
            .map(|c| c.agents())
            .unwrap_or_default();
        for a in agents {
            self.push(a, event_type, json!(callid));
        }
        self.end_call(callid, false);
    }
}
