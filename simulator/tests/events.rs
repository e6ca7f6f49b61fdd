//! The event poll: one event per answer, the long-poll hold and its early wake-up, the
//! 2-minute rule, injected events, and outages (in-process, plus one real socket).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use cec_sim::{Config, Shared};
use common::{Sim, GW, JSON};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(5);

#[tokio::test]
async fn poll_rules() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    assert_eq!(
        sim.poll("1002", &guid).await.retcode(),
        "100-006",
        "not signed in"
    );
    assert_eq!(
        sim.poll("1001", "nope").await.retcode(),
        "100-006",
        "wrong guid"
    );
    let r = sim
        .send(
            "GET",
            &format!("{GW}/agentevent/1001"),
            &[("guid", &guid)],
            "",
        )
        .await;
    assert_eq!(r.retcode(), "000-002", "Content-Type is required");
    assert_eq!(
        sim.poll("99", &guid).await.retcode(),
        "000-002",
        "agent ID range"
    );
    assert_eq!(
        sim.gw("POST", "/agentevent/1001", Some(&guid), "")
            .await
            .status,
        405
    );
    // The optional calldata query is accepted.
    sim.config(json!({"pollHoldMs": 10})).await;
    let r = sim
        .gw("GET", "/agentevent/1001?calldata=x", Some(&guid), "")
        .await;
    assert_eq!(
        r.json(),
        json!({"message": "", "retcode": "0", "event": null})
    );
}

#[tokio::test]
async fn injected_and_call_events_arrive_one_per_poll_in_order() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let content = json!({"anything": [1, "two"], "n": null});
    assert_eq!(
        sim.ctl(
            "POST",
            "/__sim/agents/1001/events",
            json!({"eventType": "AgentEvent_Future", "content": content})
        )
        .await
        .status,
        200
    );
    sim.ctl(
        "POST",
        "/__sim/agents/1001/call",
        json!({"callid": "1700000000-1", "caller": "10086", "called": "70092"}),
    )
    .await;
    sim.ctl(
        "POST",
        "/__sim/agents/1001/events",
        json!({"eventType": "X"}),
    )
    .await;
    assert_eq!(
        sim.queued("1001").await,
        ["AgentEvent_Future", "AgentEvent_Ringing", "X"]
    );
    let mut first = sim.poll("1001", &guid).await.json();
    assert!(
        first["event"]["eventGenTime"].take().is_i64(),
        "eventGenTime in the envelope"
    );
    assert_eq!(
        first["event"],
        json!({"eventType": "AgentEvent_Future", "workNo": "1001", "content": content, "eventGenTime": null})
    );
    let ringing = sim.poll("1001", &guid).await.json();
    assert_eq!(
        ringing["event"]["content"],
        json!({"callid": "1700000000-1", "caller": "10086", "called": "70092", "type": "main",
               "feature": "0", "mediaAbility": "1", "mediaType": "5"})
    );
    let last = sim.poll("1001", &guid).await.json();
    assert_eq!(last["event"]["content"], Value::Null);
    assert!(sim.queued("1001").await.is_empty());
    for body in [
        json!({"eventType": ""}),
        json!({"content": {}}),
        json!({"eventType": "X", "extra": 1}),
    ] {
        assert_eq!(
            sim.ctl("POST", "/__sim/agents/1001/events", body.clone())
                .await
                .status,
            400,
            "{body}"
        );
    }
    assert_eq!(
        sim.ctl(
            "POST",
            "/__sim/agents/1002/events",
            json!({"eventType": "X"})
        )
        .await
        .status,
        409
    );
}

