//! Stops the current playback. Vendor page: "Stopping Playing"
//! (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_4207.html>). Outcome event:
//! `AgentMediaEvent_StopPlayDone`.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `DELETE /recordplay/{agentid}/stopplay` (`stopPlay`).
    StopPlayRequest, Delete "/recordplay/{agent}/stopplay",
    log "stopPlay", retcodes ["100-006", "100-007", "500-009"], output Ack
}
