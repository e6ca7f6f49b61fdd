//! C2 ("auth-v2") AK/SK request signing for the CC-CMS open API.
//!
//! Vendor page: "C2 Monitoring, System Outbound Call, CDR, and Knowledge Base Interface
//! Authentication" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0006.html>).
//! The construction follows `../shared/reference/huawei-cec-api-facts.md` §5; it is marked
//! UNCERTAIN in its details there, so every piece of it lives in this one file.
//!
//! ```text
//! authStringPrefix = "auth-v2/" AK "/" timestamp "/" signedHeaders
//! signingKey       = hex(HMAC-SHA256(SK, authStringPrefix))
//! canonicalRequest = METHOD \n PATH \n [query \n] signedHeaders \n canonicalHeaders [\n enc(body)]
//! Authorization    = authStringPrefix "/" hex(HMAC-SHA256(signingKey, canonicalRequest))
//! ```

use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::cell::RefCell;

/// Prefix of every C2 `Authorization` value.
pub const AUTH_VERSION: &str = "auth-v2";

/// Everything the signature covers. Borrowed so signing never copies the body.
#[derive(Debug, Clone, Copy)]
pub struct SigningInput<'a> {
    /// Access key (AK) issued by the CMS administrator. Appears in clear in the header.
    pub access_key: &'a str,
    /// Secret key (SK). Only ever used as an HMAC key; never printed.
    pub secret_key: &'a str,
    /// UTC timestamp, `yyyy-MM-ddTHH:mm:ssZ` (see [`crate::time::format_sign_timestamp`]).
    pub timestamp: &'a str,
    /// HTTP method in upper case.
    pub method: &'a str,
    /// Request path, e.g. `/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile`.
    pub path: &'a str,
    /// Query pairs (not percent-encoded); empty for the operations we send.
    pub query: &'a [(&'a str, &'a str)],
    /// `host[:port]` as sent in `Host` ([`crate::config::BaseUrl::authority`]).
    pub host: &'a str,
    /// The exact body bytes that will be sent (empty for none).
    pub body: &'a str,
}

/// The `Authorization` header value for `input`. A client signs through a kept [`Signer`]
/// instead, which skips the key schedules this one-off call has to run.
pub fn authorization(input: &SigningInput<'_>) -> String {
    Signer::new(input.access_key, input.secret_key).authorization(input.timestamp, &input.request())
}

/// The parts of a request that are signed, apart from the keys and the time.
#[derive(Debug, Clone, Copy)]
pub struct SignedRequest<'a> {
    /// HTTP method in upper case.
    pub method: &'a str,
    /// Request path.
    pub path: &'a str,
    /// Query pairs (not percent-encoded).
    pub query: &'a [(&'a str, &'a str)],
    /// `host[:port]` as sent in `Host` ([`crate::config::BaseUrl::authority`]).
    pub host: &'a str,
    /// The exact body bytes that will be sent (empty for none).
    pub body: &'a str,
}

impl SigningInput<'_> {
    fn request(&self) -> SignedRequest<'_> {
        SignedRequest {
            method: self.method,
            path: self.path,
            query: self.query,
            host: self.host,
            body: self.body,
        }
    }
}

type HmacSha256 = Hmac<Sha256>;

/// Signs with one AK/SK. It keeps the HMAC state already keyed with the SK (not the SK
/// itself), and the signing key derived for the last timestamp: timestamps have one-second
/// resolution, so calls within the same second compute one HMAC from a keyed state instead
/// of two HMACs with two key schedules.
#[derive(Clone)]
pub struct Signer {
    access_key: String,
    secret: HmacSha256,
    last: RefCell<Option<Derived>>,
}

/// The signing key for one timestamp, as a keyed HMAC state, with its `authStringPrefix`.
#[derive(Clone)]
struct Derived {
    timestamp: String,
    prefix: String,
    key: HmacSha256,
}

impl Signer {
    /// A signer for `access_key` / `secret_key`.
    pub fn new(access_key: &str, secret_key: &str) -> Self {
        Self {
            access_key: access_key.to_owned(),
            secret: keyed(secret_key.as_bytes()),
            last: RefCell::new(None),
        }
    }

