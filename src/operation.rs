//! What every CC-Gateway operation declares, and the shared request/response mapping.

use crate::envelope;
use crate::error::{Error, ValidationError};
use crate::http::{HttpRequest, Method, ResponseHead, Service, CONTENT_TYPE_JSON};
use crate::validation::AgentId;
use cec_agent_derive::{Decode, Encode};

/// One CC-Gateway operation: a request type that knows its method, path, body and result.
pub trait Operation {
    /// The vendor's "Method Name in Logs", used as the operation name in errors.
    const LOG_NAME: &'static str;
    /// HTTP method.
    const METHOD: Method;
    /// Error codes the vendor page lists for this operation.
    const DOCUMENTED_RETCODES: &'static [&'static str];
    /// Whether the call carries the `Guid` header (false only for the sign-in operations).
    const NEEDS_GUID: bool = true;
    /// What a successful call returns.
    type Output: FromEnvelope;

    /// Path below `/agentgateway/resource`, for the signed-in agent `agent_id`.
    fn path(&self, agent_id: &AgentId) -> String;

    /// Checks every documented rule. Runs before anything is sent.
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }

    /// The JSON body, if the operation has one.
    fn body(&self) -> Option<String> {
        None
    }

    /// Headers besides `Content-Type` and `Guid` (e.g. the heartbeat's `service_token`).
    fn extra_headers(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// What this operation's success tells the live agent state that no event does (a rest's
    /// length, a mute), applied when the call succeeds.
    #[cfg(feature = "gateway")]
    fn outcome(&self) -> Option<crate::agentstate::Outcome> {
        None
    }
}

