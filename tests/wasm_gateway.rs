//! The CC-Gateway operations through the JS surface, against the simulator, in Node and in
//! headless Chromium (`.ci/test`).

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod sim;

use serde_json::json;
use sim::{
    client, control, expect_error, fault, js, prop, requests, settle, sign_in, text, to_json,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

async fn fresh() {
    control("POST", "/__sim/reset", None).await;
    control("DELETE", "/__sim/faults", None).await;
}

#[wasm_bindgen_test]
async fn net_play_sends_the_documented_request_and_resolves() {
    fresh().await;
    let guid = sign_in("1201").await;
    let c = client("1201", Some(&guid));
    // The vendor example body, numbers as strings, as a JS caller might copy it.
    let req = js(
        json!({ "fileName": "Y:/12/0/20211019/155/1406470.V3", "position": "0", "playTime": "1", "fileFormat": "0", "ccId": "1", "locationId": "-1" }),
    );
    let ack = settle(c.begin_net_play(req, None))
        .await
        .expect("netplay succeeds");
    assert_eq!(to_json(&ack), json!({"message": "success"}));

    let log = requests("/recordplay/1201/netplay").await;
    assert_eq!(log.len(), 1, "{log:?}");
    assert_eq!(log[0]["method"], "POST");
    assert_eq!(log[0]["guidPresent"], true);
    assert_eq!(log[0]["contentType"], "application/json; charset=UTF-8");
    let body: serde_json::Value = serde_json::from_str(log[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"fileName": "Y:/12/0/20211019/155/1406470.V3", "position": 0, "playTime": 1, "fileFormat": 0, "ccId": 1, "locationId": -1})
    );
    // The Guid itself never appears in the log.
    assert!(!serde_json::to_string(&log).unwrap().contains(&guid));
}

#[wasm_bindgen_test]
async fn net_play_documented_failures_carry_retcode_meaning_and_operation() {
    fresh().await;
    let guid = sign_in("1202").await;
    let c = client("1202", Some(&guid));
    let err = expect_error(
        settle(c.begin_net_play(js(json!({"fileName": "missing.V3", "ccId": 1})), None)).await,
        "service",
        "beginNetPlay",
    );
    assert_eq!(text(&err, "retcode"), "100-018");
    assert!(!prop(&err, "meaning").is_null());

    settle(c.begin_net_play(js(json!({"fileName": "a.V3", "ccId": 1})), None))
        .await
        .expect("first play");
    let err = expect_error(
        settle(c.begin_net_play(js(json!({"fileName": "a.V3", "ccId": 1})), None)).await,
        "service",
        "beginNetPlay",
    );
    assert_eq!(text(&err, "retcode"), "500-007");
    assert!(
        text(&err, "meaning").contains("start play"),
        "{}",
        text(&err, "meaning")
    );
    assert!(text(&err, "message").starts_with("beginNetPlay: retcode 500-007"));
}

#[wasm_bindgen_test]
async fn bad_input_is_rejected_with_field_rule_value_and_never_sent() {
    fresh().await;
    let guid = sign_in("1203").await;
    let c = client("1203", Some(&guid));
    let cases = [
        (
            json!({"fileName": "a".repeat(101), "ccId": 1}),
            "fileName",
            "maxLength",
        ),
        (json!({"fileName": "a.V3"}), "ccId", "required"),
        (
            json!({"fileName": "a.V3", "ccId": 1, "filename": "x"}),
            "filename",
            "unknownField",
        ),
        (json!({"fileName": "a.V3", "ccId": "one"}), "ccId", "type"),
        (
            json!({"fileName": "a.V3", "ccId": 1, "fileFormat": 3}),
            "fileFormat",
            "oneOf",
        ),
        (
            json!({"fileName": "a.V3", "ccId": 1, "locationId": 65536}),
            "locationId",
            "range",
        ),
        (json!({"fileName": 7, "ccId": 1}), "fileName", "type"),
    ];
    for (req, field, rule) in cases {
        let err = expect_error(
            settle(c.begin_net_play(js(req.clone()), None)).await,
            "validation",
            "beginNetPlay",
        );
        assert_eq!(
            (text(&err, "field"), text(&err, "rule")),
            (field.to_owned(), rule.to_owned()),
            "{req}"
        );
        assert!(!text(&err, "value").is_empty());
    }
    let err = expect_error(
        settle(c.begin_net_play(JsValue::UNDEFINED, None)).await,
        "validation",
        "beginNetPlay",
    );
    assert_eq!(text(&err, "field"), "request");
    for (opts, field) in [
        (json!({"timeoutMs": 0}), "options.timeoutMs"),
        (json!({"signal": 1}), "options.signal"),
        (json!({"timeout": 5}), "options.timeout"),
    ] {
        let err = expect_error(
            settle(c.third_party_conf_transmit_num(Some(js(opts)))).await,
            "validation",
            "thirdPartyConfTransmitNum",
        );
        assert_eq!(text(&err, "field"), field);
    }
    let err = expect_error(
        settle(c.intercept(js(json!({"workNo": "100"})), None)).await,
        "validation",
        "intercept",
    );
    assert_eq!(
        (text(&err, "field"), text(&err, "rule"), text(&err, "value")),
        ("workNo".into(), "range".into(), "\"100\"".into())
    );
    assert!(
        requests("/1203").await.is_empty(),
        "a rejected call reached the network"
    );
}

