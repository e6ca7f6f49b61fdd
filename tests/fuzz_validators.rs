//! Property tests of every request validator and builder: arbitrary input never panics, and
//! every rejection is a typed error naming the field and the rule. Fixed budget (256 cases
//! per property); `PROPTEST_CASES=100000 cargo test --test fuzz_validators` runs longer.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod common;

use cec_agent::client::{AgentClientConfig, CmsClientConfig, GatewayClient};
use cec_agent::cms::DownloadRecordFileRequest;
use cec_agent::config::BaseUrl;
use cec_agent::envelope;
use cec_agent::error::{Error, ErrorKind, ValidationError};
use cec_agent::json::Decode;
use cec_agent::operation::Operation;
use cec_agent::qualitycontrol::InterceptRequest;
use cec_agent::recordplay::{NetPlayRequest, PlayTime};
use cec_agent::time::parse_compact;
use common::{config, json, object_with};
use proptest::prelude::*;
use serde_json::Value;

fn assert_typed(e: &ValidationError) {
    assert!(!e.field.is_empty(), "empty field in {e:?}");
    assert!(!e.rule.is_empty(), "empty rule in {e:?}");
    assert!(!e.expected.is_empty(), "empty expectation in {e:?}");
}

fn assert_validation(e: &Error) {
    match &e.kind {
        ErrorKind::Validation(v) => assert_typed(v),
        other => panic!("a config or request was rejected with {other:?}"),
    }
}

/// Decodes `value` as the JS entry points do (JSON text through `envelope::parse`); a
/// failure must name a path and say what was wrong.
fn decode<T: for<'de> Decode<'de>>(value: &Value) -> Option<T> {
    let text = serde_json::to_string(value).unwrap();
    match envelope::parse::<T>(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            assert!(!e.path.is_empty() && !e.message.is_empty(), "{e:?}");
            None
        }
    }
}

/// A request that validates must also produce a JSON body that parses.
fn check_operation<O: Operation>(op: &O) {
    match op.validate() {
        Ok(()) => {
            if let Some(body) = op.body() {
                serde_json::from_str::<Value>(&body).expect("body is JSON");
            }
        }
        Err(e) => assert_typed(&e),
    }
}

const NET_PLAY_KEYS: &[&str] = &[
    "fileName",
    "position",
    "playTime",
    "fileFormat",
    "ccId",
    "locationId",
];
const INTERCEPT_KEYS: &[&str] = &["workNo", "callId"];
const DOWNLOAD_KEYS: &[&str] = &["callID", "workNo", "beginTime", "callerNo", "calleeNo"];
const AGENT_CONFIG_KEYS: &[&str] = &[
    "baseUrl",
    "agentId",
    "guid",
    "timeoutMs",
    "allowInsecureHttp",
];
const CMS_CONFIG_KEYS: &[&str] = &[
    "baseUrl",
    "accessKey",
    "secretKey",
    "timeoutMs",
    "allowInsecureHttp",
];

