//! The agent session engine through the JS surface, against the simulator, in Node and in
//! headless Chromium: a full agent day, Guid rotation with requests in flight, network loss
//! and gateway restart, and the 2-minute rule (scaled down through the simulator's config).

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod sim;

use cec_agent::AgentClient;
use serde_json::{json, Value};
use sim::{control, expect_error, js, settle, sleep, text, to_json};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// Resets the simulator and makes it quick: polls held 300 ms.
async fn fresh(extra: Value) {
    control("POST", "/__sim/reset", None).await;
    control("DELETE", "/__sim/faults", None).await;
    let mut cfg = json!({"authMode": "dynamic", "rotateGuidEvery": 0, "pollHoldMs": 300, "idleSignoutMs": 120000});
    if let (Some(c), Some(e)) = (cfg.as_object_mut(), extra.as_object()) {
        c.extend(e.clone());
    }
    control("POST", "/__sim/config", Some(cfg)).await;
}

/// A client with fast poll timing, not yet signed in.
fn agent(id: &str) -> AgentClient {
    let cfg = json!({"baseUrl": sim::URL, "agentId": id, "allowInsecureHttp": true,
        "events": {"idleDelayMs": 50, "backoffInitialMs": 100, "backoffMaxMs": 400, "warnAfterMs": 600, "pollTimeoutMs": 5000}});
    AgentClient::new(js(cfg)).map_err(|e| to_json(&e)).unwrap()
}

/// Records what a client reports: every event and every status.
#[derive(Clone, Default)]
struct Recorder {
    events: Rc<RefCell<Vec<Value>>>,
    statuses: Rc<RefCell<Vec<Value>>>,
}

impl Recorder {
    fn attach(client: &AgentClient) -> Self {
        let r = Recorder::default();
        let events = r.events.clone();
        let on_event = Closure::<dyn FnMut(JsValue)>::new(move |e: JsValue| {
            events.borrow_mut().push(to_json(&e))
        });
        client.on("*".into(), on_event.into_js_value()).unwrap();
        let statuses = r.statuses.clone();
        let on_status = Closure::<dyn FnMut(JsValue)>::new(move |s: JsValue| {
            statuses.borrow_mut().push(to_json(&s))
        });
        client.on_status(on_status.into_js_value()).unwrap();
        r
    }

    fn types(&self) -> Vec<String> {
        self.events
            .borrow()
            .iter()
            .map(|e| e["eventType"].as_str().unwrap_or("").to_owned())
            .collect()
    }

    /// Waits (up to 5 s) until an event of `event_type` has arrived; returns it.
    async fn event(&self, event_type: &str) -> Value {
        for _ in 0..100 {
            if let Some(e) = self
                .events
                .borrow()
                .iter()
                .find(|e| e["eventType"] == event_type)
            {
                return e.clone();
            }
            sleep(50).await;
        }
        panic!("no {event_type} event; got {:?}", self.types())
    }

    /// Waits (up to `ms`) until a status of `kind` has been reported; returns it.
    async fn status(&self, kind: &str, ms: i32) -> Value {
        for _ in 0..(ms / 50).max(1) {
            if let Some(s) = self.statuses.borrow().iter().find(|s| s["type"] == kind) {
                return s.clone();
            }
            sleep(50).await;
        }
        panic!("no {kind} status; got {:?}", self.statuses.borrow())
    }
}

fn sign_in_request() -> JsValue {
    js(json!({"password": "Agent#2026", "phonenum": "70001"}))
}

