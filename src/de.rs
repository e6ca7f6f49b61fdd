//! Lenient decoding: the gateway sends numbers as strings ("7", "65535") and strings as
//! numbers (`"caller": 70001`), and JS callers copy the vendor examples that do the same.
//! These visitors accept both and keep one Rust type.

use serde::de::{self, Deserializer, Visitor};
use std::fmt;

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = Option<i64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer or a string of digits")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v).map(Some).map_err(|_| E::custom(format!("integer {v} is too large")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.fract() == 0.0 && v.abs() <= crate::validation::MAX_SAFE_INTEGER as f64 {
            Ok(Some(v as i64))
        } else {
            Err(E::invalid_type(de::Unexpected::Float(v), &self))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        v.trim().parse::<i64>().map(Some).map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Option<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.fract() == 0.0 && v.abs() <= crate::validation::MAX_SAFE_INTEGER as f64 {
            Ok(Some((v as i64).to_string()))
        } else {
            Ok(Some(v.to_string()))
        }
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// Optional integer: number, numeric string, `null` or absent.
pub fn opt_int<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(IntVisitor)
}

/// Required integer: number or numeric string.
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    opt_int(d)?.ok_or_else(|| de::Error::custom("expected an integer, got null"))
}

/// Optional text: string, number (rendered in decimal), `null` or absent.
pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(TextVisitor)
}

/// Required text: string or number.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    opt_text(d)?.ok_or_else(|| de::Error::custom("expected a string, got null"))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Deserialize, Debug)]
    struct T {
        #[serde(default, deserialize_with = "super::opt_int")]
        n: Option<i64>,
        #[serde(default, deserialize_with = "super::opt_text")]
        s: Option<String>,
    }

    fn t(v: serde_json::Value) -> Result<(Option<i64>, Option<String>), String> {
        serde_json::from_value::<T>(v).map(|t| (t.n, t.s)).map_err(|e| e.to_string())
    }

    #[test]
    fn accepts_numbers_as_strings_and_back() {
        assert_eq!(t(json!({"n": "7", "s": 70001})), Ok((Some(7), Some("70001".into()))));
        assert_eq!(t(json!({"n": 65535, "s": "70001"})), Ok((Some(65535), Some("70001".into()))));
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
}
