//! The CC-Gateway response envelope `{message, retcode, result}`.
//!
//! Every response is HTTP 200 with JSON; `retcode` "0" is success and any other value is a
//! failure carrying its documented meaning. Non-2xx statuses, non-JSON bodies (HTML error
//! pages, truncated JSON) and wrong shapes become typed errors, never silent successes.

use crate::error::{snippet, Error, ErrorKind};
use crate::http::ResponseHead;
use crate::operation::FromResult;
use serde_json::Value;

/// Where and why a `result` did not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    /// Path inside the envelope (`result[0].callid`).
    pub path: String,
    /// What was wrong.
    pub message: String,
}

/// How much of an unexpected body an error quotes.
pub const BODY_SNIPPET_CHARS: usize = 200;

/// Decodes an envelope response for `operation`.
pub fn decode<T: FromResult>(
    operation: &'static str,
    head: &ResponseHead,
    body: &[u8],
) -> Result<T, Error> {
    if !(200..300).contains(&head.status) {
        return Err(Error::new(
            operation,
            ErrorKind::Http {
                status: head.status,
                body: snippet(&String::from_utf8_lossy(body), BODY_SNIPPET_CHARS),
            },
        ));
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        let kind = head.content_type.as_deref().unwrap_or("no content type");
        let what = if body.is_empty() {
            "empty body".to_owned()
        } else {
            format!("not JSON ({kind}): {e}")
        };
        Error::decode(
            operation,
            "body",
            format!(
                "{what}; body starts {:?}",
                snippet(&String::from_utf8_lossy(body), 80)
            ),
        )
    })?;
    let Value::Object(mut map) = value else {
        return Err(Error::decode(
            operation,
            "body",
            "expected a JSON object envelope",
        ));
    };
    let retcode = match map.remove("retcode") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(Error::decode(
                operation,
                "retcode",
                format!("expected a string, got {}", type_name(&other)),
            ))
        }
        None => return Err(Error::decode(operation, "retcode", "missing")),
    };
    // `message` in the API reference; one dev-guide example uses `msg`.
    let message = match map.remove("message").or_else(|| map.remove("msg")) {
        Some(Value::String(s)) => s,
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    if retcode.trim() != "0" {
        return Err(Error::service(operation, retcode.trim(), &message));
    }
    let result = map.remove("result").unwrap_or(Value::Null);
    T::from_result(message, result).map_err(|e| Error::decode(operation, e.path, e.message))
}

/// Decodes `value` (the envelope's `result`) into `T`, reporting the failing path.
pub fn decode_result<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, DecodeError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = if inner == "." {
            "result".to_owned()
        } else if inner.starts_with('[') {
            format!("result{inner}")
        } else {
            format!("result.{inner}")
        };
        DecodeError {
            path,
            message: e.into_inner().to_string(),
        }
    })
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::Ack;

    fn head(status: u16, ct: &str) -> ResponseHead {
        ResponseHead {
            status,
            content_type: Some(ct.into()),
            ..Default::default()
        }
    }
    fn ack(status: u16, ct: &str, body: &str) -> Result<Ack, Error> {
        decode::<Ack>("beginNetPlay", &head(status, ct), body.as_bytes())
    }

    #[test]
    fn success_envelope() {
        let r = ack(
            200,
            "application/json",
            r#"{ "result": {}, "message": "success", "retcode": "0" }"#,
        );
        assert_eq!(
            r,
            Ok(Ack {
                message: "success".into()
            })
        );
        let r = ack(200, "application/json", r#"{"retcode":"0","msg":"ok"}"#);
        assert_eq!(
            r,
            Ok(Ack {
                message: "ok".into()
            })
        );
    }

    #[test]
    fn failure_retcodes_become_service_errors() {
        let e = ack(
            200,
            "application/json",
            r#"{"message":"agent not login","retcode":"100-006"}"#,
        )
        .err();
        let Some(Error {
            operation: "beginNetPlay",
            kind:
                ErrorKind::Service {
                    retcode,
                    message,
                    meaning,
                },
        }) = e
        else {
            panic!("unexpected {e:?}")
        };
        assert_eq!(
            (retcode.as_str(), message.as_str()),
            ("100-006", "agent not login")
        );
        assert!(meaning.is_some_and(|m| m.contains("not signed in")));
        // A numeric retcode is still a failure unless it is 0.
        assert!(matches!(
            ack(200, "application/json", r#"{"retcode":10001}"#),
            Err(Error {
                kind: ErrorKind::Service { .. },
                ..
            })
        ));
        assert!(ack(200, "application/json", r#"{"retcode":0}"#).is_ok());
    }

    #[test]
    fn http_and_body_faults_are_typed() {
        let e = ack(502, "text/html", "<html>Bad Gateway</html>")
            .err()
            .map(|e| e.kind);
        assert_eq!(
            e,
            Some(ErrorKind::Http {
                status: 502,
                body: "<html>Bad Gateway</html>".into()
            })
        );
        for (body, ct) in [
            ("<html>oops</html>", "text/html"),
            (r#"{"retcode":"0","res"#, "application/json"),
            ("", "application/json"),
            ("[1]", "application/json"),
            (r#"{"message":"x"}"#, "application/json"),
            (r#"{"retcode":true}"#, "application/json"),
        ] {
            let e = ack(200, ct, body).err();
            assert!(
                matches!(
                    e,
                    Some(Error {
                        kind: ErrorKind::Decode { .. },
                        ..
                    })
                ),
                "{body:?} gave {e:?}"
            );
        }
        let e = ack(200, "text/html", "<html>oops</html>")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("not JSON (text/html)") && e.contains("<html>oops"),
            "{e}"
        );
    }

    #[test]
    fn result_paths() {
        #[derive(serde::Deserialize, Debug)]
        struct R {
            #[allow(dead_code)]
            a: u8,
        }
        let e = decode_result::<Vec<R>>(serde_json::json!([{"a": 1}, {"a": "x"}])).err();
        assert_eq!(e.map(|e| e.path), Some("result[1].a".to_owned()));
    }
}
