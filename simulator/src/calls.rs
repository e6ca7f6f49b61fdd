//! The call model shared between agents: a call (call ID, caller, called, direction) has
//! parties (agents and numbers), each with its own leg state (ringing, dialing, talking,
//! held) and mute flag; three or more parties (or a third-party IVR) make a conference.
//!
//! Leaving a call is one function ([`SimState::leave`]) whatever the cause (release,
//! disconnect, a transfer, the customer hanging up, sign-out): the party that leaves gets
//! `AgentEvent_Call_Release`, the agents that stay get `AgentEvent_Customer_Release`, and
//! a call left with fewer than two parties or no agent ends for everyone.

use serde::Serialize;
use serde_json::{json, Value};

use crate::agent_state::AgentStatus;
use crate::state::{now_ms, CallInfo, SimState};

/// Which way a call goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// A customer called in.
    Inbound,
    /// An agent called a number out (callOut).
    Outbound,
    /// Between agents (callInner, innerHelp).
    Internal,
}

/// The state of one party's leg.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LegState {
    /// Alerting, not answered yet.
    Ringing,
    /// Calling out, waiting for the far end to answer.
    Dialing,
    /// Connected.
    Talking,
    /// On hold (an agent that held the call, or a customer held by a talk transfer).
    Held,
}

impl LegState {
    /// Name used in `/__sim/agents/{id}`.
    pub fn name(self) -> &'static str {
        match self {
            LegState::Ringing => "ringing",
            LegState::Dialing => "dialing",
            LegState::Talking => "talking",
            LegState::Held => "held",
        }
    }
}

/// Who a party is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Who {
    /// A signed-in agent.
    Agent(u32),
    /// A customer or another outside number.
    Number(String),
}

/// What happens when a ringing party answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OnAnswer {
    /// Nothing more: the call connects.
    Connect,
    /// A success transfer: this agent leaves (after `AgentEvent_SuccTransResult`).
    ReleaseAgent(u32),
    /// A three-party call (innerHelp mode 2, transfer mode 4).
    Conference,
    /// A talk transfer (mode 3): the customer waits on hold.
    Talk,
}

/// One party of a call.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    /// Agent or number.
    pub who: Who,
    /// Its leg state.
    pub state: LegState,
    /// Muted (beginMute).
    pub muted: bool,
    /// When the leg entered its state (epoch ms).
    pub since_ms: i64,
    /// What its answer does.
    pub on_answer: OnAnswer,
    /// Added by an external transfer in talk or three-party mode (cancelTransfer removes it).
    pub by_transfer: bool,
}

impl Party {
    /// A new party in `state`.
    pub fn new(who: Who, state: LegState) -> Self {
        Party {
            who,
            state,
            muted: false,
            since_ms: now_ms(),
            on_answer: OnAnswer::Connect,
            by_transfer: false,
        }
    }

    /// Changes the leg state (and its time).
    pub fn set(&mut self, state: LegState) {
        self.state = state;
        self.since_ms = now_ms();
    }

    /// The agent this party is, if it is one.
    pub fn agent(&self) -> Option<u32> {
        match self.who {
            Who::Agent(id) => Some(id),
            Who::Number(_) => None,
        }
    }
}

/// A call in progress.
#[derive(Debug, Clone)]
pub struct SimCall {
    /// What `callinfo` / `callinfobeforeanswer` return (`calldata` mirrors `app_data`).
    pub info: CallInfo,
    /// Inbound, outbound or internal.
    pub direction: Direction,
    /// Everyone in the call.
    pub parties: Vec<Party>,
    /// Call-associated data (setcalldataex), raw bytes.
    pub app_data: Vec<u8>,
    /// DTMF digits sent by seconddialex, in order.
    pub dtmf: String,
    /// A three-party call with a third-party IVR (control API), for thirdPartyConfTransmitNum.
    pub ivr: bool,
    /// Return a single object instead of a list from `callinfobeforeanswer` (vendor example).
    pub single_object_result: bool,
}

impl SimCall {
    /// A new call with its parties.
    pub fn new(info: CallInfo, direction: Direction, parties: Vec<Party>) -> Self {
        SimCall {
            info,
            direction,
            parties,
            app_data: Vec::new(),
            dtmf: String::new(),
            ivr: false,
            single_object_result: false,
        }
    }

