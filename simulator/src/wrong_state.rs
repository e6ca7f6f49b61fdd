//! The one table of the codes an operation answers when the agent is in the wrong state
//! for it (nothing ringing, no call, no held call, at rest, ...).
//!
//! Where the operation's vendor page documents a code for it, the row gives that code.
//! Where it does not (UNCERTAIN in agent-shift-ops.md section G), the row gives the closest
//! code the page does list, and says so: `100-009` ("error setting agent state") for the
//! agent-state operations, `100-007` ("internal error during the agent operation", listed
//! on nearly every call-control page) for call control, `400-001` ("no call", the call-data
//! family) for call data. Changing a code is changing one row.

use axum::response::Response;

use crate::reply::fail;

/// An operation refused in the current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// sayFree at rest.
    SayFree,
    /// sayBusy at rest.
    SayBusy,
    /// cancelBusy when not busy.
    CancelBusy,
    /// rest at rest (without prolong) or while a rest is pending.
    Rest,
    /// cancelRest when not at rest.
    CancelRest,
    /// sayWork at rest.
    SayWork,
    /// cancelWork when not in wrap-up.
    CancelWork,
    /// answer with nothing ringing.
    Answer,
    /// release with no call.
    Release,
    /// disconnect: no call, or the number is not in it.
    Disconnect,
    /// disconnect: the number is a held party outside the current call.
    DisconnectHeld,
    /// hold with no talking call.
    Hold,
    /// getHold with no held call (or while talking in another call).
    GetHold,
    /// connectHold: the call ID is not a held call.
    ConnectHoldNotHeld,
    /// connectHold: no talking call to connect it with.
    ConnectHoldNoCall,
    /// beginMute / endMute with no talking call.
    Mute,
    /// transfer with no talking call.
    Transfer,
    /// cancelTransfer with no talk or three-party transfer to an external number.
    CancelTransfer,
    /// callOut, callInner, callInnerSkill while ringing, dialing or talking.
    Dial,
    /// innerHelp with no talking call.
    InnerHelp,
    /// confJoin: the call ID is not a held call.
    ConfJoinNotHeld,
    /// confJoin: no talking call to join it with.
    ConfJoinNoCall,
    /// secondDialEx with no talking call.
    SecondDial,
    /// callinfo, setcalldataex, appdata with no (such) call.
    CallData,
}

impl Op {
    /// The code and message.
    pub fn code(self) -> (&'static str, &'static str) {
        match self {
            // Documented: H-1345, H-13461, H-1212, H-13482, H-1216 list 100-009.
            Op::SayFree => ("100-009", "error setting agent state: the agent is at rest"),
            Op::SayBusy => ("100-009", "error setting agent state: the agent is at rest"),
            Op::CancelBusy => (
                "100-009",
                "error setting agent state: the agent is not busy",
            ),
            Op::Rest => (
                "100-009",
                "error setting agent state: the agent is already at rest",
            ),
            Op::CancelWork => (
                "100-009",
                "error setting agent state: the agent is not in wrap-up",
            ),
            // Not on the page (cancelrest, work): closest, as their siblings.
            Op::CancelRest => (
                "100-009",
                "error setting agent state: the agent is not at rest",
            ),
            Op::SayWork => ("100-009", "error setting agent state: the agent is at rest"),
            // Documented: H-1234, H-1247, H-1248, H-1240, H-1245.
            Op::Answer => ("200-002", "answer failed: no call is ringing"),
            Op::Release => ("200-017", "release failed: the agent has no call"),
            Op::Disconnect => (
                "200-023",
                "disconnect failed: the number is not in the call",
            ),
            Op::DisconnectHeld => (
                "200-024",
                "disconnect failed: the number is held outside the current call",
            ),
            Op::ConnectHoldNotHeld => ("200-013", "connect hold failed: the call is not held"),
            Op::ConnectHoldNoCall => ("200-014", "connect hold failed: no talking call"),
            Op::ConfJoinNotHeld => ("200-010", "conference failed: the call is not held"),
            Op::ConfJoinNoCall => ("200-011", "conference failed: no talking call"),
            // Not on the page (hold, gethold, mute, transfer, canceltransfer): 100-007,
            // which their sibling pages list. Listed there: callout, callinner(skill),
            // innerhelp, seconddialex.
            Op::Hold => ("100-007", "hold failed: no talking call"),
            Op::GetHold => (
                "100-007",
                "unhold failed: no held call, or talking in another call",
            ),
            Op::Mute => ("100-007", "mute failed: no talking call"),
            Op::Transfer => ("100-007", "transfer failed: no talking call"),
            Op::CancelTransfer => ("100-007", "cancel transfer failed: no transfer to cancel"),
            Op::Dial => ("100-007", "call failed: the agent is already in a call"),
            Op::InnerHelp => ("100-007", "internal help failed: no talking call"),
            Op::SecondDial => ("100-007", "second dial failed: no talking call"),
            // Not on the callinfo/appdata pages; 400-001 is the call-data "no call" code
            // (H-0421 lists it for setcalldataex).
            Op::CallData => ("400-001", "no call"),
        }
    }

    /// The failure envelope.
    pub fn fail(self) -> Response {
        let (code, message) = self.code();
        fail(code, message)
    }
}
