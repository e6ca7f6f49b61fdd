//! Entering wrap-up (after-call work).
//!
//! Vendor page (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1215.html>). No body. Its event
//! (`AgentState_Work`, or a "set work" success event whose name was not captured) and its
//! error list are UNCERTAIN: the codes below are those the neighbouring state operations list.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /onlineagent/{agentid}/work` (`sayWork`).
    SayWorkRequest, Post "/onlineagent/{agent}/work",
    log "sayWork", retcodes ["100-006", "100-007", "100-009"], output Ack
}