/// Decoding of a successful envelope into an operation's output. Outputs that only read
/// `result` implement [`FromResult`] and get this for free.
pub trait FromEnvelope: Sized {
    /// Builds the output from a successful envelope.
    fn from_envelope(ok: envelope::Success<'_>) -> Result<Self, envelope::DecodeError>;
}

impl<T: FromResult> FromEnvelope for T {
    fn from_envelope(ok: envelope::Success<'_>) -> Result<Self, envelope::DecodeError> {
        T::from_result(ok.message, ok.result)
    }
}

/// Decoding of the envelope's `result` into an operation's output.
pub trait FromResult: Sized {
    /// Builds the output from the envelope's `message` and raw `result` JSON (`None` when absent).
    fn from_result(message: String, result: Option<&str>) -> Result<Self, envelope::DecodeError>;
}

/// Prefix of every CC-Gateway path.
pub const GATEWAY_PREFIX: &str = "/agentgateway/resource";

/// Validates `op` and builds its request: URL, `Content-Type`, `Guid` (when the operation
/// needs one), extra headers, body.
pub fn build_request<O: Operation>(
    op: &O,
    base: &crate::config::BaseUrl,
    agent_id: &AgentId,
    guid: Option<&str>,
) -> Result<HttpRequest, Error> {
    op.validate()
        .map_err(|e| Error::validation(O::LOG_NAME, e))?;
    let parts = Parts {
        operation: O::LOG_NAME,
        method: O::METHOD,
        path: op.path(agent_id),
        body: op.body(),
        extra_headers: op.extra_headers(),
    };
    assemble(parts, base, if O::NEEDS_GUID { Some(guid) } else { None })
}

/// What an operation contributes to its request.
struct Parts {
    operation: &'static str,
    method: Method,
    path: String,
    body: Option<String>,
    extra_headers: Vec<(&'static str, String)>,
}

/// Why a call needing a Guid cannot go out before one exists (nothing is sent).
pub fn no_guid() -> crate::error::ErrorKind {
    crate::error::ErrorKind::State {
        message:
            "no Guid yet: sign in, resume(token), pass `guid` in the config or call setGuid() first"
                .to_owned(),
    }
}

/// The non-generic rest of [`build_request`]; `guid` is `None` for operations without one.
fn assemble(
    parts: Parts,
    base: &crate::config::BaseUrl,
    guid: Option<Option<&str>>,
) -> Result<HttpRequest, Error> {
    let invalid = |e| Error::validation(parts.operation, e);
    let mut headers = vec![("Content-Type", CONTENT_TYPE_JSON.into())];
    if let Some(guid) = guid {
        let guid = guid.ok_or_else(|| Error::new(parts.operation, no_guid()))?;
        crate::validation::secret_header_value("guid", guid, crate::client::MAX_GUID_LEN)
            .map_err(invalid)?;
        headers.push(("Guid", guid.to_owned().into()));
    }
    headers.extend(parts.extra_headers.into_iter().map(|(n, v)| (n, v.into())));
    Ok(HttpRequest {
        service: Service::Gateway,
        method: parts.method,
        url: base.join(&[GATEWAY_PREFIX, &parts.path]),
        headers,
        body: parts.body,
    })
}

/// Decodes a response to `O`: HTTP status, envelope, `retcode`, then the payload.
pub fn parse_response<O: Operation>(head: &ResponseHead, body: &[u8]) -> Result<O::Output, Error> {
    parse_as(O::LOG_NAME, head, body)
}

/// [`parse_response`] by output type, so operations that share one (most answer an [`Ack`])
/// share one copy of the decoding code.
pub fn parse_as<T: FromEnvelope>(
    operation: &'static str,
    head: &ResponseHead,
    body: &[u8],
) -> Result<T, Error> {
    let ok = envelope::open(operation, head, body)?;
    T::from_envelope(ok).map_err(|e| {
        let e = e.into_detail();
        Error::decode(operation, e.path, e.message)
    })
}

/// A request's JSON body.
pub fn json_body<T: crate::json::Encode>(value: &T) -> Option<String> {
    Some(crate::json::to_string(value))
}

/// `path` with the query parameters that are present (`?a=1&b=2`, in the order given).
/// Values go in as they are: callers pass only URL-safe text (numbers, `true`/`false`,
/// validated IDs) or percent-encode it first.
pub fn with_query(path: String, params: &[(&str, Option<String>)]) -> String {
    let mut out = path;
    for (name, value) in params {
        if let Some(value) = value {
            out.push(if out.contains('?') { '&' } else { '?' });
            out.push_str(name);
            out.push('=');
            out.push_str(value);
        }
    }
    out
}

/// The output of operations whose `result` is a reserved, empty field.
#[derive(Debug, Clone, PartialEq, Eq, Encode)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct Ack {
    /// The server's `message` (often empty or "success").
    pub message: String,
}

impl FromResult for Ack {
    fn from_result(message: String, _result: Option<&str>) -> Result<Self, envelope::DecodeError> {
        Ok(Ack { message })
    }
}

/// Declares an operation without parameters: a unit struct and its [`Operation`] impl.
/// `$path` is a format string with `{agent}` for the agent ID; `state` gives what its success
/// tells the live state ([`Operation::outcome`]).
macro_rules! unit_operation {
    ($(#[$doc:meta])* $name:ident, $method:ident $path:literal, log $log:literal, retcodes [$($code:literal),*], output $out:ty $(, state $state:expr)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct $name;

        impl $crate::operation::Operation for $name {
            const LOG_NAME: &'static str = $log;
            const METHOD: $crate::http::Method = $crate::http::Method::$method;
            const DOCUMENTED_RETCODES: &'static [&'static str] = &[$($code),*];
            type Output = $out;

            fn path(&self, agent_id: &$crate::validation::AgentId) -> String {
                format!($path, agent = agent_id.as_str())
            }

            $(
            #[cfg(feature = "gateway")]
            fn outcome(&self) -> Option<$crate::agentstate::Outcome> {
                Some($state)
            }
            )?
        }
    };
}
pub(crate) use unit_operation;

/// The other agent an inspector operation acts on (`{workNo}`); one type for all of them, so
/// one decoder serves them all.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, tsify::Tsify)]
#[serde(deny_unknown_fields)]
pub struct TargetAgent {
    /// The other agent's ID (same agent-ID range as `agentid`, same VDN).
    #[serde(rename = "workNo")]
    #[tsify(type = "string | number")]
    pub work_no: crate::de::Text,
}

/// Declares an operation on another agent (`{workNo}`, e.g. an inspected agent): a newtype
/// over [`TargetAgent`], validated as an agent ID, and its [`Operation`] impl.
/// `$path` is a format string with `{agent}` and `{work_no}`.
macro_rules! target_operation {
    ($(#[$doc:meta])* $name:ident, $method:ident $path:literal, log $log:literal, retcodes [$($code:literal),*]) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name(pub $crate::operation::TargetAgent);

        impl $name {
            /// The operation on agent `work_no`.
            pub fn new(work_no: impl Into<String>) -> Self {
                Self($crate::operation::TargetAgent { work_no: $crate::de::Text(work_no.into()) })
            }
        }

        impl $crate::operation::Operation for $name {
            const LOG_NAME: &'static str = $log;
            const METHOD: $crate::http::Method = $crate::http::Method::$method;
            const DOCUMENTED_RETCODES: &'static [&'static str] = &[$($code),*];
            type Output = $crate::operation::Ack;

            fn path(&self, agent_id: &$crate::validation::AgentId) -> String {
                // `validate` has run before `path`, so `work_no` is plain digits.
                format!($path, agent = agent_id.as_str(), work_no = self.0.work_no.as_str())
            }

            fn validate(&self) -> Result<(), $crate::error::ValidationError> {
                $crate::validation::AgentId::parse("workNo", self.0.work_no.as_str()).map(|_| ())
            }
        }
    };
}
pub(crate) use target_operation;

/// Test helper: decodes `body` as an HTTP 200 answer to `O`.
#[cfg(test)]
pub fn parse_ok<O: Operation>(body: &str) -> Result<O::Output, Error> {
    let head = ResponseHead {
        status: 200,
        ..Default::default()
    };
    parse_response::<O>(&head, body.as_bytes())
}

/// Test helper: the path of a decode error (`None` for success or another kind).
#[cfg(test)]
pub fn decode_path<T>(r: Result<T, Error>) -> Option<String> {
    match r.map_err(|e| e.kind) {
        Err(crate::error::ErrorKind::Decode { path, .. }) => Some(path),
        _ => None,
    }
}

/// Test helper: `(operation, retcode)` of a service error whose retcode has a documented
/// meaning (`None` otherwise).
#[cfg(test)]
pub fn documented_failure<T>(r: Result<T, Error>) -> Option<(&'static str, String)> {
    match r {
        Err(Error {
            operation,
            kind:
                crate::error::ErrorKind::Service {
                    retcode,
                    meaning: Some(_),
                    ..
                },
        }) => Some((operation, retcode)),
        _ => None,
    }
}

#[cfg(test)]
mod documented_retcodes {
    use super::Operation;
    use crate::agentevent::PollEventsRequest;
    use crate::calldata::{
        CallAppDataRequest, CallInfoBeforeAnswerRequest, CallInfoRequest, SetCallAppDataRequest,
    };
    use crate::onlineagent::{
        AgentStatusRequest, AutoEnterIdleRequest, CancelBusyRequest, CancelRestRequest,
        CancelWorkRequest, HandshakeRequest, RestRequest, SayBusyRequest, SayFreeRequest,
        SayWorkRequest, SignIn, SignInExRequest, SignOutRequest, UpdateGuidRequest,
    };
    use crate::qualitycontrol::{
        AddInsertRequest, AddSuperviseRequest, InterceptRequest, StopSuperviseRequest,
        StopWhisperRequest, SwitchModeRequest, SwitchSuperviseOrInsertRequest, WhisperRequest,
    };
    use crate::recordplay::{
        BackFastRequest, ForeFastRequest, NetPlayRequest, PausePlayRequest, PlayRequest,
        ResumePlayRequest, StopPlayRequest,
    };
    use crate::voicecall::ThirdPartyConfTransmitNumRequest;
    // Call control (issue 16).
    use crate::voicecall::{
        AnswerRequest, BeginMuteRequest, CallInnerRequest, CallInnerSkillRequest, CallOutRequest,
        CancelTransferRequest, ConfJoinRequest, ConnectHoldRequest, DisconnectRequest,
        EndMuteRequest, GetHoldRequest, HoldRequest, InnerHelpRequest, ReleaseRequest,
        SecondDialRequest, TransferRequest,
    };

