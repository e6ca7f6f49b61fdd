//! Going ready (idle): ends busy or wrap-up.
//!
//! Vendor page (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1345.html>,
//! <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1210.html>). No body; result `{}`.
//! Events: `AgentState_CancelNotReady_Success` (from busy), `AgentState_CancelWork_Success`
//! (from wrap-up).

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /onlineagent/{agentid}/sayfree` (`sayFree`).
    SayFreeRequest, Post "/onlineagent/{agent}/sayfree",
    log "sayFree", retcodes ["100-006", "100-007", "100-009"], output Ack
}
