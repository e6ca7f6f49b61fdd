//! CC-CMS `downloadRecordFile` through the JS surface, against the simulator (which verifies
//! the C2 signature with its own implementation of the algorithm and its own AK/SK).

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod sim;

use serde_json::json;
use sim::{cms, expect_error, js, prop, requests, settle, text};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

const SK: &str = "SK_EXAMPLE_SECRET";
const OP: &str = "downloadRecordFile";

fn bytes(v: &wasm_bindgen::JsValue) -> Vec<u8> {
    prop(v, "bytes")
        .dyn_into::<js_sys::Uint8Array>()
        .expect("bytes is a Uint8Array")
        .to_vec()
}

#[wasm_bindgen_test]
async fn single_recording_comes_back_as_bytes() {
    let out = settle(cms(SK).download_record_file(js(json!({"callID": "1700000000-1"})), None))
        .await
        .expect("download");
    let b = bytes(&out);
    assert!(
        b.starts_with(b"RIFF") && &b[8..12] == b"WAVE",
        "not a WAV file"
    );
    assert_eq!(text(&out, "kind"), "recording");
    assert_eq!(text(&out, "fileName"), "1700000000-1.wav");
    assert_eq!(prop(&out, "size").as_f64(), Some(b.len() as f64));
    assert!(text(&out, "contentType").starts_with("audio/"));
}

#[wasm_bindgen_test]
async fn several_recordings_come_back_as_a_zip() {
    let out = settle(cms(SK).download_record_file(
        js(json!({"callID": "1700000000-2", "workNo": "1001", "beginTime": "20240229235959"})),
        None,
    ))
    .await
    .expect("download");
    assert!(bytes(&out).starts_with(b"PK\x03\x04"));
    assert_eq!(
        (text(&out, "kind"), text(&out, "fileName")),
        ("zip".to_owned(), "1700000000-2.zip".to_owned())
    );
    let log = requests("downloadRecordFile").await;
    let last = log.last().expect("logged");
    assert_eq!(last["authorizationPresent"], true);
    let body: serde_json::Value = serde_json::from_str(last["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"callID": "1700000000-2", "workNo": "1001", "beginTime": "20240229235959", "callerNo": "", "calleeNo": ""})
    );
}

/// The host is signed as the runtime sends it in `Host` (lower case, port without leading
/// zeros), not as written in `baseUrl`; otherwise the simulator answers 401.
#[wasm_bindgen_test]
async fn base_url_in_upper_case_with_a_leading_zero_port_downloads() {
    let (host, port) = sim::URL
        .rsplit_once(':')
        .expect("the simulator URL has a port");
    let base_url = format!("{}:0{port}", host.replace("127.0.0.1", "LOCALHOST"));
    let cfg = json!({"baseUrl": base_url, "accessKey": "AK_EXAMPLE_0001", "secretKey": SK, "allowInsecureHttp": true});
    let client = cec_agent::CmsClient::new(js(cfg)).expect("valid config");
    let out = settle(client.download_record_file(js(json!({"callID": "1700000000-1"})), None))
        .await
        .map_err(|e| sim::to_json(&e))
        .unwrap_or_else(|e| panic!("{base_url}: {e}"));
    assert_eq!(text(&out, "fileName"), "1700000000-1.wav");
    assert!(bytes(&out).starts_with(b"RIFF"));
}

#[wasm_bindgen_test]
async fn json_failure_is_a_service_error_not_bytes() {
    let err = expect_error(
        settle(cms(SK).download_record_file(js(json!({"callID": "404-404"})), None)).await,
        "service",
        OP,
    );
    assert_eq!(
        (text(&err, "retcode"), text(&err, "serverMessage")),
        ("1".to_owned(), "Record List is empty".to_owned())
    );
}

#[wasm_bindgen_test]
async fn wrong_secret_key_is_refused_with_401_and_never_shown() {
    let wrong = "SK_WRONG_SECRET_123";
    let err = expect_error(
        settle(cms(wrong).download_record_file(js(json!({"callID": "1700000000-1"})), None)).await,
        "http",
        OP,
    );
    assert_eq!(prop(&err, "status").as_f64(), Some(401.0));
    let all = format!("{} {}", text(&err, "message"), text(&err, "body"));
    assert!(
        !all.contains(wrong) && !all.contains("AK_EXAMPLE_0001"),
        "a key leaked: {all}"
    );
}

#[wasm_bindgen_test]
async fn bad_input_never_reaches_cms() {
    let before = requests("downloadRecordFile").await.len();
    for (req, field, rule) in [
        (json!({"callID": ""}), "callID", "required"),
        (
            json!({"callID": "1-1", "beginTime": "20230229000000"}),
            "beginTime",
            "format",
        ),
        (json!({"callID": "1-1", "workNo": "12"}), "workNo", "range"),
        (json!({"callId": "1-1"}), "callId", "unknownField"),
    ] {
        let err = expect_error(
            settle(cms(SK).download_record_file(js(req.clone()), None)).await,
            "validation",
            OP,
        );
        assert_eq!(
            (text(&err, "field"), text(&err, "rule")),
            (field.to_owned(), rule.to_owned()),
            "{req}: {}",
            text(&err, "message")
        );
    }
    assert_eq!(requests("downloadRecordFile").await.len(), before);
    let cfg = json!({"baseUrl": sim::URL, "accessKey": "AK", "secretKey": "bad key", "allowInsecureHttp": true});
    let err = expect_error(
        cec_agent::CmsClient::new(js(cfg)).map(|_| wasm_bindgen::JsValue::NULL),
        "validation",
        "CmsClient",
    );
    assert_eq!(
        (text(&err, "field"), text(&err, "value")),
        ("secretKey".to_owned(), "<redacted>".to_owned())
    );
}
