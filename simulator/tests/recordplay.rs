//! Record-play: voice-file play, pause, resume, fast-forward, rewind, stop, and the
//! failing network play (in-process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Sim;
use serde_json::json;

const PLAY: &str = "/recordplay/1001/play";

async fn code(sim: &Sim, method: &str, path: &str, guid: &str, body: &str) -> String {
    sim.gw(method, path, Some(guid), body).await.retcode()
}

#[tokio::test]
async fn voice_play_pause_resume_jump_stop() {
    let sim = Sim::new();
    let g = sim.agent("1001").await;
    // Nothing playing yet: every control is in the wrong state.
    for (path, want) in [
        ("/recordplay/1001/pauseplay", "500-003"),
        ("/recordplay/1001/resumeplay", "500-005"),
        ("/recordplay/1001/forefast/5", "500-002"),
        ("/recordplay/1001/backfast/5", "500-001"),
    ] {
        assert_eq!(code(&sim, "POST", path, &g, "").await, want, "{path}");
    }
    assert_eq!(
        code(&sim, "DELETE", "/recordplay/1001/stopplay", &g, "").await,
        "500-009"
    );

    let body = r#"{"voicepath":"Y:/voice/welcome.wav","startpostion":"0","volumechange":5,"speedchange":0,"times":1,"codeformat":"1"}"#;
    assert_eq!(code(&sim, "PUT", PLAY, &g, body).await, "0");
    let st = sim.state("1001").await;
    assert_eq!(st["state"], "playing");
    assert_eq!(st["playing"]["voicePath"], "Y:/voice/welcome.wav");
    assert_eq!(st["playing"]["volumeChange"], 5);
    assert_eq!(st["paused"], false);
    assert_eq!(
        code(&sim, "PUT", PLAY, &g, body).await,
        "500-007",
        "already playing"
    );
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/resumeplay", &g, "").await,
        "500-005"
    );
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/pauseplay", &g, "").await,
        "0"
    );
    assert_eq!(sim.state("1001").await["paused"], true);
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/pauseplay", &g, "").await,
        "500-003"
    );
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/resumeplay", &g, "").await,
        "0"
    );
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/forefast/30", &g, "").await,
        "0"
    );
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/backfast/0", &g, "").await,
        "0"
    );
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/backfast/2147483647", &g, "").await,
        "0"
    );
    for bad in [
        "forefast/0",
        "forefast/007",
        "forefast/x",
        "forefast/-3",
        "backfast/2147483648",
        "backfast/1.5",
    ] {
        assert_eq!(
            code(&sim, "POST", &format!("/recordplay/1001/{bad}"), &g, "").await,
            "000-002",
            "{bad}"
        );
    }
    assert_eq!(
        code(&sim, "POST", "/recordplay/1001/pauseplay", &g, "").await,
        "0"
    );
    assert_eq!(
        code(&sim, "DELETE", "/recordplay/1001/stopplay", &g, "").await,
        "0"
    );
    let st = sim.state("1001").await;
    assert_eq!(
        (st["playing"].is_null(), &st["paused"]),
        (true, &json!(false))
    );
    assert_eq!(
        sim.queued("1001").await,
        [
            "AgentMediaEvent_Play_Succ",
            "AgentMediaEvent_Play",
            "AgentMediaEvent_PausePlayDone",
            "AgentMediaEvent_ResumePlayDone",
            "AgentMediaEvent_JumpPlayDone",
            "AgentMediaEvent_JumpPlayDone",
            "AgentMediaEvent_JumpPlayDone",
            "AgentMediaEvent_PausePlayDone",
            "AgentMediaEvent_StopPlayDone",
        ]
    );
    // The Guid is required everywhere.
    assert_eq!(
        sim.gw("POST", "/recordplay/1001/pauseplay", None, "")
            .await
            .retcode(),
        "100-006"
    );
}

#[tokio::test]
async fn voice_play_validation_and_state() {
    let sim = Sim::new();
    let g = sim.agent("1001").await;
    let long = "v".repeat(257);
    for body in [
        json!({}).to_string(),
        json!({"voicepath": ""}).to_string(),
        json!({"voicepath": 7}).to_string(),
        json!({"voicepath": long}).to_string(),
        json!({"voicepath": "a", "times": "x"}).to_string(),
        json!({"voicepath": "a", "speedchange": 1.5}).to_string(),
        json!({"voicepath": "a", "codeformat": 2_147_483_648u64}).to_string(),
        "not json".to_string(),
    ] {
        assert_eq!(
            code(&sim, "PUT", PLAY, &g, &body).await,
            "000-002",
            "{body}"
        );
    }
    let ok = json!({"voicepath": "v".repeat(256)}).to_string();
    assert_eq!(
        sim.gw("POST", PLAY, Some(&g), &ok).await.status,
        405,
        "PUT only"
    );
    assert_eq!(code(&sim, "PUT", PLAY, &g, &ok).await, "0");
    assert_eq!(
        code(&sim, "DELETE", "/recordplay/1001/stopplay", &g, "").await,
        "0"
    );
    sim.ctl("POST", "/__sim/agents/1001/call", json!({})).await;
    assert_eq!(
        code(&sim, "PUT", PLAY, &g, &ok).await,
        "500-007",
        "in a call"
    );
}

#[tokio::test]
async fn failing_plays_queue_play_fail_then_stop_play_done() {
    let sim = Sim::new();
    let g = sim.agent("1001").await;
    let net = json!({"fileName": "Y:/fail/1.V3", "ccId": 1}).to_string();
    let r = sim
        .gw("POST", "/recordplay/1001/netplay", Some(&g), &net)
        .await;
    assert_eq!(
        r.json(),
        json!({"message": "success", "retcode": "0", "result": {}})
    );
    let st = sim.state("1001").await;
    assert!(st["playing"].is_null());
    assert_eq!(
        sim.queued("1001").await,
        ["AgentMediaEvent_Play_Fail", "AgentMediaEvent_StopPlayDone"]
    );
    let voice = json!({"voicepath": "fail.wav"}).to_string();
    assert_eq!(code(&sim, "PUT", PLAY, &g, &voice).await, "0");
    assert!(sim.state("1001").await["playing"].is_null());
    assert_eq!(sim.queued("1001").await.len(), 4);
}
