//! Voice-call operations (`/agentgateway/resource/voicecall/{agentid}/...`).
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`ThirdPartyConfTransmitNumRequest`] | POST | `/voicecall/{agentid}/thirdPartyConfTransmitNum` | `thirdPartyConfTransmitNum` |
//! | [`AnswerRequest`] | PUT | `/voicecall/{agentid}/answer[?callid=]` | `answer` |
//! | [`ReleaseRequest`] | DELETE | `/voicecall/{agentid}/release` | `release` |
//! | [`DisconnectRequest`] | POST | `/voicecall/{agentid}/disconnect/{number}` | `disconnect` |
//! | [`HoldRequest`] | POST | `/voicecall/{agentid}/hold` | `hold` |
//! | [`GetHoldRequest`] | POST | `/voicecall/{agentid}/gethold[?callid=]` | `getHold` |
//! | [`ConnectHoldRequest`] | POST | `/voicecall/{agentid}/connecthold/{callid}` | `connectHold` |
//! | [`BeginMuteRequest`] | POST | `/voicecall/{agentid}/beginmute` | `beginMute` |
//! | [`EndMuteRequest`] | POST | `/voicecall/{agentid}/endmute` | `endMute` |
//! | [`TransferRequest`] | POST | `/voicecall/{agentid}/transfer` | `transfer` |
//! | [`CancelTransferRequest`] | POST | `/voicecall/{agentid}/canceltransfer` | `cancelTransfer` |
//! | [`CallOutRequest`] | PUT | `/voicecall/{agentid}/callout` | `callout` |
//! | [`CallInnerRequest`] | PUT | `/voicecall/{agentid}/callinner` | `callInner` |
//! | [`CallInnerSkillRequest`] | PUT | `/voicecall/{agentid}/callinnerskill` | `callInnerSkill` |
//! | [`InnerHelpRequest`] | POST | `/voicecall/{agentid}/innerhelp` | `innerHelp` |
//! | [`ConfJoinRequest`] | POST | `/voicecall/{agentid}/confjoin` | `confJoin` |
//! | [`SecondDialRequest`] | POST | `/voicecall/{agentid}/seconddialex?number=` | `secondDialEx` |

mod answer;
mod call_inner;
mod call_inner_skill;
mod call_out;
mod cancel_transfer;
mod conf_join;
mod connect_hold;
mod disconnect;
mod fields;
mod get_hold;
mod hold;
mod inner_help;
mod mute;
mod release;
mod second_dial;
#[cfg(test)]
mod testing;
mod third_party_conf_transmit_num;
mod transfer;

pub use answer::AnswerRequest;
pub use call_inner::CallInnerRequest;
pub use call_inner_skill::CallInnerSkillRequest;
pub use call_out::CallOutRequest;
pub use cancel_transfer::CancelTransferRequest;
pub use conf_join::ConfJoinRequest;
pub use connect_hold::ConnectHoldRequest;
pub use disconnect::DisconnectRequest;
pub use fields::{
    CallSelector, CallStarted, Charset, DialRequest, CALL_APP_DATA_MAX_LEN, MEDIA_ABILITIES,
    NUMBER_MAX_LEN, SKILL_ID_RANGE, USER_VIDEO_DIRECTIONS,
};
pub use get_hold::GetHoldRequest;
pub use hold::HoldRequest;
pub use inner_help::{InnerHelpRequest, HELP_DEVICE_TYPES, HELP_MODES, HELP_THREE_PARTY};
pub use mute::{BeginMuteRequest, EndMuteRequest};
pub use release::ReleaseRequest;
pub use second_dial::SecondDialRequest;
pub use third_party_conf_transmit_num::ThirdPartyConfTransmitNumRequest;
pub use transfer::{TransferRequest, TRANSFER_MODES};
