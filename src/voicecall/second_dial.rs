//! Sending DTMF digits in the current call (second dialing).
//!
//! Vendor page: "Performing Secondary Dialing" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1244.html>,
//! <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1244.html>). No body; result
//! `{}`; not for video calls. `number` is 1..=24 of `0-9 * #`, sent percent-encoded: a raw
//! `#` would end the URL (and cut the digits) as a fragment.

use super::fields::{number, query_value, Charset};
use crate::de::Text;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::AgentId;
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `POST /voicecall/{agentid}/seconddialex?number=` (`secondDialEx`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct SecondDialRequest {
    /// The digits: 1..=24 of `0-9 * #`.
    #[tsify(type = "string")]
    pub number: Text,
}

impl Operation for SecondDialRequest {
    const LOG_NAME: &'static str = "secondDialEx";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["000-002", "100-006", "100-007"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!(
            "/voicecall/{}/seconddialex?number={}",
            agent_id.as_str(),
            query_value(self.number.as_str())
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        number("number", self.number.as_str(), 1, Charset::Dial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::voicecall::testing::*;

    fn op(n: &str) -> SecondDialRequest {
        SecondDialRequest { number: n.into() }
    }

    #[test]
    fn hash_and_star_are_percent_encoded() {
        assert_eq!(
            path(&op("12#*0")),
            "/voicecall/1001/seconddialex?number=12%23%2A0"
        );
        assert_eq!(path(&op("5")), "/voicecall/1001/seconddialex?number=5");
        assert_eq!(
            (SecondDialRequest::METHOD, op("1").body()),
            (Method::Post, None)
        );
    }

    #[test]
    fn limits_both_sides() {
        assert_eq!(broken(&op("#")), None);
        assert_eq!(broken(&op(&"*".repeat(24))), None);
        for bad in ["", &"1".repeat(25), "1A", "1 2", "+1"] {
            assert_eq!(
                broken(&op(bad)),
                Some(("number".to_owned(), "format")),
                "{bad:?}"
            );
        }
        documented_failures::<SecondDialRequest>();
    }
}