proptest! {
    #![proptest_config(config())]

    #[test]
    fn net_play_from_json(v in object_with(NET_PLAY_KEYS)) {
        if let Some(req) = decode::<NetPlayRequest>(&v) {
            check_operation(&req);
        }
    }

    #[test]
    fn net_play_builder(
        name in ".{0,120}",
        position in any::<i64>(),
        once in any::<bool>(),
        format in -3i64..5,
        cc in any::<i64>(),
        location in prop_oneof![Just(-1i64), -2i64..70_000, any::<i64>()],
    ) {
        let built = NetPlayRequest::builder()
            .file_name(name.clone())
            .position(position)
            .play_time(if once { PlayTime::Once } else { PlayTime::Loop })
            .file_format(format)
            .cc_id(cc)
            .location_id(location)
            .build();
        match built {
            Ok(req) => {
                prop_assert!(!name.trim().is_empty() && name.encode_utf16().count() <= 100);
                check_operation(&req);
            }
            Err(e) => assert_typed(&e),
        }
    }

    #[test]
    fn intercept_from_json(v in object_with(INTERCEPT_KEYS)) {
        if let Some(req) = decode::<InterceptRequest>(&v) {
            check_operation(&req);
        }
    }

    #[test]
    fn intercept_work_no(work_no in prop_oneof![".{0,12}", "[0-9]{1,7}"]) {
        let req = InterceptRequest::new(work_no.clone());
        match req.validate() {
            Ok(()) => {
                let n: u64 = work_no.parse().unwrap();
                prop_assert!((101..=59_999).contains(&n) && !work_no.starts_with('0'));
            }
            Err(e) => {
                assert_typed(&e);
                prop_assert_eq!(e.field.as_str(), "workNo");
            }
        }
    }

    #[test]
    fn download_from_json(v in object_with(DOWNLOAD_KEYS)) {
        if let Some(req) = decode::<DownloadRecordFileRequest>(&v) {
            match req.validate() {
                Ok(()) => { serde_json::from_str::<Value>(&req.body()).unwrap(); }
                Err(e) => assert_typed(&e),
            }
        }
    }

    #[test]
    fn download_builder(
        call in ".{0,20}", work in ".{0,8}", begin in prop_oneof![".{0,16}", "[0-9]{14}"],
        caller in ".{0,10}", callee in ".{0,10}",
    ) {
        let req = DownloadRecordFileRequest::new(call)
            .work_no(work).begin_time(begin).caller_no(caller).callee_no(callee);
        if let Err(e) = req.build() {
            assert_typed(&e);
        }
    }

    #[test]
    fn agent_client_config(v in object_with(AGENT_CONFIG_KEYS)) {
        if let Some(cfg) = decode::<AgentClientConfig>(&v) {
            if let Err(e) = GatewayClient::new(cfg) {
                assert_validation(&e);
                prop_assert_eq!(e.operation, "AgentClient");
            }
        }
    }

    #[test]
    fn cms_client_config(v in object_with(CMS_CONFIG_KEYS)) {
        if let Some(cfg) = decode::<CmsClientConfig>(&v) {
            if let Err(e) = cec_agent::client::CmsClient::new(cfg) {
                assert_validation(&e);
                prop_assert_eq!(e.operation, "CmsClient");
            }
        }
    }

    #[test]
    fn any_json_as_any_request(v in json()) {
        // Arrays, scalars and deep objects where a request object is expected.
        let _ = decode::<NetPlayRequest>(&v).map(|r| check_operation(&r));
        let _ = decode::<InterceptRequest>(&v).map(|r| check_operation(&r));
        let _ = decode::<DownloadRecordFileRequest>(&v).map(|r| r.validate().map_err(|e| assert_typed(&e)));
        let _ = decode::<AgentClientConfig>(&v).map(|c| GatewayClient::new(c).map_err(|e| assert_validation(&e)));
    }

    #[test]
    fn base_url(url in prop_oneof![
        ".{0,30}",
        "(https?|ftp)://[a-zA-Z0-9.:@?#/\\[\\]_ -]{0,30}",
    ], insecure in any::<bool>()) {
        match BaseUrl::parse("baseUrl", &url, insecure) {
            Ok(u) => {
                prop_assert!(u.as_str().starts_with("https://") || (insecure && u.as_str().starts_with("http://")));
                prop_assert!(!u.as_str().ends_with('/'));
                prop_assert!(!u.authority().is_empty());
            }
            Err(e) => {
                assert_typed(&e);
                prop_assert_eq!(e.field.as_str(), "baseUrl");
            }
        }
    }

    #[test]
    fn compact_date_times(s in prop_oneof![".{0,16}", "[0-9]{14}"]) {
        if let Some(t) = parse_compact(&s) {
            prop_assert!((1..=12).contains(&t.month) && (1..=31).contains(&t.day));
            prop_assert!(t.hour < 24 && t.minute < 60 && t.second < 60);
        }
    }

    #[test]
    fn compact_date_times_that_exist_parse(
        y in 0u32..10_000, m in 1u32..=12, d in 1u32..=28, h in 0u32..24, mi in 0u32..60, s in 0u32..60,
    ) {
        let text = format!("{y:04}{m:02}{d:02}{h:02}{mi:02}{s:02}");
        prop_assert!(parse_compact(&text).is_some(), "{}", text);
    }

    /// The chunked percent-encoder the signer feeds to the HMAC agrees with a byte-by-byte
    /// reference on any text (long escape runs, mixed runs, non-ASCII).
    #[test]
    fn percent_encoding_matches_a_bytewise_reference(s in prop_oneof![".{0,80}", "[{}\":, a-z0-9]{0,120}"]) {
        let reference: String = s
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        prop_assert_eq!(cec_agent::cms::signing::percent_encode(&s), reference);
    }

    /// The byte-counting `java_length` agrees with counting UTF-16 units.
    #[test]
    fn java_length_counts_utf16_units(s in prop_oneof![".{0,40}", "[a-z\u{80}-\u{7ff}\u{800}-\u{ffff}\u{10000}-\u{10ffff}]{0,20}"]) {
        prop_assert_eq!(cec_agent::validation::java_length(&s), s.encode_utf16().count());
    }
}
