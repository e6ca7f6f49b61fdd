//! Muting and unmuting the agent in the current call.
//!
//! Vendor pages: "Muting" (<https://support.huaweicloud.com/intl/ja-jp/api-cec/cec_07_1237.html>)
//! and "Unmuting" (<https://support.huaweicloud.com/intl/id-id/api-cec/cec_07_1238.html>). No
//! body; result `{}`; no event is documented, so their success sets the live state's `muted`. UAP P2P video calls cannot be muted. Error
//! codes as the sibling pages (UNCERTAIN).

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /voicecall/{agentid}/beginmute` (`beginMute`).
    BeginMuteRequest, Post "/voicecall/{agent}/beginmute",
    log "beginMute", retcodes ["100-006", "100-007"], output Ack,
    state crate::agentstate::Outcome::Muted(true)
}

unit_operation! {
    /// `POST /voicecall/{agentid}/endmute` (`endMute`).
    EndMuteRequest, Post "/voicecall/{agent}/endmute",
    log "endMute", retcodes ["100-006", "100-007"], output Ack,
    state crate::agentstate::Outcome::Muted(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::voicecall::testing::*;

    #[test]
    fn paths_and_failures() {
        assert_eq!(path(&BeginMuteRequest), "/voicecall/1001/beginmute");
        assert_eq!(path(&EndMuteRequest), "/voicecall/1001/endmute");
        assert_eq!(
            [BeginMuteRequest::METHOD, EndMuteRequest::METHOD],
            [Method::Post, Method::Post]
        );
        assert_eq!(
            BeginMuteRequest.outcome(),
            Some(crate::agentstate::Outcome::Muted(true))
        );
        assert_eq!(
            EndMuteRequest.outcome(),
            Some(crate::agentstate::Outcome::Muted(false))
        );
        documented_failures::<BeginMuteRequest>();
        documented_failures::<EndMuteRequest>();
    }
}
