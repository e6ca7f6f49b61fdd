//! Transferring the current call to a skill queue, an agent, an IVR, an access code or an
//! external number.
//!
//! Vendor page: "Transferring a Call" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1242.html>,
//! 2025-11; <https://support.huaweicloud.com/intl/pt-br/api-cec/cec_07_1242.html>). Result `{}`.
//! Which `mode` each `devicetype` allows is [`TRANSFER_MODES`]. Events: release mode
//! `AgentEvent_Call_Release`; success mode `AgentEvent_SuccTransResult {callId, result}`;
//! three-party `AgentEvent_Conference`; talk `AgentEvent_Talking`; IVR hang-up
//! `AgentEvent_ReturnFromIvr`; failure `AgentEvent_Connect_Fail`. No error codes were
//! captured: those of the sibling pages (UNCERTAIN).

use super::fields::{common, not_applicable, number, CallBody, Charset};
use crate::de::{Int, Text};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::{invalid, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `devicetype` 2: an agent (the only type `skillId` applies to).
pub const DEVICE_AGENT: i64 = 2;
/// `devicetype` 5: an external number (the only type `caller` applies to; its address may
/// hold `A-E a-e * #`).
pub const DEVICE_EXTERNAL: i64 = 5;
/// `mode` 1 of an external number: release transfer (`caller` is ignored there).
pub const MODE_EXTERNAL_RELEASE: i64 = 1;

/// Every `devicetype`, what it is, and the `mode`s it allows (H-1242): 0 release, 1 hang-up
/// (IVR: the agent waits for the call's return) or release (external), 2 success, 3 talk
/// (external) or "specified" transfer to the agent's private queue (agent: listed as "not
/// yet open to third parties", UNCERTAIN), 4 three-party (external).
pub const TRANSFER_MODES: &[(i64, &str, &[i64])] = &[
    (1, "skill queue", &[0, 2]),
    (DEVICE_AGENT, "agent", &[0, 2, 3]),
    (3, "IVR", &[0, 1]),
    (4, "access code", &[0, 2]),
    (DEVICE_EXTERNAL, "external number", &[1, 2, 3, 4]),
];

/// `POST /voicecall/{agentid}/transfer` (`transfer`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// 1 skill queue, 2 agent, 3 IVR, 4 access code, 5 external number.
    #[serde(rename = "deviceType")]
    #[tsify(type = "1 | 2 | 3 | 4 | 5")]
    pub device_type: Int,
    /// Where to: 1..=24 digits (an external number may also hold `A-E a-e * #`).
    #[tsify(type = "string")]
    pub address: Text,
    /// How (see `TRANSFER_MODES`): skill queue / access code 0 or 2, agent 0, 2 or 3, IVR 0
    /// or 1, external number 1, 2, 3 or 4.
    #[tsify(type = "0 | 1 | 2 | 3 | 4")]
    pub mode: Int,
    /// Call data for the transfer target, at most 16k.
    #[serde(rename = "callAppData", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub call_app_data: Option<String>,
    /// Calling number shown to an external number (0..=24 digits; not in release mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub caller: Option<Text>,
    /// 0 audio, 1 video, 2.
    #[serde(rename = "mediaAbility", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "0 | 1 | 2")]
    pub media_ability: Option<Int>,
    /// Whether the customer is held meanwhile (the gateway's default: true).
    #[serde(rename = "holdFlag", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub hold_flag: Option<bool>,
    /// The agent's skill to transfer in (deviceType 2 only).
    #[serde(rename = "skillId", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub skill_id: Option<Int>,
}

impl TransferRequest {
    /// A transfer to `address` of `device_type` in `mode`, without the optional fields.
    pub fn new(device_type: i64, address: &str, mode: i64) -> Self {
        Self {
            device_type: Int(device_type),
            address: address.into(),
            mode: Int(mode),
            call_app_data: None,
            caller: None,
            media_ability: None,
            hold_flag: None,
            skill_id: None,
        }
    }
}

/// The row of `device_type` in [`TRANSFER_MODES`].
fn device(device_type: i64) -> Result<(&'static str, &'static [i64]), ValidationError> {
    TRANSFER_MODES
        .iter()
        .find(|(t, _, _)| *t == device_type)
        .map(|(_, name, modes)| (*name, *modes))
        .ok_or_else(|| {
            invalid(
                "deviceType",
                "oneOf",
                "must be one of 1 (skill queue), 2 (agent), 3 (IVR), 4 (access code), 5 (external number)",
                device_type.to_string(),
            )
        })
}

