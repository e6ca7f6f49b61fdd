//! Property tests of every response decoder: arbitrary bytes and arbitrary JSON never panic,
//! every failure is a typed error, and the reported paths are the ones a path-tracking
//! deserializer (serde_path_to_error) would give. Fixed budget (256 cases per property);
//! `PROPTEST_CASES=100000 cargo test --test fuzz_decoders` runs longer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use cec_agent::agentevent::PollEventsRequest;
use cec_agent::calldata::{CallInfoBeforeAnswerRequest, CallInfoList};
use cec_agent::client::AgentClientConfig;
use cec_agent::cms::{
    classify, failure, file_name_from_disposition, DownloadRecordFileRequest, SNIFF_LEN,
};
use cec_agent::envelope::{self, parse};
use cec_agent::error::{Error, ErrorKind};
use cec_agent::http::ResponseHead;
use cec_agent::operation::{parse_response, FromResult};
use cec_agent::qualitycontrol::InterceptRequest;
use cec_agent::recordplay::NetPlayRequest;
use common::{config, json, object_with};
use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

fn head() -> impl Strategy<Value = ResponseHead> {
    (
        prop_oneof![4 => Just(200u16), 1 => 100u16..600],
        prop::option::of(prop_oneof![
            Just("application/json;charset=UTF-8".to_owned()),
            Just("text/html".to_owned()),
            Just("text/plain".to_owned()),
            Just("application/zip".to_owned()),
            Just("audio/wav".to_owned()),
            ".{0,20}",
        ]),
        prop::option::of(".{0,40}"),
        prop::option::of(".{0,40}"),
    )
        .prop_map(
            |(status, content_type, set_guid, content_disposition)| ResponseHead {
                status,
                content_type,
                set_guid,
                content_disposition,
            },
        )
}

/// A failure must be typed, name its operation, and say where for decode errors.
fn assert_typed(e: &Error, operation: &str) {
    assert_eq!(e.operation, operation);
    match &e.kind {
        ErrorKind::Decode { path, message } => {
            assert!(!path.is_empty() && !message.is_empty(), "{e:?}")
        }
        ErrorKind::Service { retcode, .. } => {
            assert_ne!(retcode.trim(), "0", "{e:?}")
        }
        ErrorKind::Http { status, .. } => assert!(!(200..300).contains(status), "{e:?}"),
        other => panic!("a response decoder produced {other:?}"),
    }
    assert!(!e.to_string().is_empty());
}

fn decode_all(head: &ResponseHead, body: &[u8]) {
    // The decoders the client runs: an Ack, the call-info list and the event poll.
    for (op, r) in [
        (
            "beginNetPlay",
            parse_response::<NetPlayRequest>(head, body).map(drop),
        ),
        (
            "queryCallInfoBeforeAnswer",
            parse_response::<CallInfoBeforeAnswerRequest>(head, body).map(drop),
        ),
        (
            "getAgentEvent",
            parse_response::<PollEventsRequest>(head, body).map(drop),
        ),
    ] {
        if let Err(e) = r {
            assert_typed(&e, op);
        }
    }
    let prefix = &body[..body.len().min(SNIFF_LEN)];
    if classify(head, prefix, body.len()).is_none() {
        assert_typed(&failure(head, body), "downloadRecordFile");
    }
}

/// `envelope::parse` reports the same path as serde_path_to_error for the same input.
fn same_path<T: DeserializeOwned>(text: &str) {
    let ours = parse::<T>(text).err().map(|e| e.path);
    let mut de = serde_json::Deserializer::from_str(text);
    let reference = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) if e.inner().is_data() => Some(e.path().to_string()),
        Err(_) => Some(".".to_owned()),
        Ok(_) => de.end().err().map(|_| ".".to_owned()),
    };
    // The one documented difference (see `envelope::path_at`): a struct written as a JSON
    // array whose first element is itself an array or object is reported at the array.
    let allowed = match (&ours, &reference) {
        (Some(o), Some(r)) => {
            r.strip_suffix("[0]")
                .map(|p| if p.is_empty() { "." } else { p })
                == Some(o.as_str())
        }
        _ => false,
    };
    assert!(
        ours == reference || allowed,
        "for {text}: {ours:?} vs {reference:?}"
    );
}