#[wasm_bindgen_test]
async fn a_full_agent_day() {
    fresh(json!({})).await;
    let agent_1301 = agent("1301");
    let rec = Recorder::attach(&agent_1301);
    let signed = to_json(
        &settle(agent_1301.sign_in(sign_in_request(), None))
            .await
            .expect("sign in"),
    );
    assert_eq!(signed["workno"], "1301");
    assert!(agent_1301.signed_in() && agent_1301.polling() && agent_1301.has_guid());
    rec.event("AgentOther_InService").await;
    rec.event("AgentState_Ready").await;

    // A call rings: the event arrives, and call info can be queried.
    control(
        "POST",
        "/__sim/agents/1301/call",
        Some(json!({"callid": "1700000000-77", "caller": "13800000000", "called": "10086"})),
    )
    .await;
    let ringing = rec.event("AgentEvent_Ringing").await;
    assert_eq!(
        (
            ringing["known"].as_bool(),
            ringing["content"]["callid"].as_str()
        ),
        (Some(true), Some("1700000000-77"))
    );
    let calls = to_json(
        &settle(agent_1301.query_call_info_before_answer(None))
            .await
            .unwrap(),
    );
    assert_eq!(calls[0]["callid"], "1700000000-77");

    // Net play resolves with its success event; a failing file rejects with the failure event.
    let ok =
        to_json(
            &settle(agent_1301.begin_net_play_and_wait(
                js(json!({"fileName": "Y:/greeting.V3", "ccId": 1})),
                None,
            ))
            .await
            .expect("play"),
        );
    assert_eq!(ok["eventType"], "AgentMediaEvent_Play_Succ");
    settle(agent_1301.stop_play(None)).await.expect("stop play");
    rec.event("AgentMediaEvent_StopPlayDone").await;
    let failed = settle(
        agent_1301.begin_net_play_and_wait(js(json!({"fileName": "Y:/fail.V3", "ccId": 1})), None),
    )
    .await;
    let err = expect_error(failed, "outcome", "beginNetPlay");
    assert_eq!(text(&err, "eventType"), "AgentMediaEvent_Play_Fail");

    // Three-party call with an IVR: transmit numbers.
    control("POST", "/__sim/agents/1301/conference", None).await;
    settle(agent_1301.third_party_conf_transmit_num(None))
        .await
        .expect("transmit");

    // A supervisor signs in, listens, then intercepts and waits for the talking event.
    let supervisor = agent("1302");
    settle(supervisor.sign_in(sign_in_request(), None))
        .await
        .expect("supervisor signs in");
    settle(supervisor.add_supervise(js(json!({"workNo": "1301"})), None))
        .await
        .expect("listen");
    let talking = to_json(
        &settle(supervisor.intercept_and_wait(js(json!({"workNo": "1301"})), None))
            .await
            .expect("intercept"),
    );
    assert_eq!(
        (talking["eventType"].as_str(), talking["known"].as_bool()),
        (Some("AgentEvent_Talking"), Some(true))
    );

    // Both sign out: polling stops cleanly.
    for client in [&agent_1301, &supervisor] {
        settle(client.sign_out(None)).await.expect("sign out");
        assert!(!client.signed_in() && !client.polling() && !client.has_guid());
    }
    let stopped = rec.status("stopped", 2000).await;
    assert_eq!(stopped["reason"], "stopped");
    let polls = sim::requests("/agentevent/1301").await.len();
    sleep(400).await;
    assert_eq!(
        sim::requests("/agentevent/1301").await.len(),
        polls,
        "polling went on after sign-out"
    );
}

#[wasm_bindgen_test]
async fn sign_in_and_sign_out_never_overlap_and_100_002_can_force() {
    fresh(json!({})).await;
    let a = agent("1303");
    let rec = Recorder::attach(&a);
    let first = a.sign_in(sign_in_request(), None);
    let err = expect_error(settle(a.sign_out(None)).await, "state", "logout");
    assert!(text(&err, "message").contains("sign-in is still waiting"));
    expect_error(
        settle(a.sign_in(sign_in_request(), None)).await,
        "state",
        "login",
    );
    settle(first)
        .await
        .expect("the first sign-in still succeeds");

    // Another client for the same agent: 100-002, unless it forces.
    let b = agent("1303");
    let busy = expect_error(
        settle(b.sign_in(sign_in_request(), None)).await,
        "service",
        "login",
    );
    assert_eq!(text(&busy, "retcode"), "100-002");
    let forced = settle(b.sign_in(
        sign_in_request(),
        Some(js(json!({"forceIfSignedIn": true, "startEvents": false}))),
    ))
    .await;
    forced.expect("forced sign-in");
    assert!(b.signed_in() && !b.polling());
    // The first client's session was replaced: its poller learns it is signed out and stops.
    let stopped = rec.status("stopped", 3000).await;
    assert_eq!(stopped["reason"], "notSignedIn");
    assert!(!a.signed_in());
    let bad = expect_error(
        settle(b.sign_in(
            js(json!({"password": "x".repeat(33), "phonenum": "1"})),
            None,
        ))
        .await,
        "validation",
        "login",
    );
    assert_eq!(
        (text(&bad, "field"), text(&bad, "value")),
        ("password".to_owned(), "<redacted>".to_owned())
    );
    settle(b.sign_out(None)).await.unwrap();
}

