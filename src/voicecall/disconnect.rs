//! Removing one party from the current call.
//!
//! Vendor page: "Releasing a Specified Number" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1248.html>).
//! No body; result `{}`. In an internal help call the number is the helper's agent ID, or
//! one's own softphone number. Events: `AgentEvent_Call_Release`,
//! `AgentEvent_Customer_Release`. 200-023: the number is not in the call; 200-024: it is a
//! held party outside the current call (the page's note says "200-204", taken as a typo).

use super::fields::{number, Charset};
use crate::de::Text;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::AgentId;
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `POST /voicecall/{agentid}/disconnect/{number}` (`disconnect`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct DisconnectRequest {
    /// The party to remove: 1..=24 digits (a phone number or an agent ID).
    #[tsify(type = "string")]
    pub number: Text,
}

impl Operation for DisconnectRequest {
    const LOG_NAME: &'static str = "disconnect";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["100-006", "100-007", "200-023", "200-024"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        // `validate` has run before `path`, so the number is plain digits.
        format!(
            "/voicecall/{}/disconnect/{}",
            agent_id.as_str(),
            self.number.as_str()
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        number("number", self.number.as_str(), 1, Charset::Digits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voicecall::testing::*;

    fn op(n: &str) -> DisconnectRequest {
        DisconnectRequest { number: n.into() }
    }

    #[test]
    fn path_limits_and_failures() {
        assert_eq!(path(&op("70001")), "/voicecall/1001/disconnect/70001");
        assert_eq!(
            (DisconnectRequest::METHOD, op("1").body()),
            (Method::Post, None)
        );
        assert_eq!(broken(&op("1")), None);
        assert_eq!(broken(&op(&"9".repeat(24))), None);
        for bad in ["", &"9".repeat(25), "7000*", "70/01", "a1001"] {
            assert_eq!(
                broken(&op(bad)),
                Some(("number".to_owned(), "format")),
                "{bad:?}"
            );
        }
        let decoded: DisconnectRequest = crate::json::from_str(r#"{"number":70001}"#).unwrap();
        assert_eq!(decoded, op("70001"));
        documented_failures::<DisconnectRequest>();
    }
}
