//! Lenient decoding: the gateway sends numbers as strings ("7", "65535") and strings as
//! numbers (`"caller": 70001`), and JS callers copy the vendor examples that do the same.
//! [`Int`] and [`Text`] accept both and keep one Rust type.

use crate::json::{Decode, DecodeError, Kind, Number, Reader};
use crate::validation::MAX_SAFE_INTEGER;

/// What [`Int`] accepts, for error messages.
const INT_EXPECTED: &str = "an integer or a string of digits";

/// The number's integer value where JS holds it exactly: any integer written as one, or an
/// integral number (`7.0`, `1e3`) up to 2^53 - 1.
fn exact_integer(n: &Number<'_>) -> Option<i64> {
    n.as_i64()
        .filter(|v| n.integer || v.abs() <= MAX_SAFE_INTEGER)
}

impl<'de> Decode<'de> for Int {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        match r.peek()? {
            Kind::Number => {
                let n = r.number()?;
                match exact_integer(&n) {
                    Some(v) => Ok(Int(v)),
                    _ if n.integer && !n.text.starts_with('-') => Err(DecodeError::invalid(
                        format!("integer {} is too large", n.text),
                    )),
                    _ => Err(DecodeError::invalid(format!(
                        "invalid type: number {}, expected {INT_EXPECTED}",
                        n.text
                    ))),
                }
            }
            Kind::String => {
                let s = r.string()?;
                s.trim().parse().map(Int).map_err(|_| {
                    DecodeError::invalid(format!(
                        "invalid value: string {}, expected {INT_EXPECTED}",
                        crate::validation::shown(&s)
                    ))
                })
            }
            Kind::Null => Err(DecodeError::invalid("expected an integer, got null")),
            _ => Err(r.unexpected(INT_EXPECTED)),
        }
    }
}

impl<'de> Decode<'de> for Text {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        match r.peek()? {
            Kind::String => r.string().map(|s| Text(s.into_owned())),
            Kind::Number => {
                let n = r.number()?;
                Ok(Text(match exact_integer(&n) {
                    Some(v) => v.to_string(),
                    None => n.text.to_owned(),
                }))
            }
            Kind::Null => Err(DecodeError::invalid("expected a string, got null")),
            _ => Err(r.unexpected("a string or a number")),
        }
    }
}

/// An integer that may arrive as a number or a numeric string (`7`, `"7"`). Encodes as a
/// number. Use `Option<Int>` for optional fields: absent and `null` both decode to `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Int(pub i64);

/// Text that may arrive as a string or a number (`"70001"`, `70001`). Encodes as a string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(pub String);

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(s.to_owned())
    }
}

impl Text {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Any JSON value, kept as its text (for reserved fields such as `trace` and untyped event
/// content). Encodes as the same JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Json(Box<str>);

impl<'de> Decode<'de> for Json {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        r.raw().map(Json::from_checked)
    }
}

impl Json {
    /// Keeps `raw`, a JSON value the reader has already checked ([`crate::json::RawJson`]).
    pub fn from_checked(raw: &str) -> Self {
        Json(raw.into())
    }

    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{Int, Text};
    use cec_agent_derive::Decode;
    use serde_json::json;

    #[derive(Decode, cec_agent_derive::Encode, Debug)]
    struct T {
        n: Option<Int>,
        s: Option<Text>,
    }

    fn t(v: serde_json::Value) -> Result<(Option<i64>, Option<String>), String> {
        crate::json::from_str::<T>(&v.to_string())
            .map(|t| (t.n.map(|n| n.0), t.s.map(|s| s.0)))
            .map_err(|e| e.to_string())
    }

    #[test]
    fn accepts_numbers_as_strings_and_back() {
        assert_eq!(
            t(json!({"n": "7", "s": 70001})),
            Ok((Some(7), Some("70001".into())))
        );
        assert_eq!(
            t(json!({"n": 65535, "s": "70001"})),
            Ok((Some(65535), Some("70001".into())))
        );
        assert_eq!(t(json!({"n": null, "s": null})), Ok((None, None)));
        assert_eq!(t(json!({})), Ok((None, None)));
        assert_eq!(t(json!({"n": -1})), Ok((Some(-1), None)));
        assert_eq!(t(json!({"n": 2.0})), Ok((Some(2), None)));
    }

    #[test]
    fn rejects_non_integers() {
        assert!(t(json!({"n": "abc"})).is_err());
        assert!(t(json!({"n": 1.5})).is_err());
        assert!(t(json!({"n": true})).is_err());
        assert!(t(json!({"n": [1]})).is_err());
        assert!(t(json!({"s": {"a": 1}})).is_err());
    }

    #[test]
    fn serializes_canonically() {
        assert_eq!(
            crate::json::to_string(&T {
                n: Some(Int(7)),
                s: Some(Text("70001".into()))
            }),
            r#"{"n":7,"s":"70001"}"#
        );
    }
}
