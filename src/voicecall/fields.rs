//! What several call-control operations share: the documented limits of their common fields,
//! their checks, the one wire body they all send, and the answer of the call-starting ones.
//!
//! JS requests use one spelling for a field everywhere (`callAppData`, `skillId`,
//! `mediaAbility`, `deviceType`, `holdFlag`, `callId`); the vendor's bodies spell them per page
//! (`callappdata`, `skillid` for callout but `skillId` for transfer, ...), which [`CallBody`]
//! writes.

use crate::de::{Int, Text};
use crate::envelope::DecodeError;
use crate::error::ValidationError;
use crate::operation::FromResult;
use crate::validation::{self, invalid, shown};
use cec_agent_derive::Encode;
use std::ops::RangeInclusive;

/// Longest phone number, agent number, transfer address or DTMF string: "1-24 digits".
pub const NUMBER_MAX_LEN: usize = 24;
/// `callappdata`: "16k". Counted as the Java gateway counts a `String` (UTF-16 units); the
/// pages do not say characters or bytes (agent-shift-ops.md §G, UNCERTAIN).
pub const CALL_APP_DATA_MAX_LEN: usize = 16 * 1024;
/// `mediaability`: 0 audio, 1 video, 2 (the pages' third value).
pub const MEDIA_ABILITIES: &[i64] = &[0, 1, 2];
/// `skillid` / `skillId`: a Java `Integer` skill queue ID.
pub const SKILL_ID_RANGE: RangeInclusive<i64> = 0..=i32::MAX as i64;

/// Which characters a number field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// `0-9`.
    Digits,
    /// `0-9 * #` (called numbers, DTMF).
    Dial,
    /// `0-9 A-E a-e * #` (an external transfer address, the 2025-11 transfer page).
    External,
}

impl Charset {
    fn allows(self, b: u8) -> bool {
        match self {
            Charset::Digits => b.is_ascii_digit(),
            Charset::Dial => b.is_ascii_digit() || b == b'*' || b == b'#',
            Charset::External => {
                b.is_ascii_digit() || matches!(b, b'A'..=b'E' | b'a'..=b'e' | b'*' | b'#')
            }
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Charset::Digits => "0-9",
            Charset::Dial => "0-9 * #",
            Charset::External => "0-9 A-E a-e * #",
        }
    }
}

/// `value` has `min..=24` characters, all of `charset`.
pub fn number(
    field: &str,
    value: &str,
    min: usize,
    charset: Charset,
) -> Result<(), ValidationError> {
    let len = value.len();
    if len < min || len > NUMBER_MAX_LEN || !value.bytes().all(|b| charset.allows(b)) {
        return Err(invalid(
            field,
            "format",
            format!(
                "must be {min}..={NUMBER_MAX_LEN} characters of {}",
                charset.describe()
            ),
            shown(value),
        ));
    }
    Ok(())
}

/// The optional fields most call-starting operations take: `callappdata` (at most 16k),
/// `caller` (0..=24 digits), `mediaability` (0, 1, 2) and the skill ID.
pub fn common(
    call_app_data: Option<&String>,
    caller: Option<&Text>,
    media_ability: Option<Int>,
    skill_id: Option<Int>,
) -> Result<(), ValidationError> {
    if let Some(data) = call_app_data {
        validation::max_length("callAppData", data, CALL_APP_DATA_MAX_LEN)?;
    }
    if let Some(caller) = caller {
        number("caller", caller.as_str(), 0, Charset::Digits)?;
    }
    if let Some(Int(m)) = media_ability {
        validation::one_of("mediaAbility", m, MEDIA_ABILITIES)?;
    }
    if let Some(Int(s)) = skill_id {
        validation::in_range("skillId", s, SKILL_ID_RANGE)?;
    }
    Ok(())
}

/// A field that only applies to some requests, given to another one.
pub fn not_applicable(field: &str, applies_to: &str, value: impl ToString) -> ValidationError {
    invalid(
        field,
        "notApplicable",
        format!("only applies to {applies_to}"),
        value.to_string(),
    )
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay): a raw `#` would end
/// the URL and `*` is reserved.
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The JSON body of every call-control operation that has one, with the vendor's spelling of
/// each field; a field an operation does not send stays `None` and is left out.
#[derive(Debug, Default, Encode)]
pub struct CallBody<'a> {
    /// callout, callinner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub called: Option<&'a str>,
    /// callout, callinner, transfer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caller: Option<&'a str>,
    /// callout, callinner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skillid: Option<i64>,
    /// transfer, callinnerskill.
    #[serde(rename = "skillId", skip_serializing_if = "Option::is_none")]
    pub skill_id: Option<i64>,
    /// transfer, innerhelp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub devicetype: Option<i64>,
    /// transfer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<&'a str>,
    /// innerhelp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dstaddress: Option<&'a str>,
    /// transfer, innerhelp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<i64>,
    /// transfer, innerhelp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holdflag: Option<bool>,
    /// confjoin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callid: Option<&'a str>,
    /// callout, callinner, transfer, innerhelp, confjoin.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callappdata: Option<&'a str>,
    /// callout, callinner, transfer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mediaability: Option<i64>,
    /// callout.
    #[serde(rename = "userVideoDirection", skip_serializing_if = "Option::is_none")]
    pub user_video_direction: Option<i64>,
}