fn envelope_with(result: Value) -> impl Strategy<Value = Value> {
    (
        prop_oneof![Just(json!("0")), Just(json!(0)), json()],
        prop::option::of(json()),
        any::<bool>(),
    )
        .prop_map(move |(retcode, message, msg)| {
            let mut env = json!({"retcode": retcode, "result": result.clone()});
            if let Some(m) = message {
                env[if msg { "msg" } else { "message" }] = m;
            }
            env
        })
}

const CALL_INFO_KEYS: &[&str] = &cec_agent::calldata::CALL_INFO_FIELDS;

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes(head in head(), body in prop::collection::vec(any::<u8>(), 0..300)) {
        decode_all(&head, &body);
    }

    #[test]
    fn arbitrary_json_bodies(head in head(), v in json()) {
        decode_all(&head, serde_json::to_string(&v).unwrap().as_bytes());
    }

    #[test]
    fn arbitrary_envelopes(v in json().prop_flat_map(envelope_with)) {
        let ok = ResponseHead { status: 200, content_type: Some("application/json".into()), ..Default::default() };
        decode_all(&ok, serde_json::to_string(&v).unwrap().as_bytes());
        decode_all(&ok, serde_json::to_string_pretty(&v).unwrap().as_bytes());
    }

    #[test]
    fn call_info_results(
        items in prop::collection::vec(object_with(CALL_INFO_KEYS), 0..3),
        single in any::<bool>(),
    ) {
        let result = if single && !items.is_empty() { items[0].clone() } else { Value::Array(items) };
        let raw = serde_json::to_string(&result).unwrap();
        if let Err(e) = CallInfoList::from_result(String::new(), Some(&raw)) {
            prop_assert!(e.path.starts_with("result"), "{:?}", e);
        }
    }

    #[test]
    fn truncated_envelopes(v in json().prop_flat_map(envelope_with), cut in any::<prop::sample::Index>()) {
        let text = serde_json::to_string(&v).unwrap();
        let at = cut.index(text.len() + 1);
        let ok = ResponseHead { status: 200, ..Default::default() };
        if let Some(body) = text.get(..at) {
            decode_all(&ok, body.as_bytes());
        }
    }

    #[test]
    fn paths_match_a_path_tracking_deserializer(
        v in prop_oneof![json(), object_with(CALL_INFO_KEYS), object_with(&["fileName", "ccId", "position", "locationId"])],
        pretty in any::<bool>(),
    ) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        same_path::<NetPlayRequest>(&text);
        same_path::<InterceptRequest>(&text);
        same_path::<DownloadRecordFileRequest>(&text);
        same_path::<AgentClientConfig>(&text);
        same_path::<Vec<cec_agent::calldata::CallInfo>>(&text);
        same_path::<cec_agent::calldata::CallInfo>(&text);
        let wrapped = format!("[{text}, {{\"x\": [{text}]}}]");
        same_path::<Vec<Value>>(&wrapped);
        same_path::<(NetPlayRequest, Value)>(&wrapped);
        same_path::<(Value, std::collections::BTreeMap<String, Vec<cec_agent::calldata::CallInfo>>)>(&wrapped);
    }

    #[test]
    fn dispositions(v in prop_oneof![
        ".{0,60}",
        "(attachment|inline); *filename\\*?=(UTF-8'')?\"?[a-zA-Z0-9%./\\\\ ]{0,20}\"?",
    ]) {
        if let Some(name) = file_name_from_disposition(&v) {
            prop_assert!(!name.is_empty() && name != "." && name != "..");
            prop_assert!(!name.contains('/') && !name.contains('\\'));
        }
    }

    #[test]
    fn envelope_open_never_panics(body in prop::collection::vec(any::<u8>(), 0..200), head in head()) {
        if let Err(e) = envelope::open("intercept", &head, &body) {
            assert_typed(&e, "intercept");
        }
    }
}
