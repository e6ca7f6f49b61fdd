//! Test-control API: faults, request log, reset, agent state (in-process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::Request;
use common::{Sim, GW, JSON};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const NETPLAY: &str = "/recordplay/1001/netplay";
const PLAY_BODY: &str = r#"{"fileName":"a.V3","ccId":"1"}"#;

async fn fault(sim: &Sim, kind: &str, extra: Value) -> u16 {
    let mut body = json!({"pathContains": "netplay", "kind": kind});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().cloned().unwrap_or_default());
    sim.ctl("POST", "/__sim/faults", body).await.status
}

#[tokio::test]
async fn response_faults() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;

    assert_eq!(fault(&sim, "status500", json!({})).await, 200);
    let r = sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
    assert_eq!(r.status, 500);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(serde_json::from_slice::<Value>(&r.body).is_err());

    fault(&sim, "html", json!({})).await;
    let r = sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(String::from_utf8_lossy(&r.body).contains("<html>"));

    fault(&sim, "badJson", json!({})).await;
    let r = sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
    assert_eq!(
        (r.status, r.header("content-type")),
        (200, Some("application/json;charset=UTF-8"))
    );
    assert!(!r.body.is_empty() && serde_json::from_slice::<Value>(&r.body).is_err());

    fault(&sim, "emptyBody", json!({})).await;
    let r = sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
    assert_eq!((r.status, r.body.len()), (200, 0));

    assert!(
        sim.state("1001").await["playing"].is_null(),
        "faulted requests are not processed"
    );
    assert_eq!(
        sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY)
            .await
            .retcode(),
        "0",
        "faults are used up"
    );
}

#[tokio::test]
async fn delay_then_normal_answer_and_count() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    fault(&sim, "delay", json!({"delayMs": 150, "count": 2})).await;
    for expected in ["0", "500-007"] {
        let start = Instant::now();
        let r = sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
        assert!(start.elapsed() >= Duration::from_millis(150));
        assert_eq!(
            r.retcode(),
            expected,
            "delayed requests are handled normally"
        );
    }
    let start = Instant::now();
    sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
    assert!(
        start.elapsed() < Duration::from_millis(150),
        "count used up"
    );
}

#[tokio::test]
async fn drop_fault_fails_the_body_and_closes_connections() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    fault(&sim, "drop", json!({})).await;
    // While a drop is armed every response asks the client to close the connection.
    let r = sim.ctl("GET", "/__sim/requests", Value::Null).await;
    assert_eq!(r.header("connection"), Some("close"));
    let req = Request::post(format!("{GW}{NETPLAY}"))
        .header("content-type", JSON)
        .header("guid", &guid)
        .body(Body::from(PLAY_BODY))
        .unwrap();
    let resp = sim.app.clone().oneshot(req).await.unwrap();
    assert!(
        resp.into_body().collect().await.is_err(),
        "the body stream must fail"
    );
    let r = sim.ctl("GET", "/__sim/requests", Value::Null).await;
    assert_eq!(r.header("connection"), None);
}

#[tokio::test]
async fn faults_match_by_path_and_never_hit_control() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    assert_eq!(
        sim.ctl(
            "POST",
            "/__sim/faults",
            json!({"pathContains": "", "kind": "status500", "count": 5})
        )
        .await
        .status,
        200
    );
    assert_eq!(
        sim.ctl("GET", "/__sim/agents/1001", Value::Null)
            .await
            .status,
        200,
        "control paths are exempt"
    );
    assert_eq!(
        sim.ctl("DELETE", "/__sim/faults", Value::Null).await.status,
        200
    );
    sim.ctl(
        "POST",
        "/__sim/faults",
        json!({"pathContains": "callinfobeforeanswer", "kind": "status500"}),
    )
    .await;
    assert_eq!(
        sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await.status,
        200,
        "other paths are untouched"
    );
    assert_eq!(
        sim.gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&guid),
            ""
        )
        .await
        .status,
        500
    );
    // Bad fault definitions.
    for body in [
        json!({"pathContains": "x", "kind": "explode"}),
        json!({"kind": "html"}),
        json!({"pathContains": "x", "kind": "html", "count": 0}),
    ] {
        assert_eq!(
            sim.ctl("POST", "/__sim/faults", body.clone()).await.status,
            400,
            "{body}"
        );
    }
}

#[tokio::test]
async fn request_log_records_wire_bodies_without_secrets() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
    sim.send(
        "GET",
        &format!("{GW}/calldata/1001/callinfobeforeanswer"),
        &[("guid", &guid)],
        "",
    )
    .await;
    sim.send("OPTIONS", &format!("{GW}{NETPLAY}"), &[], "")
        .await;
    let r = sim
        .ctl("GET", "/__sim/requests?pathContains=netplay", Value::Null)
        .await;
    assert_eq!(
        r.json(),
        json!([{"method": "POST", "path": "/agentgateway/resource/recordplay/1001/netplay", "guidPresent": true,
                "guidState": "current", "contentType": JSON, "authorizationPresent": false, "body": PLAY_BODY}])
    );
    let all = sim.ctl("GET", "/__sim/requests", Value::Null).await;
    let text = String::from_utf8_lossy(&all.body).to_string();
    assert!(!text.contains(&guid), "GUID values are never logged");
    assert_eq!(
        all.json().as_array().unwrap().len(),
        2,
        "control calls and preflights are not logged"
    );
    assert_eq!(all.json()[1]["contentType"], Value::Null);
    assert_eq!(
        sim.ctl("DELETE", "/__sim/requests", Value::Null)
            .await
            .status,
        200
    );
    assert_eq!(
        sim.ctl("GET", "/__sim/requests", Value::Null).await.json(),
        json!([])
    );
}

#[tokio::test]
async fn reset_and_agent_state() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let st = sim.state("1001").await;
    assert_eq!(
        (st["signedIn"].as_bool(), st["state"].as_str()),
        (Some(true), Some("idle"))
    );
    assert_eq!(
        sim.ctl("POST", "/__sim/agents/1002/call", json!({}))
            .await
            .status,
        409,
        "agent must be signed in"
    );
    assert_eq!(
        sim.ctl("POST", "/__sim/agents/1001/call", json!({"unknown": 1}))
            .await
            .status,
        400
    );
    assert_eq!(
        sim.ctl("GET", "/__sim/agents/99", Value::Null).await.status,
        400
    );
    assert_eq!(
        sim.ctl("GET", "/__sim/nothing", Value::Null).await.status,
        404
    );
    sim.gw("POST", NETPLAY, Some(&guid), PLAY_BODY).await;
    assert_eq!(
        sim.ctl("POST", "/__sim/reset", Value::Null).await.status,
        200
    );
    let st = sim.state("1001").await;
    assert_eq!(st["signedIn"], false);
    assert_eq!(
        sim.ctl("GET", "/__sim/requests", Value::Null).await.json(),
        json!([])
    );
    assert_eq!(
        sim.gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&guid),
            ""
        )
        .await
        .retcode(),
        "100-006"
    );
    let again = sim.agent("1001").await;
    assert_ne!(again, guid, "GUIDs are not reused after a reset");
}