#[tokio::test]
async fn hold_ends_with_null_after_poll_hold_ms() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    sim.config(json!({"pollHoldMs": 300})).await;
    let start = Instant::now();
    let r = timeout(LIMIT, sim.poll("1001", &guid)).await.unwrap();
    let took = start.elapsed();
    assert_eq!(
        r.json(),
        json!({"message": "", "retcode": "0", "event": null})
    );
    assert!(
        took >= Duration::from_millis(300) && took < Duration::from_millis(2000),
        "{took:?}"
    );
    let st = sim.state("1001").await;
    assert!(st["lastActivityMsAgo"].as_u64().unwrap() < 1000, "{st}");
}

#[tokio::test]
async fn hold_returns_early_when_an_event_is_queued() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    sim.config(json!({"pollHoldMs": 8000})).await;
    let start = Instant::now();
    let poller = {
        let (sim, guid) = (sim.clone(), guid.clone());
        tokio::spawn(async move { sim.poll("1001", &guid).await.json() })
    };
    tokio::time::sleep(Duration::from_millis(150)).await;
    assert!(!poller.is_finished(), "the poll is held");
    sim.ctl("POST", "/__sim/agents/1001/call", json!({})).await;
    let event = timeout(LIMIT, poller).await.unwrap().unwrap();
    assert_eq!(event["event"]["eventType"], "AgentEvent_Ringing");
    assert!(start.elapsed() < Duration::from_millis(2000));

    // Signing out wakes a held poll, which then answers 100-006.
    let poller = {
        let (sim, guid) = (sim.clone(), guid.clone());
        tokio::spawn(async move { sim.poll("1001", &guid).await.retcode() })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    let start = Instant::now();
    assert_eq!(
        sim.gw("DELETE", "/onlineagent/1001/logout", Some(&guid), "")
            .await
            .retcode(),
        "0"
    );
    assert_eq!(timeout(LIMIT, poller).await.unwrap().unwrap(), "100-006");
    assert!(start.elapsed() < Duration::from_millis(2000));
}

#[tokio::test]
async fn idle_agents_are_signed_out_and_polls_keep_them() {
    let sim = Sim::new();
    sim.config(json!({"idleSignoutMs": 300, "pollHoldMs": 50}))
        .await;
    let idle = sim.sign_in("1001").await;
    let busy = sim.sign_in("1002").await;
    let hs = sim.sign_in("1003").await;
    let start = Instant::now();
    while start.elapsed() < Duration::from_millis(600) {
        assert_eq!(sim.poll("1002", &busy).await.retcode(), "0");
        assert_eq!(
            sim.gw("POST", "/onlineagent/1003/handshake", Some(&hs), "")
                .await
                .retcode(),
            "0"
        );
    }
    assert_eq!(sim.state("1001").await["signedIn"], false);
    assert_eq!(sim.state("1002").await["signedIn"], true);
    assert_eq!(sim.state("1003").await["signedIn"], true);
    assert_eq!(sim.poll("1001", &idle).await.retcode(), "100-006");
    // A fresh sign-in works (no 100-002): the session and its queue are gone.
    let again = sim.sign_in("1001").await;
    assert_eq!(
        sim.queued("1001").await,
        ["AgentOther_InService", "AgentState_Ready"]
    );
    assert_ne!(again, idle);
}

#[tokio::test]
async fn idle_sweep_runs_without_requests() {
    let app = Shared::new(Config::default());
    let guid = app.lock().sign_in(1001, "1".into());
    assert!(!guid.is_empty());
    app.lock().session.idle_signout_ms = 100;
    cec_sim::events::spawn_idle_sweep(&app);
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(app.lock().agents.is_empty());
}

