//! Quality-control (inspector) operations (`/agentgateway/resource/qualitycontrol/{agentid}/...`).
//! `{agentid}` is the inspector, `{workNo}` the inspected agent in the same VDN.
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`AddSuperviseRequest`] | PUT | `/qualitycontrol/{agentid}/addsupervise/{workNo}` | `addSupervise` |
//! | [`AddInsertRequest`] | PUT | `/qualitycontrol/{agentid}/addinsert/{workNo}` | `addInsert` |
//! | [`StopSuperviseRequest`] | DELETE | `/qualitycontrol/{agentid}/{workNo}` | `stopSupervise` |
//! | [`SwitchSuperviseOrInsertRequest`] | POST | `/qualitycontrol/{agentid}/switch/{workNo}` | `switchSuperviseOrInsert` |
//! | [`WhisperRequest`] | POST | `/qualitycontrol/{agentid}/requestwhisperagent?whisperagentid={workNo}` | `requestWhisperAgent` |
//! | [`StopWhisperRequest`] | POST | `/qualitycontrol/{agentid}/requeststopwhisperagent?whisperagentid={workNo}` | `requestStopWhisperAgent` |
//! | [`SwitchModeRequest`] | POST | `/qualitycontrol/{agentid}/requestswitchinsertwhisperagent?whisperagentid=&switchtype=` | `requestSwitchInsertWhisperAgent` |
//! | [`InterceptRequest`] | PUT | `/qualitycontrol/{agentid}/intercept/{workNo}[/{callId}]` | `intercept` |

mod intercept;
mod listen_insert;
mod whisper;

pub use crate::validation::CALL_ID_MAX_LEN;
pub use intercept::InterceptRequest;
pub use listen_insert::{
    AddInsertRequest, AddSuperviseRequest, StopSuperviseRequest, SwitchSuperviseOrInsertRequest,
};
pub use whisper::{StopWhisperRequest, SwitchModeRequest, WhisperRequest, SWITCH_TYPES};
