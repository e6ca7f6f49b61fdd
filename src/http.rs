//! Plain descriptions of an HTTP exchange. The pure core builds [`HttpRequest`]s and reads
//! [`ResponseHead`]s; only `transport` (wasm32) turns them into `fetch` calls.

use std::borrow::Cow;

/// The JSON content type every CC-Gateway and CC-CMS request carries.
pub const CONTENT_TYPE_JSON: &str = "application/json; charset=UTF-8";

/// The header carrying the CC-CMS C2 signature: a secret, and different on every call.
pub const AUTHORIZATION: &str = "Authorization";

/// HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// DELETE
    Delete,
}

impl Method {
    /// Upper-case name, as sent and as signed.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// The service a request goes to, which decides the response headers worth reading (each
/// read costs about 1 µs in Node).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// CC-Gateway: answers may rotate the Guid (`Set-GUID`).
    Gateway,
    /// CC-CMS: a recording comes with its file name (`Content-Disposition`).
    Cms,
}

/// A request ready to send.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The service it goes to.
    pub service: Service,
    /// Method.
    pub method: Method,
    /// Absolute URL.
    pub url: String,
    /// Header names and values. Values may be secrets: never log them. Constant values are
    /// borrowed, so building a request allocates only for the ones that vary.
    pub headers: Vec<(&'static str, Cow<'static, str>)>,
    /// JSON body, if any.
    pub body: Option<String>,
}

impl std::fmt::Debug for HttpRequest {
    /// Header values are left out: `Guid` and `Authorization` are secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| *n).collect();
        f.debug_struct("HttpRequest")
            .field("service", &self.service)
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &names)
            .field("body", &self.body)
            .finish()
    }
}

impl HttpRequest {
    /// The value of header `name` (exact name as built).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

/// What a refused redirect's error says of its `Location`: the target's origin
/// (`scheme://host[:port]`, never its path, query or user info), "the same origin" for a
/// relative reference, or nothing readable.
pub fn redirect_target(location: Option<&str>) -> String {
    let Some(location) = location.map(str::trim).filter(|l| !l.is_empty()) else {
        return "a Location the runtime does not expose".to_owned();
    };
    let Some((scheme, rest)) = crate::text::split_once(location, "://") else {
        return "a path on the same origin".to_owned();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    crate::error::quoted_snippet(&format!("{scheme}://{host}"), 100)
}

#[cfg(test)]
mod redirect_tests {
    use super::redirect_target;

    #[test]
    fn a_redirect_names_only_the_target_origin() {
        assert_eq!(
            redirect_target(Some(
                "http://user:pw@other.example:8080/login?Guid=secret#x"
            )),
            "\"http://other.example:8080\""
        );
        assert_eq!(
            redirect_target(Some("https://other?token=1")),
            "\"https://other\""
        );
        assert_eq!(
            redirect_target(Some("/elsewhere?x=1")),
            "a path on the same origin"
        );
        assert_eq!(
            redirect_target(None),
            "a Location the runtime does not expose"
        );
    }
}

/// The most bytes a body may have, and the option that sets it (named in the error).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyLimit {
    /// Largest body accepted, in bytes.
    pub bytes: u32,
    /// The client option that sets it (`maxResponseBytes`).
    pub option: &'static str,
}

/// Status and the response headers the client reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseHead {
    /// HTTP status.
    pub status: u16,
    /// `Content-Type`, if sent.
    pub content_type: Option<String>,
    /// `Set-GUID`, if sent (`JSESSIONID=<guid>`); only read from CC-Gateway. A secret.
    pub set_guid: Option<String>,
    /// `Content-Disposition`, if sent; only read from CC-CMS.
    pub content_disposition: Option<String>,
}

/// The cookie name a `Set-GUID` header carries the Guid under.
pub const SET_GUID_COOKIE: &str = "JSESSIONID";

/// The Guid carried by a `Set-GUID` header value, read as a cookie: `JSESSIONID=<guid>`, where
/// attributes after the first `;` (which proxies and some gateway versions add) are ignored.
/// Any other form is refused (the vendor documents no other); the error says what was
/// expected, never what was sent (a secret).
pub fn guid_from_set_guid(value: &str) -> Result<&str, &'static str> {
    let pair = value.split_once(';').map_or(value, |(pair, _)| pair);
    match pair.split_once('=') {
        Some((name, guid)) if name.trim() == SET_GUID_COOKIE => match guid.trim() {
            "" => Err("carries an empty JSESSIONID"),
            guid => Ok(guid),
        },
        _ => Err("is not of the form JSESSIONID=<guid>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_guid_is_read_as_a_jsessionid_cookie() {
        for (value, guid) in [
            ("JSESSIONID=27ab.AgentGateway0", "27ab.AgentGateway0"),
            (
                "JSESSIONID=27ab.AgentGateway0; Path=/",
                "27ab.AgentGateway0",
            ),
            (" JSESSIONID = 27ab ;Path=/; HttpOnly; Secure", "27ab"),
            ("JSESSIONID=a=b", "a=b"),
        ] {
            assert_eq!(guid_from_set_guid(value), Ok(guid), "{value}");
        }
        for value in [
            "FOO=27ab",
            "jsessionid=27ab",
            "27ab.AgentGateway0",
            "Path=/; JSESSIONID=27ab",
            "JSESSIONID=",
            "JSESSIONID= ; Path=/",
            "",
        ] {
            let e = guid_from_set_guid(value).unwrap_err();
            assert!(!e.contains("27ab"), "{e}");
        }
    }

    #[test]
    fn debug_never_shows_header_values() {
        let r = HttpRequest {
            service: Service::Gateway,
            method: Method::Get,
            url: "https://h/x".into(),
            headers: vec![("Guid", "secret-guid".into())],
            body: None,
        };
        let s = format!("{r:?}");
        assert!(s.contains("Guid") && !s.contains("secret-guid"), "{s}");
    }
}