#[tokio::test]
async fn outage_drops_gateway_requests_and_can_wipe_sessions() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let r = sim.ctl("POST", "/__sim/outage", json!({"ms": 400})).await;
    assert_eq!(
        r.json(),
        json!({"ok": true, "ms": 400, "keepSessions": true})
    );
    assert_eq!(r.header("connection"), Some("close"));
    let req = || async {
        use axum::body::Body;
        use axum::http::Request;
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let req = Request::get(format!("{GW}/calldata/1001/callinfobeforeanswer"))
            .header("content-type", JSON)
            .header("guid", &guid)
            .body(Body::empty())
            .unwrap();
        let resp = sim.app.clone().oneshot(req).await.unwrap();
        resp.into_body().collect().await.is_err()
    };
    assert!(req().await, "dropped during the outage");
    assert_eq!(
        sim.state("1001").await["signedIn"],
        true,
        "control keeps working"
    );
    tokio::time::sleep(Duration::from_millis(450)).await;
    assert!(!req().await, "answered after the outage");
    assert_eq!(
        sim.gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&guid),
            ""
        )
        .await
        .retcode(),
        "0",
        "sessions kept"
    );
    for body in [
        json!({}),
        json!({"ms": 3_600_001u64}),
        json!({"ms": 1, "x": 1}),
    ] {
        assert_eq!(
            sim.ctl("POST", "/__sim/outage", body.clone()).await.status,
            400,
            "{body}"
        );
    }
}

async fn raw(addr: &str, request: String) -> Vec<u8> {
    timeout(LIMIT, async {
        let mut s = TcpStream::connect(addr).await.unwrap();
        s.write_all(request.as_bytes()).await.unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out).await;
        out
    })
    .await
    .expect("request timed out")
}

fn body_of(resp: &[u8]) -> Value {
    let text = String::from_utf8_lossy(resp);
    let (_, body) = text.split_once("\r\n\r\n").expect("a full response");
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[tokio::test]
async fn gateway_restart_over_a_real_socket() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(cec_sim::serve(
        listener,
        Shared::new(Config::default()),
        async {
            let _ = stopped.await;
        },
    ));
    let req = |method: &str, path: &str, guid: &str, body: &str| {
        format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n{guid}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    let signed = raw(
        &addr,
        req("POST", "/__sim/agents", "", r#"{"agentId":"1001"}"#),
    )
    .await;
    let guid = body_of(&signed)["guid"].as_str().unwrap().to_string();
    let guid_h = format!("Guid: {guid}\r\n");
    let poll = req("GET", "/agentevent/1001", &guid_h, "")
        .replace("/agentevent", "/agentgateway/resource/agentevent");
    // A held poll is cut off when the outage starts.
    raw(
        &addr,
        req("POST", "/__sim/config", "", r#"{"pollHoldMs":5000}"#),
    )
    .await;
    let held = tokio::spawn({
        let (addr, poll) = (addr.clone(), poll.clone());
        async move { raw(&addr, poll).await }
    });
    tokio::time::sleep(Duration::from_millis(150)).await;
    let start = Instant::now();
    let armed = raw(
        &addr,
        req(
            "POST",
            "/__sim/outage",
            "",
            r#"{"ms":500,"keepSessions":false}"#,
        ),
    )
    .await;
    assert!(
        String::from_utf8_lossy(&armed)
            .to_ascii_lowercase()
            .contains("connection: close"),
        "{}",
        String::from_utf8_lossy(&armed)
    );
    assert!(
        timeout(LIMIT, held).await.unwrap().unwrap().is_empty(),
        "held poll dropped"
    );
    assert!(start.elapsed() < Duration::from_millis(1000));
    assert!(
        raw(&addr, poll.clone()).await.is_empty(),
        "no bytes during the outage"
    );
    let cms = req(
        "POST",
        "/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile",
        "",
        "{}",
    );
    assert!(raw(&addr, cms).await.is_empty(), "CMS is down too");
    let state = raw(&addr, req("GET", "/__sim/agents/1001", "", "")).await;
    assert_eq!(body_of(&state)["signedIn"], false, "sessions wiped");
    tokio::time::sleep(Duration::from_millis(550)).await;
    let after = raw(&addr, poll).await;
    assert_eq!(body_of(&after)["retcode"], "100-006");
    let _ = stop.send(());
    timeout(LIMIT, server).await.unwrap().unwrap().unwrap();
}
