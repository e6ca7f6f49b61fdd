//! Quality control: listen/insert set-up and intercept (in-process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sim;
use serde_json::json;

const INTERCEPT: &str = "/qualitycontrol/1002/intercept/1001";

#[tokio::test]
async fn intercept_without_relation_is_900_002() {
    let sim = Sim::new();
    sim.agent("1001").await;
    let inspector = sim.agent("1002").await;
    sim.ctl("POST", "/__sim/agents/1001/call", json!({"answered": true}))
        .await;
    let r = sim.gw("PUT", INTERCEPT, Some(&inspector), "").await;
    assert_eq!(r.retcode(), "900-002");
    assert_eq!(
        sim.state("1001").await["state"],
        "talking",
        "nothing changed"
    );
}

#[tokio::test]
async fn intercept_after_addsupervise_succeeds() {
    let sim = Sim::new();
    sim.agent("1001").await;
    let inspector = sim.agent("1002").await;
    // Listening takes any signed-in agent, in a call or not (cec_07_2402); a target
    // that is not signed in is unavailable.
    assert_eq!(
        sim.gw(
            "PUT",
            "/qualitycontrol/1002/addsupervise/1003",
            Some(&inspector),
            ""
        )
        .await
        .retcode(),
        "900-003"
    );
    let r = sim
        .gw(
            "PUT",
            "/qualitycontrol/1002/addsupervise/1001",
            Some(&inspector),
            "",
        )
        .await;
    assert_eq!(
        r.json(),
        json!({"message": "", "retcode": "0", "result": {}})
    );
    assert_eq!(
        sim.gw("PUT", INTERCEPT, Some(&inspector), "")
            .await
            .retcode(),
        "900-003",
        "nothing to intercept while the agent has no call"
    );
    let call = sim.ctl("POST", "/__sim/agents/1001/call", json!({"callid": "1700000100-5", "caller": "10086", "called": "70092", "answered": true})).await.json();
    let st = sim.state("1002").await;
    assert_eq!(
        (
            st["state"].as_str(),
            st["qc"]["target"].as_str(),
            st["qc"]["mode"].as_str()
        ),
        (Some("listening"), Some("1001"), Some("listen"))
    );
    assert_eq!(
        sim.state("1001").await["supervisedBy"][0]["inspector"],
        "1002"
    );
    // A busy inspector cannot start a second monitoring.
    assert_eq!(
        sim.gw(
            "PUT",
            "/qualitycontrol/1002/addinsert/1001",
            Some(&inspector),
            ""
        )
        .await
        .retcode(),
        "900-003"
    );

    let r = sim.gw("PUT", INTERCEPT, Some(&inspector), "").await;
    assert_eq!(
        r.json(),
        json!({"message": "", "retcode": "0", "result": {}})
    );
    let target = sim.state("1001").await;
    assert_eq!(target["state"], "idle");
    assert!(target["call"].is_null());
    let st = sim.state("1002").await;
    assert_eq!(st["state"], "talking");
    assert_eq!(st["call"]["callid"], call["callid"]);
    assert!(st["qc"].is_null());
    let events = st["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0]["eventType"], "AgentEvent_Talking");
    assert_eq!(events[0]["workNo"], "1002");
    assert_eq!(
        events[0]["content"],
        json!({"caller": "10086", "called": "70092", "callid": "1700000100-5", "type": "main", "feature": "7", "mediaAbility": "1"})
    );
    assert_eq!(events[1]["eventType"], "AgentMediaEvent_Record");
    assert_eq!(events[1]["content"]["callId"], "1700000100-5");
    assert_eq!(events[1]["content"]["fileMediaType"], "1");
    // The relation is gone, so a second intercept has nothing to intercept.
    assert_eq!(
        sim.gw("PUT", INTERCEPT, Some(&inspector), "")
            .await
            .retcode(),
        "900-003"
    );
}

#[tokio::test]
async fn intercept_after_addinsert_and_control_whisper() {
    let sim = Sim::new();
    sim.agent("1001").await;
    let inspector = sim.agent("1002").await;
    sim.ctl("POST", "/__sim/agents/1001/call", json!({})).await;
    assert_eq!(
        sim.gw(
            "PUT",
            "/qualitycontrol/1002/addinsert/1001",
            Some(&inspector),
            ""
        )
        .await
        .retcode(),
        "0"
    );
    assert_eq!(sim.state("1002").await["state"], "inserting");
    assert_eq!(
        sim.gw("PUT", INTERCEPT, Some(&inspector), "")
            .await
            .retcode(),
        "0"
    );

    sim.agent("1003").await;
    let third = sim.agent("1004").await;
    sim.ctl("POST", "/__sim/agents/1003/call", json!({})).await;
    assert_eq!(
        sim.ctl(
            "POST",
            "/__sim/qc",
            json!({"inspector": "1004", "target": 1003, "mode": "whisper"})
        )
        .await
        .status,
        200
    );
    assert_eq!(sim.state("1004").await["state"], "whispering");
    assert_eq!(
        sim.gw(
            "PUT",
            "/qualitycontrol/1004/intercept/1003",
            Some(&third),
            ""
        )
        .await
        .retcode(),
        "0"
    );
}

#[tokio::test]
async fn intercept_target_unavailable_is_900_003() {
    let sim = Sim::new();
    let inspector = sim.agent("1002").await;
    // Target not signed in.
    assert_eq!(
        sim.gw("PUT", INTERCEPT, Some(&inspector), "")
            .await
            .retcode(),
        "900-003"
    );
    // Relation set, but the target has no call.
    sim.agent("1001").await;
    sim.ctl(
        "POST",
        "/__sim/qc",
        json!({"inspector": "1002", "target": "1001", "mode": "listen"}),
    )
    .await;
    assert_eq!(
        sim.gw("PUT", INTERCEPT, Some(&inspector), "")
            .await
            .retcode(),
        "900-003"
    );
    // Self-monitoring is refused.
    assert_eq!(
        sim.gw(
            "PUT",
            "/qualitycontrol/1002/addsupervise/1002",
            Some(&inspector),
            ""
        )
        .await
        .retcode(),
        "900-002"
    );
    // Control API validation.
    assert_eq!(
        sim.ctl(
            "POST",
            "/__sim/qc",
            json!({"inspector": "1002", "target": "1009", "mode": "listen"})
        )
        .await
        .status,
        409
    );
    assert_eq!(
        sim.ctl(
            "POST",
            "/__sim/qc",
            json!({"inspector": "1002", "target": "1001", "mode": "spy"})
        )
        .await
        .status,
        400
    );
}
