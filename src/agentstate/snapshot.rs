//! What a UI renders: the agent's state and calls, as one immutable value ([`AgentSnapshot`]).

use crate::json::{Encode, Writer};
use crate::onlineagent::AgentStateCode;
use cec_agent_derive::Encode;
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

/// The agent's state by the name of its status code ([`STATE_NAMES`]); the machine keeps
/// the ops' `AgentStateCode`, with the reserved 6 ("same as idle") read as idle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateName(pub AgentStateCode);

/// The name of each status code of the vendor's table ("Agent Status Codes",
/// <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0581.html>), in code order.
pub const STATE_NAMES: [&str; 10] = [
    "unknown",
    "signedIn",
    "signedOut",
    "busy",
    "idle",
    "wrapUp",
    "idle",
    "talking",
    "rest",
    "preRest",
];

impl StateName {
    /// The state a status code means (a code outside the table: unknown; 6: idle).
    pub fn from_code(code: i64) -> AgentStateCode {
        match AgentStateCode::from_code(code) {
            Some(AgentStateCode::IdleReserved) => AgentStateCode::Idle,
            Some(state) => state,
            None => AgentStateCode::Unknown,
        }
    }
}

impl Encode for StateName {
    fn encode(&self, w: &mut Writer) {
        let index = usize::try_from(self.0.code()).unwrap_or(0);
        w.string(STATE_NAMES.get(index).copied().unwrap_or("unknown"));
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS_STATE_NAME: &'static str = r#"
/** The agent's state, by the vendor's status codes: 0 unknown (also between a sign-in and its resync), 1 signedIn (reserved), 2 signedOut, 3 busy (not ready, with a reason), 4 and 6 idle, 5 wrapUp, 7 talking (occupied by a call, ringing or held included, or a playback), 8 rest, 9 preRest (a rest asked for during a call). */
export type AgentStateName = "unknown" | "signedIn" | "signedOut" | "busy" | "idle" | "wrapUp" | "talking" | "rest" | "preRest";
"#;

/// Where a call goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum CallDirection {
    /// A customer called in.
    Inbound,
    /// The agent (or an outbound campaign) called out.
    Outbound,
    /// Between agents (a number starting with `a`/`A`, or an internal call type).
    Internal,
    /// Not known (e.g. a call first seen in a hold event).
    Unknown,
}

/// What a call is doing for this agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum CallState {
    /// Ringing at the agent, waiting to be answered.
    Ringing,
    /// Called out by the agent; the other party's phone rings.
    Dialing,
    /// Connected.
    Talking,
    /// On hold.
    Held,
    /// A three-party call.
    Conference,
}

/// One call the agent has.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct CallSnapshot {
    /// Call ID.
    pub call_id: String,
    /// Inbound, outbound or internal.
    pub direction: CallDirection,
    /// Calling number, when known (an agent's starts with `a`).
    #[tsify(type = "string | null")]
    pub caller: Option<String>,
    /// Called number, when known.
    #[tsify(type = "string | null")]
    pub called: Option<String>,
    /// Ringing, dialing, talking, held or in a conference.
    pub state: CallState,
    /// Whether the agent's side is muted (set by a successful `beginMute` / `endMute`).
    pub muted: bool,
    /// When the call entered `state`, epoch ms (this client's clock).
    #[tsify(type = "number")]
    pub since: i64,
    /// The other parties of a conference (from `AgentEvent_Conference`), else empty.
    pub partners: Vec<String>,
}

/// The agent's state with what goes with it.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AgentStatusSnapshot {
    /// The state.
    #[tsify(type = "AgentStateName")]
    pub state: StateName,
    /// The vendor's status code of `state` (0..=9).
    #[tsify(type = "number")]
    pub code: i64,
    /// Busy: the reason (1 the agent, 2 no answer, 3 an inspector, 200..=250 custom, ...);
    /// rest: the cause (0 none). `null` when none is known.
    #[tsify(type = "number | null")]
    pub reason: Option<i64>,
    /// When the agent entered this state (or reason), epoch ms (this client's clock).
    #[tsify(type = "number")]
    pub since: i64,
    /// Rest: when it ends, epoch ms, if this client asked for it (`rest({ seconds })`).
    #[tsify(type = "number | null")]
    pub until: Option<i64>,
    /// Rest: the gateway reported the rest time is up (`AgentState_Rest_Timeout`, a reminder:
    /// the agent stays at rest until `cancelRest`).
    pub rest_timed_out: bool,
}

/// The whole live state: what `agent.state` returns (frozen, and the same object until
/// something changes).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct AgentSnapshot {
    /// Whether the agent is signed in, as far as this client knows.
    pub signed_in: bool,
    /// The agent's state.
    pub status: AgentStatusSnapshot,
    /// The calls the agent has, oldest first.
    pub calls: Vec<CallSnapshot>,
    /// Counts the snapshots: one more for each change.
    #[tsify(type = "number")]
    pub revision: u64,
}
