//! Hostile answers, in Node and in headless Chromium against the simulator: redirects that
//! would carry the `Guid`, the password or the C2 signature to another origin, and bodies too
//! large (declared or endless) to be let into memory.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod sim;

use cec_agent::AgentClient;
use serde_json::json;
use sim::{client, cms, control, expect_error, js, prop, settle, sign_in, text, to_json, URL};
use wasm_bindgen_test::wasm_bindgen_test;

async fn fresh() {
    control("POST", "/__sim/reset", None).await;
    control("DELETE", "/__sim/faults", None).await;
}

/// The simulator on another origin (`localhost` for `127.0.0.1`): its `/trap/` paths count
/// every request, preflights included.
fn other_origin_trap() -> String {
    format!(
        "{}/trap/next?Guid=leaked-guid",
        URL.replace("127.0.0.1", "localhost")
    )
}

async fn arm_redirect(needle: &str, status: u16) {
    let body = json!({"pathContains": needle, "kind": "redirect", "status": status, "location": other_origin_trap()});
    control("POST", "/__sim/faults", Some(body)).await;
}

async fn trap_hits() -> u64 {
    control("GET", "/__sim/trap", None).await["hits"]
        .as_u64()
        .expect("hits")
}

/// In Node the 3xx itself; a browser reports an opaque redirect with status 0.
fn assert_refused_redirect(err: &wasm_bindgen::JsValue, status: u16) {
    let seen = prop(err, "status").as_f64().expect("status") as u16;
    assert!(seen == status || seen == 0, "status {seen}");
    let message = text(err, "message");
    assert!(message.contains("not followed"), "{message}");
    assert!(
        !message.contains("leaked-guid") && !message.contains("/trap"),
        "{message}"
    );
}

#[wasm_bindgen_test]
async fn no_redirect_is_followed_with_the_guid_the_password_or_a_body() {
    fresh().await;
    let guid = sign_in("1801").await;
    let agent = client("1801", Some(&guid));
    for status in [301, 302, 303, 307, 308] {
        arm_redirect("/recordplay/1801/netplay", status).await;
        let err = expect_error(
            settle(agent.begin_net_play(js(json!({"fileName": "a.V3", "ccId": 1})), None)).await,
            "http",
            "beginNetPlay",
        );
        assert_refused_redirect(&err, status);
    }
    // A PUT with the password in its body.
    let fresh_agent = client("1802", None);
    for status in [302, 307] {
        arm_redirect("/onlineagent/1802", status).await;
        let err = expect_error(
            settle(fresh_agent.sign_in(
                js(json!({"password": "Agent#2026", "phonenum": "70001"})),
                Some(js(json!({"startEvents": false}))),
            ))
            .await,
            "http",
            "login",
        );
        assert_refused_redirect(&err, status);
    }
    // The signed CC-CMS POST.
    arm_redirect("downloadRecordFile", 307).await;
    let err = expect_error(
        settle(
            cms("SK_EXAMPLE_SECRET")
                .download_record_file(js(json!({"callID": "1700000000-1"})), None),
        )
        .await,
        "http",
        "downloadRecordFile",
    );
    assert_refused_redirect(&err, 307);
    assert_eq!(trap_hits().await, 0, "a request reached the other origin");

    // The trap does count: a plain fetch that follows the redirect reaches it.
    arm_redirect("/recordplay/1801/netplay", 302).await;
    let _ = sim::control(
        "POST",
        "/agentgateway/resource/recordplay/1801/netplay",
        None,
    )
    .await;
    assert!(trap_hits().await >= 1, "the trap counts followed redirects");
}

fn limited_client(agent: &str, guid: &str, max_response_bytes: Option<u32>) -> AgentClient {
    let mut cfg =
        json!({"baseUrl": URL, "agentId": agent, "guid": guid, "allowInsecureHttp": true});
    if let Some(max) = max_response_bytes {
        cfg["maxResponseBytes"] = json!(max);
    }
    AgentClient::new(js(cfg))
        .map_err(|e| to_json(&e))
        .expect("valid config")
}

#[wasm_bindgen_test]
async fn an_endless_body_stops_at_max_response_bytes() {
    fresh().await;
    let guid = sign_in("1803").await;
    let agent = limited_client("1803", &guid, None);
    control(
        "POST",
        "/__sim/faults",
        Some(json!({"pathContains": "/recordplay/1803/netplay", "kind": "endlessJson"})),
    )
    .await;
    let started = js_sys::Date::now();
    let err = expect_error(
        settle(agent.begin_net_play(js(json!({"fileName": "a.V3", "ccId": 1})), None)).await,
        "decode",
        "beginNetPlay",
    );
    assert_eq!(text(&err, "path"), "body");
    assert!(
        text(&err, "message").contains("maxResponseBytes (1048576 bytes)"),
        "{}",
        text(&err, "message")
    );
    // Well inside the 30 s call timeout: reading stopped at the limit.
    assert!(js_sys::Date::now() - started < 20_000.0);
    // The same client goes on working.
    settle(agent.begin_net_play(js(json!({"fileName": "a.V3", "ccId": 1})), None))
        .await
        .expect("next call");
}

#[wasm_bindgen_test]
async fn a_declared_length_past_the_limit_is_refused_and_a_raised_limit_reads_it() {
    fresh().await;
    let guid = sign_in("1804").await;
    let oversized = || async {
        control(
            "POST",
            "/__sim/faults",
            Some(json!({"pathContains": "/recordplay/1804/netplay", "kind": "oversizedJson"})),
        )
        .await;
    };
    oversized().await;
    let err = expect_error(
        settle(
            limited_client("1804", &guid, None)
                .begin_net_play(js(json!({"fileName": "a.V3", "ccId": 1})), None),
        )
        .await,
        "decode",
        "beginNetPlay",
    );
    assert!(text(&err, "message").contains("maxResponseBytes"));
    oversized().await;
    let ok = settle(
        limited_client("1804", &guid, Some(8 << 20))
            .begin_net_play(js(json!({"fileName": "a.V3", "ccId": 1})), None),
    )
    .await
    .expect("8 MiB allowed");
    assert_eq!(text(&ok, "message").len(), 5 * 1024 * 1024);
}
