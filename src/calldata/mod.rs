//! Call-data operations (`/agentgateway/resource/calldata/{agentid}/...`).
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`CallInfoBeforeAnswerRequest`] | GET | `/calldata/{agentid}/callinfobeforeanswer` | `queryCallInfoBeforeAnswer` |
//! | [`CallInfoRequest`] | GET | `/calldata/{agentid}/callinfo?isNoContainLastCall=` | `queryCallInfo` |
//! | [`SetCallAppDataRequest`] | PUT | `/calldata/{agentid}/setcalldataex` | `setCallAppDataEx` |
//! | [`CallAppDataRequest`] | GET | `/calldata/{agentid}/appdata?isEncodeResult=&callId=` | `queryCallAppData` |

mod call_app_data;
mod call_info;
mod call_info_before_answer;
mod set_call_app_data;

pub use call_app_data::{CallAppData, CallAppDataRequest};
pub use call_info::{CallInfoRequest, CurrentCall};
pub use call_info_before_answer::{
    CallInfo, CallInfoBeforeAnswerRequest, CallInfoList, CALL_INFO_FIELDS,
};
pub use set_call_app_data::{SetCallAppDataRequest, CALL_DATA_MAX_BYTES};
