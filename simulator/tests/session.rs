//! Sessions: sign-in events, loginex, updateGuid, handshake, Guid rotation with a grace
//! Guid, the request log's guidState and the run-time config (in-process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sim;
use serde_json::{json, Value};

const INFO: &str = "/calldata/1001/callinfobeforeanswer";

#[tokio::test]
async fn sign_ins_queue_in_service_then_ready_or_work() {
    let sim = Sim::new();
    let guid = sim.sign_in("1001").await;
    assert_eq!(
        sim.queued("1001").await,
        ["AgentOther_InService", "AgentState_Ready"]
    );
    let r = sim.poll("1001", &guid).await;
    let mut j = r.json();
    let made = j["event"]["eventGenTime"].take();
    assert!(
        made.as_i64().is_some_and(|t| t > 1_700_000_000_000),
        "eventGenTime epoch ms: {made}"
    );
    assert_eq!(
        j,
        json!({"message": "", "retcode": "0", "event": {"eventType": "AgentOther_InService", "workNo": "1001", "content": null, "eventGenTime": null}})
    );
    assert_eq!(r.set_guid(), None, "no rotation by default");
    assert_eq!(
        sim.poll("1001", &guid).await.event_type().as_deref(),
        Some("AgentState_Ready")
    );
    let body = r#"{"password":"p","phonenum":"1","status":"5","agenttype":"11"}"#;
    let r = sim
        .gw("PUT", "/onlineagent/1001/forcelogin", None, body)
        .await;
    assert_eq!(r.retcode(), "0");
    assert_eq!(
        sim.queued("1001").await,
        ["AgentOther_InService", "AgentState_Work"]
    );
    // The control API's direct sign-in queues nothing.
    sim.agent("1002").await;
    assert!(sim.queued("1002").await.is_empty());
}

