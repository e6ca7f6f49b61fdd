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
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

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

#[derive(Deserialize)]
struct Envelope<'a> {
    retcode: Option<Text>,
    /// `message` in the API reference; one dev-guide example uses `msg`.
    #[serde(borrow, alias = "msg")]
    message: Option<&'a RawValue>,
    #[serde(borrow)]
    result: Option<&'a RawValue>,
    /// The event poll (`agentevent`) carries its payload here instead of in `result`.
    #[serde(borrow)]
    event: Option<&'a RawValue>,
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
            format!("{what}; body starts {:?}", snippet(&lossy(), 80)),
        )
    };
    let text = std::str::from_utf8(body).map_err(|_| not_envelope("invalid UTF-8"))?;
    let envelope: Envelope<'a> = parse(text).map_err(|e| {
        if e.path == "." {
            not_envelope(&e.message)
        } else {
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
        result: envelope.result.map(RawValue::get),
        event: envelope.event.map(RawValue::get),
    })
}

/// A JSON value as text: strings unquoted, `null` empty, anything else as written.
fn raw_text(raw: &RawValue) -> String {
    match raw.get() {
        "null" => String::new(),
        s if s.starts_with('"') => serde_json::from_str(s).unwrap_or_default(),
        s => s.to_owned(),
    }
}

/// Parses `json` into `T`, reporting the path of the first problem (`.` for the top level).
///
/// The path is reconstructed only on failure, from the byte offset serde_json reports: data
/// errors are positioned just after the offending token, so replaying the container
/// structure up to that offset ([`path_at`]) names the same place a path-tracking
/// deserializer would, without wrapping every visitor on the success path.
pub fn parse<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, DecodeError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let value = T::deserialize(&mut de).map_err(|e| parse_error(json, e))?;
    de.end().map_err(|e| parse_error(json, e))?;
    Ok(value)
}

/// The [`DecodeError`] for a serde_json failure on `json` (one copy, not one per type).
#[inline(never)]
fn parse_error(json: &str, e: serde_json::Error) -> DecodeError {
    // Broken JSON is a fault of the whole body, wherever the parser stopped.
    let path = if e.is_data() {
        path_at(json, e.line(), e.column())
    } else {
        ".".to_owned()
    };
    let message = e.to_string();
    let message = message.split(" at line ").next().unwrap_or(&message);
    DecodeError {
        path,
        message: message.to_owned(),
    }
}

/// One open container while replaying the JSON text.
enum Frame<'a> {
    /// An object and the raw text of its latest key (with quotes), if one was read.
    Object(Option<&'a str>),
    /// An array and the index of its current element.
    Array(usize),
}

/// The path (`result[0].callid`, `.` for the top level) of the value that ends at the byte
/// offset given by serde_json's 1-based `line` and byte `column`.
///
/// It names the same place as serde_path_to_error (checked by `tests/fuzz_decoders.rs`),
/// except for one shape no request or response uses: a struct written as a JSON *array*
/// whose first element is itself an array or object is reported at that array, not at `[0]`.
pub fn path_at(json: &str, line: usize, column: usize) -> String {
    let bytes = json.as_bytes();
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    let end = (start + column).min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    // Whether the last token was `{` or `[`: a container rejected as a whole (wrong type) is
    // reported just after its opening bracket, and belongs to its parent's path.
    let mut just_opened = false;
    let mut i = 0;
    while i < end {
        let b = bytes[i];
        if !b.is_ascii_whitespace() {
            just_opened = matches!(b, b'{' | b'[');
        }
        match b {
            b'"' => {
                let from = i;
                i += 1;
                while i < end && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= end {
                    break; // a string cut by the offset: no complete token
                }
                if let (true, Some(Frame::Object(key))) = (expecting_key, stack.last_mut()) {
                    *key = json.get(from..=i);
                    expecting_key = false;
                }
            }
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => stack.push(Frame::Array(0)),
            b':' => expecting_key = false,
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(_)) => expecting_key = true,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    if just_opened {
        stack.pop();
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
            Frame::Object(Some(raw)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                let inner = &raw[1..raw.len() - 1];
                if inner.contains('\\') {
                    path.push_str(&serde_json::from_str::<String>(raw).unwrap_or_default());
                } else {
                    path.push_str(inner);
                }
            }
            Frame::Object(None) => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// Decodes the envelope's raw `result` into `T`, with paths prefixed by `result`.
pub fn decode_result<T: DeserializeOwned>(raw: &str) -> Result<T, DecodeError> {
    parse(raw).map_err(|e| {
        let path = match e.path.as_str() {
            "." => "result".to_owned(),
            p if p.starts_with('[') => format!("result{p}"),
            p => format!("result.{p}"),
        };
        DecodeError {
            path,
            message: e.message,
        }
    })
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
        #[derive(serde::Deserialize, Debug)]
        struct R {
            #[allow(dead_code)]
            a: u8,
        }
        let e = decode_result::<Vec<R>>(r#"[{"a": 1}, {"a": "x"}]"#).err();
        assert_eq!(e.map(|e| e.path), Some("result[1].a".to_owned()));
        let e = decode_result::<Vec<R>>(r#""text""#).err();
        assert_eq!(e.map(|e| e.path), Some("result".to_owned()));
    }
}
