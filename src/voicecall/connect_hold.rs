//! Connecting a held call with the current one: the agent leaves both, its parties talk
//! (a consultation ends as a transfer).
//!
//! Vendor page: "Connecting a Held Call" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1240.html>).
//! No body; result `{}`. Events: `AgentEvent_Call_Release`, `AgentEvent_Customer_Release`,
//! `AgentOther_PhoneRelease`, `AgentMediaEvent_StopRecordDone`. 200-013: the call is not
//! held; 200-014: no call to connect it with.

use crate::de::Text;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `POST /voicecall/{agentid}/connecthold/{callid}` (`connectHold`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct ConnectHoldRequest {
    /// The held call.
    #[serde(rename = "callId")]
    #[tsify(type = "string")]
    pub call_id: Text,
}

impl Operation for ConnectHoldRequest {
    const LOG_NAME: &'static str = "connectHold";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["100-006", "100-007", "200-013", "200-014"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        // `validate` has run before `path`, so the call ID is URL-safe.
        format!(
            "/voicecall/{}/connecthold/{}",
            agent_id.as_str(),
            self.call_id.as_str()
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::call_id("callId", self.call_id.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voicecall::testing::*;

    #[test]
    fn path_rules_and_failures() {
        let op = ConnectHoldRequest {
            call_id: "1476070409-38".into(),
        };
        assert_eq!(path(&op), "/voicecall/1001/connecthold/1476070409-38");
        assert_eq!(
            (ConnectHoldRequest::METHOD, op.body()),
            (Method::Post, None)
        );
        for bad in ["", "../x", "1 2"] {
            let op = ConnectHoldRequest {
                call_id: bad.into(),
            };
            assert_eq!(
                broken(&op),
                Some(("callId".to_owned(), "format")),
                "{bad:?}"
            );
        }
        assert!(crate::json::from_str::<ConnectHoldRequest>("{}").is_err());
        documented_failures::<ConnectHoldRequest>();
    }
}
