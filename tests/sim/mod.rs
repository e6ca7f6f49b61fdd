//! Helpers for the wasm tests: the simulator's control API and promise plumbing.
//! The simulator URL is baked in at compile time from `CEC_SIM_URL` (set by `.ci/test`).

#![allow(dead_code)]

use cec_agent::{AgentClient, CmsClient};
use js_sys::{Promise, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where `.ci/test` started the simulator.
pub const URL: &str = match option_env!("CEC_SIM_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:9",
};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = globalThis, js_name = fetch)]
    fn fetch_with(url: &str, init: &JsValue) -> Promise;
    #[wasm_bindgen(js_namespace = globalThis, js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> JsValue;
}

/// A JS value from JSON.
pub fn js(v: Value) -> JsValue {
    JSON::parse(&v.to_string()).expect("valid JSON")
}

/// A JS value as JSON.
pub fn to_json(v: &JsValue) -> Value {
    let text = JSON::stringify(v)
        .expect("stringify")
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Calls the simulator's control API and returns its JSON answer.
pub async fn control(method: &str, path: &str, body: Option<Value>) -> Value {
    let mut init = json!({"method": method, "headers": {"Content-Type": "application/json"}});
    if let Some(b) = body {
        init["body"] = Value::String(b.to_string());
    }
    let resp: web_sys::Response = JsFuture::from(fetch_with(&format!("{URL}{path}"), &js(init)))
        .await
        .expect("simulator reachable")
        .unchecked_into();
    let text = JsFuture::from(resp.text().expect("text"))
        .await
        .expect("body")
        .as_string()
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// Signs `agent` in on the simulator and returns its Guid.
pub async fn sign_in(agent: &str) -> String {
    let r = control("POST", "/__sim/agents", Some(json!({"agentId": agent}))).await;
    r["guid"].as_str().expect("guid").to_owned()
}

/// The simulator's log of requests whose path contains `needle`.
pub async fn requests(needle: &str) -> Vec<Value> {
    let r = control(
        "GET",
        &format!(
            "/__sim/requests?pathContains={}",
            js_sys::encode_uri_component(needle)
        ),
        None,
    )
    .await;
    r.as_array().cloned().unwrap_or_default()
}

/// Arms a simulator fault for the next request whose path contains `needle`.
pub async fn fault(needle: &str, kind: &str, delay_ms: u32) {
    control(
        "POST",
        "/__sim/faults",
        Some(json!({"pathContains": needle, "kind": kind, "delayMs": delay_ms, "count": 1})),
    )
    .await;
}

/// A client for `agent` with `guid`, talking plain http to the simulator.
pub fn client(agent: &str, guid: Option<&str>) -> AgentClient {
    let mut cfg = json!({"baseUrl": URL, "agentId": agent, "allowInsecureHttp": true});
    if let Some(g) = guid {
        cfg["guid"] = json!(g);
    }
    AgentClient::new(js(cfg))
        .map_err(|e| to_json(&e))
        .expect("valid config")
}

/// A CMS client with the simulator's default AK/SK (or `sk`).
pub fn cms(sk: &str) -> CmsClient {
    let cfg = json!({"baseUrl": URL, "accessKey": "AK_EXAMPLE_0001", "secretKey": sk, "allowInsecureHttp": true});
    CmsClient::new(js(cfg))
        .map_err(|e| to_json(&e))
        .expect("valid config")
}

/// Awaits a promise.
pub async fn settle(p: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(p).await
}

/// A property of a JS object.
pub fn prop(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A string property (empty when absent).
pub fn text(v: &JsValue, key: &str) -> String {
    prop(v, key).as_string().unwrap_or_default()
}

/// Asserts `err` is an AgentApiError of `kind` for `operation`, and returns it.
pub fn expect_error(result: Result<JsValue, JsValue>, kind: &str, operation: &str) -> JsValue {
    let err = match result {
        Ok(v) => panic!("expected a {kind} error, got success {:?}", to_json(&v)),
        Err(e) => e,
    };
    assert!(err.is_instance_of::<js_sys::Error>(), "not a JS Error");
    assert!(
        cec_agent::is_agent_api_error(err.clone()),
        "isAgentApiError is false"
    );
    assert_eq!(text(&err, "name"), "AgentApiError");
    assert_eq!(
        (text(&err, "kind"), text(&err, "operation")),
        (kind.to_owned(), operation.to_owned()),
        "{}",
        text(&err, "message")
    );
    err
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let p = Promise::new(&mut |resolve, _| {
        set_timeout(&resolve, ms);
    });
    let _ = JsFuture::from(p).await;
}
