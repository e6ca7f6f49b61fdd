//! Answering the ringing call.
//!
//! Vendor page: "Answering a Call" (<https://support.huaweicloud.com/api-ccfs-cec/cec_07_1234.html>,
//! <https://support.huaweicloud.com/intl/pt-br/api-cec/cec_07_1234.html>). No body; result
//! `{}`. `callid` is optional, and required for a multimedia call. Outcome event:
//! `AgentEvent_Talking`.

use super::fields::selected_call_operation;

selected_call_operation! {
    /// `PUT /voicecall/{agentid}/answer[?callid=]` (`answer`).
    AnswerRequest, Put "/voicecall/{agent}/answer",
    log "answer", retcodes ["100-006", "100-007", "200-002"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::voicecall::testing::*;

    #[test]
    fn path_query_and_failures() {
        assert_eq!(path(&AnswerRequest::default()), "/voicecall/1001/answer");
        assert_eq!(
            path(&AnswerRequest::new(Some("1476070409-38"))),
            "/voicecall/1001/answer?callid=1476070409-38"
        );
        assert_eq!(
            (AnswerRequest::METHOD, AnswerRequest::default().body()),
            (Method::Put, None)
        );
        assert_eq!(broken(&AnswerRequest::new(Some("1-2"))), None);
        for bad in ["", "1&x=2", "a b", &"1".repeat(65)] {
            assert_eq!(
                broken(&AnswerRequest::new(Some(bad))),
                Some(("callId".to_owned(), "format")),
                "{bad:?}"
            );
        }
        let decoded: crate::voicecall::CallSelector =
            crate::json::from_str(r#"{"callId":"1-2"}"#).unwrap();
        assert_eq!(AnswerRequest(decoded), AnswerRequest::new(Some("1-2")));
        assert!(
            crate::json::from_str::<crate::voicecall::CallSelector>(r#"{"callid":"1"}"#).is_err()
        );
        documented_failures::<AnswerRequest>();
    }
}
