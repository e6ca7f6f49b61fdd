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
        let scheme = &value[..value.len() - rest.len()];
        let default_port = if scheme == "https://" { 443 } else { 80 };
        let authority = normal_authority(authority, default_port).map_err(bad)?;
        let url = format!("{scheme}{authority}{}", path.trim_end_matches('/'));
        Ok(Self { url, authority })
    }

    /// The URL without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// `host[:port]` as the WHATWG URL parser serialises it (lower case, port without leading
    /// zeros, default port left out): the `Host` header `fetch` sends, which C2 signs.
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

const BAD_AUTHORITY: &str = "must name a host and an optional port 1..=65535";

/// `authority` in the form the WHATWG URL parser gives `host` (browsers and Node send that
/// as `Host`), or why it is refused. Forms whose serialisation would differ from what they
/// look like (IPv4 with leading zeros, hex or fewer than four parts) are refused.
fn normal_authority(authority: &str, default_port: u16) -> Result<String, &'static str> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (addr, tail) = rest.split_once(']').ok_or(BAD_AUTHORITY)?;
            match (tail.is_empty(), tail.strip_prefix(':')) {
                (true, _) => (ipv6(addr)?, None),
                (false, Some(p)) => (ipv6(addr)?, Some(p)),
                (false, None) => return Err(BAD_AUTHORITY),
            }
        }
        None => match authority.split_once(':') {
            Some((h, p)) => (domain(h)?, Some(p)),
            None => (domain(authority)?, None),
        },
    };
    let mut out = host;
    if let Some(p) = port {
        let number = p.trim_start_matches('0');
        let digits = !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        match decimal(number).filter(|_| digits) {
            Some(n) if n == u32::from(default_port) => {}
            Some(1..=65_535) => {
                out.push(':');
                out.push_str(number);
            }
            _ => return Err(BAD_AUTHORITY),
        }
    }
    Ok(out)
}

/// A host name in lower case. A name whose last label is a number is an IPv4 address to the
/// URL parser; only the dotted-decimal form it serialises to unchanged is accepted.
fn domain(host: &str) -> Result<String, &'static str> {
    if host.is_empty()
        || !host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
    {
        return Err(BAD_AUTHORITY);
    }
    let host = host.to_ascii_lowercase();
    let trimmed = host.strip_suffix('.').unwrap_or(&host);
    let last = match trimmed.bytes().rposition(|b| b == b'.') {
        Some(i) => &trimmed[i + 1..],
        None => trimmed,
    };
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let hex = last
        .strip_prefix("0x")
        .is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
    if (numeric(last) || hex) && ipv4_octets(&host).is_none() {
        return Err("an IPv4 address must be four decimal numbers 0..=255 without leading zeros");
    }
    Ok(host)
}

/// The four numbers of a dotted-decimal IPv4 address written without leading zeros.
fn ipv4_octets(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split('.');
    for octet in &mut out {
        let p = parts.next()?;
        if p.len() > 3 || (p.len() > 1 && p.starts_with('0')) {
            return None;
        }
        *octet = u8::try_from(decimal(p)?).ok()?;
    }
    parts.next().is_none().then_some(out)
}

/// The value of a non-empty run of at most 9 decimal digits.
fn decimal(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.bytes().try_fold(0, |n, b| {
        b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
    })
}

/// The eight pieces of an IPv6 address in RFC 4291 text form (one `::`, an optional dotted
/// IPv4 address at the end), or `None`.
fn ipv6_pieces(addr: &str) -> Option<[u16; 8]> {
    // A byte scan rather than `split_once("::")`, which would bring in a substring searcher.
    let (head, tail) = match addr.as_bytes().windows(2).position(|w| w == b"::") {
        Some(i) => (&addr[..i], Some(&addr[i + 2..])),
        None => (addr, None),
    };
    let mut pieces = [0u16; 8];
    let front = ipv6_groups(head, &mut pieces, tail.is_none())?;
    let Some(tail) = tail else {
        return (front == 8).then_some(pieces);
    };
    let mut back = [0u16; 8];
    let n = ipv6_groups(tail, &mut back, true)?;
    if front + n > 7 {
        return None;
    }
    pieces[8 - n..].copy_from_slice(&back[..n]);
    Some(pieces)
}

