//! Sign-out, Guid refresh and heartbeat.
//!
//! - Sign-out: `DELETE /onlineagent/{agentid}/logout` (two independent clients; official page
//!   not retrieved).
//! - Guid refresh after a page reload: "Updating the GUID"
//!   (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1225.html>), returns `result.guid`.
//! - Heartbeat (push mode only, every 30 s): "Heartbeat"
//!   (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1204.html>), optional
//!   `service_token` header.

use super::sign_in::service_token;
use crate::de::Text;
use crate::envelope::{decode_result, DecodeError};
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{unit_operation, Ack, FromResult, Operation};
use crate::validation::AgentId;
use cec_agent_derive::Decode;

unit_operation! {
    /// `DELETE /onlineagent/{agentid}/logout` (`logout`).
    SignOutRequest, Delete "/onlineagent/{agent}/logout",
    log "logout", retcodes ["100-006", "100-008", "100-010"], output Ack
}

unit_operation! {
    /// `PUT /onlineagent/{agentid}/updateGuid` (`updateGuid`).
    UpdateGuidRequest, Put "/onlineagent/{agent}/updateGuid",
    log "updateGuid", retcodes ["100-006"], output NewGuid
}

/// The Guid returned by `updateGuid`. A secret: kept by the client, never shown.
#[derive(Clone, PartialEq, Eq, Decode)]
pub struct NewGuid {
    /// The new Guid.
    pub guid: Text,
}

impl std::fmt::Debug for NewGuid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewGuid(<redacted>)")
    }
}

impl FromResult for NewGuid {
    fn from_result(_message: String, result: Option<&str>) -> Result<Self, DecodeError> {
        decode_result(result.unwrap_or("null"))
    }
}

/// `POST /onlineagent/{agentid}/handshake` (`handShake`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct HandshakeRequest {
    /// Optional `service_token` header (at most 50 characters, no special characters).
    pub service_token: Option<String>,
}

impl std::fmt::Debug for HandshakeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HandshakeRequest { .. }")
    }
}

impl Operation for HandshakeRequest {
    const LOG_NAME: &'static str = "handShake";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-001", "100-006"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!("/onlineagent/{}/handshake", agent_id.as_str())
    }

    fn validate(&self) -> Result<(), ValidationError> {
        match &self.service_token {
            Some(t) => service_token("serviceToken", t),
            None => Ok(()),
        }
    }

    fn extra_headers(&self) -> Vec<(&'static str, String)> {
        self.service_token
            .iter()
            .map(|t| ("service_token", t.clone()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(SignOutRequest.path(&id), "/onlineagent/1001/logout");
        assert_eq!(SignOutRequest::METHOD, Method::Delete);
        assert_eq!(UpdateGuidRequest.path(&id), "/onlineagent/1001/updateGuid");
        let g =
            NewGuid::from_result(String::new(), Some(r#"{"guid":"abc.AgentGateway1"}"#)).unwrap();
        assert_eq!(g.guid.as_str(), "abc.AgentGateway1");
        assert!(!format!("{g:?}").contains("abc"));
        assert!(NewGuid::from_result(String::new(), None).is_err());
        let hs = HandshakeRequest {
            service_token: Some("tok".into()),
        };
        assert_eq!(
            hs.extra_headers(),
            vec![("service_token", "tok".to_owned())]
        );
        assert!(HandshakeRequest {
            service_token: Some("a b".into())
        }
        .validate()
        .is_err());
        assert!(HandshakeRequest::default().extra_headers().is_empty());
    }
}