#[wasm_bindgen_test]
async fn guid_missing_is_a_state_error_and_wrong_guid_is_100_006() {
    fresh().await;
    sign_in("1204").await;
    let err = expect_error(
        settle(client("1204", None).query_call_info_before_answer(None)).await,
        "state",
        "queryCallInfoBeforeAnswer",
    );
    assert!(text(&err, "message").contains("sign in"));
    assert!(requests("/1204/").await.is_empty());

    let secret = "0000dead-beef.AgentGateway9";
    let err = expect_error(
        settle(client("1204", Some(secret)).query_call_info_before_answer(None)).await,
        "service",
        "queryCallInfoBeforeAnswer",
    );
    assert_eq!(text(&err, "retcode"), "100-006");
    assert!(
        !text(&err, "message").contains(secret),
        "the Guid leaked into the error"
    );
}

#[wasm_bindgen_test]
async fn call_info_before_answer_returns_typed_calls() {
    fresh().await;
    let guid = sign_in("1205").await;
    let c = client("1205", Some(&guid));
    let none = settle(c.query_call_info_before_answer(None))
        .await
        .expect("query");
    assert_eq!(to_json(&none), json!([]));

    control(
        "POST",
        "/__sim/agents/1205/call",
        Some(json!({"callid": "1476070409-38", "caller": "70001", "called": "10086"})),
    )
    .await;
    let calls = to_json(
        &settle(c.query_call_info_before_answer(None))
            .await
            .expect("query"),
    );
    let call = &calls[0];
    assert_eq!(
        (
            call["callid"].as_str(),
            call["caller"].as_str(),
            call["called"].as_str()
        ),
        (Some("1476070409-38"), Some("70001"), Some("10086"))
    );
    for key in cec_agent::calldata::CALL_INFO_FIELDS {
        assert!(call.get(key).is_some(), "field {key} missing from {call}");
    }
    assert!(call["callfeature"].is_number() && call["begintime"].is_number());

    // The vendor example's single-object `result` still comes back as a list.
    control(
        "POST",
        "/__sim/agents/1205/call",
        Some(json!({"callid": "2-2", "singleObjectResult": true})),
    )
    .await;
    let calls = to_json(
        &settle(c.query_call_info_before_answer(None))
            .await
            .expect("query"),
    );
    assert!(calls.is_array() && calls[0]["callid"] == "2-2", "{calls}");
}

#[wasm_bindgen_test]
async fn transmit_num_needs_a_third_party_conference() {
    fresh().await;
    let guid = sign_in("1206").await;
    let c = client("1206", Some(&guid));
    let err = expect_error(
        settle(c.third_party_conf_transmit_num(None)).await,
        "service",
        "thirdPartyConfTransmitNum",
    );
    assert_eq!(text(&err, "retcode"), "10001");
    control("POST", "/__sim/agents/1206/conference", None).await;
    settle(c.third_party_conf_transmit_num(None))
        .await
        .expect("transmit in conference");
    let log = requests("/voicecall/1206/thirdPartyConfTransmitNum").await;
    assert_eq!(log.len(), 2);
    assert!(
        log.iter().all(|r| r["method"] == "POST" && r["body"] == ""),
        "{log:?}"
    );
}