#[wasm_bindgen_test]
async fn guid_rotation_mid_stream_with_requests_in_flight() {
    fresh(json!({"rotateGuidEvery": 1})).await;
    let a = agent("1304");
    settle(a.sign_in(sign_in_request(), None))
        .await
        .expect("sign in");
    for _ in 0..6 {
        // Several calls in flight while polls rotate the Guid under them.
        let pending: Vec<_> = (0..5)
            .map(|_| a.query_call_info_before_answer(None))
            .collect();
        for p in pending {
            settle(p).await.expect("no call fails across a rotation");
        }
        sleep(120).await;
    }
    let state = control("GET", "/__sim/agents/1304", None).await;
    assert!(state["guidRotations"].as_u64().unwrap_or(0) >= 3, "{state}");
    // A call that a browser queued behind a held poll can reach the gateway after two
    // rotations; the gateway refuses its Guid and the client resends it once with the new one.
    let log = sim::requests("/1304/").await;
    let calls: Vec<&Value> = log
        .iter()
        .filter(|r| {
            r["path"]
                .as_str()
                .unwrap_or("")
                .contains("callinfobeforeanswer")
        })
        .collect();
    let refused = calls.iter().filter(|r| r["guidState"] == "unknown").count();
    assert_eq!(
        calls.len(),
        30 + refused,
        "each call was sent once, plus one resend per refused Guid"
    );
    assert!(
        refused <= 5,
        "most calls went out with a current Guid: {refused} refused"
    );
    settle(a.sign_out(None)).await.unwrap();
}

