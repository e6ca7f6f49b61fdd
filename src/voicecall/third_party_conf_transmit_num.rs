//! Passing numbers in a three-party call with a third-party IVR.
//!
//! Vendor page: "Passing Numbers in a Conference" (seed
//! `voicecall-third-party-conf-transmit-num.txt`). No body; the only documented error code is
//! 10001.

use crate::operation::{unit_operation, Ack};

unit_operation! {
    /// `POST /voicecall/{agentid}/thirdPartyConfTransmitNum` (`thirdPartyConfTransmitNum`).
    ThirdPartyConfTransmitNumRequest, Post "/voicecall/{agent}/thirdPartyConfTransmitNum",
    log "thirdPartyConfTransmitNum", retcodes ["10001"], output Ack
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::http::Method;
    use crate::http::ResponseHead;
    use crate::operation::parse_response;
    use crate::operation::Operation;
    use crate::validation::AgentId;

    #[test]
    fn request_shape_and_documented_failure() {
        let id = AgentId::parse("agentId", "101").unwrap();
        let op = ThirdPartyConfTransmitNumRequest;
        assert_eq!(op.path(&id), "/voicecall/101/thirdPartyConfTransmitNum");
        assert_eq!(
            (ThirdPartyConfTransmitNumRequest::METHOD, op.body()),
            (Method::Post, None)
        );
        let head = ResponseHead {
            status: 200,
            ..Default::default()
        };
        let ok = parse_response::<ThirdPartyConfTransmitNumRequest>(
            &head,
            br#"{"message":"","retcode":"0","result":{}}"#,
        );
        assert_eq!(ok.map(|a| a.message), Ok(String::new()));
        let e = parse_response::<ThirdPartyConfTransmitNumRequest>(
            &head,
            br#"{"message":"no conf","retcode":"10001"}"#,
        )
        .unwrap_err();
        assert_eq!(e.operation, "thirdPartyConfTransmitNum");
        assert!(
            matches!(e.kind, ErrorKind::Service { ref retcode, meaning: Some(_), .. } if retcode == "10001")
        );
    }
}