#[wasm_bindgen_test]
async fn intercept_needs_a_prior_listen() {
    fresh().await;
    sign_in("1207").await;
    control("POST", "/__sim/agents/1207/call", Some(json!({}))).await;
    let guid = sign_in("1208").await;
    let inspector = client("1208", Some(&guid));
    let err = expect_error(
        settle(inspector.intercept(js(json!({"workNo": 1207})), None)).await,
        "service",
        "intercept",
    );
    assert_eq!(text(&err, "retcode"), "900-002");
    control(
        "POST",
        "/__sim/qc",
        Some(json!({"inspector": "1208", "target": "1207", "mode": "listen"})),
    )
    .await;
    settle(inspector.intercept(js(json!({"workNo": "1207"})), None))
        .await
        .expect("intercept after listen");
    let log = requests("/qualitycontrol/1208/intercept/1207").await;
    assert!(log.iter().all(|r| r["method"] == "PUT"));
    let state = control("GET", "/__sim/agents/1208", None).await;
    assert!(state.to_string().contains("AgentEvent_Talking"), "{state}");
}

#[wasm_bindgen_test]
async fn timeout_cancels_the_call() {
    fresh().await;
    let guid = sign_in("1209").await;
    let c = client("1209", Some(&guid));
    fault("/voicecall/1209/", "delay", 3000).await;
    let err = expect_error(
        settle(c.third_party_conf_transmit_num(Some(js(json!({"timeoutMs": 200}))))).await,
        "timeout",
        "thirdPartyConfTransmitNum",
    );
    assert_eq!(prop(&err, "timeoutMs").as_f64(), Some(200.0));
}

#[wasm_bindgen_test]
async fn abort_signal_cancels_before_and_during_the_call() {
    fresh().await;
    let guid = sign_in("1210").await;
    let c = client("1210", Some(&guid));
    let before = web_sys::AbortController::new().unwrap();
    before.abort();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"signal".into(), &before.signal()).unwrap();
    expect_error(
        settle(c.query_call_info_before_answer(Some(opts.into()))).await,
        "aborted",
        "queryCallInfoBeforeAnswer",
    );
    assert!(
        requests("/calldata/1210/").await.is_empty(),
        "an aborted call was sent"
    );

    fault("/calldata/1210/", "delay", 3000).await;
    let during = web_sys::AbortController::new().unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"signal".into(), &during.signal()).unwrap();
    let pending = c.query_call_info_before_answer(Some(opts.into()));
    sim::sleep(100).await;
    during.abort();
    expect_error(
        settle(pending).await,
        "aborted",
        "queryCallInfoBeforeAnswer",
    );
}

#[wasm_bindgen_test]
async fn server_faults_become_typed_errors() {
    fresh().await;
    let guid = sign_in("1211").await;
    let c = client("1211", Some(&guid));
    let op = "queryCallInfoBeforeAnswer";
    fault("/calldata/1211/", "status500", 0).await;
    let err = expect_error(
        settle(c.query_call_info_before_answer(None)).await,
        "http",
        op,
    );
    assert_eq!(prop(&err, "status").as_f64(), Some(500.0));
    for kind in ["html", "badJson", "emptyBody"] {
        fault("/calldata/1211/", kind, 0).await;
        let err = expect_error(
            settle(c.query_call_info_before_answer(None)).await,
            "decode",
            op,
        );
        assert_eq!(text(&err, "path"), "body", "{kind}");
    }
    fault("/calldata/1211/", "drop", 0).await;
    expect_error(
        settle(c.query_call_info_before_answer(None)).await,
        "network",
        op,
    );
    // After every fault the client still works.
    settle(c.query_call_info_before_answer(None))
        .await
        .expect("recovers");
}

