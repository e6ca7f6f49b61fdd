//! Going busy (not ready), with an optional reason.
//!
//! Vendor pages (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_13461.html>,
//! <https://support.huaweicloud.com/intl/pt-br/api-cec/cec_07_1211.html>): `reason` is an
//! int 200..=250 (empty or 0: none), `prolong` a boolean (default false). An agent who is
//! busy already and shows busy again must send both; the client does not know the state, so
//! the gateway checks that (000-002). Event: `AgentState_SetNotReady_Success {reason}`.

use crate::de::Int;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{with_query, Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use std::ops::RangeInclusive;
use tsify::Tsify;

/// Busy reasons a tenant may define.
pub const BUSY_REASONS: RangeInclusive<i64> = 200..=250;
/// `reason` 0: no reason (the same as leaving it out).
pub const BUSY_REASON_NONE: i64 = 0;

/// `POST /onlineagent/{agentid}/saybusy[?reason=&prolong=]` (`sayBusy`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct SayBusyRequest {
    /// The busy reason, 200..=250 (0 = none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub reason: Option<Int>,
    /// Whether to stay busy after the current call too (default false).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "boolean")]
    pub prolong: Option<bool>,
}

impl Operation for SayBusyRequest {
    const LOG_NAME: &'static str = "sayBusy";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["000-002", "100-006", "100-007", "100-009"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        with_query(
            format!("/onlineagent/{}/saybusy", agent_id.as_str()),
            &[
                ("reason", self.reason.map(|r| r.0.to_string())),
                ("prolong", self.prolong.map(|p| p.to_string())),
            ],
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        match self.reason {
            None | Some(Int(BUSY_REASON_NONE)) => Ok(()),
            Some(Int(r)) => validation::in_range("reason", r, BUSY_REASONS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy(reason: Option<i64>, prolong: Option<bool>) -> SayBusyRequest {
        SayBusyRequest {
            reason: reason.map(Int),
            prolong,
        }
    }

    #[test]
    fn query_holds_what_is_given() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(busy(None, None).path(&id), "/onlineagent/1001/saybusy");
        assert_eq!(
            busy(Some(201), None).path(&id),
            "/onlineagent/1001/saybusy?reason=201"
        );
        assert_eq!(
            busy(Some(250), Some(true)).path(&id),
            "/onlineagent/1001/saybusy?reason=250&prolong=true"
        );
        assert_eq!(
            busy(None, Some(false)).path(&id),
            "/onlineagent/1001/saybusy?prolong=false"
        );
        assert_eq!(
            (SayBusyRequest::METHOD, busy(None, None).body()),
            (Method::Post, None)
        );
    }

    #[test]
    fn reason_bounds() {
        for ok in [None, Some(0), Some(200), Some(225), Some(250)] {
            assert!(busy(ok, None).validate().is_ok(), "{ok:?}");
        }
        for bad in [1, 7, 199, 251, -1] {
            let e = busy(Some(bad), None).validate().unwrap_err();
            assert_eq!((e.field.as_str(), e.rule), ("reason", "range"), "{bad}");
            assert_eq!(e.value, bad.to_string());
        }
    }

    #[test]
    fn decodes_from_js() {
        let r: SayBusyRequest =
            crate::json::from_str(r#"{"reason":"201","prolong":true}"#).unwrap();
        assert_eq!(r, busy(Some(201), Some(true)));
        assert!(
            crate::json::from_str::<SayBusyRequest>(r#"{"reason":201,"prolong":"true"}"#).is_err()
        );
        assert!(crate::json::from_str::<SayBusyRequest>(r#"{"reasons":201}"#).is_err());
    }
}
