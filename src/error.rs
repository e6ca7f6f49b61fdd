//! The one error type of the crate.
//!
//! Every failure names the operation (the vendor's "Method Name in Logs") and a kind:
//! validation, network, timeout, aborted, HTTP status, service `retcode`, or decode.
//! Messages never contain the `Guid`, passwords, AK/SK or the `Authorization` value.

use std::fmt;

/// Why a value was rejected before any request was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Field path as the caller wrote it (`fileName`, `config.baseUrl`, `workNo`).
    pub field: String,
    /// Short rule name: `required`, `maxLength`, `range`, `oneOf`, `format`, `type`, `unknownField`.
    pub rule: &'static str,
    /// What the rule expects, in words (`at most 100 characters`).
    pub expected: String,
    /// The rejected value, shortened, or `<redacted>` for secrets.
    pub value: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: got {}", self.field, self.expected, self.value)
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// The input broke a documented rule; nothing was sent.
    Validation(ValidationError),
    /// The request could not be sent or the connection failed (refused, reset, CORS, DNS).
    Network {
        /// The platform's description.
        message: String,
    },
    /// The call took longer than its timeout and was cancelled.
    Timeout {
        /// The timeout that expired.
        timeout_ms: u32,
    },
    /// The caller's `AbortSignal` cancelled the call.
    Aborted,
    /// The server answered with a non-success HTTP status.
    Http {
        /// HTTP status code.
        status: u16,
        /// The start of the body, for diagnosis.
        body: String,
    },
    /// The server answered with a failure code (`retcode` != "0", or CMS `resultCode`).
    Service {
        /// The code as the server sent it.
        retcode: String,
        /// The server's own message.
        message: String,
        /// The documented meaning of the code, when known ([`crate::retcode::meaning`]).
        meaning: Option<&'static str>,
    },
    /// The response did not have the documented shape.
    Decode {
        /// Where in the response (`result[0].callskillid`, `body`).
        path: String,
        /// What was wrong.
        message: String,
    },
    /// The call is not allowed in the session's current state (e.g. sign-in while a sign-out
    /// is still waiting for its answer); nothing was sent.
    State {
        /// What the state is and what to do.
        message: String,
    },
    /// The request was accepted but its outcome event reported failure
    /// (e.g. `AgentMediaEvent_Play_Fail` after `beginNetPlay`).
    Outcome {
        /// The failure event's type.
        event_type: String,
    },
    /// A bug in this package: a panic replaced the module's instance while the call was
    /// pending. What the call did on the server is unknown.
    Internal,
}

/// Longest server `message` / `resultDesc` an error carries (as HTTP bodies: 200 characters).
pub const MAX_SERVER_MESSAGE_CHARS: usize = 200;
/// Longest `retcode` / `resultCode` an error carries: twice the longest documented one.
pub const MAX_RETCODE_CHARS: usize = 24;

/// An error from one operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// The vendor's "Method Name in Logs" of the operation (`beginNetPlay`), or
    /// `AgentClient`/`CmsClient` for configuration errors.
    pub operation: &'static str,
    /// What went wrong.
    pub kind: ErrorKind,
}

impl Error {
    /// A new error of `kind` for `operation`.
    pub fn new(operation: &'static str, kind: ErrorKind) -> Self {
        Self { operation, kind }
    }

    /// A validation error for `operation`.
    pub fn validation(operation: &'static str, err: ValidationError) -> Self {
        Self::new(operation, ErrorKind::Validation(err))
    }

    /// A service error for `retcode`, with its documented meaning looked up. The server's
    /// code and message are cut to [`MAX_RETCODE_CHARS`] and [`MAX_SERVER_MESSAGE_CHARS`], so
    /// a hostile answer cannot make an error (or a log entry) of megabytes.
    pub fn service(operation: &'static str, retcode: &str, message: &str) -> Self {
        Self::service_with(
            operation,
            retcode,
            message,
            crate::retcode::meaning(retcode),
        )
    }

    /// [`Error::service`] with the meaning given (CC-CMS codes have no table).
    pub fn service_with(
        operation: &'static str,
        retcode: &str,
        message: &str,
        meaning: Option<&'static str>,
    ) -> Self {
        Self::new(
            operation,
            ErrorKind::Service {
                retcode: snippet(retcode, MAX_RETCODE_CHARS),
                message: snippet(message, MAX_SERVER_MESSAGE_CHARS),
                meaning,
            },
        )
    }

    /// A decode error at `path`.
    pub fn decode(
        operation: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(
            operation,
            ErrorKind::Decode {
                path: path.into(),
                message: message.into(),
            },
        )
    }

