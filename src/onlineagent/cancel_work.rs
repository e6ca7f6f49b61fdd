//! Leaving wrap-up (wrap-up done).
//!
//! Vendor page (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1216.html>). No body. Event:
//! `AgentState_CancelWork_Success`.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /onlineagent/{agentid}/cancelwork` (`cancelWork`).
    CancelWorkRequest, Post "/onlineagent/{agent}/cancelwork",
    log "cancelWork", retcodes ["100-006", "100-007", "100-009"], output Ack
}
