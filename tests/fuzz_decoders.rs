//! Property tests of every response decoder: arbitrary bytes and arbitrary JSON never panic,
//! every failure is a typed error, the JSON reader accepts exactly the texts serde_json
//! accepts and reads the same strings and integers from them, and a wrong value is reported
//! at its own path. Fixed budget (256 cases per property);
//! `PROPTEST_CASES=100000 cargo test --test fuzz_decoders` runs longer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use cec_agent::agentevent::PollEventsRequest;
use cec_agent::calldata::{CallInfoBeforeAnswerRequest, CallInfoList};
use cec_agent::cms::{classify, failure, file_name_from_disposition, SNIFF_LEN};
use cec_agent::envelope::{self, parse};
use cec_agent::error::{Error, ErrorKind};
use cec_agent::http::ResponseHead;
use cec_agent::json::{self as own, RawJson};
use cec_agent::operation::{parse_response, FromResult};
use cec_agent::recordplay::NetPlayRequest;
use common::{config, json, object_with};
use proptest::prelude::*;
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

/// The reader accepts `text` exactly when serde_json does.
fn same_acceptance(text: &str) {
    let ours = own::from_str::<RawJson>(text);
    let reference = serde_json::from_str::<serde::de::IgnoredAny>(text);
    assert_eq!(
        ours.is_ok(),
        reference.is_ok(),
        "for {text:?}: {ours:?} vs {reference:?}"
    );
    if let Err(e) = ours {
        assert_eq!(e.problem, own::Problem::Syntax, "{e:?}");
        assert_eq!(e.path, ".");
    }
}

/// The integer `Int` reads from `value`, computed the way the serde visitor it replaced did:
/// integers that fit an i64, and integral floats up to 2^53 - 1.
fn reference_int(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64().or_else(|| {
            n.as_f64()
                .filter(|f| {
                    n.as_u64().is_none() && f.fract() == 0.0 && f.abs() <= 9_007_199_254_740_991.0
                })
                .map(|f| f as i64)
        }),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
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
    fn the_reader_accepts_what_serde_json_accepts(
        v in json(),
        pretty in any::<bool>(),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
        byte in prop_oneof![Just(b'"'), Just(b'\\'), Just(b','), Just(b'}'), Just(b']'), Just(b'0'), Just(b'e'), Just(b'-'), Just(b' '), Just(1u8), any::<u8>()],
    ) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        same_acceptance(&text);
        same_acceptance(&format!("{text} {text}"));
        same_acceptance(&format!("[{text},{{\"k\\u00e9\":{text}}}]"));
        if let Some(cut) = text.get(..cut.index(text.len() + 1)) {
            same_acceptance(cut);
        }
        let mut bytes = text.clone().into_bytes();
        if !bytes.is_empty() {
            let at = flip.index(bytes.len());
            bytes[at] = byte;
            if let Ok(mutated) = std::str::from_utf8(&bytes) {
                same_acceptance(mutated);
            }
        }
    }

    #[test]
    fn strings_and_integers_read_as_serde_json_reads_them(
        s in "\\PC{0,20}|[\u{0}-\u{7f}]{0,20}",
        escaped in any::<bool>(),
        n in prop_oneof![
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            (-1e16f64..1e16).prop_map(|f| Value::from(f.trunc())),
            "[ -]?[0-9]{1,20}[ ]?".prop_map(Value::from),
            Just(json!("1e3")),
            Just(json!(true)),
            Just(json!(null)),
        ],
    ) {
        // Every character as a \u escape (surrogate pairs above the BMP) or as serde writes it.
        let text = if escaped {
            let units: String = s.encode_utf16().map(|u| format!("\\u{u:04x}")).collect();
            format!("\"{units}\"")
        } else {
            serde_json::to_string(&s).unwrap()
        };
        prop_assert_eq!(own::from_str::<String>(&text).ok(), Some(s.clone()));
        let n_text = serde_json::to_string(&n).unwrap();
        let ours = own::from_str::<cec_agent::de::Int>(&n_text).ok().map(|i| i.0);
        prop_assert_eq!(ours, reference_int(&n), "{}", n_text);
    }

    #[test]
    fn the_writer_writes_what_serde_json_writes(
        s in "\\PC{0,20}|[\u{0}-\u{7f}]{0,20}",
        i in any::<i64>(),
        ms in -1e12f64..1e12,
        items in prop::collection::vec(prop::option::of("[a-z\"\\\\]{0,3}"), 0..4),
    ) {
        prop_assert_eq!(own::to_string(&s), serde_json::to_string(&s).unwrap());
        prop_assert_eq!(own::from_str::<String>(&own::to_string(&s)).ok(), Some(s.clone()));
        prop_assert_eq!(own::to_string(&i), i.to_string());
        prop_assert_eq!(own::to_string(&items), serde_json::to_string(&items).unwrap());
        // Milliseconds: integers exactly, others to three decimals.
        let written: f64 = own::to_string(&ms).parse().unwrap();
        prop_assert!((written - ms).abs() <= 0.0005 + ms.abs() * 1e-15, "{} vs {}", written, ms);
        prop_assert_eq!(own::to_string(&ms.trunc()), format!("{}", ms.trunc() as i64));
    }

    #[test]
    fn a_wrong_value_is_reported_at_its_own_path(
        items in prop::collection::vec(object_with(CALL_INFO_KEYS), 1..4),
        pick in any::<prop::sample::Index>(),
        key in prop::sample::select(CALL_INFO_KEYS.iter().copied().filter(|k| *k != "trace").collect::<Vec<_>>()),
        bad in prop_oneof![Just(json!([1])), Just(json!({"a": 1})), Just(json!(true))],
        pretty in any::<bool>(),
    ) {
        let mut items = items;
        // Every other field valid: present ones null, the required `callid` a string.
        for item in &mut items {
            for k in CALL_INFO_KEYS {
                if item.get(*k).is_some() && *k != "trace" {
                    item[*k] = json!(null);
                }
            }
            item["callid"] = json!("1");
        }
        let i = pick.index(items.len());
        items[i][key] = bad;
        let result = Value::Array(items);
        let raw = if pretty { serde_json::to_string_pretty(&result) } else { serde_json::to_string(&result) }.unwrap();
        let e = CallInfoList::from_result(String::new(), Some(&raw)).unwrap_err();
        prop_assert_eq!(&e.path, &format!("result[{i}].{key}"));
        prop_assert_eq!(e.problem, own::Problem::Invalid);
        let nested = format!("[[], {raw}]");
        let e = parse::<Vec<Vec<cec_agent::calldata::CallInfo>>>(&nested).unwrap_err();
        prop_assert_eq!(&e.path, &format!("[1][{i}].{key}"));
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