    fn codes<O: Operation>() -> (&'static str, &'static [&'static str]) {
        (O::LOG_NAME, O::DOCUMENTED_RETCODES)
    }

    #[test]
    fn every_documented_retcode_has_a_meaning() {
        let all = [
            codes::<NetPlayRequest>(),
            codes::<PlayRequest>(),
            codes::<StopPlayRequest>(),
            codes::<PausePlayRequest>(),
            codes::<ResumePlayRequest>(),
            codes::<ForeFastRequest>(),
            codes::<BackFastRequest>(),
            codes::<CallInfoBeforeAnswerRequest>(),
            codes::<ThirdPartyConfTransmitNumRequest>(),
            codes::<InterceptRequest>(),
            codes::<AddSuperviseRequest>(),
            codes::<AddInsertRequest>(),
            codes::<StopSuperviseRequest>(),
            codes::<SwitchSuperviseOrInsertRequest>(),
            codes::<WhisperRequest>(),
            codes::<StopWhisperRequest>(),
            codes::<SwitchModeRequest>(),
            codes::<SignIn<false>>(),
            codes::<SignIn<true>>(),
            codes::<SignInExRequest>(),
            codes::<SignOutRequest>(),
            codes::<UpdateGuidRequest>(),
            codes::<HandshakeRequest>(),
            codes::<PollEventsRequest>(),
            // Agent state and call data (issue 16).
            codes::<AgentStatusRequest>(),
            codes::<SayFreeRequest>(),
            codes::<SayBusyRequest>(),
            codes::<CancelBusyRequest>(),
            codes::<RestRequest>(),
            codes::<CancelRestRequest>(),
            codes::<SayWorkRequest>(),
            codes::<CancelWorkRequest>(),
            codes::<AutoEnterIdleRequest>(),
            codes::<CallInfoRequest>(),
            codes::<SetCallAppDataRequest>(),
            codes::<CallAppDataRequest>(),
            // Call control (issue 16).
            codes::<AnswerRequest>(),
            codes::<ReleaseRequest>(),
            codes::<DisconnectRequest>(),
            codes::<HoldRequest>(),
            codes::<GetHoldRequest>(),
            codes::<ConnectHoldRequest>(),
            codes::<BeginMuteRequest>(),
            codes::<EndMuteRequest>(),
            codes::<TransferRequest>(),
            codes::<CancelTransferRequest>(),
            codes::<CallOutRequest>(),
            codes::<CallInnerRequest>(),
            codes::<CallInnerSkillRequest>(),
            codes::<InnerHelpRequest>(),
            codes::<ConfJoinRequest>(),
            codes::<SecondDialRequest>(),
        ];
        for (operation, retcodes) in all {
            assert!(!retcodes.is_empty(), "{operation} lists no retcode");
            for code in retcodes {
                assert!(
                    crate::retcode::meaning(code).is_some(),
                    "{operation}: retcode {code} has no documented meaning"
                );
            }
        }
    }
}