    /// The short kind name used by the JS `kind` property.
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            ErrorKind::Validation(_) => "validation",
            ErrorKind::Network { .. } => "network",
            ErrorKind::Timeout { .. } => "timeout",
            ErrorKind::Aborted => "aborted",
            ErrorKind::Http { .. } => "http",
            ErrorKind::Service { .. } => "service",
            ErrorKind::Decode { .. } => "decode",
            ErrorKind::State { .. } => "state",
            ErrorKind::Outcome { .. } => "outcome",
            ErrorKind::Internal => "internal",
        }
    }
}

/// What an HTTP status means for `operation`, when the package knows better than the status.
fn http_hint(operation: &str, status: u16) -> Option<&'static str> {
    // Only the CC-CMS module names that operation (the browser module must not hold it).
    #[cfg(feature = "cms")]
    if operation == crate::cms::DOWNLOAD_RECORD_FILE && status == 401 {
        return Some("C2 authentication failed: check AK/SK and the clock");
    }
    let _ = (operation, status);
    None
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = self.operation;
        match &self.kind {
            ErrorKind::Validation(v) => write!(f, "{op}: invalid {v}"),
            ErrorKind::Network { message } => write!(f, "{op}: network error: {message}"),
            ErrorKind::Timeout { timeout_ms } => write!(f, "{op}: timed out after {timeout_ms} ms"),
            ErrorKind::Aborted => write!(f, "{op}: aborted by the caller's signal"),
            ErrorKind::Http { status, body } => {
                write!(f, "{op}: http status {status}")?;
                if let Some(hint) = http_hint(op, *status) {
                    write!(f, " ({hint})")?;
                }
                if !body.is_empty() {
                    write!(f, ": {body}")?;
                }
                Ok(())
            }
            ErrorKind::Service {
                retcode,
                message,
                meaning,
            } => {
                write!(f, "{op}: retcode {retcode}")?;
                if let Some(m) = meaning {
                    write!(f, " ({m})")?;
                }
                if !message.is_empty() {
                    write!(f, ": {message}")?;
                }
                Ok(())
            }
            ErrorKind::Decode { path, message } => {
                write!(f, "{op}: bad response at `{path}`: {message}")
            }
            ErrorKind::State { message } => write!(f, "{op}: not allowed now: {message}"),
            ErrorKind::Outcome { event_type } => {
                write!(f, "{op}: accepted, then failed: {event_type}")
            }
            ErrorKind::Internal => write!(
                f,
                "{op}: internal error in cec-agent; the module restarted, so clients made before \
                 it must be made again, and whether the request was carried out is unknown"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Shortens text from the server or the caller for inclusion in an error message.
pub fn snippet(text: &str, max_chars: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max_chars)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > max_chars {
        out.push('…');
    }
    out
}

/// [`snippet`] in quotes, escaped as a JSON string, for quoting a value inside a message.
pub fn quoted_snippet(text: &str, max_chars: usize) -> String {
    crate::json::to_string(&snippet(text, max_chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_error_carries_meaning_and_operation() {
        let e = Error::service("beginNetPlay", "500-007", "busy");
        assert_eq!(e.kind_name(), "service");
        assert_eq!(
            e.to_string(),
            "beginNetPlay: retcode 500-007 (start play: wrong state (agent busy, in a call or already playing)): busy"
        );
        let unknown = Error::service("intercept", "123-456", "");
        assert_eq!(unknown.to_string(), "intercept: retcode 123-456");
    }

    #[test]
    fn service_errors_stay_small_whatever_the_server_sends() {
        let e = Error::service("intercept", &"9".repeat(10_000), &"m".repeat(4 << 20));
        let ErrorKind::Service {
            retcode, message, ..
        } = &e.kind
        else {
            panic!("{e:?}")
        };
        assert_eq!(
            retcode.chars().count(),
            MAX_RETCODE_CHARS + 1,
            "cut, with an ellipsis"
        );
        assert_eq!(message.chars().count(), MAX_SERVER_MESSAGE_CHARS + 1);
        assert!(e.to_string().len() < 1_000);
        // Documented codes are far shorter than the cut.
        let known = Error::service("beginNetPlay", "500-007", "busy");
        assert!(
            matches!(known.kind, ErrorKind::Service { ref retcode, meaning: Some(_), .. } if retcode == "500-007")
        );
    }

    #[test]
    fn snippet_shortens_and_strips_controls() {
        assert_eq!(snippet("a\nb", 10), "a b");
        assert_eq!(snippet("abcdef", 3), "abc…");
    }
}
