//! Lenient decoding: the gateway sends numbers as strings ("7", "65535") and strings as
//! numbers (`"caller": 70001`), and JS callers copy the vendor examples that do the same.
//! These visitors accept both and keep one Rust type.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

// `null` is rejected inside the visitors (not after they return) so that serde_json
// positions the error right after the `null`, which is what `envelope::path_at` reads.
// `Option<Int>`/`Option<Text>` never reach them with `null`: serde's `Option` takes it first.

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer or a string of digits")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v).map_err(|_| E::custom(format!("integer {v} is too large")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.fract() == 0.0 && v.abs() <= crate::validation::MAX_SAFE_INTEGER as f64 {
            Ok(v as i64)
        } else {
            Err(E::invalid_type(de::Unexpected::Float(v), &self))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        v.trim()
            .parse::<i64>()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(E::custom("expected an integer, got null"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_none()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(v.to_owned())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.fract() == 0.0 && v.abs() <= crate::validation::MAX_SAFE_INTEGER as f64 {
            Ok((v as i64).to_string())
        } else {
            Ok(v.to_string())
        }
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(E::custom("expected a string, got null"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_none()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// An integer that may arrive as a number or a numeric string (`7`, `"7"`). Serializes as a
/// number. Use `Option<Int>` for optional fields: absent and `null` both decode to `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Int(pub i64);

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(IntVisitor).map(Int)
    }
}

impl Serialize for Int {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.0)
    }
}

/// Text that may arrive as a string or a number (`"70001"`, `70001`). Serializes as a string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor).map(Text)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

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

/// Any JSON value, kept as its raw text (for reserved fields such as `trace`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Json(pub Box<serde_json::value::RawValue>);

impl PartialEq for Json {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

#[cfg(test)]
mod tests {
    use super::{Int, Text};
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize, Debug)]
    struct T {
        n: Option<Int>,
        s: Option<Text>,
    }

    fn t(v: serde_json::Value) -> Result<(Option<i64>, Option<String>), String> {
        serde_json::from_value::<T>(v)
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
            serde_json::to_string(&(Int(7), Text("70001".into()))).unwrap(),
            r#"[7,"70001"]"#
        );
    }
}
