//! Joining the held call and the current one in a three-party call.
//!
//! Vendor page: "Starting a Three-Party Call" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1245.html>).
//! Body `{callid, callappdata}`: the held call (required) and call data (at most 16k).
//! Result `{}`. Events: `AgentEvent_Conference {callid, partner}`,
//! `AgentEvent_Customer_Release`. 200-010: the call is not held; 200-011: no call to join it
//! with. An agent joined by callinner or callout loses the recording (the page advises
//! innerHelp instead).

use super::fields::{common, CallBody};
use crate::de::Text;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `POST /voicecall/{agentid}/confjoin` (`confJoin`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct ConfJoinRequest {
    /// The held call.
    #[serde(rename = "callId")]
    #[tsify(type = "string")]
    pub call_id: Text,
    /// Call data, at most 16k.
    #[serde(rename = "callAppData", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub call_app_data: Option<String>,
}

impl Operation for ConfJoinRequest {
    const LOG_NAME: &'static str = "confJoin";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["100-006", "100-007", "200-010", "200-011"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/voicecall/{}/confjoin", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::call_id("callId", self.call_id.as_str())?;
        common(self.call_app_data.as_ref(), None, None, None)
    }

    fn body(&self) -> Option<String> {
        CallBody {
            callid: Some(self.call_id.as_str()),
            callappdata: self.call_app_data.as_deref(),
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
    fn body_path_rules_and_failures() {
        let op: ConfJoinRequest =
            crate::json::from_value(json!({"callId": "1-2", "callAppData": "x"})).unwrap();
        assert_eq!(broken(&op), None);
        assert_eq!(path(&op), "/voicecall/1001/confjoin");
        assert_eq!(ConfJoinRequest::METHOD, Method::Post);
        assert_eq!(body(&op), json!({"callid": "1-2", "callappdata": "x"}));
        let bad = ConfJoinRequest {
            call_id: "".into(),
            call_app_data: None,
        };
        assert_eq!(broken(&bad), Some(("callId".to_owned(), "format")));
        let long = ConfJoinRequest {
            call_app_data: Some("x".repeat(16 * 1024 + 1)),
            ..op
        };
        assert_eq!(broken(&long), Some(("callAppData".to_owned(), "maxLength")));
        let _: Ack =
            answer::<ConfJoinRequest>(r#"{"message":"","retcode":"0","result":{}}"#).unwrap();
        documented_failures::<ConfJoinRequest>();
    }
}
