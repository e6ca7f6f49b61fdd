//! The event poll: `GET /agentevent/{agentid}` (`getAgentEvent`).
//!
//! Vendor page: "Querying Agent Events" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1274.html>).
//! The gateway holds the request up to about 10 s when nothing is waiting and answers one
//! event (or none) per response; in dynamic authentication, a rotated Guid arrives in this
//! response's `Set-GUID` header.

use super::event::AgentEvent;
use crate::envelope::{DecodeError, Success};
use crate::operation::{unit_operation, FromEnvelope};

unit_operation! {
    /// `GET /agentevent/{agentid}` (`getAgentEvent`).
    PollEventsRequest, Get "/agentevent/{agent}",
    log "getAgentEvent", retcodes ["000-003", "100-006"], output Polled
}

/// One poll's answer: an event, or none.
#[derive(Debug, Clone, PartialEq)]
pub struct Polled(pub Option<AgentEvent>);

impl FromEnvelope for Polled {
    fn from_envelope(ok: Success<'_>) -> Result<Self, DecodeError> {
        match ok.event.map(str::trim) {
            None | Some("null") => Ok(Polled(None)),
            Some(raw) => AgentEvent::decode(raw).map(|e| Polled(Some(e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::ResponseHead;
    use crate::operation::{parse_response, Operation};
    use crate::validation::AgentId;

    fn poll(body: &str) -> Result<Polled, crate::Error> {
        parse_response::<PollEventsRequest>(
            &ResponseHead {
                status: 200,
                ..Default::default()
            },
            body.as_bytes(),
        )
    }

    #[test]
    fn empty_and_event_answers() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(PollEventsRequest.path(&id), "/agentevent/1001");
        assert_eq!(
            poll(r#"{"message":"","retcode":"0","event":null}"#).unwrap(),
            Polled(None)
        );
        assert_eq!(
            poll(r#"{"message":"","retcode":"0"}"#).unwrap(),
            Polled(None)
        );
        let got = poll(r#"{"message":"","retcode":"0","event":{"eventType":"AgentState_Ready","workNo":"1001","content":{}}}"#).unwrap();
        assert_eq!(
            got.0.map(|e| (e.event_type, e.known)),
            Some(("AgentState_Ready".to_owned(), true))
        );
        let e = poll(r#"{"message":"agent not login","retcode":"100-006"}"#).unwrap_err();
        assert_eq!(e.kind_name(), "service");
        let e = poll(r#"{"retcode":"0","event":{"content":{}}}"#).unwrap_err();
        assert!(
            matches!(e.kind, crate::ErrorKind::Decode { ref path, .. } if path.starts_with("event")),
            "{e:?}"
        );
    }
}