    /// The AK (it appears in clear in every `Authorization` value).
    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    /// The `Authorization` header value for `request` signed at `timestamp`.
    pub fn authorization(&self, timestamp: &str, request: &SignedRequest<'_>) -> String {
        let mut last = self.last.borrow_mut();
        let derived = match last.take() {
            Some(d) if d.timestamp == timestamp => d,
            _ => {
                let prefix = auth_string_prefix(&self.access_key, timestamp);
                let key = keyed(&hex_mac(self.secret.clone(), &prefix));
                Derived {
                    timestamp: timestamp.to_owned(),
                    prefix,
                    key,
                }
            }
        };
        let mut mac = derived.key.clone();
        write_canonical_request(request, &mut |part| mac.update(part));
        let signature = hex(mac);
        let mut out = String::with_capacity(derived.prefix.len() + 1 + signature.len());
        out.push_str(&derived.prefix);
        out.push('/');
        // Hex digits are ASCII: this never falls back.
        out.push_str(std::str::from_utf8(&signature).unwrap_or_default());
        *last = Some(derived);
        out
    }
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer { <redacted> }")
    }
}

/// `auth-v2/{AK}/{timestamp}/{signedHeaders}`.
pub fn auth_string_prefix(access_key: &str, timestamp: &str) -> String {
    format!("{AUTH_VERSION}/{access_key}/{timestamp}/{SIGNED_HEADERS}")
}

/// Names of the signed headers, lower case, sorted, joined by `;`. Only `host` is signed.
pub const SIGNED_HEADERS: &str = "host";

/// The canonical request string that the signature covers.
pub fn canonical_request(input: &SignedRequest<'_>) -> String {
    let mut out = Vec::with_capacity(input.path.len() + input.body.len() * 3 + 64);
    write_canonical_request(input, &mut |part| out.extend_from_slice(part));
    // Every part is ASCII or a whole UTF-8 string, so this never falls back.
    String::from_utf8(out).unwrap_or_default()
}

/// Feeds the canonical request to `sink` in pieces, so signing hashes it without building it.
fn write_canonical_request(input: &SignedRequest<'_>, sink: &mut dyn FnMut(&[u8])) {
    for part in [input.method, "\n", input.path, "\n"] {
        sink(part.as_bytes());
    }
    if !input.query.is_empty() {
        let mut pairs: Vec<String> = input
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        // A query has a few pairs: an insertion sort keeps the library's general sort (2 KB of
        // wasm) out of the module.
        for i in 1..pairs.len() {
            let mut j = i;
            while j > 0 && pairs[j - 1] > pairs[j] {
                pairs.swap(j - 1, j);
                j -= 1;
            }
        }
        sink(pairs.join("&").as_bytes());
        sink(b"\n");
    }
    for part in [SIGNED_HEADERS, "\n", "host:"] {
        sink(part.as_bytes());
    }
    percent_encode_into(input.host, sink);
    if !input.body.is_empty() {
        sink(b"\n");
        percent_encode_into(input.body, sink);
    }
}

/// RFC 3986 percent-encoding of the UTF-8 bytes: unreserved characters stay, every other
/// byte becomes `%XX` (upper-case hex).
pub fn percent_encode(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len() * 3);
    percent_encode_into(s, &mut |part| out.extend_from_slice(part));
    String::from_utf8(out).unwrap_or_default()
}

/// [`percent_encode`] fed to `sink` through a small buffer, in a few large pieces.
fn percent_encode_into(s: &str, sink: &mut dyn FnMut(&[u8])) {
    let mut buf = [0u8; 192];
    let mut filled = 0;
    for &b in s.as_bytes() {
        if filled + 3 > buf.len() {
            sink(&buf[..filled]);
            filled = 0;
        }
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            buf[filled] = b;
            filled += 1;
        } else {
            buf[filled] = b'%';
            buf[filled + 1] = HEX_UPPER[usize::from(b >> 4)];
            buf[filled + 2] = HEX_UPPER[usize::from(b & 0xf)];
            filled += 3;
        }
    }
    sink(&buf[..filled]);
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

/// An HMAC-SHA256 state keyed with `key`. HMAC accepts keys of any length, so this cannot
/// fail; an all-zero key is the fallback rather than a panic if that ever changed.
fn keyed(key: &[u8]) -> HmacSha256 {
    HmacSha256::new_from_slice(key)
        .unwrap_or_else(|_| <HmacSha256 as Mac>::new(&Default::default()))
}

