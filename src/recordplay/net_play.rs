//! Network play: plays a recording file to the agent.
//!
//! Vendor page: "Playing Network Call Recordings"
//! (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_4212.html>, seed
//! `recordplay-netplay.txt`). Outcome events: `AgentMediaEvent_Play`, `_Play_Succ`,
//! `_Play_Fail`, `_StopPlayDone`.

use crate::de::Int;
use crate::error::ValidationError;
use crate::http::Method;
use crate::json::{Decode, DecodeError, Encode, Reader, Writer};
use crate::operation::{json_body, Ack, Operation};
use crate::validation::{self, AgentId, MAX_SAFE_INTEGER};
use cec_agent_derive::{Decode, Encode};
use std::ops::RangeInclusive;
use tsify::Tsify;

/// `fileName`: "a maximum of 100 characters".
pub const FILE_NAME_MAX_LEN: usize = 100;
/// `fileFormat`: 0 = platform default, 1 = 24K VOX, 2 = 32K VOX.
pub const FILE_FORMATS: &[i64] = &[0, 1, 2];
/// `locationId`: "The value ranges from 0 to 65535".
pub const LOCATION_ID_RANGE: RangeInclusive<i64> = 0..=65_535;
/// `locationId` -1, which the vendor's own example sends although the table says 0..=65535.
/// It is accepted as "no particular node" and sent unchanged, exactly as the vendor example
/// does (`../shared/reference/huawei-cec-api-facts.md` §7, UNCERTAIN).
pub const LOCATION_ID_UNSPECIFIED: i64 = -1;
/// `ccId` is a Java `int`.
const CC_ID_RANGE: RangeInclusive<i64> = 0..=i32::MAX as i64;

/// How many times to play (`playTime`).
///
/// The page: "1: play once. 0: infinite loop. If this parameter is set to other values, the
/// default value 1 is used." So any integer other than 0 decodes as [`PlayTime::Once`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlayTime {
    /// 0: loop until stopped.
    Loop,
    /// 1: play once (the server's default).
    Once,
}

impl Encode for PlayTime {
    fn encode(&self, w: &mut Writer) {
        w.integer(match self {
            PlayTime::Loop => 0,
            PlayTime::Once => 1,
        });
    }
}

impl<'de> Decode<'de> for PlayTime {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        Ok(if Int::decode(r)?.0 == 0 {
            PlayTime::Loop
        } else {
            PlayTime::Once
        })
    }
}

/// Body of `POST /recordplay/{agentid}/netplay` (`beginNetPlay`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct NetPlayRequest {
    /// File path on the media server, at most 100 characters, e.g. `Y:/12/0/20211019/155/1406470.V3`.
    #[serde(rename = "fileName")]
    pub file_name: String,
    /// Where playback starts, in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub position: Option<Int>,
    /// 1 = once (default), 0 = loop; any other number is sent as 1.
    #[serde(rename = "playTime", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "0 | 1")]
    pub play_time: Option<PlayTime>,
    /// 0 = platform default (default), 1 = 24K VOX, 2 = 32K VOX.
    #[serde(rename = "fileFormat", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "0 | 1 | 2")]
    pub file_format: Option<Int>,
    /// ID of the call center holding the file (WAS: Configure NIRC > CCS Type Client > Client ID).
    #[serde(rename = "ccId")]
    #[tsify(type = "number")]
    pub cc_id: Int,
    /// Distributed node ID, 0..=65535, or -1 for none.
    #[serde(rename = "locationId", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub location_id: Option<Int>,
}

impl NetPlayRequest {
    /// A builder; `file_name` and `cc_id` are required.
    pub fn builder() -> NetPlayBuilder {
        NetPlayBuilder::default()
    }
}

