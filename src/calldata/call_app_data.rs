//! Reading the call-associated data of the agent's call.
//!
//! Vendor pages (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1262.html>,
//! <https://support.huaweicloud.com/api-ccfs-cec/cec_07_0420.html>): `GET .../appdata` with
//! the optional query parameters `isEncodeResult` (anything but `true` is false) and
//! `callId` (so spelt in the URI template; the parameter table spells it `callid`; mandatory
//! for multimedia sessions). `result` is a string (example `"1234"`).

use crate::de::Text;
use crate::envelope::{decode_result, DecodeError};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{with_query, FromResult, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `GET /calldata/{agentid}/appdata[?isEncodeResult=&callId=]` (`queryCallAppData`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct CallAppDataRequest {
    /// The call (default: the agent's current call; required for multimedia sessions).
    #[serde(rename = "callId", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub call_id: Option<Text>,
    /// `true`: the data comes back base64-encoded.
    #[serde(rename = "isEncodeResult", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "boolean")]
    pub is_encode_result: Option<bool>,
}

impl Operation for CallAppDataRequest {
    const LOG_NAME: &'static str = "queryCallAppData";
    const METHOD: Method = Method::Get;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007"];
    type Output = CallAppData;

    fn path(&self, agent_id: &AgentId) -> String {
        // `validate` has run before `path`: the call ID is URL-safe as it is.
        with_query(
            format!("/calldata/{}/appdata", agent_id.as_str()),
            &[
                (
                    "isEncodeResult",
                    self.is_encode_result.map(|e| e.to_string()),
                ),
                ("callId", self.call_id.as_ref().map(|c| c.0.clone())),
            ],
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        match &self.call_id {
            Some(call) => validation::call_id("callId", call.as_str()),
            None => Ok(()),
        }
    }
}

/// The call data `queryCallAppData` returns (`""` when the gateway sends none or `null`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Encode)]
#[serde(transparent)]
pub struct CallAppData(pub String);

impl FromResult for CallAppData {
    fn from_result(_message: String, result: Option<&str>) -> Result<Self, DecodeError> {
        let data: Option<Text> = decode_result(result.unwrap_or("null"))?;
        Ok(CallAppData(data.map(|t| t.0).unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::{decode_path, documented_failure, parse_ok};

    fn parse(body: &str) -> Result<String, crate::Error> {
        parse_ok::<CallAppDataRequest>(body).map(|d| d.0)
    }

    #[test]
    fn query_parameters() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(
            CallAppDataRequest::default().path(&id),
            "/calldata/1001/appdata"
        );
        let r: CallAppDataRequest =
            crate::json::from_str(r#"{"callId":"1476070409-38","isEncodeResult":true}"#).unwrap();
        assert!(r.validate().is_ok());
        assert_eq!(
            r.path(&id),
            "/calldata/1001/appdata?isEncodeResult=true&callId=1476070409-38"
        );
        assert_eq!((CallAppDataRequest::METHOD, r.body()), (Method::Get, None));
        for bad in ["", "1#2", "a b", "x&isEncodeResult=true"] {
            let r = CallAppDataRequest {
                call_id: Some(Text(bad.into())),
                ..Default::default()
            };
            assert_eq!(
                r.validate().err().map(|e| (e.field, e.rule)),
                Some(("callId".to_owned(), "format")),
                "{bad:?}"
            );
        }
        assert!(crate::json::from_str::<CallAppDataRequest>(r#"{"callid":"1-1"}"#).is_err());
    }

    #[test]
    fn result_is_a_string() {
        assert_eq!(
            parse(r#"{"message":"success","retcode":"0","result":"1234"}"#),
            Ok("1234".into())
        );
        assert_eq!(parse(r#"{"retcode":"0","result":1234}"#), Ok("1234".into()));
        assert_eq!(parse(r#"{"retcode":"0","result":null}"#), Ok(String::new()));
        assert_eq!(parse(r#"{"retcode":"0"}"#), Ok(String::new()));
        let object = parse(r#"{"retcode":"0","result":{"a":1}}"#);
        assert_eq!(decode_path(object).as_deref(), Some("result"));
        let failed = parse(r#"{"message":"x","retcode":"100-007"}"#);
        assert_eq!(
            documented_failure(failed),
            Some(("queryCallAppData", "100-007".into()))
        );
    }
}
