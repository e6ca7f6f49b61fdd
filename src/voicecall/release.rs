//! Hanging up the current call.
//!
//! Vendor page: "Releasing a Call" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1247.html>;
//! developer guide <https://support.huaweicloud.com/intl/en-us/devg-ccgw-cec/cec_05_4035.html>).
//! No body; result `{}`. The legacy `DELETE /voicecall/{agentid}` (releaseEx) is "not
//! recommended" and not offered. Events: `AgentEvent_Call_Release`,
//! `AgentEvent_Customer_Release`, `AgentOther_PhoneRelease`, `AgentState_Ready`.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `DELETE /voicecall/{agentid}/release` (`release`).
    ReleaseRequest, Delete "/voicecall/{agent}/release",
    log "release", retcodes ["100-006", "100-007", "200-017"], output Ack
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::voicecall::testing::*;

    #[test]
    fn path_and_failures() {
        assert_eq!(path(&ReleaseRequest), "/voicecall/1001/release");
        assert_eq!(ReleaseRequest::METHOD, Method::Delete);
        assert_eq!(
            answer::<ReleaseRequest>(r#"{"message":"success","retcode":"0","result":{}}"#)
                .map(|a| a.message),
            Ok("success".to_owned())
        );
        documented_failures::<ReleaseRequest>();
    }
}
