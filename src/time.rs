//! Calendar arithmetic without a date crate: the two formats this API uses.
//!
//! - C2 signing timestamps, `yyyy-MM-ddTHH:mm:ssZ` in UTC.
//! - CMS `beginTime`, `yyyyMMddHHmmss`, which must name a real date-time.
//!
//! `time`, `chrono` and `humantime` were weighed: each formats and parses these, but the
//! package needs two fixed layouts and one civil-date conversion, a few dozen lines here,
//! while each crate brings its own formatting and parsing machinery into the module.

/// Formats Unix milliseconds as the C2 signing timestamp `yyyy-MM-ddTHH:mm:ssZ` (UTC).
pub fn format_sign_timestamp(unix_ms: f64) -> String {
    let secs = (unix_ms / 1000.0).floor() as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Parses a C2 signing timestamp back to Unix seconds (`None` if malformed).
pub fn parse_sign_timestamp(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let compact: String = [
        &s[0..4],
        &s[5..7],
        &s[8..10],
        &s[11..13],
        &s[14..16],
        &s[17..19],
    ]
    .concat();
    let dt = parse_compact(&compact)?;
    Some(
        days_from_civil(dt.year, dt.month, dt.day) * 86_400
            + i64::from(dt.hour) * 3600
            + i64::from(dt.minute) * 60
            + i64::from(dt.second),
    )
}

/// A calendar date-time as written in `yyyyMMddHHmmss`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompactDateTime {
    /// Year, 0000..=9999.
    pub year: i64,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of month, valid for the month and year.
    pub day: u32,
    /// Hour, 0..=23.
    pub hour: u32,
    /// Minute, 0..=59.
    pub minute: u32,
    /// Second, 0..=59.
    pub second: u32,
}

/// Parses `yyyyMMddHHmmss` and checks that it is a real date-time (month lengths, leap years).
pub fn parse_compact(s: &str) -> Option<CompactDateTime> {
    if s.len() != 14 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    let dt = CompactDateTime {
        year: i64::from(num(0..4)?),
        month: num(4..6)?,
        day: num(6..8)?,
        hour: num(8..10)?,
        minute: num(10..12)?,
        second: num(12..14)?,
    };
    let valid = (1..=12).contains(&dt.month)
        && dt.day >= 1
        && dt.day <= days_in_month(dt.year, dt.month)
        && dt.hour <= 23
        && dt.minute <= 59
        && dt.second <= 59;
    valid.then_some(dt)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's civil-from-days / days-from-civil algorithms (proleptic Gregorian).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_sign_timestamp(0.0), "1970-01-01T00:00:00Z");
        // 2024-01-02T03:04:05Z, the facts file's signing example.
        assert_eq!(
            format_sign_timestamp(1_704_164_645_000.0),
            "2024-01-02T03:04:05Z"
        );
        assert_eq!(
            format_sign_timestamp(951_782_399_999.0),
            "2000-02-28T23:59:59Z"
        );
        assert_eq!(
            format_sign_timestamp(951_868_800_000.0),
            "2000-03-01T00:00:00Z"
        );
    }

    #[test]
    fn timestamp_round_trips() {
        for ms in [
            0.0,
            1_704_164_645_000.0,
            4_102_444_799_000.0,
            1_582_934_400_000.0,
        ] {
            let s = format_sign_timestamp(ms);
            assert_eq!(parse_sign_timestamp(&s), Some((ms / 1000.0) as i64), "{s}");
        }
        assert_eq!(parse_sign_timestamp("2024-01-02 03:04:05Z"), None);
        assert_eq!(parse_sign_timestamp("2024-02-30T03:04:05Z"), None);
    }

    #[test]
    fn compact_accepts_real_date_times_only() {
        assert!(parse_compact("20240229235959").is_some(), "leap day");
        assert!(parse_compact("20000229000000").is_some(), "400-year leap");
        assert!(
            parse_compact("19000229000000").is_none(),
            "100-year non-leap"
        );
        assert!(parse_compact("20230229000000").is_none());
        assert!(parse_compact("20240431000000").is_none());
        assert!(parse_compact("20241301000000").is_none());
        assert!(parse_compact("20240001000000").is_none());
        assert!(parse_compact("20240100000000").is_none());
        assert!(parse_compact("20240101240000").is_none());
        assert!(parse_compact("20240101006000").is_none());
        assert!(parse_compact("20240101000060").is_none());
        assert!(parse_compact("2024010100000").is_none(), "13 digits");
        assert!(parse_compact("2024-1-1000000").is_none());
        assert!(
            parse_compact("２０２４0101000000").is_none(),
            "non-ASCII digits"
        );
        assert_eq!(
            parse_compact("20250530153059"),
            Some(CompactDateTime {
                year: 2025,
                month: 5,
                day: 30,
                hour: 15,
                minute: 30,
                second: 59
            })
        );
    }
}
