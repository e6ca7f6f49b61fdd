//! The typed `content` of known events. Every field is optional and lenient (numbers sent as
//! strings and strings sent as numbers both decode, see `crate::de`), because the vendor's
//! examples and pages disagree on types and the gateway leaves fields out.

use crate::de::{Int, Text};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// Content of `AgentEvent_Ringing` ("Notifying the Agent of an Inbound Call",
/// <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0513.html>) and
/// `AgentEvent_Talking` (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1355.html>),
/// which carries the same fields but the transfer ones. Numbers the gateway sends as strings
/// (`"feature": "7"`) are numbers here; an agent's number starts with `a` or `A`.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct CallEventContent {
    /// Call ID.
    #[tsify(type = "string | null")]
    pub callid: Option<Text>,
    /// Calling number.
    #[tsify(type = "string | null")]
    pub caller: Option<Text>,
    /// Called number.
    #[tsify(type = "string | null")]
    pub called: Option<Text>,
    /// "main" or "assistant".
    #[serde(rename = "type")]
    #[tsify(type = "string | null")]
    pub kind: Option<Text>,
    /// Call type (CEC call-type table; 7 = normal outbound).
    #[tsify(type = "number | null")]
    pub feature: Option<Int>,
    /// 1 voice, 2 video, 3 voice + video, 5 text, 6 H5 video.
    #[serde(rename = "mediaAbility")]
    #[tsify(type = "number | null")]
    pub media_ability: Option<Int>,
    /// Media type: 1 text chat, 2 click-to-dial, 4 callback request, 5 voice or video call,
    /// 15 predicted outbound, 16 previewed outbound, 17 message call, 19 video call, 51 web
    /// chat, 53 social chat (newer pages; `"5"` in the zh example).
    #[serde(rename = "mediaType")]
    #[tsify(type = "number | null")]
    pub media_type: Option<Int>,
    /// `"yes"` when the call reached the agent by a transfer, `"no"` otherwise (Ringing).
    #[tsify(type = "string | null")]
    pub transfer: Option<Text>,
    /// Where a transferred call came from, empty otherwise (Ringing). The page names it
    /// `transFrom`, its example `transfrom`: both are read.
    #[serde(rename = "transFrom", alias = "transfrom")]
    #[tsify(type = "string | null")]
    pub trans_from: Option<Text>,
}

/// Content of `AgentMediaEvent_Record` and `AgentMediaEvent_Record_Fail`.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct RecordEventContent {
    /// Recording task ID.
    #[serde(rename = "taskId")]
    #[tsify(type = "number | null")]
    pub task_id: Option<Int>,
    /// Calling number.
    #[tsify(type = "string | null")]
    pub caller: Option<Text>,
    /// Called number.
    #[tsify(type = "string | null")]
    pub called: Option<Text>,
    /// Distributed node ID (sent as a string, e.g. "65535").
    #[serde(rename = "locationId")]
    #[tsify(type = "number | null")]
    pub location_id: Option<Int>,
    /// Recording ID.
    #[serde(rename = "recordID")]
    #[tsify(type = "string | null")]
    pub record_id: Option<Text>,
    /// Recording file, e.g. `Y:/6/0/20161025/20011/1902050.V3`.
    #[serde(rename = "fileName")]
    #[tsify(type = "string | null")]
    pub file_name: Option<Text>,
    /// Call ID.
    #[serde(rename = "callId")]
    #[tsify(type = "string | null")]
    pub call_id: Option<Text>,
    /// 1 audio, 2 video (sent as "1" or 2).
    #[serde(rename = "fileMediaType")]
    #[tsify(type = "number | null")]
    pub file_media_type: Option<Int>,
}

/// Content of `AgentMediaEvent_StopRecordDone`.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct StopRecordDoneContent {
    /// Start, Unix milliseconds.
    #[serde(rename = "beginTime")]
    #[tsify(type = "number | null")]
    pub begin_time: Option<Int>,
    /// End, Unix milliseconds.
    #[serde(rename = "endTime")]
    #[tsify(type = "number | null")]
    pub end_time: Option<Int>,
    /// Recording task ID.
    #[serde(rename = "taskId")]
    #[tsify(type = "number | null")]
    pub task_id: Option<Int>,
    /// 1 audio, 2 video.
    #[serde(rename = "fileMediaType")]
    #[tsify(type = "number | null")]
    pub file_media_type: Option<Int>,
    /// 0 platform default, 1 24K VOX, 2 32K VOX, 3 A-law (newer pages).
    #[serde(rename = "recordFormat")]
    #[tsify(type = "number | null")]
    pub record_format: Option<Int>,
}

