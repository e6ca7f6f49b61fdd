//! Setting the call-associated data of the agent's call.
//!
//! Vendor pages (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_0421.html>,
//! <https://support.huaweicloud.com/api-ccfs-cec/cec_07_1263.html>): `PUT .../setcalldataex`
//! with `{callid?, calldata, isDataEncoded?}`. `calldata` holds at most 16K **bytes of raw
//! content**: the UTF-8 bytes of the text, or, when `isDataEncoded` is true, the bytes its
//! base64 decodes to (agent-shift-ops.md §G). `callid` is optional (the current call).
//! The log name follows the URI (UNCERTAIN: the page's log name was not captured).

use crate::de::Text;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{json_body, Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// Largest `calldata`, in bytes of raw content ("16K bytes"; UNCERTAIN whether K is 1024).
pub const CALL_DATA_MAX_BYTES: usize = 16 * 1024;

/// Body of `PUT /calldata/{agentid}/setcalldataex` (`setCallAppDataEx`).
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct SetCallAppDataRequest {
    /// The call, e.g. `1476070409-38` (default: the agent's current call).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub callid: Option<Text>,
    /// The data: text, or base64 when `isDataEncoded` (at most 16384 raw bytes either way).
    pub calldata: String,
    /// Whether `calldata` is base64 (default false).
    #[serde(rename = "isDataEncoded", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "boolean")]
    pub is_data_encoded: Option<bool>,
}

impl Operation for SetCallAppDataRequest {
    const LOG_NAME: &'static str = "setCallAppDataEx";
    const METHOD: Method = Method::Put;
    const DOCUMENTED_RETCODES: &'static [&'static str] =
        &["000-002", "100-006", "100-007", "400-001"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/calldata/{}/setcalldataex", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(call) = &self.callid {
            validation::call_id("callid", call.as_str())?;
        }
        let encoded = self.is_data_encoded == Some(true);
        let bytes = if encoded {
            base64_decoded_len(&self.calldata).ok_or_else(|| {
                validation::invalid(
                    "calldata",
                    "format",
                    "must be base64 (A-Z a-z 0-9 + /, optional = padding) when isDataEncoded is true",
                    validation::shown(&self.calldata),
                )
            })?
        } else {
            self.calldata.len()
        };
        if bytes > CALL_DATA_MAX_BYTES {
            let what = if encoded { "decoded bytes" } else { "bytes" };
            return Err(validation::invalid(
                "calldata",
                "maxLength",
                format!("must hold at most {CALL_DATA_MAX_BYTES} bytes of raw content"),
                format!("{bytes} {what}"),
            ));
        }
        Ok(())
    }

    fn body(&self) -> Option<String> {
        json_body(self)
    }
}

/// How many bytes standard base64 `text` decodes to, as Java's basic decoder reads it (the
/// `=` padding optional), or `None` if it is not base64.
fn base64_decoded_len(text: &str) -> Option<usize> {
    let data = text.trim_end_matches('=');
    let padding = text.len() - data.len();
    let alphabet = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    if padding > 2 || (padding > 0 && text.len() % 4 != 0) || !data.bytes().all(alphabet) {
        return None;
    }
    match data.len() % 4 {
        1 => None,
        rest => Some(data.len() / 4 * 3 + rest.saturating_sub(1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(data: &str, encoded: Option<bool>) -> SetCallAppDataRequest {
        SetCallAppDataRequest {
            callid: None,
            calldata: data.to_owned(),
            is_data_encoded: encoded,
        }
    }

    fn rule(r: &SetCallAppDataRequest) -> Option<(String, &'static str, String)> {
        r.validate().err().map(|e| (e.field, e.rule, e.value))
    }

    #[test]
    fn wire_shape() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        let r: SetCallAppDataRequest = crate::json::from_str(
            r#"{"callid":"1476070409-38","calldata":"order=42","isDataEncoded":false}"#,
        )
        .unwrap();
        assert_eq!(r.path(&id), "/calldata/1001/setcalldataex");
        assert_eq!(SetCallAppDataRequest::METHOD, Method::Put);
        assert_eq!(
            r.body().unwrap(),
            r#"{"callid":"1476070409-38","calldata":"order=42","isDataEncoded":false}"#
        );
        assert_eq!(set("x", None).body().unwrap(), r#"{"calldata":"x"}"#);
        assert!(crate::json::from_str::<SetCallAppDataRequest>(r#"{"callid":"1-1"}"#).is_err());
        assert!(crate::json::from_str::<SetCallAppDataRequest>(
            r#"{"calldata":"x","callId":"1-1"}"#
        )
        .is_err());
    }

    #[test]
    fn text_counts_utf8_bytes() {
        assert_eq!(rule(&set(&"a".repeat(16_384), None)), None);
        assert_eq!(
            rule(&set(&"a".repeat(16_385), None)),
            Some(("calldata".into(), "maxLength", "16385 bytes".into()))
        );
        // 8192 two-byte characters are 16384 bytes; one more ASCII byte is over.
        assert_eq!(rule(&set(&"é".repeat(8_192), Some(false))), None);
        assert!(rule(&set(&format!("{}a", "é".repeat(8_192)), None)).is_some());
        assert_eq!(rule(&set("", None)), None, "empty data clears it");
    }

    #[test]
    fn base64_counts_decoded_bytes() {
        // 16384 bytes encode to 21848 characters (with "=" padding): within the limit although
        // the text is longer; 16385 bytes are over.
        let at_limit = format!("{}AA==", "A".repeat(21_844));
        assert_eq!(base64_decoded_len(&at_limit), Some(16_384));
        assert_eq!(rule(&set(&at_limit, Some(true))), None);
        let over = format!("{}AAA=", "A".repeat(21_844));
        assert_eq!(
            rule(&set(&over, Some(true))),
            Some(("calldata".into(), "maxLength", "16385 decoded bytes".into()))
        );
        for (text, len) in [
            ("", 0),
            ("TWFu", 3),
            ("TWE=", 2),
            ("TWE", 2),
            ("TQ==", 1),
            ("TQ", 1),
            ("a+/9", 3),
        ] {
            assert_eq!(base64_decoded_len(text), Some(len), "{text}");
        }
        for bad in ["T", "TWFuT", "TW=E", "TQ===", "TQ=", "TW-_", "TW E", "é"] {
            assert_eq!(base64_decoded_len(bad), None, "{bad}");
            assert_eq!(
                rule(&set(bad, Some(true))).map(|r| r.1),
                Some("format"),
                "{bad}"
            );
        }
    }

    #[test]
    fn call_id_is_checked() {
        let mut r = set("x", None);
        r.callid = Some(Text("1476070409-38".into()));
        assert_eq!(rule(&r), None);
        r.callid = Some(Text("a/b".into()));
        assert_eq!(
            rule(&r).map(|r| (r.0, r.1)),
            Some(("callid".into(), "format"))
        );
    }
}
