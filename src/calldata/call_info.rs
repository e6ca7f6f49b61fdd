//! The agent's current call (or, unless told not to, the last one).
//!
//! Vendor page: "Querying Call Information"
//! (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1261.html>,
//! <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0419.html>). `result` is one
//! call object with the fields of [`CallInfo`] (agent-shift-ops.md §G). The page's error list
//! was not captured: the codes below are the session code and the call-data "no call" code
//! (UNCERTAIN).

use super::CallInfo;
use crate::envelope::{decode_result, DecodeError};
use crate::http::Method;
use crate::operation::{FromResult, Operation};
use crate::validation::AgentId;
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `GET /calldata/{agentid}/callinfo[?isNoContainLastCall=]` (`queryCallInfo`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct CallInfoRequest {
    /// `true`: only a call in progress, never the last (ended) call. Default false.
    #[serde(
        rename = "isNoContainLastCall",
        skip_serializing_if = "Option::is_none"
    )]
    #[tsify(optional, type = "boolean")]
    pub is_no_contain_last_call: Option<bool>,
}

impl Operation for CallInfoRequest {
    const LOG_NAME: &'static str = "queryCallInfo";
    const METHOD: Method = Method::Get;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007", "400-001"];
    type Output = CurrentCall;

    fn path(&self, agent_id: &AgentId) -> String {
        let base = format!("/calldata/{}/callinfo", agent_id.as_str());
        match self.is_no_contain_last_call {
            Some(flag) => format!("{base}?isNoContainLastCall={flag}"),
            None => base,
        }
    }
}

/// The call `queryCallInfo` returns, or `None` when the gateway answers success without one
/// (`null`, `{}`, `[]`). A list (the form of `callinfobeforeanswer`) gives its first call.
#[derive(Debug, Clone, PartialEq, Encode)]
#[serde(transparent)]
pub struct CurrentCall(pub Option<CallInfo>);

impl FromResult for CurrentCall {
    fn from_result(_message: String, result: Option<&str>) -> Result<Self, DecodeError> {
        let raw = result.unwrap_or("null").trim_ascii();
        let mut shape = raw.bytes().filter(|b| !b.is_ascii_whitespace());
        let empty = matches!(
            (shape.next(), shape.next(), shape.next()),
            (Some(b'{'), Some(b'}'), None) | (Some(b'['), Some(b']'), None)
        );
        match raw {
            "null" => Ok(CurrentCall(None)),
            _ if empty => Ok(CurrentCall(None)),
            _ if raw.starts_with('[') => {
                let calls: Vec<CallInfo> = decode_result(raw)?;
                Ok(CurrentCall(calls.into_iter().next()))
            }
            _ => decode_result(raw).map(|c| CurrentCall(Some(c))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::de::{Int, Text};
    use crate::operation::{decode_path, documented_failure, parse_ok};

    /// The vendor example's fields (cec_07_1261), numbers partly as strings.
    const EXAMPLE: &str = r#"{"message":"success","retcode":"0","result":{"callfeature":"0","callid":"1476707482-44","caller":"70001","called":10086,"callskill":"voice","callskillid":1,"orgicallednum":"","calldata":"order 42","begintime":1476707482000,"endtime":null,"userPriority":0,"trunkNo":"65535","logontimes":3,"mediaType":5}}"#;

    fn parse(body: &str) -> Result<CurrentCall, crate::Error> {
        parse_ok::<CallInfoRequest>(body)
    }

    #[test]
    fn path_query_and_method() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(
            CallInfoRequest::default().path(&id),
            "/calldata/1001/callinfo"
        );
        let only_current = CallInfoRequest {
            is_no_contain_last_call: Some(true),
        };
        assert_eq!(
            only_current.path(&id),
            "/calldata/1001/callinfo?isNoContainLastCall=true"
        );
        let with_last = CallInfoRequest {
            is_no_contain_last_call: Some(false),
        };
        assert_eq!(
            with_last.path(&id),
            "/calldata/1001/callinfo?isNoContainLastCall=false"
        );
        assert_eq!(
            (CallInfoRequest::METHOD, with_last.body()),
            (Method::Get, None)
        );
    }

    #[test]
    fn one_call_object_decodes_leniently() {
        let call = parse(EXAMPLE).unwrap().0.unwrap();
        assert_eq!(call.callid, Text("1476707482-44".into()));
        assert_eq!(
            call.called,
            Some(Text("10086".into())),
            "a number becomes a string"
        );
        assert_eq!(
            call.callfeature,
            Some(Int(0)),
            "a numeric string becomes a number"
        );
        assert_eq!(call.trunk_no, Some(Int(65_535)));
        assert_eq!(call.calldata, Some(Text("order 42".into())));
        assert_eq!(call.media_ability, None, "absent fields are null");
        let js = crate::json::to_value(&CurrentCall(Some(call)));
        assert_eq!(js["callid"], "1476707482-44");
        assert_eq!(js["mediaAbility"], serde_json::Value::Null);
    }

    #[test]
    fn no_call_and_list_forms() {
        for body in [
            r#"{"retcode":"0","result":null}"#,
            r#"{"retcode":"0"}"#,
            r#"{"retcode":"0","result":{ }}"#,
            r#"{"retcode":"0","result":[]}"#,
        ] {
            assert_eq!(parse(body).map(|c| c.0), Ok(None), "{body}");
        }
        assert_eq!(
            crate::json::to_string(&CurrentCall(None)),
            "null",
            "JS gets null"
        );
        let first = parse(r#"{"retcode":"0","result":[{"callid":"1-1"},{"callid":"1-2"}]}"#);
        assert_eq!(first.unwrap().0.map(|c| c.callid), Some(Text("1-1".into())));
    }

    #[test]
    fn wrong_shapes_and_codes() {
        let late = parse(r#"{"retcode":"0","result":{"callid":"1-1","begintime":"soon"}}"#);
        assert_eq!(decode_path(late).as_deref(), Some("result.begintime"));
        let no_id = parse(r#"{"retcode":"0","result":{"caller":"1"}}"#);
        assert_eq!(
            decode_path(no_id).as_deref(),
            Some("result"),
            "callid is required"
        );
        let none = parse(r#"{"message":"no call","retcode":"400-001"}"#);
        assert_eq!(
            documented_failure(none),
            Some(("queryCallInfo", "400-001".into()))
        );
    }

    #[test]
    fn request_decodes_from_js_and_rejects_typos() {
        let r: CallInfoRequest = crate::json::from_str(r#"{"isNoContainLastCall":true}"#).unwrap();
        assert_eq!(r.is_no_contain_last_call, Some(true));
        assert!(
            crate::json::from_str::<CallInfoRequest>(r#"{"isNoContainLastcall":true}"#).is_err()
        );
        assert!(
            crate::json::from_str::<CallInfoRequest>(r#"{"isNoContainLastCall":"yes"}"#).is_err()
        );
    }
}
