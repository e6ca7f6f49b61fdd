//! Calling another agent (an internal call).
//!
//! Vendor pages: "Making an Internal Call" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_0369.html>,
//! <https://support.huaweicloud.com/api-ccfs-cec/cec_07_1235.html>). Body: `called` (required,
//! the other agent's ID, 1..=24 of `0-9 * #`), `caller`, `skillid`, `callappdata`,
//! `mediaability` (ignored). `result` is the new call's ID. Events:
//! `AgentOther_PhoneAlerting`, `AgentOther_PhoneOffhook`, `AgentState_Busy`,
//! `AgentEvent_Customer_Alerting`, `AgentEvent_Talking`; failure
//! `AgentEvent_Inside_Call_Fail`. Error codes as callinnerskill's page (UNCERTAIN).

use super::fields::{CallStarted, DialRequest};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::Operation;
use crate::validation::AgentId;

/// `PUT /voicecall/{agentid}/callinner` (`callInner`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallInnerRequest(pub DialRequest);

impl Operation for CallInnerRequest {
    const LOG_NAME: &'static str = "callInner";
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["000-002", "100-006", "100-007"];
    type Output = CallStarted;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/voicecall/{}/callinner", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        self.0.validate(false)
    }

    fn body(&self) -> Option<String> {
        self.0.body()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::de::Int;
    use crate::voicecall::testing::*;
    use serde_json::json;

    #[test]
    fn body_path_and_rules() {
        let op = CallInnerRequest(DialRequest {
            skill_id: Some(Int(2)),
            ..DialRequest::new("1002")
        });
        assert_eq!(path(&op), "/voicecall/1001/callinner");
        assert_eq!(CallInnerRequest::METHOD, Method::Put);
        assert_eq!(body(&op), json!({"called": "1002", "skillid": 2}));
        let video = CallInnerRequest(DialRequest {
            media_ability: Some(Int(1)),
            user_video_direction: Some(Int(1)),
            ..DialRequest::new("1002")
        });
        assert_eq!(
            broken(&video),
            Some(("userVideoDirection".to_owned(), "notApplicable"))
        );
        assert_eq!(
            broken(&CallInnerRequest(DialRequest::new(""))),
            Some(("called".to_owned(), "format"))
        );
        assert_eq!(
            answer::<CallInnerRequest>(r#"{"message":"","retcode":"0","result":"9-1"}"#)
                .map(|c| c.call_id),
            Ok("9-1".to_owned())
        );
        documented_failures::<CallInnerRequest>();
    }
}
