//! Quality control: whisper, switching, stopping and the intercept-with-callId variant
//! (in-process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sim;
use serde_json::json;

const QC: &str = "/qualitycontrol/1002";

/// Target 1001 in a call, inspector 1002 idle; returns the inspector's Guid.
async fn setup(sim: &Sim) -> String {
    sim.agent("1001").await;
    let g = sim.agent("1002").await;
    sim.ctl(
        "POST",
        "/__sim/agents/1001/call",
        json!({"callid": "1700000200-9", "answered": true}),
    )
    .await;
    g
}

async fn code(sim: &Sim, method: &str, path: &str, guid: &str) -> String {
    sim.gw(method, &format!("{QC}{path}"), Some(guid), "")
        .await
        .retcode()
}

async fn mode(sim: &Sim) -> Option<String> {
    sim.state("1002").await["qc"]["mode"]
        .as_str()
        .map(str::to_string)
}

#[tokio::test]
async fn whisper_and_stop_whisper() {
    let sim = Sim::new();
    let g = setup(&sim).await;
    assert_eq!(
        code(
            &sim,
            "POST",
            "/requeststopwhisperagent?whisperagentid=1001",
            &g
        )
        .await,
        "900-002"
    );
    for bad in ["", "?whisperagentid=", "?whisperagentid=99", "?other=1001"] {
        assert_eq!(
            code(&sim, "POST", &format!("/requestwhisperagent{bad}"), &g).await,
            "000-002",
            "{bad}"
        );
    }
    assert_eq!(
        code(&sim, "POST", "/requestwhisperagent?whisperagentid=1009", &g).await,
        "900-003"
    );
    assert_eq!(
        code(&sim, "POST", "/requestwhisperagent?whisperagentid=1002", &g).await,
        "900-002"
    );
    assert_eq!(
        code(&sim, "POST", "/requestwhisperagent?whisperagentid=1001", &g).await,
        "0"
    );
    assert_eq!(sim.state("1002").await["state"], "whispering");
    assert_eq!(
        sim.state("1001").await["supervisedBy"],
        json!([{"inspector": "1002", "mode": "whisper"}])
    );
    assert_eq!(
        code(&sim, "POST", "/requestwhisperagent?whisperagentid=1001", &g).await,
        "900-003",
        "not idle"
    );
    // A whisper is not a listen/insert relation.
    assert_eq!(code(&sim, "POST", "/switch/1001", &g).await, "900-002");
    assert_eq!(code(&sim, "DELETE", "/1001", &g).await, "900-002");
    assert_eq!(
        code(
            &sim,
            "POST",
            "/requeststopwhisperagent?whisperagentid=1001",
            &g
        )
        .await,
        "0"
    );
    assert_eq!(mode(&sim).await, None);
    assert_eq!(
        sim.gw(
            "POST",
            &format!("{QC}/requestwhisperagent?whisperagentid=1001"),
            None,
            ""
        )
        .await
        .retcode(),
        "100-006"
    );
}

#[tokio::test]
async fn switch_toggles_listen_and_insert() {
    let sim = Sim::new();
    let g = setup(&sim).await;
    assert_eq!(code(&sim, "POST", "/switch/1001", &g).await, "900-002");
    assert_eq!(code(&sim, "POST", "/switch/99", &g).await, "000-002");
    assert_eq!(code(&sim, "PUT", "/addsupervise/1001", &g).await, "0");
    assert_eq!(code(&sim, "POST", "/switch/1001", &g).await, "0");
    assert_eq!(mode(&sim).await.as_deref(), Some("insert"));
    assert_eq!(code(&sim, "POST", "/switch/1001", &g).await, "0");
    assert_eq!(mode(&sim).await.as_deref(), Some("listen"));
    // Target without a call.
    sim.agent("1003").await;
    sim.ctl(
        "POST",
        "/__sim/qc",
        json!({"inspector": "1002", "target": "1003", "mode": "listen"}),
    )
    .await;
    assert_eq!(code(&sim, "POST", "/switch/1003", &g).await, "900-003");
}

#[tokio::test]
async fn switch_among_listen_insert_whisper() {
    let sim = Sim::new();
    let g = setup(&sim).await;
    let p =
        |t: &str| format!("/requestswitchinsertwhisperagent?whisperagentid=1001&switchtype={t}");
    assert_eq!(
        code(&sim, "POST", &p("1"), &g).await,
        "900-002",
        "no relation"
    );
    assert_eq!(code(&sim, "PUT", "/addinsert/1001", &g).await, "0");
    for (t, want) in [("2", "whisper"), ("0", "listen"), ("1", "insert")] {
        assert_eq!(code(&sim, "POST", &p(t), &g).await, "0");
        assert_eq!(mode(&sim).await.as_deref(), Some(want));
    }
    for bad in ["3", "", "-1", "x"] {
        assert_eq!(code(&sim, "POST", &p(bad), &g).await, "000-002", "{bad}");
    }
    assert_eq!(
        code(
            &sim,
            "POST",
            "/requestswitchinsertwhisperagent?switchtype=1",
            &g
        )
        .await,
        "000-002"
    );
}

#[tokio::test]
async fn stop_listen_or_insert() {
    let sim = Sim::new();
    let g = setup(&sim).await;
    assert_eq!(code(&sim, "DELETE", "/1001", &g).await, "900-002");
    assert_eq!(code(&sim, "PUT", "/addsupervise/1001", &g).await, "0");
    assert_eq!(
        code(&sim, "DELETE", "/1003", &g).await,
        "900-002",
        "other target"
    );
    assert_eq!(code(&sim, "DELETE", "/1001", &g).await, "0");
    assert_eq!(sim.state("1002").await["state"], "idle");
    assert_eq!(code(&sim, "PUT", "/addinsert/1001", &g).await, "0");
    assert_eq!(code(&sim, "DELETE", "/1001", &g).await, "0");
    assert_eq!(code(&sim, "DELETE", "/abc", &g).await, "000-002");
    // The target signing out ends the relation.
    assert_eq!(code(&sim, "PUT", "/addsupervise/1001", &g).await, "0");
    sim.ctl("POST", "/__sim/agents", json!({"agentId": "1001"}))
        .await;
    assert_eq!(mode(&sim).await, None);
}

#[tokio::test]
async fn intercept_with_call_id() {
    let sim = Sim::new();
    let g = setup(&sim).await;
    assert_eq!(
        code(&sim, "PUT", "/intercept/1001/1700000200-9", &g).await,
        "900-002"
    );
    assert_eq!(code(&sim, "PUT", "/addsupervise/1001", &g).await, "0");
    assert_eq!(
        code(&sim, "PUT", "/intercept/1001/1700000200-8", &g).await,
        "900-003"
    );
    assert_eq!(
        code(&sim, "PUT", "/intercept/99/1700000200-9", &g).await,
        "000-002"
    );
    assert_eq!(
        code(&sim, "PUT", "/intercept/1001/1700000200-9", &g).await,
        "0"
    );
    let st = sim.state("1002").await;
    assert_eq!(st["state"], "talking");
    assert_eq!(st["call"]["callid"], "1700000200-9");
    assert_eq!(
        sim.queued("1002").await,
        ["AgentEvent_Talking", "AgentMediaEvent_Record"]
    );
    assert_eq!(
        code(&sim, "PUT", "/intercept/1001/1700000200-9", &g).await,
        "900-003"
    );
}