impl Operation for TransferRequest {
    const LOG_NAME: &'static str = "transfer";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/voicecall/{}/transfer", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        let (Int(kind), Int(mode)) = (self.device_type, self.mode);
        let (name, modes) = device(kind)?;
        if !modes.contains(&mode) {
            let list: Vec<String> = modes.iter().map(i64::to_string).collect();
            return Err(invalid(
                "mode",
                "oneOf",
                format!(
                    "must be one of {} for deviceType {kind} ({name})",
                    list.join(", ")
                ),
                mode.to_string(),
            ));
        }
        let charset = if kind == DEVICE_EXTERNAL {
            Charset::External
        } else {
            Charset::Digits
        };
        number("address", self.address.as_str(), 1, charset)?;
        if let (Some(s), false) = (self.skill_id, kind == DEVICE_AGENT) {
            return Err(not_applicable("skillId", "deviceType 2 (agent)", s.0));
        }
        let to_external = kind == DEVICE_EXTERNAL && mode != MODE_EXTERNAL_RELEASE;
        if let (Some(c), false) = (&self.caller, to_external) {
            return Err(not_applicable(
                "caller",
                "deviceType 5 (external number) in modes 2, 3 and 4",
                crate::validation::shown(c.as_str()),
            ));
        }
        common(
            self.call_app_data.as_ref(),
            self.caller.as_ref(),
            self.media_ability,
            self.skill_id,
        )
    }

    fn body(&self) -> Option<String> {
        CallBody {
            devicetype: Some(self.device_type.0),
            address: Some(self.address.as_str()),
            mode: Some(self.mode.0),
            callappdata: self.call_app_data.as_deref(),
            caller: self.caller.as_ref().map(Text::as_str),
            mediaability: self.media_ability.map(|m| m.0),
            holdflag: self.hold_flag,
            skill_id: self.skill_id.map(|s| s.0),
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
    fn every_mode_of_the_matrix() {
        for device_type in 1..=5 {
            let address = if device_type == 5 { "0aE*#9" } else { "1002" };
            for mode in 0..=4 {
                let allowed = matches!(
                    (device_type, mode),
                    (1 | 4, 0 | 2) | (2, 0 | 2 | 3) | (3, 0 | 1) | (5, 1..=4)
                );
                let op = TransferRequest::new(device_type, address, mode);
                let got = op.validate();
                assert_eq!(got.is_ok(), allowed, "deviceType {device_type} mode {mode}");
                if let Err(e) = got {
                    assert_eq!((e.field.as_str(), e.rule), ("mode", "oneOf"));
                    assert!(
                        e.expected
                            .contains(&format!("for deviceType {device_type} (")),
                        "names the device type: {e}"
                    );
                    assert_eq!(e.value, mode.to_string());
                }
            }
        }
        let e = TransferRequest::new(3, "1", 2).validate().unwrap_err();
        assert_eq!(
            e.to_string(),
            "mode must be one of 0, 1 for deviceType 3 (IVR): got 2"
        );
        for bad in [0, 6] {
            assert_eq!(
                broken(&TransferRequest::new(bad, "1", 0)),
                Some(("deviceType".to_owned(), "oneOf"))
            );
        }
    }

    #[test]
    fn address_charset_per_device_type() {
        assert_eq!(broken(&TransferRequest::new(5, "abcde*#", 2)), None);
        assert_eq!(broken(&TransferRequest::new(5, &"E".repeat(24), 2)), None);
        for (kind, mode, bad) in [
            (5, 2, "F1"),
            (5, 2, ""),
            (5, 2, &"1".repeat(25) as &str),
            (1, 0, "1A"),
            (2, 0, "10*1"),
            (3, 0, ""),
            (4, 2, &"1".repeat(25)),
        ] {
            assert_eq!(
                broken(&TransferRequest::new(kind, bad, mode)),
                Some(("address".to_owned(), "format")),
                "{kind} {bad:?}"
            );
        }
        assert_eq!(broken(&TransferRequest::new(4, &"1".repeat(24), 2)), None);
    }

    #[test]
    fn skill_id_and_caller_only_where_they_apply() {
        let with_skill = |kind, mode| TransferRequest {
            skill_id: Some(Int(3)),
            ..TransferRequest::new(kind, "1002", mode)
        };
        assert_eq!(broken(&with_skill(2, 0)), None);
        assert_eq!(
            broken(&with_skill(1, 0)),
            Some(("skillId".to_owned(), "notApplicable"))
        );
        let with_caller = |kind, mode| TransferRequest {
            caller: Some("70001".into()),
            ..TransferRequest::new(kind, "1002", mode)
        };
        for mode in [2, 3, 4] {
            assert_eq!(broken(&with_caller(5, mode)), None);
        }
        for (kind, mode) in [(5, 1), (2, 0), (1, 2)] {
            assert_eq!(
                broken(&with_caller(kind, mode)),
                Some(("caller".to_owned(), "notApplicable")),
                "{kind} {mode}"
            );
        }
        let long = TransferRequest {
            call_app_data: Some("x".repeat(16 * 1024 + 1)),
            ..TransferRequest::new(2, "1002", 0)
        };
        assert_eq!(broken(&long), Some(("callAppData".to_owned(), "maxLength")));
    }

    #[test]
    fn body_in_the_vendor_spelling() {
        let op: TransferRequest = crate::json::from_value(json!({
            "deviceType": 2, "address": "1002", "mode": "2", "callAppData": "vip",
            "mediaAbility": 0, "holdFlag": false, "skillId": 7
        }))
        .unwrap();
        assert_eq!(broken(&op), None);
        assert_eq!(path(&op), "/voicecall/1001/transfer");
        assert_eq!(TransferRequest::METHOD, Method::Post);
        assert_eq!(
            body(&op),
            json!({"devicetype": 2, "address": "1002", "mode": 2, "callappdata": "vip",
                   "mediaability": 0, "holdflag": false, "skillId": 7})
        );
        assert_eq!(
            body(&TransferRequest::new(1, "3", 0)),
            json!({"devicetype": 1, "address": "3", "mode": 0})
        );
        assert!(crate::json::from_value::<TransferRequest>(
            json!({"devicetype": 1, "address": "3", "mode": 0})
        )
        .is_err());
        documented_failures::<TransferRequest>();
    }
}
