//! Call information before the agent answers.
//!
//! Vendor page: "Querying Call Information Before Answering a Call"
//! (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1265.html>, seed
//! `calldata-callinfobeforeanswer.txt`). The table types `result` as a list; the page's own
//! example returns one object. Both decode to a list.

use crate::de::{Int, Json, Text};
use crate::envelope::{decode_result, DecodeError};
use crate::operation::{unit_operation, FromResult};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

unit_operation! {
    /// `GET /calldata/{agentid}/callinfobeforeanswer` (`queryCallInfoBeforeAnswer`). No parameters.
    CallInfoBeforeAnswerRequest, Get "/calldata/{agent}/callinfobeforeanswer",
    log "queryCallInfoBeforeAnswer", retcodes ["100-006"], output CallInfoList
}

/// One call waiting to be answered (table 4 of the vendor page). Fields the server leaves
/// out or sends as `null` are `null`; numbers sent as strings (and phone numbers sent as
/// numbers) are normalised to the types below.
#[derive(Debug, Clone, PartialEq, Encode, Decode, Tsify)]
pub struct CallInfo {
    /// Call type (the CEC call-type table: 0 normal inbound, 7 normal outbound, ...).
    #[tsify(type = "number | null")]
    pub callfeature: Option<Int>,
    /// Call ID, e.g. `1476070409-38`.
    #[tsify(type = "string")]
    pub callid: Text,
    /// Calling number. Typed int by the table but a phone number: always a string here.
    #[tsify(type = "string | null")]
    pub caller: Option<Text>,
    /// Called number, as a string (see `caller`).
    #[tsify(type = "string | null")]
    pub called: Option<Text>,
    /// Call skill description.
    #[tsify(type = "string | null")]
    pub callskill: Option<Text>,
    /// Call skill ID.
    #[tsify(type = "number | null")]
    pub callskillid: Option<Int>,
    /// Original called number (documented as not used).
    #[tsify(type = "string | null")]
    pub orgicallednum: Option<Text>,
    /// Call-associated data.
    #[tsify(type = "string | null")]
    pub calldata: Option<Text>,
    /// Response start time, Unix milliseconds.
    #[tsify(type = "number | null")]
    pub begintime: Option<Int>,
    /// End time (documented as not used).
    #[tsify(type = "number | null")]
    pub endtime: Option<Int>,
    /// Customer priority.
    #[serde(rename = "userPriority")]
    #[tsify(type = "number | null")]
    pub user_priority: Option<Int>,
    /// Trunk number.
    #[serde(rename = "trunkNo")]
    #[tsify(type = "number | null")]
    pub trunk_no: Option<Int>,
    /// Seconds since the call entered.
    #[tsify(type = "number | null")]
    pub logontimes: Option<Int>,
    /// Media type (open set; 5 = voice, 1 = text chat were observed).
    #[serde(rename = "mediaType")]
    #[tsify(type = "number | null")]
    pub media_type: Option<Int>,
    /// Media capability: 1 voice, 2 video, 3 audio+video, 5 text, 6 H5 video.
    #[serde(rename = "mediaAbility")]
    #[tsify(type = "number | null")]
    pub media_ability: Option<Int>,
    /// Waiting time in seconds.
    #[serde(rename = "waitTime")]
    #[tsify(type = "number | null")]
    pub wait_time: Option<Int>,
    /// Reserved call-trace extension, normally `null`.
    #[tsify(type = "unknown")]
    pub trace: Option<Json>,
}

/// The 17 fields of a call (table 4 of the vendor page), as named on the wire and in JS.
pub const CALL_INFO_FIELDS: [&str; 17] = [
    "callfeature",
    "callid",
    "caller",
    "called",
    "callskill",
    "callskillid",
    "orgicallednum",
    "calldata",
    "begintime",
    "endtime",
    "userPriority",
    "trunkNo",
    "logontimes",
    "mediaType",
    "mediaAbility",
    "waitTime",
    "trace",
];

/// The calls returned by `queryCallInfoBeforeAnswer` (empty when there is none).
#[derive(Debug, Clone, PartialEq, Encode)]
#[serde(transparent)]
pub struct CallInfoList(pub Vec<CallInfo>);

