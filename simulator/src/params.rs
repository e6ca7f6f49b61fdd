//! Request checks shared by the handlers: agent IDs, headers, lenient JSON fields.

use std::ops::RangeInclusive;

use axum::http::{header, HeaderMap};
use serde_json::{Map, Value};

/// Valid agent IDs (the 2023 pages and the official JS client regex; newer pages allow up to 999999).
pub const AGENT_ID_RANGE: RangeInclusive<u32> = 101..=59_999;

/// Parses an agent ID from a URL: ASCII digits, no leading zero, inside [`AGENT_ID_RANGE`].
pub fn agent_id(raw: &str) -> Option<u32> {
    if raw.is_empty()
        || raw.len() > 6
        || raw.starts_with('0')
        || !raw.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    raw.parse().ok().filter(|id| AGENT_ID_RANGE.contains(id))
}

/// `Content-Type` is `application/json`, optionally with `charset=UTF-8` (case-insensitive).
pub fn is_json_content_type(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let mut parts = value.split(';').map(str::trim);
    if !parts
        .next()
        .is_some_and(|m| m.eq_ignore_ascii_case("application/json"))
    {
        return false;
    }
    parts.all(|p| {
        let Some((k, v)) = p.split_once('=') else {
            return false;
        };
        let v = v.trim().trim_matches('"');
        k.trim().eq_ignore_ascii_case("charset")
            && (v.eq_ignore_ascii_case("utf-8") || v.eq_ignore_ascii_case("utf8"))
    })
}

/// Value of a header as text, if present and visible ASCII.
pub fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// A JSON object body, or `None` if the body is not one.
pub fn json_object(body: &[u8]) -> Option<Map<String, Value>> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// A JSON field is present but has the wrong type or format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrongType;

/// Reads an integer field that may be a JSON integer or a numeric string (as the Java
/// server accepts). `Ok(None)` when absent or null; `Err(WrongType)` when present but not an integer.
pub fn int_field(map: &Map<String, Value>, name: &str) -> Result<Option<i64>, WrongType> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n.as_i64().map(Some).ok_or(WrongType),
        Some(Value::String(s)) => parse_int(s).map(Some).ok_or(WrongType),
        Some(_) => Err(WrongType),
    }
}

/// Reads a string field. `Ok(None)` when absent or null; `Err(WrongType)` for other types.
pub fn str_field<'a>(
    map: &'a Map<String, Value>,
    name: &str,
) -> Result<Option<&'a str>, WrongType> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(WrongType),
    }
}

/// Reads a boolean field that may be `true`/`false` or `"true"`/`"false"`.
pub fn bool_field(map: &Map<String, Value>, name: &str) -> Result<Option<bool>, WrongType> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(Value::String(s)) if s == "true" => Ok(Some(true)),
        Some(Value::String(s)) if s == "false" => Ok(Some(false)),
        Some(_) => Err(WrongType),
    }
}

/// `-?[0-9]+` fitting in i64 (what `Long.parseLong` accepts, minus a leading `+`).
fn parse_int(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Decodes `%XX` escapes and `+` in a query component (invalid escapes stay as they are).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match b[i] {
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn agent_ids() {
        assert_eq!(agent_id("101"), Some(101));
        assert_eq!(agent_id("59999"), Some(59_999));
        for bad in [
            "100", "60000", "0101", "", "abc", "1e3", "+101", "-101", "999999",
        ] {
            assert_eq!(agent_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        let ok = [
            "application/json",
            "application/json; charset=UTF-8",
            "Application/JSON;charset=utf-8",
            "application/json ;  charset=\"UTF-8\"",
        ];
        let bad = [
            "text/plain",
            "application/json; charset=ISO-8859-1",
            "application/jsonx",
            "application/json; foo=bar",
            "",
        ];
        for (v, want) in ok
            .iter()
            .map(|v| (v, true))
            .chain(bad.iter().map(|v| (v, false)))
        {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(v));
            assert_eq!(is_json_content_type(&h), want, "{v}");
        }
        assert!(!is_json_content_type(&HeaderMap::new()));
    }

    #[test]
    fn lenient_ints() {
        let m = json_object(br#"{"a":"0","b":-1,"c":"x","d":1.5,"e":null,"f":"","g":true}"#)
            .unwrap_or_default();
        assert_eq!(int_field(&m, "a"), Ok(Some(0)));
        assert_eq!(int_field(&m, "b"), Ok(Some(-1)));
        assert_eq!(int_field(&m, "c"), Err(WrongType));
        assert_eq!(int_field(&m, "d"), Err(WrongType));
        assert_eq!(int_field(&m, "e"), Ok(None));
        assert_eq!(int_field(&m, "f"), Err(WrongType));
        assert_eq!(int_field(&m, "g"), Err(WrongType));
        assert_eq!(int_field(&m, "missing"), Ok(None));
    }

    #[test]
    fn decodes_query() {
        assert_eq!(percent_decode("a%20b+c%2F%zz%4"), "a b c/%zz%4");
    }
}
