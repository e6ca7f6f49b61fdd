//! The CC-Gateway response envelope `{message, retcode, result}`.
//!
//! Every response is HTTP 200 with JSON; `retcode` "0" is success and any other value is a
//! failure carrying its documented meaning. Non-2xx statuses, non-JSON bodies (HTML error
//! pages, truncated JSON) and wrong shapes become typed errors, never silent successes.
//!
//! The body is parsed once: the envelope's fields are read in place and `result` is kept as
//! raw JSON text until the operation decodes it into its own type.

use crate::de::Text;
use crate::error::{snippet, Error, ErrorKind};
use crate::http::ResponseHead;
use crate::json::{Decode, RawJson};
use cec_agent_derive::Decode;

pub use crate::json::DecodeError;

/// How much of an unexpected body an error quotes.
pub const BODY_SNIPPET_CHARS: usize = 200;

#[derive(Decode)]
struct Envelope<'a> {
    retcode: Option<Text>,
    /// `message` in the API reference; one dev-guide example uses `msg`.
    #[serde(alias = "msg")]
    message: Option<RawJson<'a>>,
    result: Option<RawJson<'a>>,
    /// The event poll (`agentevent`) carries its payload here instead of in `result`.
    event: Option<RawJson<'a>>,
}

/// A successful envelope (`retcode` "0"), its payloads still raw JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Success<'a> {
    /// The server's `message` (or `msg`).
    pub message: String,
    /// Raw `result`, if present.
    pub result: Option<&'a str>,
    /// Raw `event`, if present (event poll).
    pub event: Option<&'a str>,
}

/// Checks the HTTP status, parses the envelope and turns a failure `retcode` into an error.
pub fn open<'a>(
    operation: &'static str,
    head: &ResponseHead,
    body: &'a [u8],
) -> Result<Success<'a>, Error> {
    let lossy = || String::from_utf8_lossy(body);
    if !(200..300).contains(&head.status) {
        let body = snippet(&lossy(), BODY_SNIPPET_CHARS);
        return Err(Error::new(
            operation,
            ErrorKind::Http {
                status: head.status,
                body,
            },
        ));
    }
    let not_envelope = |message: &str| {
        let what = if body.is_empty() {
            "empty body".to_owned()
        } else {
            let kind = head.content_type.as_deref().unwrap_or("no content type");
            format!("not a JSON envelope ({kind}): {message}")
        };
        Error::decode(
            operation,
            "body",
            format!(
                "{what}; body starts {}",
                crate::error::quoted_snippet(&lossy(), 80)
            ),
        )
    };
    let text = std::str::from_utf8(body).map_err(|_| not_envelope("invalid UTF-8"))?;
    let envelope: Envelope<'a> = parse(text).map_err(|e| {
        if e.path == "." {
            not_envelope(&e.message)
        } else {
            let e = e.into_detail();
            Error::decode(operation, e.path, e.message)
        }
    })?;
    let Some(Text(retcode)) = envelope.retcode else {
        return Err(Error::decode(operation, "retcode", "missing"));
    };
    let message = envelope.message.map(raw_text).unwrap_or_default();
    if retcode.trim() != "0" {
        return Err(Error::service(operation, retcode.trim(), &message));
    }
    Ok(Success {
        message,
        result: envelope.result.map(|r| r.0),
        event: envelope.event.map(|e| e.0),
    })
}

/// A JSON value as text: strings unquoted, `null` empty, anything else as written.
fn raw_text(raw: RawJson<'_>) -> String {
    match raw.0 {
        "null" => String::new(),
        s if s.starts_with('"') => crate::json::from_str::<String>(s).unwrap_or_default(),
        s => s.to_owned(),
    }
}

/// Parses `json` into `T`, reporting the path of the first problem (`.` for the top level).
pub fn parse<'a, T: Decode<'a>>(json: &'a str) -> Result<T, DecodeError> {
    crate::json::from_str(json)
}

/// Decodes the envelope's raw `result` into `T`, with paths prefixed by `result`.
pub fn decode_result<'a, T: Decode<'a>>(raw: &'a str) -> Result<T, DecodeError> {
    parse(raw).map_err(|e| e.in_field("result"))
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
        open("beginNetPlay", &head(status, ct), body.as_bytes()).map(|ok| Ack {
            message: ok.message,
        })
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
        let r = ack(
            200,
            "application/json",
            r#"{"retcode":"0","message":null,"result":""}"#,
        );
        assert_eq!(
            r,
            Ok(Ack {
                message: String::new()
            })
        );
    }

    #[test]
    fn failure_retcodes_become_service_errors() {
        let e = ack(
            200,
            "application/json",
            r#"{"message":"agent not login","retcode":"100-006","result":""}"#,
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
        for (body, ct, path) in [
            ("<html>oops</html>", "text/html", "body"),
            (r#"{"retcode":"0","res"#, "application/json", "body"),
            (r#"{"retcode":"0"} trailing"#, "application/json", "body"),
            ("", "application/json", "body"),
            ("[1]", "application/json", "body"),
            (r#"{"message":"x"}"#, "application/json", "retcode"),
            (r#"{"retcode":true}"#, "application/json", "retcode"),
        ] {
            let e = ack(200, ct, body).err();
            assert!(
                matches!(&e, Some(Error { kind: ErrorKind::Decode { path: p, .. }, .. }) if p == path),
                "{body:?} gave {e:?}"
            );
        }
        let e = ack(200, "text/html", "<html>oops</html>")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("not a JSON envelope (text/html)") && e.contains("<html>oops"),
            "{e}"
        );
    }

    #[test]
    fn result_paths() {
        #[derive(Decode, Debug)]
        struct R {
            #[allow(dead_code)]
            a: crate::de::Int,
        }
        let e = decode_result::<Vec<R>>(r#"[{"a": 1}, {"a": "x"}]"#).err();
        assert_eq!(e.map(|e| e.path.clone()), Some("result[1].a".to_owned()));
        let e = decode_result::<Vec<R>>(r#""text""#).err();
        assert_eq!(e.map(|e| e.path.clone()), Some("result".to_owned()));
    }
}
