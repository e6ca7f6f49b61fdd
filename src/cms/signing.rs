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
    /// `host[:port]` exactly as in the URL the request goes to.
    pub host: &'a str,
    /// The exact body bytes that will be sent (empty for none).
    pub body: &'a str,
}

/// The `Authorization` header value for `input`.
pub fn authorization(input: &SigningInput<'_>) -> String {
    let prefix = auth_string_prefix(input);
    let signing_key = hmac_hex(input.secret_key.as_bytes(), &prefix);
    let signature = hmac_hex(signing_key.as_bytes(), &canonical_request(input));
    format!("{prefix}/{signature}")
}

/// `auth-v2/{AK}/{timestamp}/{signedHeaders}`.
pub fn auth_string_prefix(input: &SigningInput<'_>) -> String {
    format!(
        "{AUTH_VERSION}/{}/{}/{}",
        input.access_key, input.timestamp, SIGNED_HEADERS
    )
}

/// Names of the signed headers, lower case, sorted, joined by `;`. Only `host` is signed.
pub const SIGNED_HEADERS: &str = "host";

/// The canonical request string that the signature covers.
pub fn canonical_request(input: &SigningInput<'_>) -> String {
    let mut out = String::with_capacity(input.path.len() + input.body.len() * 3 + 64);
    out.push_str(input.method);
    out.push('\n');
    out.push_str(input.path);
    out.push('\n');
    if !input.query.is_empty() {
        let mut pairs: Vec<String> = input
            .query
            .iter()
            .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
            .collect();
        pairs.sort_unstable();
        out.push_str(&pairs.join("&"));
        out.push('\n');
    }
    out.push_str(SIGNED_HEADERS);
    out.push('\n');
    out.push_str("host:");
    out.push_str(&percent_encode(input.host));
    if !input.body.is_empty() {
        out.push('\n');
        out.push_str(&percent_encode(input.body));
    }
    out
}

/// RFC 3986 percent-encoding of the UTF-8 bytes: unreserved characters stay, every other
/// byte becomes `%XX` (upper-case hex).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX_UPPER[(b >> 4) as usize] as char);
            out.push(HEX_UPPER[(b & 0xf) as usize] as char);
        }
    }
    out
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

fn hmac_hex(key: &[u8], msg: &str) -> String {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail; fall back to an
    // empty-key MAC rather than panicking if that ever changed.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(msg.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(HEX_LOWER[(b >> 4) as usize] as char);
        out.push(HEX_LOWER[(b & 0xf) as usize] as char);
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
            canonical_request(&vector()),
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
            canonical_request(&v),
            "POST\n/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile\na=1&b=x%20y\nhost\nhost:10.0.0.1%3A28443"
        );
    }

    #[test]
    fn percent_encoding_is_rfc3986_utf8() {
        assert_eq!(percent_encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(percent_encode(" /é"), "%20%2F%C3%A9");
    }
}