/// Reads `h:h:…` into `out` and returns how many pieces it held; the last group may be a
/// dotted IPv4 address (two pieces) when `last`.
fn ipv6_groups(s: &str, out: &mut [u16; 8], last: bool) -> Option<usize> {
    let mut n = 0;
    if s.is_empty() {
        return Some(n);
    }
    let mut groups = s.split(':').peekable();
    while let Some(g) = groups.next() {
        if last && groups.peek().is_none() && g.contains('.') {
            let [a, b, c, d] = ipv4_octets(g)?;
            *out.get_mut(n)? = u16::from_be_bytes([a, b]);
            *out.get_mut(n + 1)? = u16::from_be_bytes([c, d]);
            n += 2;
        } else {
            if g.is_empty() || g.len() > 4 {
                return None;
            }
            *out.get_mut(n)? = g
                .chars()
                .try_fold(0u16, |v, c| c.to_digit(16).map(|d| (v << 4) | d as u16))?;
            n += 1;
        }
    }
    Some(n)
}

/// `[addr]` as the URL parser serialises an IPv6 address: lower-case hex pieces without
/// leading zeros, the first longest run of two or more zero pieces written `::`.
fn ipv6(addr: &str) -> Result<String, &'static str> {
    let bad = "an IPv6 address must be written as in RFC 4291";
    if !addr
        .bytes()
        .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
    {
        return Err(bad);
    }
    let pieces = ipv6_pieces(addr).ok_or(bad)?;
    // The first longest run of zero pieces, if it is at least two long.
    let (mut run, mut start) = ((0, 0), 0);
    for (i, &p) in pieces.iter().enumerate() {
        if p != 0 {
            start = i + 1;
        } else if i + 1 - start > run.1 - run.0 {
            run = (start, i + 1);
        }
    }
    let mut out = String::from("[");
    let mut i = 0;
    while i < pieces.len() {
        if run.1 - run.0 >= 2 && i == run.0 {
            out.push_str(if i == 0 { "::" } else { ":" });
            i = run.1;
            continue;
        }
        let piece = u32::from(pieces[i]);
        let digits = (1..4).take_while(|k| piece >> (4 * k) != 0).count() + 1;
        for k in (0..digits).rev() {
            out.push(char::from_digit((piece >> (4 * k)) & 0xf, 16).unwrap_or('0'));
        }
        if i + 1 < pieces.len() {
            out.push(':');
        }
        i += 1;
    }
    out.push(']');
    Ok(out)
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

    /// Expected values are what `new URL(value).host` gives in Node 20 and Chromium.
    #[test]
    fn authority_is_what_the_url_parser_serialises() {
        for (value, url, authority) in [
            (
                "https://CMS.Example.COM:28443/",
                "https://cms.example.com:28443",
                "cms.example.com:28443",
            ),
            ("https://h:028443", "https://h:28443", "h:28443"),
            ("https://h:0000443", "https://h", "h"),
            ("http://h:080", "http://h", "h"),
            ("http://h:443", "http://h:443", "h:443"),
            ("https://A_b.C./P", "https://a_b.c./P", "a_b.c."),
            ("https://[::1]:28443", "https://[::1]:28443", "[::1]:28443"),
            ("https://[FE80::1]", "https://[fe80::1]", "[fe80::1]"),
            ("https://[0:0:0:0:0:0:0:1]:443", "https://[::1]", "[::1]"),
            (
                "https://[1:0:0:1:0:0:0:1]",
                "https://[1:0:0:1::1]",
                "[1:0:0:1::1]",
            ),
            ("https://[0001::]", "https://[1::]", "[1::]"),
            (
                "https://[1:2:3:4:5:6:7::]",
                "https://[1:2:3:4:5:6:7:0]",
                "[1:2:3:4:5:6:7:0]",
            ),
            (
                "https://[::ffff:1.2.3.4]",
                "https://[::ffff:102:304]",
                "[::ffff:102:304]",
            ),
            (
                "https://10.0.0.1:8043",
                "https://10.0.0.1:8043",
                "10.0.0.1:8043",
            ),
        ] {
            let u = BaseUrl::parse("baseUrl", value, true);
            assert_eq!(
                u.as_ref().map(|u| (u.as_str(), u.authority())),
                Ok((url, authority)),
                "{value}"
            );
        }
    }

    /// Numeric hosts that the URL parser would rewrite (`010.0.0.1` is `8.0.0.1` to it) are
    /// refused rather than signed as written.
    #[test]
    fn ipv4_forms_the_url_parser_rewrites_are_refused() {
        for value in [
            "https://010.0.0.1",
            "https://10.0.0.01",
            "https://10.0.0.1.",
            "https://0x7f.1",
            "https://1.2.3",
            "https://1.2.3.256",
            "https://example.123",
            "https://x.0x",
            "https://[1::2::3]",
            "https://[]",
        ] {
            let e = BaseUrl::parse("baseUrl", value, true).err();
            assert_eq!(
                e.as_ref().map(|e| (e.field.as_str(), e.rule)),
                Some(("baseUrl", "format")),
                "{value}"
            );
        }
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
