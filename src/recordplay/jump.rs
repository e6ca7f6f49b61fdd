//! Fast-forward and rewind: move the playback by a number of seconds.
//!
//! Rewind: vendor page "Rewinding" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_4206.html>),
//! `time` 0..=2147483647. Fast-forward: the official page was not retrieved; the official JS
//! client's route regex is `time:[1-9][\d]{0,}`, i.e. at least 1. Both answer with the
//! `AgentMediaEvent_JumpPlayDone` event.

use crate::de::Int;
use crate::error::ValidationError;
use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::{self, AgentId};
use cec_agent_derive::{Decode, Encode};
use std::ops::RangeInclusive;
use tsify::Tsify;

/// Seconds accepted by fast-forward (the JS client's `[1-9][\d]*`, capped at a Java int).
pub const FORE_FAST_SECONDS: RangeInclusive<i64> = 1..=i32::MAX as i64;
/// Seconds accepted by rewind ("0 to 2147483647").
pub const BACK_FAST_SECONDS: RangeInclusive<i64> = 0..=i32::MAX as i64;

/// How far to move the playback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct JumpRequest {
    /// Seconds to skip (fast-forward: at least 1; rewind: at least 0).
    #[tsify(type = "number")]
    pub time: Int,
}

/// `POST /recordplay/{agentid}/forefast/{time}` (`foreFastPlay`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeFastRequest(pub JumpRequest);

/// `POST /recordplay/{agentid}/backfast/{time}` (`backFastPlay`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackFastRequest(pub JumpRequest);

impl Operation for ForeFastRequest {
    const LOG_NAME: &'static str = "foreFastPlay";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007", "500-002"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!(
            "/recordplay/{}/forefast/{}",
            agent_id.as_str(),
            self.0.time.0
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::in_range("time", self.0.time.0, FORE_FAST_SECONDS)
    }
}

impl Operation for BackFastRequest {
    const LOG_NAME: &'static str = "backFastPlay";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007", "500-001"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!(
            "/recordplay/{}/backfast/{}",
            agent_id.as_str(),
            self.0.time.0
        )
    }

    fn validate(&self) -> Result<(), ValidationError> {
        validation::in_range("time", self.0.time.0, BACK_FAST_SECONDS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jump(t: i64) -> JumpRequest {
        JumpRequest { time: Int(t) }
    }

    #[test]
    fn paths_and_bounds() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        assert_eq!(
            ForeFastRequest(jump(15)).path(&id),
            "/recordplay/1001/forefast/15"
        );
        assert_eq!(
            BackFastRequest(jump(0)).path(&id),
            "/recordplay/1001/backfast/0"
        );
        assert!(
            ForeFastRequest(jump(0)).validate().is_err(),
            "fast-forward needs at least 1 s"
        );
        assert!(BackFastRequest(jump(0)).validate().is_ok());
        assert!(BackFastRequest(jump(2_147_483_647)).validate().is_ok());
        assert_eq!(
            BackFastRequest(jump(2_147_483_648))
                .validate()
                .err()
                .map(|e| e.rule),
            Some("range")
        );
        assert_eq!(
            BackFastRequest(jump(-1)).validate().err().map(|e| e.field),
            Some("time".to_owned())
        );
    }
}