#[wasm_bindgen_test]
fn bad_config_throws_a_typed_error() {
    for (cfg, field) in [
        (
            json!({"baseUrl": "http://127.0.0.1:1", "agentId": "1001"}),
            "baseUrl",
        ),
        (json!({"baseUrl": "https://h", "agentId": 60000}), "agentId"),
        (
            json!({"baseUrl": "https://h", "agentId": "1001", "guid": "with space"}),
            "guid",
        ),
        (json!({"baseUrl": "https://h"}), "agentId"),
    ] {
        let err = expect_error(
            cec_agent::AgentClient::new(js(cfg.clone())).map(|_| JsValue::NULL),
            "validation",
            "AgentClient",
        );
        assert_eq!(text(&err, "field"), field, "{cfg}");
    }
}

#[wasm_bindgen_test]
async fn connection_refused_is_a_network_error() {
    let cfg = json!({"baseUrl": "http://127.0.0.1:9", "agentId": "1001", "guid": "g", "allowInsecureHttp": true});
    let c = cec_agent::AgentClient::new(js(cfg)).unwrap();
    expect_error(
        settle(c.third_party_conf_transmit_num(None)).await,
        "network",
        "thirdPartyConfTransmitNum",
    );
}

/// A JS function that throws when called: a proxy trap or a getter.
fn thrower() -> js_sys::Function {
    use wasm_bindgen::closure::Closure;
    Closure::<dyn FnMut() -> Result<JsValue, JsValue>>::new(|| Err(JsValue::from_str("trap")))
        .into_js_value()
        .unchecked_into()
}

/// A proxy whose every trap the package could hit throws.
fn throwing_proxy() -> JsValue {
    let handler = js_sys::Object::new();
    for trap in [
        "get",
        "has",
        "ownKeys",
        "getOwnPropertyDescriptor",
        "getPrototypeOf",
    ] {
        js_sys::Reflect::set(&handler, &trap.into(), &thrower()).unwrap();
    }
    js_sys::Proxy::new(&js_sys::Object::new(), &handler).into()
}

#[wasm_bindgen_test]
async fn arguments_that_throw_when_read_are_refused_and_the_module_keeps_working() {
    fresh().await;
    let guid = sign_in("1205").await;
    let c = client("1205", Some(&guid));
    let proxy = throwing_proxy();
    let field = |r, operation| text(&expect_error(r, "validation", operation), "field");

    let r = settle(c.query_call_info_before_answer(Some(proxy.clone()))).await;
    assert_eq!(field(r, "queryCallInfoBeforeAnswer"), "options");
    let r = settle(c.begin_net_play(proxy.clone(), None)).await;
    assert_eq!(field(r, "beginNetPlay"), "request");
    let sign_in_request = js(json!({"password": "pw", "phonenum": "70001"}));
    let r = settle(c.sign_in(sign_in_request, Some(proxy.clone()))).await;
    assert_eq!(field(r, "login"), "options");
    // `instanceof AbortSignal` holds for this object, but it is no signal.
    let prototype = js_sys::Reflect::get(&js_sys::global(), &"AbortSignal".into())
        .and_then(|c| js_sys::Reflect::get(&c, &"prototype".into()))
        .unwrap();
    let fake_signal: js_sys::Object =
        js_sys::Object::create(prototype.unchecked_ref::<js_sys::Object>());
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"signal".into(), &fake_signal).unwrap();
    let r = settle(c.third_party_conf_transmit_num(Some(opts.into()))).await;
    assert_eq!(field(r, "thirdPartyConfTransmitNum"), "options.signal");

    // Synchronous methods throw typed errors instead of letting the trap's error through.
    let r = c.on(proxy.clone(), thrower().into()).map(|_| JsValue::NULL);
    assert_eq!(field(r, "AgentClient"), "type");
    let r = c.on_status(JsValue::from(5)).map(|_| JsValue::NULL);
    assert_eq!(field(r, "AgentClient"), "handler");
    let r = c.start_events(Some(proxy)).map(|()| JsValue::NULL);
    assert_eq!(field(r, "getAgentEvent"), "options");

    assert!(
        requests("/1205").await.is_empty(),
        "a refused call was sent"
    );
    // Nothing was left borrowed or unwound: the same client still works.
    assert!(settle(c.query_call_info_before_answer(None)).await.is_ok());
    assert_eq!(requests("/1205").await.len(), 1);
}