    /// Agent `id`'s party.
    pub fn party(&self, id: u32) -> Option<&Party> {
        self.parties.iter().find(|p| p.who == Who::Agent(id))
    }

    /// Agent `id`'s party, mutably.
    pub fn party_mut(&mut self, id: u32) -> Option<&mut Party> {
        self.parties.iter_mut().find(|p| p.who == Who::Agent(id))
    }

    /// The agents in the call.
    pub fn agents(&self) -> Vec<u32> {
        self.parties.iter().filter_map(Party::agent).collect()
    }

    /// Three or more parties, or a third-party IVR.
    pub fn is_conference(&self) -> bool {
        self.ivr || self.parties.len() >= 3
    }

    /// The others' numbers as `AgentEvent_Conference` lists them (comma-separated).
    fn partners(&self, id: u32) -> String {
        self.parties
            .iter()
            .filter(|p| p.who != Who::Agent(id))
            .map(|p| match &p.who {
                Who::Agent(a) => a.to_string(),
                Who::Number(n) => n.clone(),
            })
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// Content of `AgentEvent_Talking` (and the base of `AgentEvent_Ringing`), string-typed
/// as in the vendor example (H-1355).
pub fn call_content(info: &CallInfo) -> Value {
    json!({"caller": info.caller, "called": info.called, "callid": info.callid, "type": "main",
           "feature": info.callfeature.to_string(), "mediaAbility": info.mediaAbility.to_string()})
}

impl SimState {
    /// The calls agent `id` is in.
    pub fn calls_of(&self, id: u32) -> impl Iterator<Item = &SimCall> {
        self.calls.values().filter(move |c| c.party(id).is_some())
    }

    /// Whether agent `id` can take a new call: signed in, idle, no call, play or monitoring.
    pub fn available(&self, id: u32) -> bool {
        self.agents
            .get(&id)
            .is_some_and(|a| a.status == AgentStatus::Idle && a.pending_rest.is_none())
            && self.is_free(id)
    }

    /// The first available agent other than `except` (the simulator's skill queues).
    pub fn first_available(&self, except: u32) -> Option<u32> {
        self.agents
            .keys()
            .copied()
            .find(|&a| a != except && self.available(a))
    }

    /// Whether agent `id` is in any call (ringing, dialing, talking or held).
    pub fn has_call(&self, id: u32) -> bool {
        self.calls_of(id).next().is_some()
    }

    /// The call agent `id` is active in (not held), else its first held call.
    pub fn current_call(&self, id: u32) -> Option<&SimCall> {
        self.active_call(id)
            .or_else(|| self.calls_of(id).next())
            .and_then(|callid| self.calls.get(callid.info.callid.as_str()))
    }

    /// The call where agent `id`'s leg is not held.
    pub fn active_call(&self, id: u32) -> Option<&SimCall> {
        self.calls_of(id)
            .find(|c| c.party(id).is_some_and(|p| p.state != LegState::Held))
    }

    /// The ID of a call where agent `id`'s leg is in one of `states` (and, if given, with
    /// that call ID).
    pub fn leg_in(&self, id: u32, states: &[LegState], callid: Option<&str>) -> Option<String> {
        self.calls_of(id)
            .filter(|c| callid.is_none_or(|want| c.info.callid == want))
            .find(|c| c.party(id).is_some_and(|p| states.contains(&p.state)))
            .map(|c| c.info.callid.clone())
    }

    /// A fresh call ID (`<epoch s>-<seq>`, the vendor's form).
    pub fn new_callid(&mut self) -> String {
        format!("{}-{}", now_ms() / 1000, self.next_seq())
    }

    /// Adds a call; agents whose party rings get `AgentEvent_Ringing` (answered at once
    /// with `autoanswer`), and `from`, the agent calling them, `AgentEvent_Customer_Alerting`.
    pub fn add_call(&mut self, call: SimCall, from: Option<u32>) -> String {
        let callid = call.info.callid.clone();
        let ringing: Vec<u32> = call
            .parties
            .iter()
            .filter(|p| p.state == LegState::Ringing)
            .filter_map(Party::agent)
            .collect();
        self.calls.insert(callid.clone(), call);
        for id in ringing {
            self.ring(&callid, id, from);
        }
        callid
    }

    /// Adds agent `id` to a call as a ringing party.
    pub fn add_ringing(&mut self, callid: &str, id: u32, on_answer: OnAnswer, from: Option<u32>) {
        if let Some(call) = self.calls.get_mut(callid) {
            let mut party = Party::new(Who::Agent(id), LegState::Ringing);
            party.on_answer = on_answer;
            call.parties.push(party);
            self.ring(callid, id, from);
        }
    }

    /// `AgentEvent_Ringing` to agent `id` (with `transFrom` when transferred or consulted
    /// by `from`), and `AgentEvent_Customer_Alerting` to `from`.
    fn ring(&mut self, callid: &str, id: u32, from: Option<u32>) {
        let Some(call) = self.calls.get(callid) else {
            return;
        };
        let mut content = call_content(&call.info);
        content["mediaType"] = json!(call.info.mediaType.to_string());
        if let Some(from) = from {
            content["transFrom"] = json!(from.to_string());
        }
        self.push(id, "AgentEvent_Ringing", content);
        if let Some(from) = from {
            let phone = self.agents.get(&id).map(|a| a.phonenum.clone());
            self.push(
                from,
                "AgentEvent_Customer_Alerting",
                json!({"callid": callid, "otherPhone": phone, "otherPhoneWorkno": id.to_string(), "type": "main"}),
            );
        }
        if self.agents.get(&id).is_some_and(|a| a.auto_answer) {
            self.answer(callid, id);
        }
    }

    /// Agent `id` answers its ringing leg of `callid`: `AgentEvent_Talking`, then what the
    /// leg was for (a success transfer releases the agent who transferred; a three-party
    /// help or transfer makes a conference). Agents calling out to it connect too.
    pub fn answer(&mut self, callid: &str, id: u32) {
        let Some(call) = self.calls.get_mut(callid) else {
            return;
        };
        let Some(party) = call.party_mut(id) else {
            return;
        };
        party.set(LegState::Talking);
        let on_answer = party.on_answer;
        self.connect(callid, Some(id), on_answer);
    }

    /// A ringing party (agent `answered`, or a number) answered: agents dialing it connect
    /// and get `AgentEvent_Talking` (so does `answered`), then `on_answer` happens.
    pub fn connect(&mut self, callid: &str, answered: Option<u32>, on_answer: OnAnswer) {
        let Some(call) = self.calls.get_mut(callid) else {
            return;
        };
        let mut talking: Vec<u32> = answered.into_iter().collect();
        for p in &mut call.parties {
            match p.who {
                Who::Agent(a) if p.state == LegState::Dialing => {
                    p.set(LegState::Talking);
                    talking.push(a);
                }
                Who::Number(_)
                    if on_answer == OnAnswer::Talk
                        && !p.by_transfer
                        && p.state == LegState::Talking =>
                {
                    p.set(LegState::Held)
                }
                _ => {}
            }
        }
        let content = call_content(&call.info);
        for a in talking {
            self.push(a, "AgentEvent_Talking", content.clone());
        }
        match on_answer {
            OnAnswer::ReleaseAgent(from) => {
                self.push(
                    from,
                    "AgentEvent_SuccTransResult",
                    json!({"callId": callid, "result": "0"}),
                );
                self.hand_over(callid, from);
            }
            OnAnswer::Conference => self.announce_conference(callid),
            OnAnswer::Connect | OnAnswer::Talk => {}
        }
    }

    /// `AgentEvent_Conference {callid, partner}` to every agent in the call.
    pub fn announce_conference(&mut self, callid: &str) {
        let Some(call) = self.calls.get(callid) else {
            return;
        };
        let events: Vec<(u32, Value)> = call
            .agents()
            .into_iter()
            .map(|a| (a, json!({"callid": callid, "partner": call.partners(a)})))
            .collect();
        for (a, content) in events {
            self.push(a, "AgentEvent_Conference", content);
        }
    }

    /// `who` leaves `callid` (see the module doc); a leaving agent whose last call this
    /// was goes on with [`SimState::after_call`].
    pub fn leave(&mut self, callid: &str, who: &Who) {
        self.leave_with(callid, who, true);
    }

    /// Agent `id` hands the call over (a transfer completes): it leaves as in
    /// [`SimState::leave`], but the others get no `AgentEvent_Customer_Release` for it.
    pub fn hand_over(&mut self, callid: &str, id: u32) {
        self.leave_with(callid, &Who::Agent(id), false);
    }

    fn leave_with(&mut self, callid: &str, who: &Who, notify: bool) {
        let Some(call) = self.calls.get_mut(callid) else {
            return;
        };
        let Some(pos) = call.parties.iter().position(|p| &p.who == who) else {
            return;
        };
        let gone = call.parties.remove(pos);
        let number = match &gone.who {
            Who::Agent(a) => self
                .agents
                .get(a)
                .map_or_else(|| a.to_string(), |x| x.phonenum.clone()),
            Who::Number(n) => n.clone(),
        };
        let Some(call) = self.calls.get(callid) else {
            return;
        };
        let ends = call.parties.len() < 2 || call.agents().is_empty();
        for a in call.agents().into_iter().filter(|_| notify) {
            self.push(
                a,
                "AgentEvent_Customer_Release",
                json!({"callid": callid, "number": number}),
            );
        }
        if let Some(a) = gone.agent() {
            self.release_leg(callid, a);
        }
        if ends {
            self.end_call(callid, true);
        }
    }

    /// Ends a call for everyone left in it (`AgentEvent_Call_Release` when `released`,
    /// i.e. unless it never connected).
    pub fn end_call(&mut self, callid: &str, released: bool) {
        let Some(call) = self.calls.remove(callid) else {
            return;
        };
        let mut info = call.info.clone();
        info.endtime = Some(now_ms());
        for a in call.agents() {
            if let Some(agent) = self.agents.get_mut(&a) {
                agent.last_call = Some(info.clone());
                if released {
                    agent.push_event("AgentEvent_Call_Release", json!(callid));
                }
            }
            self.after_call(a);
        }
    }

    /// `AgentEvent_Call_Release` to an agent that left a call that goes on.
    pub fn release_leg(&mut self, callid: &str, id: u32) {
        let info = self.calls.get(callid).map(|c| {
            let mut info = c.info.clone();
            info.endtime = Some(now_ms());
            info
        });
        if let Some(agent) = self.agents.get_mut(&id) {
            agent.push_event("AgentEvent_Call_Release", json!(callid));
            agent.last_call = info.or(agent.last_call.take());
        }
        self.after_call(id);
    }

    /// Moves every party of `from` except agent `id` into `into`, removes `from`, and
    /// agent `id` leaves `from` silently (connectHold, confJoin).
    pub fn merge(&mut self, from: &str, into: &str, id: u32) {
        let Some(mut source) = self.calls.remove(from) else {
            return;
        };
        source.parties.retain(|p| p.who != Who::Agent(id));
        if let Some(target) = self.calls.get_mut(into) {
            for mut p in source.parties {
                if p.state == LegState::Dialing {
                    p.set(LegState::Talking);
                }
                target.parties.push(p);
            }
        }
    }

    /// Agent `id` leaves every call (sign-out, a session wiped).
    pub fn drop_agent_from_calls(&mut self, id: u32) {
        let ids: Vec<String> = self.calls_of(id).map(|c| c.info.callid.clone()).collect();
        for callid in ids {
            self.leave(&callid, &Who::Agent(id));
        }
    }

    /// An agent's calls for `/__sim/agents/{id}`.
    pub fn calls_json(&self, id: u32) -> Value {
        self.calls_of(id)
            .map(|c| {
                let leg = c.party(id);
                json!({
                    "callid": c.info.callid, "direction": c.direction, "caller": c.info.caller,
                    "called": c.info.called, "state": leg.map(|p| p.state), "muted": leg.is_some_and(|p| p.muted),
                    "sinceMs": leg.map(|p| p.since_ms), "conference": c.is_conference(),
                    "parties": c.parties, "appData": String::from_utf8_lossy(&c.app_data), "dtmf": c.dtmf,
                })
            })
            .collect()
    }
}
