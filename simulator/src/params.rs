//! Request checks shared by the handlers: agent IDs, headers, lenient JSON fields.

use std::ops::RangeInclusive;

use axum::http::{header, HeaderMap};
use axum::response::Response;
use serde_json::{Map, Value};

use crate::reply::bad_param;

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

/// A JSON object request body, else `000-002`.
pub fn body_object(body: &[u8]) -> Result<Map<String, Value>, Response> {
    json_object(body).ok_or_else(|| {
        crate::reply::fail(crate::reply::BAD_PARAM, "request body is not a JSON object")
    })
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

/// A lenient integer field checked by `valid` (`000-002` naming the field otherwise).
pub fn checked_int(
    map: &Map<String, Value>,
    name: &str,
    valid: &dyn Fn(i64) -> bool,
) -> Result<Option<i64>, Response> {
    match int_field(map, name) {
        Ok(Some(v)) if !valid(v) => Err(bad_param(name)),
        Ok(v) => Ok(v),
        Err(_) => Err(bad_param(name)),
    }
}

/// A string field checked by `valid` (`000-002` naming the field otherwise).
pub fn checked_str<'a>(
    map: &'a Map<String, Value>,
    name: &str,
    valid: &dyn Fn(&str) -> bool,
) -> Result<Option<&'a str>, Response> {
    match str_field(map, name) {
        Ok(Some(v)) if !valid(v) => Err(bad_param(name)),
        Ok(v) => Ok(v),
        Err(_) => Err(bad_param(name)),
    }
}

/// A boolean field (`true`/`false` or their strings), `000-002` naming it otherwise.
pub fn checked_bool(map: &Map<String, Value>, name: &str) -> Result<Option<bool>, Response> {
    bool_field(map, name).map_err(|_| bad_param(name))
}

/// `min..=max` ASCII digits.
pub fn is_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// 1..=`max` of `0-9 * #` (a number to dial, DTMF).
pub fn is_dial_string(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b'*' || b == b'#')
}

/// Length as Java counts it (UTF-16 units).
pub fn java_len(s: &str) -> usize {
    s.encode_utf16().count()
}

/// A decoded query parameter.
pub fn query_param(raw: &Option<String>, name: &str) -> Option<String> {
    raw.as_deref()?.split('&').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k == name).then(|| percent_decode(v))
    })
}

/// An optional boolean query parameter: absent is `default`, `true`/`false` as given,
/// anything else `000-002` naming it.
pub fn query_bool(raw: &Option<String>, name: &str, default: bool) -> Result<bool, Response> {
    match query_param(raw, name).as_deref() {
        None | Some("") => Ok(default),
        Some("true") => Ok(true),
        Some("false") => Ok(false),
        Some(_) => Err(bad_param(name)),
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Standard base64 (padding optional); `None` if it is not base64.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let body = s.trim_end_matches('=');
    if s.len() - body.len() > 2 || body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in body.bytes() {
        let v = B64.iter().position(|&b| b == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
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
    fn base64_round_trips() {
        for raw in [
            &b""[..],
            b"a",
            b"ab",
            b"abc",
            b"abcd",
            "数据\u{1F600}".as_bytes(),
        ] {
            assert_eq!(base64_decode(&base64_encode(raw)).as_deref(), Some(raw));
        }
        assert_eq!(base64_encode(b"1234"), "MTIzNA==");
        assert_eq!(base64_decode("MTIzNA").as_deref(), Some(&b"1234"[..]));
        for bad in ["M", "MT!z", "MTIzNA==="] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn decodes_query() {
        assert_eq!(percent_decode("a%20b+c%2F%zz%4"), "a b c/%zz%4");
    }
}
