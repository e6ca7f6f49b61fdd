//! What a UI renders: the agent's state and calls, as one immutable value ([`AgentSnapshot`]).

use crate::onlineagent::AgentStateCode;
use cec_agent_derive::Encode;
use tsify::Tsify;

/// The agent's state, by name: what each code of the vendor's status table
/// (`AgentStateCode`, "Agent Status Codes",
/// <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0581.html>) means to a UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum AgentStateName {
    /// Not known (also between a sign-in and its resync).
    Unknown,
    /// Signed in, nothing more known (a code the vendor reserves).
    SignedIn,
    /// Not signed in.
    SignedOut,
    /// Not ready, with a reason.
    Busy,
    /// Ready for calls.
    Idle,
    /// After-call work.
    WrapUp,
    /// Occupied by a call (ringing, talking, held) or a playback.
    Talking,
    /// Resting, with a cause and, when this client asked for it, its end.
    Rest,
    /// A rest asked for during a call, taken when the call ends.
    PreRest,
}

/// What each status code means, in code order; one row each. The reserved 6 ("same as
/// idle") is idle; idle's own code is 4, the first row that names it.
pub const STATE_OF_CODE: [(AgentStateCode, AgentStateName); 10] = [
    (AgentStateCode::Unknown, AgentStateName::Unknown),
    (AgentStateCode::SignedIn, AgentStateName::SignedIn),
    (AgentStateCode::SignedOut, AgentStateName::SignedOut),
    (AgentStateCode::Busy, AgentStateName::Busy),
    (AgentStateCode::Idle, AgentStateName::Idle),
    (AgentStateCode::WrapUp, AgentStateName::WrapUp),
    (AgentStateCode::IdleReserved, AgentStateName::Idle),
    (AgentStateCode::Talking, AgentStateName::Talking),
    (AgentStateCode::Rest, AgentStateName::Rest),
    (AgentStateCode::PreRest, AgentStateName::PreRest),
];

impl AgentStateName {
    /// The state a status code means (a code outside the table: unknown).
    pub fn from_code(code: i64) -> Self {
        STATE_OF_CODE
            .iter()
            .find(|(c, _)| c.code() == code)
            .map_or(Self::Unknown, |(_, s)| *s)
    }

    /// The state's status code (idle: 4).
    pub fn code(self) -> i64 {
        STATE_OF_CODE
            .iter()
            .find(|(_, s)| *s == self)
            .map_or(0, |(c, _)| c.code())
    }
}

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
    pub state: AgentStateName,
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