#[wasm_bindgen_test]
async fn network_loss_then_recovery_and_gateway_restart() {
    fresh(json!({})).await;
    let a = agent("1305");
    let rec = Recorder::attach(&a);
    settle(a.sign_in(sign_in_request(), None))
        .await
        .expect("sign in");
    rec.event("AgentState_Ready").await;
    control(
        "POST",
        "/__sim/outage",
        Some(json!({"ms": 1500, "keepSessions": true})),
    )
    .await;
    let failed = rec.status("pollFailed", 3000).await;
    assert_eq!(failed["errorKind"], "network");
    rec.status("signOutRisk", 3000).await;
    rec.status("recovered", 5000).await;
    // Jittered back-offs (from Math.random here): within 100 ms..backoffMaxMs, and not the bare
    // doubling 100, 200, 400 (the first is 100: its bound is the floor).
    let retries: Vec<f64> = rec
        .statuses
        .borrow()
        .iter()
        .filter(|s| s["type"] == "pollFailed")
        .filter_map(|s| s["retryInMs"].as_f64())
        .collect();
    assert!(
        !retries.is_empty() && retries.iter().all(|r| (100.0..=400.0).contains(r)),
        "{retries:?}"
    );
    assert!(
        retries.iter().any(|r| ![100.0, 200.0, 400.0].contains(r)),
        "{retries:?}"
    );
    control(
        "POST",
        "/__sim/agents/1305/events",
        Some(json!({"eventType": "AgentEvent_Brand_New", "content": {"x": 1}})),
    )
    .await;
    let unknown = rec.event("AgentEvent_Brand_New").await;
    assert_eq!(
        (unknown["known"].as_bool(), unknown["content"]["x"].as_i64()),
        (Some(false), Some(1))
    );
    assert!(a.polling());

    // A restart loses every session: the poller stops with notSignedIn; signing in again works.
    control(
        "POST",
        "/__sim/outage",
        Some(json!({"ms": 300, "keepSessions": false})),
    )
    .await;
    let stopped = rec.status("stopped", 5000).await;
    assert_eq!(stopped["reason"], "notSignedIn");
    assert!(!a.polling() && !a.signed_in());
    settle(a.sign_in(sign_in_request(), None))
        .await
        .expect("sign in after the restart");
    assert!(a.polling());
    settle(a.sign_out(None)).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_two_minute_rule_scaled_down() {
    // The simulator signs out agents nobody polls for idleSignoutMs (120 s on a real gateway).
    fresh(json!({"idleSignoutMs": 800})).await;
    let a = agent("1306");
    settle(a.sign_in(sign_in_request(), Some(js(json!({"startEvents": false})))))
        .await
        .expect("sign in");
    sleep(1300).await;
    let err = expect_error(
        settle(a.query_call_info_before_answer(None)).await,
        "service",
        "queryCallInfoBeforeAnswer",
    );
    assert_eq!(text(&err, "retcode"), "100-006");

    // With the poller running, the same agent stays signed in well past the limit.
    let b = agent("1307");
    settle(b.sign_in(sign_in_request(), None))
        .await
        .expect("sign in");
    sleep(1600).await;
    settle(b.query_call_info_before_answer(None))
        .await
        .expect("still signed in");
    settle(b.sign_out(None)).await.unwrap();
}

#[wasm_bindgen_test]
async fn events_iterator_and_abort_signal() {
    fresh(json!({})).await;
    let a = agent("1308");
    settle(a.sign_in(sign_in_request(), Some(js(json!({"startEvents": false})))))
        .await
        .unwrap();
    let controller = web_sys::AbortController::new().unwrap();
    let opts = js_sys::Object::new();
    js_sys::Reflect::set(&opts, &"signal".into(), &controller.signal()).unwrap();
    let iter = a.events(Some(opts.clone().into())).unwrap();
    a.start_events(Some(opts.into())).unwrap();
    let next: js_sys::Function = js_sys::Reflect::get(&iter, &"next".into())
        .unwrap()
        .unchecked_into();
    let first = to_json(
        &settle(next.call0(&iter).unwrap().unchecked_into())
            .await
            .unwrap(),
    );
    assert_eq!(
        (
            first["done"].as_bool(),
            first["value"]["eventType"].as_str()
        ),
        (Some(false), Some("AgentOther_InService"))
    );
    controller.abort();
    sleep(100).await;
    assert!(!a.polling(), "the signal stops the poller");
    let mut last = json!(null);
    for _ in 0..5 {
        last = to_json(
            &settle(next.call0(&iter).unwrap().unchecked_into())
                .await
                .unwrap(),
        );
        if last["done"] == true {
            break;
        }
    }
    assert_eq!(last["done"], true, "the iterator ends after the signal");
    settle(a.sign_out(None)).await.unwrap();
}

#[wasm_bindgen_test]
async fn record_play_controls_and_their_events() {
    fresh(json!({})).await;
    let a = agent("1309");
    let rec = Recorder::attach(&a);
    settle(a.sign_in(sign_in_request(), None))
        .await
        .expect("sign in");
    // Nothing is playing yet: each control gets its documented wrong-state code.
    for (result, op, code) in [
        (settle(a.pause_play(None)).await, "pausePlay", "500-003"),
        (settle(a.resume_play(None)).await, "resumePlay", "500-005"),
        (
            settle(a.fore_fast_play(js(json!({"time": 5})), None)).await,
            "foreFastPlay",
            "500-002",
        ),
        (
            settle(a.back_fast_play(js(json!({"time": 5})), None)).await,
            "backFastPlay",
            "500-001",
        ),
        (settle(a.stop_play(None)).await, "stopPlay", "500-009"),
    ] {
        assert_eq!(text(&expect_error(result, "service", op), "retcode"), code);
    }
    let bad = expect_error(
        settle(a.fore_fast_play(js(json!({"time": 0})), None)).await,
        "validation",
        "foreFastPlay",
    );
    assert_eq!(
        (text(&bad, "field"), text(&bad, "rule")),
        ("time".to_owned(), "range".to_owned())
    );

    settle(a.begin_play(
        js(json!({"voicepath": "Y:/hold-music.V3", "times": 1})),
        None,
    ))
    .await
    .expect("play");
    rec.event("AgentMediaEvent_Play_Succ").await;
    settle(a.pause_play(None)).await.expect("pause");
    rec.event("AgentMediaEvent_PausePlayDone").await;
    settle(a.resume_play(None)).await.expect("resume");
    rec.event("AgentMediaEvent_ResumePlayDone").await;
    settle(a.fore_fast_play(js(json!({"time": 10})), None))
        .await
        .expect("fast-forward");
    settle(a.back_fast_play(js(json!({"time": "0"})), None))
        .await
        .expect("rewind");
    rec.event("AgentMediaEvent_JumpPlayDone").await;
    settle(a.stop_play(None)).await.expect("stop");
    rec.event("AgentMediaEvent_StopPlayDone").await;
    let log = sim::requests("/recordplay/1309/").await;
    let paths: Vec<&str> = log
        .iter()
        .filter(|r| r["guidState"] == "current")
        .map(|r| r["path"].as_str().unwrap_or(""))
        .collect();
    assert!(
        paths.contains(&"/agentgateway/resource/recordplay/1309/forefast/10"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"/agentgateway/resource/recordplay/1309/backfast/0"),
        "{paths:?}"
    );
    settle(a.sign_out(None)).await.unwrap();
}

#[wasm_bindgen_test]
async fn supervisor_listen_insert_whisper_switch_and_stop() {
    fresh(json!({})).await;
    let agent_1310 = agent("1310");
    settle(agent_1310.sign_in(sign_in_request(), Some(js(json!({"startEvents": true})))))
        .await
        .expect("agent");
    control(
        "POST",
        "/__sim/agents/1310/call",
        Some(json!({"callid": "1700000001-1"})),
    )
    .await;
    let sup = agent("1311");
    settle(sup.sign_in(sign_in_request(), None))
        .await
        .expect("supervisor");
    let target = || js(json!({"workNo": "1310"}));

    let none = expect_error(
        settle(sup.switch_supervise_or_insert(target(), None)).await,
        "service",
        "switchSuperviseOrInsert",
    );
    assert_eq!(text(&none, "retcode"), "900-002");
    settle(sup.add_supervise(target(), None))
        .await
        .expect("listen");
    settle(sup.switch_supervise_or_insert(target(), None))
        .await
        .expect("listen -> insert");
    let mode = |t: i64| js(json!({"workNo": 1310, "switchType": t}));
    settle(sup.request_switch_insert_whisper_agent(mode(2), None))
        .await
        .expect("-> whisper");
    let bad = expect_error(
        settle(sup.request_switch_insert_whisper_agent(mode(3), None)).await,
        "validation",
        "requestSwitchInsertWhisperAgent",
    );
    assert_eq!(text(&bad, "field"), "switchType");
    settle(sup.request_stop_whisper_agent(target(), None))
        .await
        .expect("stop whisper");
    let gone = expect_error(
        settle(sup.stop_supervise(target(), None)).await,
        "service",
        "stopSupervise",
    );
    assert_eq!(text(&gone, "retcode"), "900-002");
    settle(sup.request_whisper_agent(target(), None))
        .await
        .expect("whisper");
    settle(sup.request_stop_whisper_agent(target(), None))
        .await
        .expect("stop whisper");
    settle(sup.add_insert(target(), None))
        .await
        .expect("insert");
    settle(sup.stop_supervise(target(), None))
        .await
        .expect("stop insert");

    // The newer intercept variant names the call; a wrong call ID is refused.
    settle(sup.add_supervise(target(), None))
        .await
        .expect("listen again");
    let wrong = expect_error(
        settle(sup.intercept(js(json!({"workNo": "1310", "callId": "9-9"})), None)).await,
        "service",
        "intercept",
    );
    assert_eq!(text(&wrong, "retcode"), "900-003");
    settle(sup.intercept(
        js(json!({"workNo": "1310", "callId": "1700000001-1"})),
        None,
    ))
    .await
    .expect("intercept by call ID");
    let log = sim::requests("/qualitycontrol/1311/").await;
    let methods: Vec<String> = log
        .iter()
        .map(|r| {
            format!(
                "{} {}",
                r["method"].as_str().unwrap_or(""),
                r["path"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        methods.contains(&"DELETE /agentgateway/resource/qualitycontrol/1311/1310".to_owned()),
        "{methods:?}"
    );
    for c in [&agent_1310, &sup] {
        settle(c.sign_out(None)).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn platform_only_sign_in_heartbeat_and_update_guid() {
    fresh(json!({})).await;
    let a = agent("1312");
    let signed = to_json(
        &settle(a.sign_in_ex(js(json!({"agenttype": 11})), None))
            .await
            .expect("loginEx with an empty password"),
    );
    assert_eq!(signed["workno"], "1312");
    assert!(a.signed_in() && a.polling());
    let bad = expect_error(
        settle(a.sign_in_ex(js(json!({"status": 7})), None)).await,
        "validation",
        "loginEx",
    );
    assert_eq!(text(&bad, "field"), "status");
    settle(a.heartbeat(Some(js(json!({"serviceToken": "tok_1"})))))
        .await
        .expect("heartbeat");
    let refused = expect_error(
        settle(a.heartbeat(Some(js(json!({"serviceToken": "bad token"}))))).await,
        "validation",
        "handShake",
    );
    assert_eq!(text(&refused, "value"), "<redacted>");
    let before = control("GET", "/__sim/agents/1312", None).await["guidRotations"]
        .as_u64()
        .unwrap_or(0);
    settle(a.update_guid(None)).await.expect("updateGuid");
    settle(a.query_call_info_before_answer(None))
        .await
        .expect("works with the new Guid");
    let log = sim::requests("/calldata/1312/").await;
    assert_eq!(
        log.last().map(|r| r["guidState"].clone()),
        Some(json!("current")),
        "the new Guid is used: {before}"
    );
    settle(a.sign_out(None)).await.unwrap();
}
