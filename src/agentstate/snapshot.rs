//! What a UI renders: the agent's state and calls, as one immutable value ([`AgentSnapshot`]).

use cec_agent_derive::Encode;
use tsify::Tsify;

/// The agent's state, named after the vendor's status codes ("Agent Status Codes",
/// <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0581.html>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum AgentStateName {
    /// 0: unknown (also before the first resync after a sign-in).
    Unknown,
    /// 1: signed in (reserved by the vendor).
    SignedIn,
    /// 2: signed out.
    SignedOut,
    /// 3: busy (not ready), with a reason.
    Busy,
    /// 4 (and the reserved 6, "same as idle"): idle, ready for calls.
    Idle,
    /// 5: wrap-up (after-call work).
    WrapUp,
    /// 7: talking (occupied by a call, or playing).
    Talking,
    /// 8: at rest, with a cause and, when this client asked for it, when it ends.
    Rest,
    /// 9: rest requested, taken when the current call ends.
    PreRest,
}

/// The vendor's status codes and the state each one means: one row each.
pub const STATUS_CODES: &[(i64, AgentStateName)] = &[
    (0, AgentStateName::Unknown),
    (1, AgentStateName::SignedIn),
    (2, AgentStateName::SignedOut),
    (3, AgentStateName::Busy),
    (4, AgentStateName::Idle),
    (5, AgentStateName::WrapUp),
    (6, AgentStateName::Idle),
    (7, AgentStateName::Talking),
    (8, AgentStateName::Rest),
    (9, AgentStateName::PreRest),
];

impl AgentStateName {
    /// The state a status code means (an unlisted code: unknown).
    pub fn from_code(code: i64) -> Self {
        STATUS_CODES
            .iter()
            .find(|(c, _)| *c == code)
            .map_or(Self::Unknown, |(_, s)| *s)
    }

    /// The state's vendor status code (idle: 4).
    pub fn code(self) -> i64 {
        STATUS_CODES
            .iter()
            .find(|(_, s)| *s == self)
            .map_or(0, |(c, _)| *c)
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
