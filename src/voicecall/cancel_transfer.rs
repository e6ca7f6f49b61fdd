//! Cancelling a talk or three-party transfer to an external number.
//!
//! Vendor page: "Canceling a Transfer" (<https://support.huaweicloud.com/intl/ja-jp/api-cec/cec_07_1243.html>,
//! <https://support.huaweicloud.com/intl/tr-tr/api-cec/cec_07_1243.html>). No body; result
//! `{}`. Error codes as the sibling pages (UNCERTAIN).

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /voicecall/{agentid}/canceltransfer` (`cancelTransfer`).
    CancelTransferRequest, Post "/voicecall/{agent}/canceltransfer",
    log "cancelTransfer", retcodes ["100-006", "100-007"], output Ack
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::voicecall::testing::*;

    #[test]
    fn path_and_failures() {
        assert_eq!(
            path(&CancelTransferRequest),
            "/voicecall/1001/canceltransfer"
        );
        assert_eq!(CancelTransferRequest::METHOD, Method::Post);
        documented_failures::<CancelTransferRequest>();
    }
}
