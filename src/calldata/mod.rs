//! Call-data operations (`/agentgateway/resource/calldata/{agentid}/...`).
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`CallInfoBeforeAnswerRequest`] | GET | `/calldata/{agentid}/callinfobeforeanswer` | `queryCallInfoBeforeAnswer` |
//! | [`CallInfoRequest`] | GET | `/calldata/{agentid}/callinfo?isNoContainLastCall=` | `queryCallInfo` |

mod call_info;
mod call_info_before_answer;

pub use call_info::{CallInfoRequest, CurrentCall};
pub use call_info_before_answer::{
    CallInfo, CallInfoBeforeAnswerRequest, CallInfoList, CALL_INFO_FIELDS,
};
