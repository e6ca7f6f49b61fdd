//! Client configuration: base URL, timeouts, and their validation.

use crate::error::ValidationError;
use crate::validation::{invalid, shown};

/// Default per-call timeout for CC-Gateway calls.
pub const DEFAULT_GATEWAY_TIMEOUT_MS: u32 = 30_000;
/// Default per-call timeout for CC-CMS calls (recordings can be large).
pub const DEFAULT_CMS_TIMEOUT_MS: u32 = 120_000;
/// Largest accepted timeout (10 minutes).
pub const MAX_TIMEOUT_MS: u32 = 600_000;
/// Default `maxResponseBytes` (1 MiB): a CC-Gateway JSON answer is a few KB, a long call list
/// tens of KB, so only a faulty or hostile server reaches it.
pub const DEFAULT_MAX_RESPONSE_BYTES: u32 = 1 << 20;
/// Default `maxRecordingBytes` (512 MiB): an hour of 8 kHz 16-bit audio is about 58 MB, of
/// 16 kHz stereo about 230 MB.
pub const DEFAULT_MAX_RECORDING_BYTES: u32 = 512 << 20;
/// Smallest and largest body limits accepted (1 KiB, 2 GiB).
pub const BODY_LIMIT_RANGE: std::ops::RangeInclusive<u32> = 1024..=(1 << 31);

/// A validated base URL: `https://host[:port][/prefix]`, without a trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    authority: String,
}

impl BaseUrl {
    /// Parses `value`. Plain `http` is accepted only when `allow_insecure_http` is set.
    pub fn parse(
        field: &str,
        value: &str,
        allow_insecure_http: bool,
    ) -> Result<Self, ValidationError> {
        let bad = |expected: &str| invalid(field, "format", expected.to_owned(), shown(value));
        let rest = if let Some(r) = value.strip_prefix("https://") {
            r
        } else if let Some(r) = value.strip_prefix("http://") {
            if !allow_insecure_http {
                return Err(invalid(
                    field,
                    "https",
                    "must use https (set allowInsecureHttp: true to use plain http)",
                    shown(value),
                ));
            }
            r
        } else {
            return Err(bad("must be an absolute https:// URL"));
        };
        if rest.bytes().any(|b| {
            b.is_ascii_whitespace()
                || b.is_ascii_control()
                || matches!(b, b'?' | b'#' | b'@' | b'\\')
        }) {
            return Err(bad(
                "must be scheme://host[:port][/path] without spaces, query, fragment or user info",
            ));
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        if !valid_authority(authority) {
            return Err(bad("must name a host and an optional port 1..=65535"));
        }
        let scheme = &value[..value.len() - rest.len()];
        // Browsers and Node leave the scheme's default port out of `Host`, and C2 signs `Host`,
        // so the default port is dropped here too.
        let default_port = if scheme == "https://" { ":443" } else { ":80" };
        let authority = authority.strip_suffix(default_port).unwrap_or(authority);
        let url = format!("{scheme}{authority}{}", path.trim_end_matches('/'));
        Ok(Self {
            url,
            authority: authority.to_owned(),
        })
    }

    /// The URL without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// `host[:port]` as written: what C2 signing puts in the `host` header.
    pub fn authority(&self) -> &str {
        &self.authority
    }

    /// `self` followed by the path `segments` (the first starts with `/`), in one allocation.
    pub fn join(&self, segments: &[&str]) -> String {
        let mut url =
            String::with_capacity(self.url.len() + segments.iter().map(|s| s.len()).sum::<usize>());
        url.push_str(&self.url);
        segments.iter().for_each(|s| url.push_str(s));
        url
    }
}

fn valid_authority(authority: &str) -> bool {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        // IPv6 literal: `[addr]` or `[addr]:port`.
        let Some((addr, tail)) = rest.split_once(']') else {
            return false;
        };
        if addr.is_empty()
            || !addr
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return false;
        }
        match (tail.is_empty(), tail.strip_prefix(':')) {
            (true, _) => (addr, None),
            (false, Some(p)) => (addr, Some(p)),
            (false, None) => return false,
        }
    } else {
        let (h, p) = match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        if h.is_empty()
            || !h
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
        {
            return false;
        }
        (h, p)
    };
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && matches!(p.parse::<u32>(), Ok(1..=65_535))
    });
    !host.is_empty() && port_ok
}

/// Validates the connection part of a client config: base URL (https unless
/// `allow_insecure_http`) and timeout (`default_timeout_ms` when absent).
pub fn connection(
    base_url: &str,
    allow_insecure_http: Option<bool>,
    timeout: Option<crate::de::Int>,
    default_timeout_ms: u32,
) -> Result<(BaseUrl, u32), ValidationError> {
    let base = BaseUrl::parse("baseUrl", base_url, allow_insecure_http.unwrap_or(false))?;
    let timeout = match timeout {
        Some(t) => timeout_ms("timeoutMs", t.0)?,
        None => default_timeout_ms,
    };
    Ok((base, timeout))
}

