//! Ending the busy state.
//!
//! Vendor page (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1212.html>,
//! <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_13472.html>). No body. Event:
//! `AgentState_CancelNotReady_Success`.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /onlineagent/{agentid}/cancelbusy` (`cancelBusy`).
    CancelBusyRequest, Post "/onlineagent/{agent}/cancelbusy",
    log "cancelBusy", retcodes ["100-006", "100-007", "100-009"], output Ack
}