impl Operation for NetPlayRequest {
    const LOG_NAME: &'static str = "beginNetPlay";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["100-006", "100-007", "100-018", "500-007"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/recordplay/{}/netplay", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::required("fileName", &self.file_name)?;
        validation::max_length("fileName", &self.file_name, FILE_NAME_MAX_LEN)?;
        if let Some(Int(p)) = self.position {
            validation::in_range("position", p, 0..=MAX_SAFE_INTEGER)?;
        }
        if let Some(Int(f)) = self.file_format {
            validation::one_of("fileFormat", f, FILE_FORMATS)?;
        }
        validation::in_range("ccId", self.cc_id.0, CC_ID_RANGE)?;
        match self.location_id.map(|l| l.0) {
            None | Some(LOCATION_ID_UNSPECIFIED) => Ok(()),
            Some(l) => validation::in_range("locationId", l, LOCATION_ID_RANGE),
        }
    }

    fn body(&self) -> Option<String> {
        json_body(self)
    }
}

/// Builds a [`NetPlayRequest`]; [`NetPlayBuilder::build`] validates it.
#[derive(Debug, Clone, Default)]
pub struct NetPlayBuilder {
    file_name: Option<String>,
    position: Option<i64>,
    play_time: Option<PlayTime>,
    file_format: Option<i64>,
    cc_id: Option<i64>,
    location_id: Option<i64>,
}

impl NetPlayBuilder {
    /// File path (required).
    pub fn file_name(mut self, v: impl Into<String>) -> Self {
        self.file_name = Some(v.into());
        self
    }
    /// Start position in seconds.
    pub fn position(mut self, v: i64) -> Self {
        self.position = Some(v);
        self
    }
    /// Once or loop.
    pub fn play_time(mut self, v: PlayTime) -> Self {
        self.play_time = Some(v);
        self
    }
    /// 0, 1 or 2.
    pub fn file_format(mut self, v: i64) -> Self {
        self.file_format = Some(v);
        self
    }
    /// Call center ID (required).
    pub fn cc_id(mut self, v: i64) -> Self {
        self.cc_id = Some(v);
        self
    }
    /// Node ID, 0..=65535 or -1.
    pub fn location_id(mut self, v: i64) -> Self {
        self.location_id = Some(v);
        self
    }
    /// The validated request.
    pub fn build(self) -> Result<NetPlayRequest, ValidationError> {
        let missing = |f: &str| validation::invalid(f, "required", "is required", "nothing");
        let req = NetPlayRequest {
            file_name: self.file_name.ok_or_else(|| missing("fileName"))?,
            position: self.position.map(Int),
            play_time: self.play_time,
            file_format: self.file_format.map(Int),
            cc_id: Int(self.cc_id.ok_or_else(|| missing("ccId"))?),
            location_id: self.location_id.map(Int),
        };
        req.validate()?;
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn seed_request() -> NetPlayRequest {
        NetPlayRequest::builder()
            .file_name("Y:/12/0/20211019/155/1406470.V3")
            .position(0)
            .play_time(PlayTime::Once)
            .file_format(0)
            .cc_id(1)
            .location_id(-1)
            .build()
            .unwrap()
    }

    #[test]
    fn wire_body_matches_the_seed_example() {
        // The seed sends every number as a string; the table types them long/int, so we send
        // numbers with the same values.
        let seed: serde_json::Value = serde_json::from_str(
            r#"{ "fileName": "Y:/12/0/20211019/155/1406470.V3", "position": "0", "playTime": "1", "fileFormat": "0", "ccId": "1", "locationId": "-1" }"#,
        )
        .unwrap();
        let ours: serde_json::Value =
            serde_json::from_str(&seed_request().body().unwrap()).unwrap();
        let as_numbers: serde_json::Map<String, serde_json::Value> = seed
            .as_object()
            .unwrap()
            .iter()
            .map(
                |(k, v)| match v.as_str().and_then(|s| s.parse::<i64>().ok()) {
                    Some(n) if k != "fileName" => (k.clone(), json!(n)),
                    _ => (k.clone(), v.clone()),
                },
            )
            .collect();
        assert_eq!(ours, serde_json::Value::Object(as_numbers));
        // ...and the seed body itself decodes to the same request (lenient numbers).
        assert_eq!(
            crate::json::from_value::<NetPlayRequest>(seed).unwrap(),
            seed_request()
        );
    }

    #[test]
    fn path_and_method() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(seed_request().path(&id), "/recordplay/1001/netplay");
        assert_eq!(NetPlayRequest::METHOD, Method::Post);
    }