/// Validates an optional body limit in bytes: an integer in [`BODY_LIMIT_RANGE`], `default`
/// when absent.
pub fn body_limit(
    field: &str,
    value: Option<crate::de::Int>,
    default: u32,
) -> Result<u32, ValidationError> {
    let Some(crate::de::Int(value)) = value else {
        return Ok(default);
    };
    match u32::try_from(value) {
        Ok(v) if BODY_LIMIT_RANGE.contains(&v) => Ok(v),
        _ => Err(invalid(
            field,
            "range",
            format!(
                "must be in {}..={} bytes",
                BODY_LIMIT_RANGE.start(),
                BODY_LIMIT_RANGE.end()
            ),
            value.to_string(),
        )),
    }
}

/// Validates a timeout in milliseconds: an integer in `1..=MAX_TIMEOUT_MS`.
pub fn timeout_ms(field: &str, value: i64) -> Result<u32, ValidationError> {
    match u32::try_from(value) {
        Ok(v) if (1..=MAX_TIMEOUT_MS).contains(&v) => Ok(v),
        _ => Err(invalid(
            field,
            "range",
            format!("must be in 1..={MAX_TIMEOUT_MS} ms"),
            value.to_string(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_https_hosts_ports_and_prefixes() {
        let u = BaseUrl::parse("baseUrl", "https://10.0.0.1:8043/", false).ok();
        assert_eq!(
            u.as_ref().map(BaseUrl::as_str),
            Some("https://10.0.0.1:8043")
        );
        assert_eq!(u.as_ref().map(BaseUrl::authority), Some("10.0.0.1:8043"));
        let u = BaseUrl::parse("baseUrl", "https://cc.example.com/proxy/cc", false).ok();
        assert_eq!(
            u.map(|u| u.join(&["/agentgateway"])),
            Some("https://cc.example.com/proxy/cc/agentgateway".to_owned())
        );
        assert!(BaseUrl::parse("baseUrl", "https://[::1]:8043", false).is_ok());
    }

    #[test]
    fn default_ports_are_dropped_like_the_host_header_does() {
        let u = BaseUrl::parse("baseUrl", "https://cms.example:443/x", false).ok();
        assert_eq!(
            u.as_ref().map(|u| (u.as_str(), u.authority())),
            Some(("https://cms.example/x", "cms.example"))
        );
        let u = BaseUrl::parse("baseUrl", "http://127.0.0.1:80", true).ok();
        assert_eq!(u.as_ref().map(BaseUrl::authority), Some("127.0.0.1"));
        let u = BaseUrl::parse("baseUrl", "https://h:80", false).ok();
        assert_eq!(u.as_ref().map(BaseUrl::authority), Some("h:80"));
    }

    #[test]
    fn http_needs_explicit_opt_in() {
        let e = BaseUrl::parse("baseUrl", "http://127.0.0.1:1", false).err();
        assert_eq!(e.map(|e| e.rule), Some("https"));
        assert!(BaseUrl::parse("baseUrl", "http://127.0.0.1:1", true).is_ok());
    }

    #[test]
    fn rejects_malformed_urls() {
        for bad in [
            "",
            "ftp://h",
            "https://",
            "https://h:0",
            "https://h:65536",
            "https://h:80x",
            "https://u:p@h",
            "https://h/?q=1",
            "https://h/#f",
            "https://h o",
            "https://[::1",
            "https://h:",
            "https://a:b:80",
            "https://[::1]x",
        ] {
            assert!(BaseUrl::parse("baseUrl", bad, true).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn body_limit_bounds() {
        use crate::de::Int;
        assert_eq!(body_limit("maxResponseBytes", None, 7), Ok(7));
        assert_eq!(body_limit("maxResponseBytes", Some(Int(1024)), 7), Ok(1024));
        assert_eq!(body_limit("m", Some(Int(1 << 31)), 7), Ok(1 << 31));
        for bad in [1023, (1 << 31) + 1, -1, 0] {
            let e = body_limit("maxResponseBytes", Some(Int(bad)), 7).unwrap_err();
            assert_eq!((e.field.as_str(), e.rule), ("maxResponseBytes", "range"));
        }
    }

    #[test]
    fn timeout_bounds() {
        assert_eq!(timeout_ms("timeoutMs", 1), Ok(1));
        assert_eq!(timeout_ms("timeoutMs", 600_000), Ok(600_000));
        assert!(timeout_ms("timeoutMs", 0).is_err());
        assert!(timeout_ms("timeoutMs", 600_001).is_err());
        assert!(timeout_ms("timeoutMs", -5).is_err());
    }
}
