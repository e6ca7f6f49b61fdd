//! Resumes a paused playback. Vendor page: "Resuming Playing"
//! (<https://support.huaweicloud.com/intl/tr-tr/api-cec/cec_07_4204.html>). Outcome event:
//! `AgentMediaEvent_ResumePlayDone`.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /recordplay/{agentid}/resumeplay` (`resumePlay`).
    ResumePlayRequest, Post "/recordplay/{agent}/resumeplay",
    log "resumePlay", retcodes ["100-006", "100-007", "500-005"], output Ack
}