    #[test]
    fn optional_fields_are_omitted() {
        let r = NetPlayRequest::builder()
            .file_name("a.V3")
            .cc_id(7)
            .build()
            .unwrap();
        assert_eq!(r.body().unwrap(), r#"{"fileName":"a.V3","ccId":7}"#);
    }

    #[test]
    fn play_time_other_values_are_sent_as_once() {
        for (given, sent) in [
            (json!(0), 0),
            (json!(1), 1),
            (json!(5), 1),
            (json!(-3), 1),
            (json!("0"), 0),
        ] {
            let r: NetPlayRequest =
                crate::json::from_value(json!({"fileName": "f", "ccId": 1, "playTime": given}))
                    .unwrap();
            let body: serde_json::Value = serde_json::from_str(&r.body().unwrap()).unwrap();
            assert_eq!(body["playTime"], json!(sent), "{given}");
        }
    }

    fn rule_of(r: Result<NetPlayRequest, ValidationError>) -> Option<(String, &'static str)> {
        r.err().map(|e| (e.field, e.rule))
    }

    #[test]
    fn boundaries() {
        let ok = |b: NetPlayBuilder| b.file_name("f").cc_id(1);
        assert!(ok(NetPlayBuilder::default())
            .file_name("a".repeat(100))
            .build()
            .is_ok());
        assert_eq!(
            rule_of(
                ok(NetPlayBuilder::default())
                    .file_name("a".repeat(101))
                    .build()
            ),
            Some(("fileName".into(), "maxLength"))
        );
        assert_eq!(
            rule_of(ok(NetPlayBuilder::default()).file_name("  ").build()),
            Some(("fileName".into(), "required"))
        );
        assert_eq!(
            rule_of(NetPlayBuilder::default().cc_id(1).build()),
            Some(("fileName".into(), "required"))
        );
        assert_eq!(
            rule_of(NetPlayBuilder::default().file_name("f").build()),
            Some(("ccId".into(), "required"))
        );
        assert_eq!(
            rule_of(ok(NetPlayBuilder::default()).cc_id(-1).build()),
            Some(("ccId".into(), "range"))
        );
        assert!(ok(NetPlayBuilder::default())
            .cc_id(i32::MAX as i64)
            .build()
            .is_ok());
        assert_eq!(
            rule_of(
                ok(NetPlayBuilder::default())
                    .cc_id(i32::MAX as i64 + 1)
                    .build()
            ),
            Some(("ccId".into(), "range"))
        );
        assert_eq!(
            rule_of(ok(NetPlayBuilder::default()).position(-1).build()),
            Some(("position".into(), "range"))
        );
        for f in [0, 1, 2] {
            assert!(ok(NetPlayBuilder::default()).file_format(f).build().is_ok());
        }
        assert_eq!(
            rule_of(ok(NetPlayBuilder::default()).file_format(3).build()),
            Some(("fileFormat".into(), "oneOf"))
        );
        for l in [-1, 0, 65_535] {
            assert!(
                ok(NetPlayBuilder::default()).location_id(l).build().is_ok(),
                "{l}"
            );
        }
        for l in [-2, 65_536] {
            assert_eq!(
                rule_of(ok(NetPlayBuilder::default()).location_id(l).build()),
                Some(("locationId".into(), "range")),
                "{l}"
            );
        }
    }

    #[test]
    fn unknown_and_mistyped_fields_are_rejected_when_decoding() {
        assert!(
            crate::json::from_value::<NetPlayRequest>(json!({"filename": "f", "ccId": 1})).is_err()
        );
        assert!(crate::json::from_value::<NetPlayRequest>(
            json!({"fileName": "f", "ccId": 1, "extra": 1})
        )
        .is_err());
        assert!(
            crate::json::from_value::<NetPlayRequest>(json!({"fileName": "f", "ccId": "one"}))
                .is_err()
        );
        assert!(
            crate::json::from_value::<NetPlayRequest>(json!({"fileName": 5, "ccId": 1})).is_err()
        );
    }
}
