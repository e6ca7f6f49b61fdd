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

/// The call an operation acts on, when the agent has more than one (`callid` in the query;
/// a multimedia call must name it). One type for all of them, so one decoder serves them.
#[derive(Debug, Clone, Default, PartialEq, Eq, cec_agent_derive::Decode, Encode, tsify::Tsify)]
#[serde(deny_unknown_fields)]
pub struct CallSelector {
    /// The call, e.g. `1476070409-38`; without it the gateway picks the agent's call.
    #[serde(rename = "callId", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub call_id: Option<Text>,
}

impl CallSelector {
    /// `path` with `?callid=` when a call is named.
    pub fn path(&self, path: String) -> String {
        // `validate` has run before `path`, so the ID is URL-safe.
        crate::operation::with_query(path, &[("callid", self.call_id.clone().map(|c| c.0))])
    }

    /// The call ID, if given, is a call ID.
    pub fn validate(&self) -> Result<(), ValidationError> {
        match &self.call_id {
            Some(c) => validation::call_id("callId", c.as_str()),
            None => Ok(()),
        }
    }
}

/// Declares an operation on an optionally named call (`?callid=`): a newtype over
/// [`CallSelector`] and its [`Operation`](crate::operation::Operation) impl. `$path` is a
/// format string with `{agent}`.
macro_rules! selected_call_operation {
    ($(#[$doc:meta])* $name:ident, $method:ident $path:literal, log $log:literal, retcodes [$($code:literal),*]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct $name(pub $crate::voicecall::CallSelector);

        impl $name {
            /// The operation on call `call_id` (`None`: the agent's call).
            pub fn new(call_id: Option<&str>) -> Self {
                Self($crate::voicecall::CallSelector { call_id: call_id.map(Into::into) })
            }
        }

        impl $crate::operation::Operation for $name {
            const LOG_NAME: &'static str = $log;
            const METHOD: $crate::http::Method = $crate::http::Method::$method;
            const DOCUMENTED_RETCODES: &'static [&'static str] = &[$($code),*];
            type Output = $crate::operation::Ack;

            fn path(&self, agent_id: &$crate::validation::AgentId) -> String {
                self.0.path(format!($path, agent = agent_id.as_str()))
            }

            fn validate(&self) -> Result<(), $crate::error::ValidationError> {
                self.0.validate()
            }
        }
    };
}
pub(crate) use selected_call_operation;

/// `userVideoDirection` (callout only, with `mediaAbility` 1): 1..=4, the gateway's default 4.
pub const USER_VIDEO_DIRECTIONS: RangeInclusive<i64> = 1..=4;
/// The `mediaAbility` `userVideoDirection` needs (video).
pub const MEDIA_VIDEO: i64 = 1;

/// The request of the operations that dial a number: `callOut` (an outside number) and
/// `callInner` (another agent). One type for both, so one decoder serves them.
#[derive(Debug, Clone, PartialEq, Eq, Encode, cec_agent_derive::Decode, tsify::Tsify)]
#[serde(deny_unknown_fields)]
pub struct DialRequest {
    /// Who to call: 1..=24 of `0-9 * #` (for callInner, the other agent's ID).
    #[tsify(type = "string")]
    pub called: Text,
    /// The calling number to show: 0..=24 digits (the gateway's default when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "string")]
    pub caller: Option<Text>,
    /// The skill the call is made in (the platform default when absent).
    #[serde(rename = "skillId", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "number")]
    pub skill_id: Option<Int>,
    /// Call-associated data, at most 16k.
    #[serde(rename = "callAppData", skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub call_app_data: Option<String>,
    /// 0 audio, 1 video, 2 (callInner: ignored by the gateway).
    #[serde(rename = "mediaAbility", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "0 | 1 | 2")]
    pub media_ability: Option<Int>,
    /// callOut with `mediaAbility` 1 only: the video direction, 1..=4 (default 4).
    #[serde(rename = "userVideoDirection", skip_serializing_if = "Option::is_none")]
    #[tsify(optional, type = "1 | 2 | 3 | 4")]
    pub user_video_direction: Option<Int>,
}

impl DialRequest {
    /// A call to `called` without the optional fields.
    pub fn new(called: &str) -> Self {
        Self {
            called: called.into(),
            caller: None,
            skill_id: None,
            call_app_data: None,
            media_ability: None,
            user_video_direction: None,
        }
    }

    /// Checks every field; `video` says whether `userVideoDirection` may be given.
    pub fn validate(&self, video: bool) -> Result<(), ValidationError> {
        number("called", self.called.as_str(), 1, Charset::Dial)?;
        common(
            self.call_app_data.as_ref(),
            self.caller.as_ref(),
            self.media_ability,
            self.skill_id,
        )?;
        match (self.user_video_direction, video) {
            (None, _) => Ok(()),
            (Some(Int(d)), false) => Err(not_applicable("userVideoDirection", "callOut", d)),
            (Some(Int(d)), true) if self.media_ability != Some(Int(MEDIA_VIDEO)) => Err(
                not_applicable("userVideoDirection", "mediaAbility 1 (video)", d),
            ),
            (Some(Int(d)), true) => {
                validation::in_range("userVideoDirection", d, USER_VIDEO_DIRECTIONS)
            }
        }
    }

    /// The body, in the callout / callinner spelling.
    pub fn body(&self) -> Option<String> {
        CallBody {
            called: Some(self.called.as_str()),
            caller: self.caller.as_ref().map(Text::as_str),
            skillid: self.skill_id.map(|s| s.0),
            callappdata: self.call_app_data.as_deref(),
            mediaability: self.media_ability.map(|m| m.0),
            user_video_direction: self.user_video_direction.map(|d| d.0),
            ..CallBody::default()
        }
        .json()
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
