//! Whispering to an agent, stopping it, and switching among listen, insert and whisper.
//!
//! Vendor pages: "Whispering" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_2412.html>),
//! "Switching Among Listening, Insertion and Whispering"
//! (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_2414.html>). Stopping a whisper
//! comes from the official Java demo (page not retrieved). The target agent travels in the
//! `whisperagentid` query parameter; log names follow the paths (UNCERTAIN).

use crate::de::Int;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{target_operation, Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

target_operation! {
    /// `POST /qualitycontrol/{agentid}/requestwhisperagent?whisperagentid={workNo}`.
    WhisperRequest, Post "/qualitycontrol/{agent}/requestwhisperagent?whisperagentid={work_no}",
    log "requestWhisperAgent", retcodes ["100-006", "900-001", "900-002", "900-003"]
}

target_operation! {
    /// `POST /qualitycontrol/{agentid}/requeststopwhisperagent?whisperagentid={workNo}`.
    StopWhisperRequest, Post "/qualitycontrol/{agent}/requeststopwhisperagent?whisperagentid={work_no}",
    log "requestStopWhisperAgent", retcodes ["100-006", "900-002"]
}

/// `switchtype` values: 0 listen, 1 insert, 2 whisper.
pub const SWITCH_TYPES: &[i64] = &[0, 1, 2];

/// `POST /qualitycontrol/{agentid}/requestswitchinsertwhisperagent?whisperagentid={workNo}&switchtype={switchType}`.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct SwitchModeRequest {
    /// The inspected agent.
    #[serde(rename = "workNo")]
    #[tsify(type = "string | number")]
    pub work_no: crate::de::Text,
    /// 0 = listen, 1 = insert, 2 = whisper.
    #[serde(rename = "switchType")]
    #[tsify(type = "0 | 1 | 2")]
    pub switch_type: Int,
}

impl Operation for SwitchModeRequest {
    const LOG_NAME: &'static str = "requestSwitchInsertWhisperAgent";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["100-006", "900-001", "900-002", "900-003", "900-004"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!(
            "/qualitycontrol/{}/requestswitchinsertwhisperagent?whisperagentid={}&switchtype={}",
            agent_id.as_str(),
            self.work_no.as_str(),
            self.switch_type.0
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        AgentId::parse("workNo", self.work_no.as_str())?;
        validation::one_of("switchType", self.switch_type.0, SWITCH_TYPES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_parameters() {
        let id = AgentId::parse("agentId", "1002").unwrap();
        assert_eq!(
            WhisperRequest::new("1001").path(&id),
            "/qualitycontrol/1002/requestwhisperagent?whisperagentid=1001"
        );
        assert_eq!(
            StopWhisperRequest::new("1001").path(&id),
            "/qualitycontrol/1002/requeststopwhisperagent?whisperagentid=1001"
        );
        let sw: SwitchModeRequest =
            crate::json::from_str(r#"{"workNo":"1001","switchType":2}"#).unwrap();
        assert!(sw.validate().is_ok());
        assert_eq!(
            sw.path(&id),
            "/qualitycontrol/1002/requestswitchinsertwhisperagent?whisperagentid=1001&switchtype=2"
        );
        let bad = SwitchModeRequest {
            switch_type: Int(3),
            ..sw
        };
        assert_eq!(
            bad.validate().err().map(|e| (e.field, e.rule)),
            Some(("switchType".to_owned(), "oneOf"))
        );
    }
}
