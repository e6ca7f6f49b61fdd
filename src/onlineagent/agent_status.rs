//! The agent's current status: what the live state is rebuilt from after a sign-in, a resumed
//! session or a recovered poller.
//!
//! Vendor pages: "Querying the Status of an Agent"
//! (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_0355.html>) and its status-code
//! table (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0581.html>). The page's
//! table types `result` as an array; its example, which the gateway sends, is one object
//! `{"agentState": 4, "isWorking": false}` (agent-shift-ops.md §G). Error: 000-002.

use crate::de::Int;
use crate::envelope::{decode_result, DecodeError};
use crate::json::{Decode, Encode, Kind, Reader, Writer};
use crate::operation::{unit_operation, FromResult};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

unit_operation! {
    /// `GET /onlineagent/{agentid}/agentstatus` (`getAgentStatus`). No parameters.
    AgentStatusRequest, Get "/onlineagent/{agent}/agentstatus",
    log "getAgentStatus", retcodes ["000-002"], output AgentStatus
}

/// Every code of the vendor's agent status table (cec_07_0581), as `agentState` carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgentStateCode {
    /// 0: unknown.
    Unknown,
    /// 1: signed in (reserved by the vendor).
    SignedIn,
    /// 2: signed out.
    SignedOut,
    /// 3: busy (not ready).
    Busy,
    /// 4: idle (ready).
    Idle,
    /// 5: wrap-up (after-call work).
    WrapUp,
    /// 6: the same as idle (reserved by the vendor).
    IdleReserved,
    /// 7: talking.
    Talking,
    /// 8: at rest.
    Rest,
    /// 9: rest asked for, starting when the current call ends.
    PreRest,
}

/// The table in code order: `AGENT_STATE_CODES[n]` is code `n`.
pub const AGENT_STATE_CODES: [AgentStateCode; 10] = [
    AgentStateCode::Unknown,
    AgentStateCode::SignedIn,
    AgentStateCode::SignedOut,
    AgentStateCode::Busy,
    AgentStateCode::Idle,
    AgentStateCode::WrapUp,
    AgentStateCode::IdleReserved,
    AgentStateCode::Talking,
    AgentStateCode::Rest,
    AgentStateCode::PreRest,
];

impl AgentStateCode {
    /// The vendor's code, 0..=9.
    pub fn code(self) -> i64 {
        self as i64
    }

    /// The state for a code of the table, `None` outside 0..=9.
    pub fn from_code(code: i64) -> Option<Self> {
        usize::try_from(code)
            .ok()
            .and_then(|i| AGENT_STATE_CODES.get(i).copied())
    }
}

impl Encode for AgentStateCode {
    fn encode(&self, w: &mut Writer) {
        w.integer(self.code());
    }
}

impl<'de> Decode<'de> for AgentStateCode {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        let Int(code) = Int::decode(r)?;
        Self::from_code(code).ok_or_else(|| {
            DecodeError::invalid(format!(
                "invalid value: {code}, expected an agent status code 0..=9"
            ))
        })
    }
}

/// `isWorking`: a JSON boolean, or the strings `"true"` / `"false"` (the gateway quotes other
/// fields' values in some versions); `null` or absent reads as false. Encodes as a boolean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flag(pub bool);

impl Encode for Flag {
    fn encode(&self, w: &mut Writer) {
        self.0.encode(w);
    }
}

impl<'de> Decode<'de> for Flag {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        match r.peek()? {
            Kind::String => match r.string()?.trim() {
                "true" => Ok(Flag(true)),
                "false" => Ok(Flag(false)),
                other => Err(DecodeError::invalid(format!(
                    "invalid value: string {}, expected a boolean",
                    crate::validation::shown(other)
                ))),
            },
            Kind::Null => r.null().map(|_| Flag(false)),
            _ => r.bool().map(Flag),
        }
    }

    /// Absent reads as false.
    fn absent() -> Option<Self> {
        Some(Flag(false))
    }
}

/// The result of `getAgentStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct AgentStatus {
    /// The vendor's status code (cec_07_0581): 0 unknown, 1 signed in (reserved), 2 signed
    /// out, 3 busy, 4 idle, 5 wrap-up, 6 same as idle (reserved), 7 talking, 8 rest, 9
    /// pre-rest (the rest starts when the call ends).
    #[serde(rename = "agentState")]
    #[tsify(type = "0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9")]
    pub agent_state: AgentStateCode,
    /// Whether the agent is working (in wrap-up). Absent or `null` reads as false.
    #[serde(rename = "isWorking")]
    #[tsify(type = "boolean")]
    pub is_working: Flag,
}

