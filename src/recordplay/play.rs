//! Plays a voice file to the agent's phone (the agent must not be in a call).
//!
//! Vendor page: "Playing a Voice" (<https://support.huaweicloud.com/intl/th-th/api-cec/cec_07_0394.html>),
//! whose body table was not captured. The fields below are those an older public client sends
//! (`../shared/reference/huawei-cec-api-facts.md` §3.1) and are UNCERTAIN: names, and every
//! limit, live in this one file. Outcome events: `AgentMediaEvent_Play_Succ`, `_Play`,
//! `_Play_Fail`.

use crate::de::Int;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{json_body, Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// Longest `voicepath` accepted (UNCERTAIN: the page's limit was not captured).
pub const VOICE_PATH_MAX_LEN: usize = 256;

/// Body of `PUT /recordplay/{agentid}/play` (`beginPlay`). Field names are the vendor's
/// (including the spelling `startpostion`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct PlayRequest {
    /// Path of the voice file on the media server.
    pub voicepath: String,
    /// Start position in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub startpostion: Option<Int>,
    /// Volume change.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub volumechange: Option<Int>,
    /// Speed change.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub speedchange: Option<Int>,
    /// Number of times to play.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub times: Option<Int>,
    /// Encoding of the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub codeformat: Option<Int>,
}

impl Operation for PlayRequest {
    const LOG_NAME: &'static str = "beginPlay";
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007", "500-007"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/recordplay/{}/play", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::required("voicepath", &self.voicepath)?;
        validation::max_length("voicepath", &self.voicepath, VOICE_PATH_MAX_LEN)?;
        for (field, v) in [("startpostion", self.startpostion), ("times", self.times)] {
            if let Some(Int(v)) = v {
                validation::in_range(field, v, 0..=i64::from(i32::MAX))?;
            }
        }
        Ok(())
    }

    fn body(&self) -> Option<String> {
        json_body(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_body_and_rules() {
        let req: PlayRequest =
            crate::json::from_str(r#"{"voicepath":"Y:/a.V3","times":"2"}"#).unwrap();
        assert_eq!(req.body().unwrap(), r#"{"voicepath":"Y:/a.V3","times":2}"#);
        assert!(req.validate().is_ok());
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(req.path(&id), "/recordplay/1001/play");
        let long = PlayRequest {
            voicepath: "a".repeat(257),
            ..req.clone()
        };
        assert_eq!(long.validate().err().map(|e| e.rule), Some("maxLength"));
        let neg = PlayRequest {
            startpostion: Some(Int(-1)),
            ..req
        };
        assert_eq!(
            neg.validate().err().map(|e| e.field),
            Some("startpostion".to_owned())
        );
    }
}
