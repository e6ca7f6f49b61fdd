//! The live agent state a UI renders: a pure machine (no I/O, no clock of its own) that the
//! bindings drive with the polled events, the outcomes of the operations and a resync from
//! `getAgentStatus` + `queryCallInfo` after every sign-in, resume and poller recovery.
//!
//! Vendor facts: `../shared/reference/agent-shift-ops.md` §A (status codes), §B (the events
//! each operation triggers), §D (events) and §G. Each [`Machine`] method returns whether the
//! snapshot changed, so the bindings make a new JS object (and notify) only then.

mod machine;
mod snapshot;

pub use machine::{direction, Machine, Outcome, Resync, ResyncCall, ENDED_MEMORY};
pub use snapshot::{
    AgentSnapshot, AgentStatusSnapshot, CallDirection, CallSnapshot, CallState, StateName,
    STATE_NAMES,
};

#[cfg(test)]
mod tests;
