//! Calling an outside number.
//!
//! Vendor page: "Making an Outbound Call" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1232.html>;
//! developer guide <https://support.huaweicloud.com/intl/en-us/devg-ccgw-cec/cec_05_4029.html>).
//! Body: `called` (required), `caller`, `skillid`, `callappdata`, `mediaability`,
//! `userVideoDirection` (with mediaability 1 only). `result` is the new call's ID (the copies
//! of the page seen cut off its result row; callinner, callinnerskill and innerhelp document
//! the call ID, UNCERTAIN). Events: `AgentEvent_Customer_Alerting`, `AgentEvent_Talking`;
//! failure `AgentEvent_Call_Out_Fail` (busy) or `AgentEvent_Connect_Fail` (no answer).
//! Error codes: the page's list was not captured; 200-001 (wrong outbound number) is the
//! gateway's (UNCERTAIN).

use super::fields::{CallStarted, DialRequest};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::Operation;
use crate::validation::AgentId;

/// `PUT /voicecall/{agentid}/callout` (`callout`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallOutRequest(pub DialRequest);

impl Operation for CallOutRequest {
    const LOG_NAME: &'static str = "callout";
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007", "200-001"];
    type Output = CallStarted;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/voicecall/{}/callout", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        self.0.validate(true)
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

    fn op(v: serde_json::Value) -> CallOutRequest {
        CallOutRequest(crate::json::from_value(v).unwrap())
    }

    #[test]
    fn body_path_and_call_id() {
        let full = op(json!({"called": "10086", "caller": "70001", "skillId": 3,
            "callAppData": "order 7", "mediaAbility": 1, "userVideoDirection": 2}));
        assert_eq!(broken(&full), None);
        assert_eq!(path(&full), "/voicecall/1001/callout");
        assert_eq!(CallOutRequest::METHOD, Method::Put);
        assert_eq!(
            body(&full),
            json!({"called": "10086", "caller": "70001", "skillid": 3, "callappdata": "order 7",
                   "mediaability": 1, "userVideoDirection": 2})
        );
        assert_eq!(
            body(&op(json!({"called": 10086}))),
            json!({"called": "10086"})
        );
        assert_eq!(
            answer::<CallOutRequest>(
                r#"{"message":"success","retcode":"0","result":"1476070409-38"}"#
            )
            .map(|c| c.call_id),
            Ok("1476070409-38".to_owned())
        );
        let e =
            answer::<CallOutRequest>(r#"{"message":"","retcode":"0","result":{}}"#).unwrap_err();
        assert!(
            matches!(e.kind, crate::error::ErrorKind::Decode { .. }),
            "{e:?}"
        );
        documented_failures::<CallOutRequest>();
    }

    #[test]
    fn limits_both_sides() {
        let ok = |d: DialRequest| broken(&CallOutRequest(d));
        assert_eq!(ok(DialRequest::new("*#1")), None);
        assert_eq!(ok(DialRequest::new(&"9".repeat(24))), None);
        for bad in ["", &"9".repeat(25), "1-2", "+86"] {
            assert_eq!(
                ok(DialRequest::new(bad)),
                Some(("called".to_owned(), "format")),
                "{bad:?}"
            );
        }
        let video = |m: Option<i64>, d: i64| DialRequest {
            media_ability: m.map(Int),
            user_video_direction: Some(Int(d)),
            ..DialRequest::new("1")
        };
        assert_eq!(ok(video(Some(1), 1)), None);
        assert_eq!(ok(video(Some(1), 4)), None);
        for d in [0, 5] {
            assert_eq!(
                ok(video(Some(1), d)),
                Some(("userVideoDirection".to_owned(), "range"))
            );
        }
        for m in [None, Some(0), Some(2)] {
            assert_eq!(
                ok(video(m, 1)),
                Some(("userVideoDirection".to_owned(), "notApplicable")),
                "{m:?}"
            );
        }
        let caller = DialRequest {
            caller: Some("1".repeat(25).as_str().into()),
            ..DialRequest::new("1")
        };
        assert_eq!(ok(caller), Some(("caller".to_owned(), "format")));
        assert!(
            crate::json::from_value::<DialRequest>(json!({"called": "1", "skillid": 1})).is_err()
        );
    }
}
