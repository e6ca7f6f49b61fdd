//! Whether the agent goes idle by itself after a call, or into wrap-up.
//!
//! Vendor page (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1218.html>,
//! <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0351.html>): the path's `flag`
//! is `true` (idle after a call) or any other 1..=5 characters (wrap-up); this client sends
//! `true` or `false`. In non-always-off-hook mode the agent must enter wrap-up.

use crate::http::Method;
use crate::operation::{Ack, Operation};
use crate::validation::AgentId;
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// `POST /onlineagent/{agentid}/autoenteridle/{flag}` (`setAgentAutoEnterIdle`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Decode, Tsify)]
#[serde(deny_unknown_fields)]
pub struct AutoEnterIdleRequest {
    /// `true`: idle after each call; `false`: wrap-up after each call.
    pub flag: bool,
}

impl Operation for AutoEnterIdleRequest {
    const LOG_NAME: &'static str = "setAgentAutoEnterIdle";
    const METHOD: Method = Method::Post;
    const DOCUMENTED_RETCODES: &'static [&'static str] = &["100-006", "100-007"];
    type Output = Ack;

    fn path(&self, agent_id: &AgentId) -> String {
        format!(
            "/onlineagent/{}/autoenteridle/{}",
            agent_id.as_str(),
            self.flag
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_in_the_path() {
        let id = AgentId::parse("agentId", "1001").unwrap();
        let on: AutoEnterIdleRequest = crate::json::from_str(r#"{"flag":true}"#).unwrap();
        assert_eq!(on.path(&id), "/onlineagent/1001/autoenteridle/true");
        let off = AutoEnterIdleRequest { flag: false };
        assert_eq!(off.path(&id), "/onlineagent/1001/autoenteridle/false");
        assert_eq!(
            (AutoEnterIdleRequest::METHOD, off.body()),
            (Method::Post, None)
        );
        assert!(crate::json::from_str::<AutoEnterIdleRequest>(r#"{"flag":"true"}"#).is_err());
        assert!(crate::json::from_str::<AutoEnterIdleRequest>("{}").is_err());
    }
}
