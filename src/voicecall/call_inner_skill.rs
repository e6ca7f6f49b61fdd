//! Calling a skill queue's agents (an internal call to whoever the queue picks).
//!
//! Vendor page: "Making an Internal Call to a Skill Queue" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_0370.html>).
//! Body `{skillId}` (required). `result` is the new call's ID. Events as callinner's;
//! failure `AgentEvent_Inside_Call_Fail`.

use super::fields::{CallBody, CallStarted, SKILL_ID_RANGE};
use crate::de::Int;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::Operation;
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `PUT /voicecall/{agentid}/callinnerskill` (`callInnerSkill`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct CallInnerSkillRequest {
    /// The skill queue.
    #[serde(rename = "skillId")]
    #[tsify(type = "number")]
    pub skill_id: Int,
}

impl Operation for CallInnerSkillRequest {
    const LOG_NAME: &'static str = "callInnerSkill";
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["000-002", "100-006", "100-007"];
    type Output = CallStarted;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/voicecall/{}/callinnerskill", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::in_range("skillId", self.skill_id.0, SKILL_ID_RANGE)
    }

    fn body(&self) -> Option<String> {
        CallBody {
            skill_id: Some(self.skill_id.0),
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
    fn body_path_and_limits() {
        let op: CallInnerSkillRequest = crate::json::from_str(r#"{"skillId":"3"}"#).unwrap();
        assert_eq!(path(&op), "/voicecall/1001/callinnerskill");
        assert_eq!(CallInnerSkillRequest::METHOD, Method::Put);
        assert_eq!(body(&op), json!({"skillId": 3}));
        let skill = |s| CallInnerSkillRequest { skill_id: Int(s) };
        assert_eq!(broken(&skill(0)), None);
        assert_eq!(broken(&skill(i32::MAX as i64)), None);
        for bad in [-1, i32::MAX as i64 + 1] {
            assert_eq!(broken(&skill(bad)), Some(("skillId".to_owned(), "range")));
        }
        assert!(crate::json::from_str::<CallInnerSkillRequest>("{}").is_err());
        documented_failures::<CallInnerSkillRequest>();
    }
}
