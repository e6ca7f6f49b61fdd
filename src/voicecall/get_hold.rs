//! Taking a held call back (unhold).
//!
//! Vendor page: "Unholding a Call" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1241.html>).
//! No body; result `{}`. `callid` optional: without it the gateway takes the held call back.
//! Event: `AgentEvent_Talking` (UNCERTAIN: not listed on the page). Error codes as the
//! sibling pages (UNCERTAIN).

use super::fields::selected_call_operation;

selected_call_operation! {
    /// `POST /voicecall/{agentid}/gethold[?callid=]` (`getHold`).
    GetHoldRequest, Post "/voicecall/{agent}/gethold",
    log "getHold", retcodes ["100-006", "100-007"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::voicecall::testing::*;

    #[test]
    fn path_query_and_failures() {
        assert_eq!(path(&GetHoldRequest::default()), "/voicecall/1001/gethold");
        assert_eq!(
            path(&GetHoldRequest::new(Some("1-2"))),
            "/voicecall/1001/gethold?callid=1-2"
        );
        assert_eq!(GetHoldRequest::METHOD, Method::Post);
        assert_eq!(
            broken(&GetHoldRequest::new(Some("1/2"))),
            Some(("callId".to_owned(), "format"))
        );
        documented_failures::<GetHoldRequest>();
    }
}
