//! Field checks shared by every operation, and the documented limits they enforce.

use crate::error::{quoted_snippet, ValidationError};
use std::ops::RangeInclusive;

/// Agent IDs (`agentid`, `workNo`) accepted by CC-Gateway.
///
/// The five seed pages (updated 2023-09-27) say 101–59999; newer vendor pages say 101–999999
/// (`../shared/reference/huawei-cec-api-facts.md` §0). The default; a client widens it with
/// `agentIdMax` ([`agent_id_max`]).
pub const AGENT_ID_RANGE: RangeInclusive<u64> = 101..=59_999;

/// The largest agent ID of the newer vendor pages (`agentIdMax: 999999`).
pub const WIDE_AGENT_ID_MAX: u64 = 999_999;

thread_local! {
    /// The largest agent ID [`AgentId::parse`] accepts now: the end of [`AGENT_ID_RANGE`],
    /// except inside [`with_agent_id_max`].
    static AGENT_ID_MAX: std::cell::Cell<u64> = const { std::cell::Cell::new(*AGENT_ID_RANGE.end()) };
}

/// Runs `check` with agent IDs allowed up to `max` (a client's `agentIdMax`): the request
/// validators check `workNo` without knowing the client, so its range is set around them.
pub fn with_agent_id_max<R>(max: u64, check: impl FnOnce() -> R) -> R {
    let _scope = AgentIdMaxScope::enter(max);
    check()
}

/// While alive, [`AgentId::parse`] accepts IDs up to the max it entered with; dropping it puts
/// the previous max back. Not generic and not inlined, so the generic [`with_agent_id_max`]
/// (one copy per operation) stays two calls.
struct AgentIdMaxScope(u64);

impl AgentIdMaxScope {
    #[inline(never)]
    fn enter(max: u64) -> Self {
        Self(AGENT_ID_MAX.with(|m| m.replace(max)))
    }
}

impl Drop for AgentIdMaxScope {
    #[inline(never)]
    fn drop(&mut self) {
        AGENT_ID_MAX.with(|m| m.set(self.0));
    }
}

/// The `agentIdMax` config option: 59999 (default, the seed pages) or 999999 (newer pages).
pub fn agent_id_max(value: Option<i64>) -> Result<u64, ValidationError> {
    match value {
        None => Ok(*AGENT_ID_RANGE.end()),
        Some(59_999) => Ok(59_999),
        Some(999_999) => Ok(WIDE_AGENT_ID_MAX),
        Some(other) => Err(invalid(
            "agentIdMax",
            "oneOf",
            "must be 59999 (the seed pages) or 999999 (newer vendor pages)",
            other.to_string(),
        )),
    }
}

/// Largest integer a JS `number` holds exactly; bounds every `long` field.
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// Builds a [`ValidationError`].
pub fn invalid(
    field: &str,
    rule: &'static str,
    expected: impl Into<String>,
    value: impl Into<String>,
) -> ValidationError {
    ValidationError {
        field: field.to_owned(),
        rule,
        expected: expected.into(),
        value: value.into(),
    }
}

/// A value shortened and quoted (as a JSON string) for an error message.
pub fn shown(value: &str) -> String {
    quoted_snippet(value, 64)
}

/// Length as Java's `String.length()` counts it (UTF-16 code units), which is what the
/// gateway's "at most N characters" limits measure.
pub fn java_length(value: &str) -> usize {
    if value.is_ascii() {
        return value.len();
    }
    // One unit per character (every byte but continuation bytes), two for a character
    // outside the BMP (a 4-byte sequence, lead byte 0xF0..=0xF4).
    value
        .bytes()
        .map(|b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

/// `value` is present and not blank.
pub fn required(field: &str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(invalid(
            field,
            "required",
            "is required and must not be blank",
            shown(value),
        ));
    }
    Ok(())
}

/// `value` has at most `max` characters (UTF-16 code units).
pub fn max_length(field: &str, value: &str, max: usize) -> Result<(), ValidationError> {
    let len = java_length(value);
    if len > max {
        return Err(invalid(
            field,
            "maxLength",
            format!("must have at most {max} characters"),
            format!("{len} characters"),
        ));
    }
    Ok(())
}

/// `value` lies in `range`.
pub fn in_range(
    field: &str,
    value: i64,
    range: RangeInclusive<i64>,
) -> Result<(), ValidationError> {
    if !range.contains(&value) {
        return Err(invalid(
            field,
            "range",
            format!("must be in {}..={}", range.start(), range.end()),
            value.to_string(),
        ));
    }
    Ok(())
}

/// `value` is one of `allowed`.
pub fn one_of(field: &str, value: i64, allowed: &[i64]) -> Result<(), ValidationError> {
    if !allowed.contains(&value) {
        let list: Vec<String> = allowed.iter().map(i64::to_string).collect();
        return Err(invalid(
            field,
            "oneOf",
            format!("must be one of {}", list.join(", ")),
            value.to_string(),
        ));
    }
    Ok(())
}

/// Longest call ID accepted (the gateway's IDs look like `1476070409-38`).
pub const CALL_ID_MAX_LEN: usize = 64;

/// `value` is a call ID: 1..=[`CALL_ID_MAX_LEN`] characters of `A-Z a-z 0-9 - . _`, so it is
/// safe in a path segment or a query value as it is.
pub fn call_id(field: &str, value: &str) -> Result<(), ValidationError> {
    let safe = value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
    if value.is_empty() || value.len() > CALL_ID_MAX_LEN || !safe {
        return Err(invalid(
            field,
            "format",
            format!("must be 1..={CALL_ID_MAX_LEN} characters of A-Z a-z 0-9 - . _"),
            shown(value),
        ));
    }
    Ok(())
}

/// `value` is safe to put in an HTTP header: visible ASCII only, at most `max` bytes.
/// The value is never echoed, because header values here are secrets (`Guid`, keys).
pub fn secret_header_value(field: &str, value: &str, max: usize) -> Result<(), ValidationError> {
    if value.is_empty() {
        return Err(invalid(field, "required", "is required", "<redacted>"));
    }
    if value.len() > max || !value.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        return Err(invalid(
            field,
            "format",
            format!("must be 1..={max} visible ASCII characters (no spaces or line breaks)"),
            "<redacted>",
        ));
    }
    Ok(())
}