/// Content of `AgentEvent_Customer_Alerting`: the other party's phone is ringing
/// (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1356.html>).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct CustomerAlertingContent {
    /// Call ID.
    #[tsify(type = "string | null")]
    pub callid: Option<Text>,
    /// The ringing party's number (for an internal call, the called agent's ID).
    #[serde(rename = "otherPhone")]
    #[tsify(type = "string | null")]
    pub other_phone: Option<Text>,
    /// The ringing agent's ID, empty for a customer.
    #[serde(rename = "otherPhoneWorkno")]
    #[tsify(type = "string | null")]
    pub other_phone_workno: Option<Text>,
    /// "main" or "assistant".
    #[serde(rename = "type")]
    #[tsify(type = "string | null")]
    pub kind: Option<Text>,
}

/// Content of `AgentEvent_Conference`: a three-party call was set up
/// (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1358.html>).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct ConferenceContent {
    /// Call ID.
    #[tsify(type = "string | null")]
    pub callid: Option<Text>,
    /// The other parties' numbers, comma-separated as sent.
    #[tsify(type = "string | null")]
    pub partner: Option<Text>,
}

/// Content of `AgentEvent_Customer_Release`: a party left the call
/// (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1364.html>).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct CustomerReleaseContent {
    /// Call ID.
    #[tsify(type = "string | null")]
    pub callid: Option<Text>,
    /// The number of the party who left.
    #[tsify(type = "string | null")]
    pub number: Option<Text>,
}

/// Content of `AgentEvent_SuccTransResult`: the outcome of a transfer in success mode
/// (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1369.html>).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct TransferResultContent {
    /// Call ID.
    #[serde(rename = "callId")]
    #[tsify(type = "string | null")]
    pub call_id: Option<Text>,
    /// 0 transferred, anything else failed.
    #[tsify(type = "number | null")]
    pub result: Option<Int>,
}

/// Content of `AgentEvent_Incoming_CallInfo`: an inbound call for the agent
/// (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0520.html>).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct IncomingCallInfoContent {
    /// Call ID.
    #[serde(rename = "callId")]
    #[tsify(type = "string | null")]
    pub call_id: Option<Text>,
    /// Skill queue name.
    #[serde(rename = "skillName")]
    #[tsify(type = "string | null")]
    pub skill_name: Option<Text>,
    /// Skill queue ID.
    #[serde(rename = "skillId")]
    #[tsify(type = "number | null")]
    pub skill_id: Option<Int>,
    /// Calling number.
    #[tsify(type = "string | null")]
    pub caller: Option<Text>,
    /// Called number.
    #[tsify(type = "string | null")]
    pub called: Option<Text>,
    /// The agent who released the call last (65535: none).
    #[serde(rename = "lastReleaseAgentId")]
    #[tsify(type = "string | null")]
    pub last_release_agent_id: Option<Text>,
    /// Media type (as `mediaType` of `AgentEvent_Ringing`).
    #[serde(rename = "mediaType")]
    #[tsify(type = "number | null")]
    pub media_type: Option<Int>,
    /// How often an agent released the call and it was queued again.
    #[serde(rename = "releaseAndReQueueCount")]
    #[tsify(type = "number | null")]
    pub release_and_requeue_count: Option<Int>,
    /// 1 when the call was queued again after an agent released it, else 0.
    #[serde(rename = "releaseAndReQueueCallFlag")]
    #[tsify(type = "number | null")]
    pub release_and_requeue_call_flag: Option<Int>,
}

/// Content of `AgentState_SetNotReady_Success` and `AgentState_SetRest_Success`: the reason
/// (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1346.html>; the zh examples
/// send it as a string, `{"reason":"200"}`). Busy reasons: 0 none, 1 the agent, 2 no answer,
/// 3 an inspector, 4 rest, 5 phone unavailable, 7 a rejected call, 200..=250 custom; the list
/// differs between page versions, so any integer is kept.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct ReasonContent {
    /// The reason code (rest: the rest cause).
    #[tsify(type = "number | null")]
    pub reason: Option<Int>,
}

/// Content of `AgentOther_ShutdownService`: the agent was signed out.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct ShutdownServiceContent {
    /// When the ended session had signed in, as sent (the pages do not fix its form).
    #[serde(rename = "loginTime")]
    #[tsify(type = "string | null")]
    pub login_time: Option<Text>,
}

/// Content of `AgentOther_PhoneRelease`: the agent's phone is on hook
/// (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1396.html>).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct PhoneReleaseContent {
    /// Why: 3 released by the platform, 2 by the agent.
    #[serde(rename = "phoneState")]
    #[tsify(type = "number | null")]
    pub phone_state: Option<Int>,
}