impl FromResult for AgentStatus {
    fn from_result(_message: String, result: Option<&str>) -> Result<Self, DecodeError> {
        let raw = result.unwrap_or("null").trim_start();
        // The table's "array" form: the one element it would hold.
        if raw.starts_with('[') {
            let list: Vec<AgentStatus> = decode_result(raw)?;
            return list.into_iter().next().ok_or_else(|| {
                DecodeError::invalid("expected an agent status, got []").in_field("result")
            });
        }
        decode_result(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::{decode_path, documented_failure, parse_ok, Operation};
    use crate::validation::AgentId;

    fn parse(body: &str) -> Result<AgentStatus, crate::Error> {
        parse_ok::<AgentStatusRequest>(body)
    }

    #[test]
    fn path_method_and_no_body() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(
            AgentStatusRequest.path(&id),
            "/onlineagent/1001/agentstatus"
        );
        assert_eq!(AgentStatusRequest::METHOD, Method::Get);
        assert_eq!(AgentStatusRequest.body(), None);
    }

    #[test]
    fn the_vendor_example_decodes() {
        let s = parse(
            r#"{"message":"success","retcode":"0","result":{"agentState":4,"isWorking":false}}"#,
        )
        .unwrap();
        assert_eq!(s.agent_state, AgentStateCode::Idle);
        assert_eq!(s.is_working, Flag(false));
        assert_eq!(
            crate::json::to_string(&s),
            r#"{"agentState":4,"isWorking":false}"#
        );
    }

    #[test]
    fn every_code_of_the_table_round_trips() {
        for code in 0..=9 {
            let body = format!(
                r#"{{"retcode":"0","result":{{"agentState":"{code}","isWorking":"true"}}}}"#
            );
            let s = parse(&body).unwrap();
            assert_eq!(s.agent_state.code(), code);
            assert_eq!(AgentStateCode::from_code(code), Some(s.agent_state));
            assert!(s.is_working.0);
        }
        assert_eq!(AgentStateCode::from_code(5), Some(AgentStateCode::WrapUp));
        assert_eq!(AgentStateCode::from_code(7), Some(AgentStateCode::Talking));
        assert_eq!(AgentStateCode::from_code(9), Some(AgentStateCode::PreRest));
        assert_eq!(AgentStateCode::from_code(10), None);
        assert_eq!(AgentStateCode::from_code(-1), None);
    }

    #[test]
    fn lenient_shapes() {
        // isWorking missing or null: false; the table's array form: its element.
        let s = parse(r#"{"retcode":"0","result":{"agentState":3}}"#).unwrap();
        assert_eq!(
            (s.agent_state, s.is_working.0),
            (AgentStateCode::Busy, false)
        );
        let s = parse(r#"{"retcode":"0","result":{"agentState":8,"isWorking":null}}"#);
        assert_eq!(s.map(|s| s.is_working.0), Ok(false));
        let s = parse(r#"{"retcode":"0","result":[{"agentState":2,"isWorking":false}]}"#);
        assert_eq!(s.map(|s| s.agent_state), Ok(AgentStateCode::SignedOut));
    }

    #[test]
    fn bad_shapes_name_the_path() {
        for (body, path) in [
            (
                r#"{"retcode":"0","result":{"agentState":10}}"#,
                "result.agentState",
            ),
            (
                r#"{"retcode":"0","result":{"agentState":"x"}}"#,
                "result.agentState",
            ),
            (r#"{"retcode":"0","result":{"isWorking":true}}"#, "result"),
            (
                r#"{"retcode":"0","result":{"agentState":4,"isWorking":"yes"}}"#,
                "result.isWorking",
            ),
            (r#"{"retcode":"0","result":[]}"#, "result"),
            (r#"{"retcode":"0"}"#, "result"),
        ] {
            assert_eq!(decode_path(parse(body)).as_deref(), Some(path), "{body}");
        }
    }

    #[test]
    fn documented_error() {
        let e = parse(r#"{"message":"bad","retcode":"000-002"}"#);
        assert_eq!(
            documented_failure(e),
            Some(("getAgentStatus", "000-002".into()))
        );
    }
}
