//! Taking a rest of a number of seconds, with an optional cause.
//!
//! Vendor page (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_13482.html>,
//! <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_13482.html>): `time` 1..=86399
//! seconds and `restcause` 0..=255 are both path segments (`restcause` is mandatory, 0 means
//! none); `prolong` is a query boolean. `AgentState_SetRest_Success` arrives later than the
//! call returns (see `restAndWait`); when the time is up, `AgentState_Rest_Timeout` is a
//! reminder only: the agent stays at rest until `cancelRest`.

use crate::de::Int;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{with_query, Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use std::ops::RangeInclusive;
use tsify::Tsify;

/// Length of a rest in seconds (`time`).
pub const REST_SECONDS: RangeInclusive<i64> = 1..=86_399;
/// Rest causes (`restcause`).
pub const REST_CAUSES: RangeInclusive<i64> = 0..=255;
/// `restcause` 0: no cause, sent when `cause` is left out.
pub const REST_CAUSE_NONE: i64 = 0;

/// `POST /onlineagent/{agentid}/rest/{time}/{restcause}[?prolong=]` (`rest`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct RestRequest {
    /// How long to rest, 1..=86399 seconds (`time`).
    #[tsify(type = "number")]
    pub seconds: Int,
    /// The rest cause, 0..=255 (`restcause`; 0, the default, means none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub cause: Option<Int>,
    /// Whether the rest may extend past the current call (`prolong`, default false).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "boolean")]
    pub prolong: Option<bool>,
}

impl Operation for RestRequest {
    const LOG_NAME: &'static str = "rest";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007", "100-009"];
    type Output = Ack;

    /// The rest's length, which `AgentState_SetRest_Success` does not carry.
    #[cfg(feature = "gateway")]
    fn outcome(&self) -> Option<crate::agentstate::Outcome> {
        Some(crate::agentstate::Outcome::RestRequested {
            seconds: self.seconds.0,
        })
    }

    fn path(&self, agent_id: &AgentId) -> String {
        let cause = self.cause.map_or(REST_CAUSE_NONE, |c| c.0);
        with_query(
            format!(
                "/onlineagent/{}/rest/{}/{cause}",
                agent_id.as_str(),
                self.seconds.0
            ),
            &[("prolong", self.prolong.map(|p| p.to_string()))],
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::in_range("seconds", self.seconds.0, REST_SECONDS)?;
        match self.cause {
            Some(Int(c)) => validation::in_range("cause", c, REST_CAUSES),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(seconds: i64, cause: Option<i64>, prolong: Option<bool>) -> RestRequest {
        RestRequest {
            seconds: Int(seconds),
            cause: cause.map(Int),
            prolong,
        }
    }

    #[test]
    fn cause_is_a_mandatory_path_segment() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(
            rest(600, None, None).path(&id),
            "/onlineagent/1001/rest/600/0"
        );
        assert_eq!(
            rest(600, Some(3), Some(true)).path(&id),
            "/onlineagent/1001/rest/600/3?prolong=true"
        );
        assert_eq!(
            (RestRequest::METHOD, rest(1, None, None).body()),
            (Method::Post, None)
        );
    }

    #[test]
    fn bounds_on_both_sides() {
        for (s, c) in [(1, None), (86_399, Some(255)), (60, Some(0))] {
            assert!(rest(s, c, None).validate().is_ok(), "{s} {c:?}");
        }
        for (s, c, field) in [
            (0, None, "seconds"),
            (86_400, None, "seconds"),
            (-5, None, "seconds"),
            (60, Some(256), "cause"),
            (60, Some(-1), "cause"),
        ] {
            let e = rest(s, c, None).validate().unwrap_err();
            assert_eq!((e.field.as_str(), e.rule), (field, "range"), "{s} {c:?}");
        }
    }

    #[test]
    fn decodes_from_js() {
        let r: RestRequest = crate::json::from_str(r#"{"seconds":"900","cause":2}"#).unwrap();
        assert_eq!(r, rest(900, Some(2), None));
        assert!(crate::json::from_str::<RestRequest>(r#"{"cause":2}"#).is_err());
        assert!(crate::json::from_str::<RestRequest>(r#"{"time":900}"#).is_err());
    }
}
