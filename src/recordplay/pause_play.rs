//! Pauses the current playback. The official page was not retrieved; method and path come
//! from two independent clients (`../shared/reference/huawei-cec-api-facts.md` §3.1), and the
//! log name follows the neighbouring operations. Outcome event: `AgentMediaEvent_PausePlayDone`.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /recordplay/{agentid}/pauseplay` (`pausePlay`).
    PausePlayRequest, Post "/recordplay/{agent}/pauseplay",
    log "pausePlay", retcodes ["100-006", "100-007", "500-003"], output Ack
}
