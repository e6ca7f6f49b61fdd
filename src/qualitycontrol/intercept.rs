//! Intercepting: an inspector who is listening to, inserted into or whispering an agent's
//! call takes the call over; the agent goes idle.
//!
//! Vendor page: "Intercepting" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_2403.html>,
//! seed `qualitycontrol-intercept.txt`). Outcome events: `AgentEvent_Talking`,
//! `AgentMediaEvent_Record`.

use crate::de::Text;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::AgentId;
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `PUT /qualitycontrol/{agentid}/intercept/{workNo}` (`intercept`), or
/// `.../intercept/{workNo}/{callId}` when `callId` is given (newer vendor pages,
/// <https://support.huaweicloud.com/intl/es-us/api-cec/cec_07_0437.html>).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct InterceptRequest {
    /// The agent whose call is intercepted (same agent-ID range as `agentid`).
    #[serde(rename = "workNo")]
    #[tsify(type = "string | number")]
    pub work_no: Text,
    /// The call to intercept (newer gateways), e.g. `1476070409-38`.
    #[serde(rename = "callId", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub call_id: Option<Text>,
}

impl InterceptRequest {
    /// Intercepts `work_no`'s call.
    pub fn new(work_no: impl Into<String>) -> Self {
        Self {
            work_no: Text(work_no.into()),
            call_id: None,
        }
    }
}

impl Operation for InterceptRequest {
    const LOG_NAME: &'static str = "intercept";
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["100-006", "900-001", "900-002", "900-003"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        // `validate` has run before `path`, so `work_no` is plain digits.
        let base = format!(
            "/qualitycontrol/{}/intercept/{}",
            agent_id.as_str(),
            self.work_no.as_str()
        );
        match &self.call_id {
            Some(call) => format!("{base}/{}", call.as_str()),
            None => base,
        }
    }

    fn validate(&self) -> Result<(), ValidationError> {
        AgentId::parse("workNo", self.work_no.as_str())?;
        if let Some(call) = &self.call_id {
            crate::validation::call_id("callId", call.as_str())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_method_and_work_no_range() {
        let id = AgentId::parse("agentId", "1002").unwrap();
        let op = InterceptRequest::new("1001");
        assert_eq!(op.path(&id), "/qualitycontrol/1002/intercept/1001");
        assert_eq!((InterceptRequest::METHOD, op.body()), (Method::Put, None));
        assert!(op.validate().is_ok());
        for bad in ["100", "60000", "../1001", "1001/x", ""] {
            assert_eq!(
                InterceptRequest::new(bad).validate().err().map(|e| e.field),
                Some("workNo".to_owned()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn call_id_variant() {
        let id = AgentId::parse("agentId", "1002").unwrap();
        let op = InterceptRequest {
            call_id: Some(Text("1476070409-38".into())),
            ..InterceptRequest::new("1001")
        };
        assert!(op.validate().is_ok());
        assert_eq!(
            op.path(&id),
            "/qualitycontrol/1002/intercept/1001/1476070409-38"
        );
        for bad in ["", "a/b", "x y", &"1".repeat(65)] {
            let op = InterceptRequest {
                call_id: Some(Text(bad.into())),
                ..InterceptRequest::new("1001")
            };
            assert_eq!(
                op.validate().err().map(|e| e.field),
                Some("callId".to_owned()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn work_no_may_be_a_number() {
        let op: InterceptRequest =
            crate::json::from_value(serde_json::json!({"workNo": 1001})).unwrap();
        assert_eq!(op, InterceptRequest::new("1001"));
    }
}
