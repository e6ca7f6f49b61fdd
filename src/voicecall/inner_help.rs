//! Consulting another agent or a skill queue during a call (internal help): two-party (the
//! customer held, by default) or three-party.
//!
//! Vendor page: "Requesting Internal Help" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1236.html>).
//! Body: `dstaddress` (required: an agent ID, or a skill queue ID), `devicetype` 1 skill
//! queue / 2 agent (default 2), `mode` 1 two-party / 2 three-party (default 1),
//! `callappdata` (at most 16k), `holdflag` (default true). `result` is the call ID. Events:
//! `AgentEvent_Hold`, `AgentEvent_Talking`, `AgentEvent_Conference` (three-party); failure
//! `AgentEvent_Consult_Fail`. Error codes as the sibling pages (UNCERTAIN).

use super::fields::{common, number, CallBody, CallStarted, Charset};
use crate::de::{Int, Text};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::Operation;
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `devicetype`: 1 skill queue, 2 agent (the gateway's default).
pub const HELP_DEVICE_TYPES: &[i64] = &[1, 2];
/// `mode`: 1 two-party (the gateway's default), 2 three-party.
pub const HELP_MODES: &[i64] = &[1, 2];
/// `mode` 2: the helper joins the call.
pub const HELP_THREE_PARTY: i64 = 2;

/// `POST /voicecall/{agentid}/innerhelp` (`innerHelp`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct InnerHelpRequest {
    /// The helper: an agent ID (deviceType 2) or a skill queue ID (deviceType 1).
    #[serde(rename = "dstAddress")]
    #[tsify(type = "string")]
    pub dst_address: Text,
    /// 1 skill queue, 2 agent (default).
    #[serde(rename = "deviceType", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "1 | 2")]
    pub device_type: Option<Int>,
    /// 1 two-party (default), 2 three-party.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "1 | 2")]
    pub mode: Option<Int>,
    /// Call data for the helper, at most 16k.
    #[serde(rename = "callAppData", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub call_app_data: Option<String>,
    /// Whether the customer is held while consulting (default true).
    #[serde(rename = "holdFlag", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub hold_flag: Option<bool>,
}

impl InnerHelpRequest {
    /// A two-party consultation of agent `dst_address`.
    pub fn new(dst_address: &str) -> Self {
        Self {
            dst_address: dst_address.into(),
            device_type: None,
            mode: None,
            call_app_data: None,
            hold_flag: None,
        }
    }
}

impl Operation for InnerHelpRequest {
    const LOG_NAME: &'static str = "innerHelp";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007"];
    type Output = CallStarted;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/voicecall/{}/innerhelp", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        let device_type = self.device_type.map_or(2, |d| d.0);
        validation::one_of("deviceType", device_type, HELP_DEVICE_TYPES)?;
        if let Some(Int(m)) = self.mode {
            validation::one_of("mode", m, HELP_MODES)?;
        }
        let dst = self.dst_address.as_str();
        if device_type == 2 {
            AgentId::parse("dstAddress", dst)?;
        } else {
            number("dstAddress", dst, 1, Charset::Digits)?;
        }
        common(self.call_app_data.as_ref(), None, None, None)
    }

    fn body(&self) -> Option<String> {
        CallBody {
            dstaddress: Some(self.dst_address.as_str()),
            devicetype: self.device_type.map(|d| d.0),
            mode: self.mode.map(|m| m.0),
            callappdata: self.call_app_data.as_deref(),
            holdflag: self.hold_flag,
            ..CallBody::default()
        }
        .json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voicecall::testing::*;
    use serde_json::json;

    #[test]
    fn body_path_and_defaults() {
        let op = InnerHelpRequest::new("1002");
        assert_eq!(path(&op), "/voicecall/1001/innerhelp");
        assert_eq!(InnerHelpRequest::METHOD, Method::Post);
        assert_eq!(body(&op), json!({"dstaddress": "1002"}));
        let full: InnerHelpRequest = crate::json::from_value(json!({"dstAddress": 7,
            "deviceType": 1, "mode": 2, "callAppData": "x", "holdFlag": false}))
        .unwrap();
        assert_eq!(broken(&full), None);
        assert_eq!(
            body(&full),
            json!({"dstaddress": "7", "devicetype": 1, "mode": 2, "callappdata": "x", "holdflag": false})
        );
        documented_failures::<InnerHelpRequest>();
    }

    #[test]
    fn limits_both_sides() {
        let with = |d: Option<i64>, m: Option<i64>, dst: &str| InnerHelpRequest {
            device_type: d.map(Int),
            mode: m.map(Int),
            ..InnerHelpRequest::new(dst)
        };
        assert_eq!(broken(&with(Some(2), Some(1), "101")), None);
        assert_eq!(broken(&with(None, None, "59999")), None);
        for (d, m, dst, field, rule) in [
            (Some(3), None, "1002", "deviceType", "oneOf"),
            (Some(0), None, "1002", "deviceType", "oneOf"),
            (None, Some(0), "1002", "mode", "oneOf"),
            (None, Some(3), "1002", "mode", "oneOf"),
            (None, None, "100", "dstAddress", "range"),
            (None, None, "60000", "dstAddress", "range"),
            (Some(1), None, "", "dstAddress", "format"),
            (Some(1), None, "1*", "dstAddress", "format"),
        ] {
            assert_eq!(
                broken(&with(d, m, dst)),
                Some((field.to_owned(), rule)),
                "{d:?} {m:?} {dst:?}"
            );
        }
        assert_eq!(broken(&with(Some(1), None, &"9".repeat(24))), None);
        assert_eq!(
            broken(&with(Some(1), None, &"9".repeat(25))),
            Some(("dstAddress".to_owned(), "format"))
        );
    }
}
