//! Agent events: the poll operation and the typed events it delivers.
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`PollEventsRequest`] | GET | `/agentevent/{agentid}` | `getAgentEvent` |

mod content;
mod event;
mod poll;

pub use content::{
    CallEventContent, ConferenceContent, CustomerAlertingContent, CustomerReleaseContent,
    IncomingCallInfoContent, PhoneReleaseContent, ReasonContent, RecordEventContent,
    ShutdownServiceContent, StopRecordDoneContent, TransferResultContent,
};
pub use event::{AgentEvent, Content, ContentKind, KNOWN_EVENTS, TS_AGENT_EVENTS};
pub use poll::{PollEventsRequest, Polled};