#[tokio::test]
async fn sign_in_status_and_agent_type_rules() {
    let sim = Sim::new();
    for (body, code) in [
        (
            r#"{"password":"p","phonenum":"1","agenttype":"7"}"#,
            "100-012",
        ),
        (
            r#"{"password":"p","phonenum":"1","agenttype":"x"}"#,
            "100-012",
        ),
        (r#"{"password":"p","phonenum":"1","status":6}"#, "000-002"),
        (r#"{"password":"p","phonenum":"1","status":"x"}"#, "000-002"),
        (r#"{"password":"","phonenum":"1"}"#, "000-002"),
        (r#"{"password":"p","phonenum":""}"#, "000-002"),
        (
            r#"{"password":"p","phonenum":"1","releasephone":"no"}"#,
            "000-002",
        ),
    ] {
        assert_eq!(
            sim.gw("PUT", "/onlineagent/1001", None, body)
                .await
                .retcode(),
            code,
            "{body}"
        );
    }
    assert_eq!(
        sim.gw(
            "PUT",
            "/onlineagent/1001",
            None,
            r#"{"password":"p","phonenum":"1","agenttype":11,"status":"4","autoenteridle":"false"}"#
        )
        .await
        .retcode(),
        "0"
    );
}

#[tokio::test]
async fn loginex_rules() {
    let sim = Sim::new();
    let path = "/onlineagent/1001/loginex";
    for (body, code) in [
        (r#"{"password":"p","agenttype":7}"#, "100-012"),
        (r#"{"password":"p","status":3}"#, "000-002"),
        (
            &format!(r#"{{"password":"{}"}}"#, "p".repeat(33)),
            "000-002",
        ),
        (
            &format!(r#"{{"phonenum":"{}"}}"#, "1".repeat(25)),
            "000-002",
        ),
        (r#"{"password":"wrong"}"#, "100-004"),
        ("[]", "000-002"),
    ] {
        assert_eq!(
            sim.gw("PUT", path, None, body).await.retcode(),
            code,
            "{body}"
        );
    }
    // Empty password and no phone number are fine for a platform-only sign-in.
    let r = sim.gw("PUT", path, None, r#"{"password":""}"#).await;
    assert_eq!(r.retcode(), "0");
    let guid = r.set_guid().unwrap();
    assert_eq!(
        sim.queued("1001").await,
        ["AgentOther_InService", "AgentState_Ready"]
    );
    assert_eq!(sim.gw("GET", INFO, Some(&guid), "").await.retcode(), "0");
    assert_eq!(
        sim.gw("PUT", path, None, "{}").await.retcode(),
        "100-002",
        "already signed in"
    );
}

#[tokio::test]
async fn update_guid_keeps_the_old_one_as_grace() {
    let sim = Sim::new();
    let g0 = sim.sign_in("1001").await;
    assert_eq!(
        sim.gw("PUT", "/onlineagent/1001/updateGuid", None, "")
            .await
            .retcode(),
        "100-006"
    );
    let r = sim
        .gw("PUT", "/onlineagent/1001/updateGuid", Some(&g0), "")
        .await;
    assert_eq!(r.retcode(), "0");
    let g1 = r.set_guid().unwrap();
    assert_eq!(r.json()["result"], json!({ "guid": g1 }));
    assert_ne!(g0, g1);
    assert_eq!(sim.gw("GET", INFO, Some(&g0), "").await.retcode(), "0");
    assert_eq!(sim.gw("GET", INFO, Some(&g1), "").await.retcode(), "0");
    let g2 = sim
        .gw("PUT", "/onlineagent/1001/updateGuid", Some(&g1), "")
        .await
        .set_guid()
        .unwrap();
    assert_eq!(
        sim.gw("GET", INFO, Some(&g0), "").await.retcode(),
        "100-006"
    );
    assert_eq!(sim.gw("GET", INFO, Some(&g1), "").await.retcode(), "0");
    assert_eq!(sim.gw("GET", INFO, Some(&g2), "").await.retcode(), "0");
    assert_eq!(sim.state("1001").await["guidRotations"], 2);
}

#[tokio::test]
async fn handshake_and_service_token() {
    let sim = Sim::new();
    let guid = sim.sign_in("1001").await;
    let uri = format!("{}/onlineagent/1001/handshake", common::GW);
    let send = |token: Option<String>| {
        let sim = sim.clone();
        let uri = uri.clone();
        let guid = guid.clone();
        async move {
            let mut h = vec![("content-type", common::JSON), ("guid", guid.as_str())];
            if let Some(t) = &token {
                h.push(("service_token", t.as_str()));
            }
            sim.send("POST", &uri, &h, "").await.retcode()
        }
    };
    assert_eq!(send(None).await, "0");
    assert_eq!(send(Some("abc_DEF-123".into())).await, "0");
    assert_eq!(send(Some("t".repeat(50))).await, "0");
    assert_eq!(send(Some("t".repeat(51))).await, "100-001");
    assert_eq!(send(Some("a b".into())).await, "100-001");
    assert_eq!(send(Some("a$b".into())).await, "100-001");
    assert_eq!(
        sim.gw("POST", "/onlineagent/1001/handshake", Some("nope"), "")
            .await
            .retcode(),
        "100-006"
    );
}

#[tokio::test]
async fn dynamic_rotation_with_grace_guid_and_log_states() {
    let sim = Sim::new();
    let cfg = sim
        .config(json!({"rotateGuidEvery": 2, "pollHoldMs": 50}))
        .await;
    assert_eq!(
        cfg,
        json!({"authMode": "dynamic", "rotateGuidEvery": 2, "pollHoldMs": 50, "idleSignoutMs": 120000, "setGuidForm": "plain", "asyncEventDelayMs": 50})
    );
    let g0 = sim.sign_in("1001").await;
    assert_eq!(sim.poll("1001", &g0).await.set_guid(), None);
    let r = sim.poll("1001", &g0).await;
    assert_eq!(r.event_type().as_deref(), Some("AgentState_Ready"));
    let g1 = r.set_guid().expect("rotated after 2 polls");
    assert_ne!(g0, g1);
    // A request already in flight with the old Guid still succeeds.
    assert_eq!(sim.gw("GET", INFO, Some(&g0), "").await.retcode(), "0");
    // Polls with the grace Guid count too; the next rotation retires g0.
    let r = sim.poll("1001", &g1).await;
    assert_eq!((r.event_type(), r.set_guid()), (None, None));
    let g2 = sim.poll("1001", &g1).await.set_guid().unwrap();
    let old = sim.gw("GET", INFO, Some(&g0), "").await;
    assert_eq!(
        old.json(),
        json!({"message": "agent not login", "retcode": "100-006", "result": ""})
    );
    assert_eq!(sim.gw("GET", INFO, Some(&g1), "").await.retcode(), "0");
    assert_eq!(sim.gw("GET", INFO, Some(&g2), "").await.retcode(), "0");
    sim.gw("GET", INFO, None, "").await;
    assert_eq!(sim.state("1001").await["guidRotations"], 2);

    let log = sim
        .ctl("GET", "/__sim/requests?pathContains=callinfo", Value::Null)
        .await;
    let entries = log.json();
    let states: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["guidState"].as_str().unwrap())
        .collect();
    assert_eq!(
        states,
        ["previous", "unknown", "previous", "current", "absent"]
    );
    let text = String::from_utf8_lossy(&log.body).to_string();
    for g in [&g0, &g1, &g2] {
        assert!(!text.contains(g.as_str()), "Guid values are never logged");
    }
}

#[tokio::test]
async fn set_guid_form_is_configurable_for_sign_in_and_rotation() {
    let sim = Sim::new();
    sim.config(json!({"setGuidForm": "withAttributes", "rotateGuidEvery": 1, "pollHoldMs": 20}))
        .await;
    const BODY: &str = r#"{"password":"pw","phonenum":"88001"}"#;
    let r = sim.gw("PUT", "/onlineagent/1001", None, BODY).await;
    let g0 = r
        .header("set-guid")
        .and_then(|v| v.strip_prefix("JSESSIONID="))
        .and_then(|v| v.strip_suffix("; Path=/; HttpOnly"))
        .unwrap()
        .to_owned();
    let rotated = sim.poll("1001", &g0).await;
    assert!(rotated
        .header("set-guid")
        .unwrap()
        .ends_with("; Path=/; HttpOnly"));
    sim.config(json!({"setGuidForm": "wrongName"})).await;
    let r = sim.gw("PUT", "/onlineagent/1002", None, BODY).await;
    assert!(r.header("set-guid").unwrap().starts_with("GUID="));
    sim.config(json!({"setGuidForm": "absent"})).await;
    let r = sim.gw("PUT", "/onlineagent/1003", None, BODY).await;
    assert_eq!((r.retcode().as_str(), r.header("set-guid")), ("0", None));
}

#[tokio::test]
async fn static_mode_never_rotates_but_forced_rotation_works() {
    let sim = Sim::new();
    sim.config(json!({"authMode": "static", "rotateGuidEvery": 1, "pollHoldMs": 20}))
        .await;
    let g0 = sim.sign_in("1001").await;
    for _ in 0..3 {
        assert_eq!(sim.poll("1001", &g0).await.set_guid(), None);
    }
    assert_eq!(
        sim.ctl("POST", "/__sim/agents/1001/rotate-guid", Value::Null)
            .await
            .status,
        200
    );
    assert_eq!(
        sim.gw("GET", INFO, Some(&g0), "").await.set_guid(),
        None,
        "announced on a poll only"
    );
    let g1 = sim
        .poll("1001", &g0)
        .await
        .set_guid()
        .expect("forced rotation");
    assert_eq!(sim.poll("1001", &g1).await.set_guid(), None, "once");
    assert_eq!(sim.gw("GET", INFO, Some(&g0), "").await.retcode(), "0");
    assert_eq!(
        sim.ctl("POST", "/__sim/agents/1002/rotate-guid", Value::Null)
            .await
            .status,
        409
    );
}

#[tokio::test]
async fn config_endpoint_validates_and_reset_restores() {
    let sim = Sim::new();
    let r = sim.ctl("GET", "/__sim/config", Value::Null).await;
    assert_eq!(
        r.json(),
        json!({"authMode": "dynamic", "rotateGuidEvery": 0, "pollHoldMs": 10000, "idleSignoutMs": 120000, "setGuidForm": "plain", "asyncEventDelayMs": 50})
    );
    for body in [
        json!({"asyncEventDelayMs": 60_001}),
        json!({"authMode": "weird"}),
        json!({"setGuidForm": "FOO"}),
        json!({"pollHoldMs": 600_001}),
        json!({"pollHoldMs": -1}),
        json!({"idleSignoutMs": 86_400_001u64}),
        json!({"bogus": 1}),
    ] {
        assert_eq!(
            sim.ctl("POST", "/__sim/config", body.clone()).await.status,
            400,
            "{body}"
        );
    }
    let cfg = sim
        .config(json!({"authMode": "static", "idleSignoutMs": 0}))
        .await;
    assert_eq!(
        (cfg["authMode"].as_str(), cfg["idleSignoutMs"].as_u64()),
        (Some("static"), Some(0))
    );
    sim.ctl("POST", "/__sim/reset", Value::Null).await;
    assert_eq!(
        sim.ctl("GET", "/__sim/config", Value::Null).await.json()["authMode"],
        "dynamic"
    );
}
