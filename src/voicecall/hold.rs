//! Holding the current call.
//!
//! Vendor page: "Holding a Call" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1239.html>).
//! No body; result `{}`. Outcome event: `AgentEvent_Hold`, whose content is the call ID
//! (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1357.html>). The page's error list
//! was not captured: the codes are those of its sibling pages (UNCERTAIN).

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /voicecall/{agentid}/hold` (`hold`).
    HoldRequest, Post "/voicecall/{agent}/hold",
    log "hold", retcodes ["100-006", "100-007"], output Ack
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::voicecall::testing::*;

    #[test]
    fn path_and_failures() {
        assert_eq!(path(&HoldRequest), "/voicecall/1001/hold");
        assert_eq!(
            (HoldRequest::METHOD, HoldRequest.body()),
            (Method::Post, None)
        );
        documented_failures::<HoldRequest>();
    }
}
