//! What every CC-Gateway operation declares, and the shared request/response mapping.

use crate::envelope;
use crate::error::{Error, ValidationError};
use crate::http::{HttpRequest, Method, ResponseHead, CONTENT_TYPE_JSON};
use crate::validation::AgentId;

/// One CC-Gateway operation: a request type that knows its method, path, body and result.
pub trait Operation {
    /// The vendor's "Method Name in Logs", used as the operation name in errors.
    const LOG_NAME: &'static str;
    /// HTTP method.
    const METHOD: Method;
    /// Error codes the vendor page lists for this operation.
    const DOCUMENTED_RETCODES: &'static [&'static str];
    /// What a successful call returns.
    type Output: FromResult;

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
}

/// Decoding of the envelope's `result` into an operation's output.
pub trait FromResult: Sized {
    /// Builds the output from the envelope's `message` and raw `result` JSON (`None` when absent).
    fn from_result(message: String, result: Option<&str>) -> Result<Self, envelope::DecodeError>;
}

/// Prefix of every CC-Gateway path.
pub const GATEWAY_PREFIX: &str = "/agentgateway/resource";

/// Validates `op` and builds its request: URL, `Content-Type`, `Guid`, body.
pub fn build_request<O: Operation>(
    op: &O,
    base: &crate::config::BaseUrl,
    agent_id: &AgentId,
    guid: &str,
) -> Result<HttpRequest, Error> {
    op.validate()
        .map_err(|e| Error::validation(O::LOG_NAME, e))?;
    crate::validation::secret_header_value("guid", guid, crate::client::MAX_GUID_LEN)
        .map_err(|e| Error::validation(O::LOG_NAME, e))?;
    Ok(HttpRequest {
        method: O::METHOD,
        url: base.join(&format!("{GATEWAY_PREFIX}{}", op.path(agent_id))),
        headers: vec![
            ("Content-Type", CONTENT_TYPE_JSON.to_owned()),
            ("Guid", guid.to_owned()),
        ],
        body: op.body(),
    })
}

/// Decodes a response to `O`: HTTP status, envelope, `retcode`, then `result`.
pub fn parse_response<O: Operation>(head: &ResponseHead, body: &[u8]) -> Result<O::Output, Error> {
    envelope::decode::<O::Output>(O::LOG_NAME, head, body)
}

/// Serializes a request body. Serializing these plain structs cannot fail; an empty object is
/// sent if it ever did, so the server reports the missing fields instead of the client panicking.
pub fn json_body<T: serde::Serialize>(value: &T) -> Option<String> {
    Some(serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned()))
}

/// The output of operations whose `result` is a reserved, empty field.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
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
