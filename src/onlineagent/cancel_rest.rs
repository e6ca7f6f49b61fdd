//! Ending a rest (also after the `AgentState_Rest_Timeout` reminder: the agent stays at rest
//! until this call).
//!
//! Vendor page (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_13492.html>). No body. The
//! page's event and error lists were not captured: the event is taken to be
//! `AgentState_CancelRest_Success` (its event page exists), and the codes below are those
//! the neighbouring state operations list (UNCERTAIN).

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /onlineagent/{agentid}/cancelrest` (`cancelRest`).
    CancelRestRequest, Post "/onlineagent/{agent}/cancelrest",
    log "cancelRest", retcodes ["100-006", "100-007", "100-009"], output Ack
}