impl CallBody<'_> {
    /// The body as JSON text.
    pub fn json(&self) -> Option<String> {
        crate::operation::json_body(self)
    }
}

/// The answer of an operation that starts a call (`callOut`, `callInner`, `callInnerSkill`,
/// `innerHelp`): the new call's ID, which the gateway returns as `result`.
#[derive(Debug, Clone, PartialEq, Eq, Encode)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct CallStarted {
    /// The new call's ID (for innerHelp mode 2, the call the helper joins).
    #[serde(rename = "callId")]
    pub call_id: String,
    /// The server's `message`.
    pub message: String,
}

impl FromResult for CallStarted {
    fn from_result(message: String, result: Option<&str>) -> Result<Self, DecodeError> {
        let id: Option<Text> = match result {
            Some(raw) => crate::envelope::decode_result(raw)?,
            None => None,
        };
        match id.map(|t| t.0).filter(|t| !t.trim().is_empty()) {
            Some(call_id) => Ok(CallStarted { call_id, message }),
            None => Err(DecodeError::invalid("expected the new call's ID").in_field("result")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_limits_both_sides() {
        assert!(number("n", &"1".repeat(24), 1, Charset::Digits).is_ok());
        assert_eq!(
            number("n", &"1".repeat(25), 1, Charset::Digits).map_err(|e| e.rule),
            Err("format")
        );
        assert!(number("n", "", 0, Charset::Digits).is_ok());
        assert!(number("n", "", 1, Charset::Digits).is_err());
        assert!(number("n", "12*#", 1, Charset::Dial).is_ok());
        assert!(number("n", "12*#", 1, Charset::Digits).is_err());
        assert!(number("n", "0aE*#", 1, Charset::External).is_ok());
        for bad in ["F", "f", "+1", "1 2", "１"] {
            assert!(number("n", bad, 1, Charset::External).is_err(), "{bad:?}");
        }
        let e = number("called", "12a", 1, Charset::Dial).unwrap_err();
        assert_eq!(
            e.to_string(),
            "called must be 1..=24 characters of 0-9 * #: got \"12a\""
        );
    }

    #[test]
    fn common_field_limits() {
        let data = "x".repeat(CALL_APP_DATA_MAX_LEN);
        assert!(common(Some(&data), None, None, None).is_ok());
        let over = format!("{data}x");
        assert_eq!(
            common(Some(&over), None, None, None).map_err(|e| (e.field, e.rule)),
            Err(("callAppData".to_owned(), "maxLength"))
        );
        // Counted in UTF-16 units: 8192 astral characters are 16384 units.
        let astral = "😀".repeat(CALL_APP_DATA_MAX_LEN / 2);
        assert!(common(Some(&astral), None, None, None).is_ok());
        assert!(common(Some(&format!("{astral}a")), None, None, None).is_err());
        for m in [0, 1, 2] {
            assert!(common(None, None, Some(Int(m)), None).is_ok());
        }
        for m in [-1, 3] {
            assert_eq!(
                common(None, None, Some(Int(m)), None).map_err(|e| e.field),
                Err("mediaAbility".to_owned())
            );
        }
        assert!(common(None, None, None, Some(Int(i32::MAX as i64))).is_ok());
        for s in [-1, i32::MAX as i64 + 1] {
            assert_eq!(
                common(None, None, None, Some(Int(s))).map_err(|e| (e.field, e.rule)),
                Err(("skillId".to_owned(), "range"))
            );
        }
        assert!(common(None, Some(&Text("".into())), None, None).is_ok());
        assert_eq!(
            common(None, Some(&Text("7000a".into())), None, None).map_err(|e| e.field),
            Err("caller".to_owned())
        );
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(query_value("12#*9"), "12%23%2A9");
        assert_eq!(query_value("0-9._~"), "0-9._~");
    }

    #[test]
    fn call_started_decodes_the_call_id() {
        let ok = CallStarted::from_result("success".into(), Some(r#""1476070409-38""#));
        assert_eq!(
            ok,
            Ok(CallStarted {
                call_id: "1476070409-38".into(),
                message: "success".into()
            })
        );
        for bad in [None, Some("null"), Some(r#""""#), Some("{}"), Some("[1]")] {
            let e = CallStarted::from_result(String::new(), bad).unwrap_err();
            assert!(e.into_detail().path.starts_with("result"), "{bad:?}");
        }
    }

    #[test]
    fn body_uses_the_vendor_spelling_and_leaves_out_absent_fields() {
        let body = CallBody {
            called: Some("70001"),
            skillid: Some(3),
            callappdata: Some("x"),
            ..CallBody::default()
        };
        assert_eq!(
            body.json().unwrap(),
            r#"{"called":"70001","skillid":3,"callappdata":"x"}"#
        );
        assert_eq!(CallBody::default().json().unwrap(), "{}");
    }
}
