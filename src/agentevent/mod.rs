//! Agent events: the poll operation and the typed events it delivers.
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`PollEventsRequest`] | GET | `/agentevent/{agentid}` | `getAgentEvent` |

mod event;
mod poll;

pub use event::{
    AgentEvent, CallEventContent, Content, ContentKind, RecordEventContent, StopRecordDoneContent,
    KNOWN_EVENTS, TS_AGENT_EVENTS,
};
pub use poll::{PollEventsRequest, Polled};