impl FromResult for CallInfoList {
    fn from_result(_message: String, result: Option<&str>) -> Result<Self, DecodeError> {
        match result.map(str::trim_start) {
            None | Some("null") => Ok(CallInfoList(Vec::new())),
            Some(raw) if raw.starts_with('{') => Ok(CallInfoList(vec![decode_result(raw)?])),
            Some(raw) => decode_result(raw).map(CallInfoList),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::http::{Method, ResponseHead};
    use crate::operation::{parse_response, Operation};
    use crate::validation::AgentId;

    const SEED_RESPONSE: &str = r#"{ "message": "", "retcode": "0", "result": { "callfeature": 0, "callid": "1476070409-38", "caller": "70001", "called": "10086", "callskill": "voice_jst", "callskillid": 3, "orgicallednum": "12345678", "calldata": "", "begintime": 1476070413000, "endtime": null, "userPriority": 0, "trunkNo": 65535, "logontimes": 0, "mediaType": 5, "mediaAbility": 1, "waitTime": 0, "trace": null } }"#;

    fn parse(body: &str) -> Result<CallInfoList, crate::Error> {
        let head = ResponseHead {
            status: 200,
            content_type: Some("application/json".into()),
            ..Default::default()
        };
        parse_response::<CallInfoBeforeAnswerRequest>(&head, body.as_bytes())
    }

    fn seed_call() -> CallInfo {
        CallInfo {
            callfeature: Some(Int(0)),
            callid: "1476070409-38".into(),
            caller: Some("70001".into()),
            called: Some("10086".into()),
            callskill: Some("voice_jst".into()),
            callskillid: Some(Int(3)),
            orgicallednum: Some("12345678".into()),
            calldata: Some("".into()),
            begintime: Some(Int(1_476_070_413_000)),
            endtime: None,
            user_priority: Some(Int(0)),
            trunk_no: Some(Int(65_535)),
            logontimes: Some(Int(0)),
            media_type: Some(Int(5)),
            media_ability: Some(Int(1)),
            wait_time: Some(Int(0)),
            trace: None,
        }
    }

    #[test]
    fn seed_example_decodes_all_17_fields() {
        assert_eq!(parse(SEED_RESPONSE).unwrap().0, vec![seed_call()]);
        // The JS object has exactly the documented fields, named as on the wire.
        let js = crate::json::to_value(&seed_call());
        let mut keys: Vec<&str> = js.as_object().unwrap().keys().map(String::as_str).collect();
        let mut documented = CALL_INFO_FIELDS.to_vec();
        keys.sort_unstable();
        documented.sort_unstable();
        assert_eq!(keys, documented);
    }

    #[test]
    fn list_form_and_int_phone_numbers() {
        let body = r#"{"message":"","retcode":"0","result":[{"callid":"1-1","caller":70001,"called":10086,"callfeature":"7"},{"callid":"1-2"}]}"#;
        let calls = parse(body).unwrap().0;
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].caller, Some("70001".into()));
        assert_eq!(calls[0].called, Some("10086".into()));
        assert_eq!(calls[0].callfeature, Some(Int(7)));
        assert_eq!(calls[1].caller, None);
    }

    #[test]
    fn empty_result_is_an_empty_list() {
        assert_eq!(
            parse(r#"{"message":"","retcode":"0","result":[]}"#)
                .unwrap()
                .0,
            vec![]
        );
        assert_eq!(parse(r#"{"message":"","retcode":"0"}"#).unwrap().0, vec![]);
    }

    #[test]
    fn wrong_shapes_name_the_path() {
        let e = parse(r#"{"retcode":"0","result":[{"callid":"1-1","callskillid":"x"}]}"#)
            .err()
            .map(|e| e.kind);
        assert!(
            matches!(&e, Some(ErrorKind::Decode { path, .. }) if path == "result[0].callskillid"),
            "{e:?}"
        );
        let e = parse(r#"{"retcode":"0","result":[{"caller":"1"}]}"#)
            .err()
            .map(|e| e.kind);
        assert!(
            matches!(&e, Some(ErrorKind::Decode { path, .. }) if path.starts_with("result[0]")),
            "{e:?}"
        );
        let e = parse(r#"{"retcode":"0","result":"text"}"#)
            .err()
            .map(|e| e.kind);
        assert!(matches!(&e, Some(ErrorKind::Decode { .. })), "{e:?}");
    }

    #[test]
    fn path_and_method() {
        let id = AgentId::parse("agentId", "59999").unwrap();
        assert_eq!(
            CallInfoBeforeAnswerRequest.path(&id),
            "/calldata/59999/callinfobeforeanswer"
        );
        assert_eq!(CallInfoBeforeAnswerRequest::METHOD, Method::Get);
        assert_eq!(CallInfoBeforeAnswerRequest.body(), None);
    }
}