/// A validated agent ID (`agentid` in paths, `workNo`), kept as the decimal text sent on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentId(String);

impl AgentId {
    /// Parses decimal digits without a leading zero, from the start of [`AGENT_ID_RANGE`] to
    /// the current maximum (see [`with_agent_id_max`]).
    pub fn parse(field: &str, value: &str) -> Result<Self, ValidationError> {
        let range = *AGENT_ID_RANGE.start()..=AGENT_ID_MAX.with(|m| m.get());
        let expected = || {
            format!(
                "must be an agent ID, digits in {}..={}",
                range.start(),
                range.end()
            )
        };
        let digits_ok = !value.is_empty()
            && value.len() <= 10
            && value.bytes().all(|b| b.is_ascii_digit())
            && !value.starts_with('0');
        match value.parse::<u64>() {
            Ok(n) if digits_ok && range.contains(&n) => Ok(Self(value.to_owned())),
            _ => Err(invalid(field, "range", expected(), shown(value))),
        }
    }

    /// The ID as sent in paths.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_id_boundaries() {
        for ok in ["101", "59999", "1001"] {
            assert_eq!(
                AgentId::parse("agentId", ok).map(|a| a.as_str().to_owned()),
                Ok(ok.to_owned())
            );
        }
        for bad in [
            "100",
            "60000",
            "0101",
            "",
            "12a",
            "-101",
            " 101",
            "99999999999999999999",
        ] {
            let err = AgentId::parse("agentId", bad).err();
            assert_eq!(err.as_ref().map(|e| e.rule), Some("range"), "{bad:?}");
        }
        let e = AgentId::parse("workNo", "42").err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("workNo must be an agent ID, digits in 101..=59999: got \"42\"")
        );
    }

    #[test]
    fn agent_id_max_widens_the_range_inside_its_scope_only() {
        let wide = agent_id_max(Some(999_999)).unwrap();
        assert!(with_agent_id_max(wide, || AgentId::parse("workNo", "999999")).is_ok());
        let e = with_agent_id_max(wide, || AgentId::parse("workNo", "1000000")).unwrap_err();
        assert!(e.expected.ends_with("101..=999999"), "{e}");
        assert!(
            AgentId::parse("workNo", "60000").is_err(),
            "back to the default"
        );
        assert_eq!(agent_id_max(None), Ok(59_999));
        for bad in [0, 60_000, 1_000_000, -1] {
            assert_eq!(agent_id_max(Some(bad)).map_err(|e| e.rule), Err("oneOf"));
        }
    }

    #[test]
    fn max_length_counts_utf16_units() {
        assert!(max_length("f", &"a".repeat(100), 100).is_ok());
        assert!(max_length("f", &"a".repeat(101), 100).is_err());
        // U+1F600 is two UTF-16 units, as Java counts it.
        assert!(max_length("f", &"😀".repeat(50), 100).is_ok());
        assert!(max_length("f", &format!("a{}", "😀".repeat(50)), 100).is_err());
    }

    #[test]
    fn secret_values_are_never_echoed() {
        let e = secret_header_value("guid", "abc\r\nX-Evil: 1", 256).err();
        assert_eq!(e.as_ref().map(|e| e.value.as_str()), Some("<redacted>"));
        assert!(secret_header_value("guid", "", 256).is_err());
        assert!(secret_header_value("guid", "1c6f.AgentGateway1", 256).is_ok());
        assert!(secret_header_value("guid", &"a".repeat(257), 256).is_err());
    }

    #[test]
    fn range_and_one_of() {
        assert!(in_range("locationId", 65_535, 0..=65_535).is_ok());
        assert_eq!(
            in_range("locationId", 65_536, 0..=65_535)
                .err()
                .map(|e| e.rule),
            Some("range")
        );
        assert!(one_of("fileFormat", 2, &[0, 1, 2]).is_ok());
        assert_eq!(
            one_of("fileFormat", 3, &[0, 1, 2])
                .err()
                .map(|e| e.to_string()),
            Some("fileFormat must be one of 0, 1, 2: got 3".to_owned())
        );
        assert!(required("callID", "  ").is_err());
    }
}