/// Lower-case hex of the MAC of `msg` under the keyed state `mac`.
fn hex_mac(mut mac: HmacSha256, msg: &str) -> [u8; 64] {
    mac.update(msg.as_bytes());
    hex(mac)
}

/// Lower-case hex of the MAC `mac` has computed.
fn hex(mac: HmacSha256) -> [u8; 64] {
    let digest = mac.finalize().into_bytes();
    let mut out = [0u8; 64];
    for (i, b) in digest.into_iter().enumerate() {
        out[2 * i] = HEX_LOWER[usize::from(b >> 4)];
        out[2 * i + 1] = HEX_LOWER[usize::from(b & 0xf)];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs of the worked example in the facts file §5 (computed with
    /// `../shared/reference/cms-signature-example.py`).
    fn vector() -> SigningInput<'static> {
        SigningInput {
            access_key: "AK_EXAMPLE_0001",
            secret_key: "SK_EXAMPLE_SECRET",
            timestamp: "2024-01-02T03:04:05Z",
            method: "POST",
            path: "/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile",
            query: &[],
            host: "10.0.0.1:28443",
            body: r#"{"callID":"1700000000-123","workNo":"1001"}"#,
        }
    }

    #[test]
    fn canonical_request_matches_reference_script() {
        assert_eq!(
            canonical_request(&vector().request()),
            "POST\n/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile\nhost\nhost:10.0.0.1%3A28443\n%7B%22callID%22%3A%221700000000-123%22%2C%22workNo%22%3A%221001%22%7D"
        );
    }

    #[test]
    fn authorization_matches_reference_vector() {
        assert_eq!(
            authorization(&vector()),
            "auth-v2/AK_EXAMPLE_0001/2024-01-02T03:04:05Z/host/e3e753102fdaa87fcdf63fd88753fcfed2a29990d2f2fdde1146bbbca3264649"
        );
    }

    #[test]
    fn kept_signer_reuses_the_derived_key_only_for_the_same_timestamp() {
        const REFERENCE: &str = "auth-v2/AK_EXAMPLE_0001/2024-01-02T03:04:05Z/host/e3e753102fdaa87fcdf63fd88753fcfed2a29990d2f2fdde1146bbbca3264649";
        let v = vector();
        let signer = Signer::new(v.access_key, v.secret_key);
        let at = |ts: &str| {
            let mut w = vector();
            w.timestamp = ts;
            (signer.authorization(ts, &w.request()), authorization(&w))
        };
        assert_eq!(at(v.timestamp).0, REFERENCE);
        // Same second: the kept signing key gives the same signature.
        assert_eq!(at(v.timestamp).0, REFERENCE);
        // Next second: a new key, equal to a fresh signer's; then back to the first second.
        let (kept, fresh) = at("2024-01-02T03:04:06Z");
        assert_eq!(kept, fresh);
        assert!(kept.starts_with("auth-v2/AK_EXAMPLE_0001/2024-01-02T03:04:06Z/host/"));
        assert_ne!(kept.rsplit('/').next(), REFERENCE.rsplit('/').next());
        assert_eq!(at(v.timestamp).0, REFERENCE);
        // A timestamp that only extends the kept one is not mistaken for it.
        let (kept, fresh) = at("2024-01-02T03:04:05Z0");
        assert_eq!(kept, fresh);
        assert!(!format!("{signer:?}").contains("SK_EXAMPLE"));
    }

    #[test]
    fn signature_changes_with_every_signed_part() {
        let base = authorization(&vector());
        let mut v = vector();
        v.body = r#"{"callID":"1700000000-124","workNo":"1001"}"#;
        assert_ne!(authorization(&v), base);
        let mut v = vector();
        v.host = "10.0.0.1:28444";
        assert_ne!(authorization(&v), base);
        let mut v = vector();
        v.secret_key = "SK_EXAMPLE_SECREU";
        assert_ne!(authorization(&v), base);
    }

    #[test]
    fn empty_body_and_query_shape() {
        let mut v = vector();
        v.body = "";
        v.query = &[("b", "x y"), ("a", "1")];
        assert_eq!(
            canonical_request(&v.request()),
            "POST\n/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile\na=1&b=x%20y\nhost\nhost:10.0.0.1%3A28443"
        );
    }

    #[test]
    fn percent_encoding_is_rfc3986_utf8() {
        assert_eq!(percent_encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(percent_encode(" /é"), "%20%2F%C3%A9");
    }
}
