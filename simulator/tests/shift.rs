//! An agent's shift against the stateful simulator (issue 16): states with their events,
//! the call life cycle, transfers to a second agent, consult and conference, callOut
//! outcomes, the rest reminder, call data and the wrong-state codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::{Resp, Sim};
use serde_json::{json, Value};

/// A signed-in agent of the simulator.
struct Agent<'a> {
    sim: &'a Sim,
    id: &'static str,
    guid: String,
}

impl<'a> Agent<'a> {
    async fn new(sim: &'a Sim, id: &'static str) -> Agent<'a> {
        Agent {
            sim,
            id,
            guid: sim.agent(id).await,
        }
    }

    /// A gateway call under `/{domain}/{id}{rest}`.
    async fn call(&self, method: &str, domain: &str, rest: &str, body: Value) -> Resp {
        let body = if body.is_null() {
            String::new()
        } else {
            body.to_string()
        };
        self.sim
            .gw(
                method,
                &format!("/{domain}/{}{rest}", self.id),
                Some(&self.guid),
                &body,
            )
            .await
    }

    /// Asserts the retcode of a call without a body.
    async fn expect(&self, method: &str, domain: &str, rest: &str, retcode: &str) {
        let got = self.code(method, domain, rest, Value::Null).await;
        assert_eq!(got, retcode, "{method} {domain}/{}{rest}", self.id);
    }

    async fn code(&self, method: &str, domain: &str, rest: &str, body: Value) -> String {
        self.call(method, domain, rest, body).await.retcode()
    }

    /// Polls every queued event: (type, content).
    async fn events(&self) -> Vec<(String, Value)> {
        let mut out = Vec::new();
        for _ in 0..self.sim.queued(self.id).await.len() {
            let j = self.sim.poll(self.id, &self.guid).await.json();
            out.push((
                j["event"]["eventType"].as_str().unwrap().to_owned(),
                j["event"]["content"].clone(),
            ));
        }
        out
    }

    async fn event_types(&self) -> Vec<String> {
        self.events().await.into_iter().map(|(t, _)| t).collect()
    }

    /// getAgentStatus.
    async fn status(&self) -> Value {
        let r = self
            .call("GET", "onlineagent", "/agentstatus", Value::Null)
            .await
            .json();
        assert_eq!(r["retcode"], "0", "{r}");
        r["result"].clone()
    }

    async fn agent_state(&self) -> i64 {
        self.status().await["agentState"].as_i64().unwrap()
    }

    async fn sim_state(&self) -> Value {
        self.sim.state(self.id).await
    }

    /// A customer call ringing this agent; its call ID.
    async fn ring(&self, caller: &str) -> String {
        let r = self
            .sim
            .ctl(
                "POST",
                &format!("/__sim/agents/{}/call", self.id),
                json!({"caller": caller, "called": "10086"}),
            )
            .await;
        r.json()["callid"].as_str().unwrap().to_owned()
    }
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(150)).await;
}

fn result_callid(r: &Resp) -> String {
    let j = r.json();
    assert_eq!(j["retcode"], "0", "{j}");
    j["result"]
        .as_str()
        .expect("result is the call ID")
        .to_owned()
}

#[tokio::test]
async fn call_life_cycle_ring_answer_hold_mute_dtmf_release() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    assert_eq!(
        a.code("PUT", "voicecall", "/answer", Value::Null).await,
        "200-002",
        "nothing rings"
    );
    a.expect("DELETE", "voicecall", "/release", "200-017").await;
    a.expect("POST", "voicecall", "/hold", "100-007").await;
    assert_eq!(
        a.status().await,
        json!({"agentState": 4, "isWorking": false})
    );

    let callid = a.ring("13800000000").await;
    assert_eq!(a.event_types().await, ["AgentEvent_Ringing"]);
    assert_eq!(a.agent_state().await, 7);
    assert_eq!(a.sim_state().await["state"], "ringing");
    a.expect("PUT", "voicecall", "/answer?callid=9-9", "200-002")
        .await;
    a.expect("PUT", "voicecall", "/answer?callid=", "000-002")
        .await;
    a.expect("PUT", "voicecall", &format!("/answer?callid={callid}"), "0")
        .await;
    let ev = a.events().await;
    assert_eq!(ev[0].0, "AgentEvent_Talking");
    assert_eq!(ev[0].1["callid"], callid.as_str());
    assert_eq!(ev[0].1["caller"], "13800000000");

    a.expect("POST", "voicecall", "/hold", "0").await;
    assert_eq!(
        a.events().await,
        [("AgentEvent_Hold".to_owned(), json!(callid))],
        "bare call ID"
    );
    assert_eq!(a.sim_state().await["calls"][0]["state"], "held");
    assert_eq!(a.agent_state().await, 7, "held is still in a call");
    a.expect("POST", "voicecall", "/hold", "100-007").await;
    assert_eq!(
        a.code("POST", "voicecall", "/beginmute", Value::Null).await,
        "100-007",
        "not while held"
    );
    a.expect("POST", "voicecall", "/gethold?callid=9-9", "100-007")
        .await;
    a.expect("POST", "voicecall", "/gethold", "0").await;
    assert_eq!(a.event_types().await, ["AgentEvent_Talking"]);

    a.expect("POST", "voicecall", "/beginmute", "0").await;
    assert_eq!(a.sim_state().await["calls"][0]["muted"], true);
    a.expect("POST", "voicecall", "/endmute", "0").await;
    assert_eq!(a.sim_state().await["calls"][0]["muted"], false);
    a.expect("POST", "voicecall", "/seconddialex?number=12%2A%23", "0")
        .await;
    for bad in [
        "",
        "?number=",
        "?number=12a",
        &format!("?number={}", "1".repeat(25)),
    ] {
        assert_eq!(
            a.code(
                "POST",
                "voicecall",
                &format!("/seconddialex{bad}"),
                Value::Null
            )
            .await,
            "000-002",
            "{bad}"
        );
    }
    assert_eq!(a.sim_state().await["calls"][0]["dtmf"], "12*#");

    a.expect("DELETE", "voicecall", "/release", "0").await;
    assert_eq!(
        a.events().await,
        [
            ("AgentEvent_Call_Release".to_owned(), json!(callid)),
            ("AgentOther_PhoneRelease".to_owned(), Value::Null),
            ("AgentState_Ready".to_owned(), Value::Null),
        ]
    );
    assert_eq!(a.agent_state().await, 4);
    // queryCallInfo: one object, the last call unless isNoContainLastCall=true.
    let info = a
        .call("GET", "calldata", "/callinfo", Value::Null)
        .await
        .json();
    assert_eq!(
        (
            info["result"]["callid"].as_str(),
            info["result"]["endtime"].is_i64()
        ),
        (Some(callid.as_str()), true)
    );
    a.expect(
        "GET",
        "calldata",
        "/callinfo?isNoContainLastCall=true",
        "400-001",
    )
    .await;
}

#[tokio::test]
async fn customer_hangs_up_and_wrap_up_follows_without_auto_idle() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    a.expect("POST", "onlineagent", "/autoenteridle/false", "0")
        .await;
    a.expect("POST", "onlineagent", "/autoenteridle/toolong", "000-002")
        .await;
    let callid = a.ring("70001").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.events().await;
    let r = sim
        .ctl(
            "POST",
            &format!("/__sim/calls/{callid}/hangup"),
            Value::Null,
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        a.events().await,
        [
            (
                "AgentEvent_Customer_Release".to_owned(),
                json!({"callid": callid, "number": "70001"})
            ),
            ("AgentEvent_Call_Release".to_owned(), json!(callid)),
            ("AgentOther_PhoneRelease".to_owned(), Value::Null),
            ("AgentState_Work".to_owned(), Value::Null),
        ]
    );
    assert_eq!(
        a.status().await,
        json!({"agentState": 5, "isWorking": true})
    );
    assert_eq!(
        sim.ctl(
            "POST",
            &format!("/__sim/calls/{callid}/hangup"),
            Value::Null
        )
        .await
        .status,
        404
    );
    a.expect("POST", "onlineagent", "/cancelwork", "0").await;
    assert_eq!(
        a.event_types().await,
        ["AgentState_CancelWork_Success", "AgentState_Ready"]
    );
    a.expect("POST", "onlineagent", "/cancelwork", "100-009")
        .await;
}

#[tokio::test]
async fn state_changes_with_their_events_and_codes() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    a.expect("POST", "onlineagent", "/saybusy?reason=201", "0")
        .await;
    assert_eq!(
        a.events().await,
        // No AgentState_Busy: that is the "occupied" state (a call, a playback).
        [(
            "AgentState_SetNotReady_Success".to_owned(),
            json!({"reason": "201"})
        )]
    );
    assert_eq!(a.agent_state().await, 3);
    assert_eq!(a.sim_state().await["busyReason"], 201);
    // Already busy: reason and prolong are both required.
    a.expect("POST", "onlineagent", "/saybusy", "000-002").await;
    a.expect("POST", "onlineagent", "/saybusy?reason=202", "000-002")
        .await;
    a.expect(
        "POST",
        "onlineagent",
        "/saybusy?reason=202&prolong=true",
        "0",
    )
    .await;
    for bad in ["?reason=199", "?reason=251", "?reason=x", "?prolong=yes"] {
        assert_eq!(
            a.code(
                "POST",
                "onlineagent",
                &format!("/saybusy{bad}"),
                Value::Null
            )
            .await,
            "000-002",
            "{bad}"
        );
    }
    a.events().await;
    a.expect("POST", "onlineagent", "/cancelbusy", "0").await;
    assert_eq!(
        a.event_types().await,
        ["AgentState_CancelNotReady_Success", "AgentState_Ready"]
    );
    a.expect("POST", "onlineagent", "/cancelbusy", "100-009")
        .await;
    a.expect("POST", "onlineagent", "/work", "0").await;
    assert_eq!(a.event_types().await, ["AgentState_Work"]);
    assert_eq!(
        a.status().await,
        json!({"agentState": 5, "isWorking": true})
    );
    a.expect("POST", "onlineagent", "/sayfree", "0").await;
    assert_eq!(
        a.event_types().await,
        ["AgentState_CancelWork_Success", "AgentState_Ready"]
    );
    a.expect("POST", "onlineagent", "/saybusy", "0").await;
    assert_eq!(
        a.events().await[0].1,
        json!({"reason": "1"}),
        "no reason: the agent itself"
    );
    a.expect("POST", "onlineagent", "/sayfree", "0").await;
    assert_eq!(
        a.event_types().await,
        ["AgentState_CancelNotReady_Success", "AgentState_Ready"]
    );
    // Signed out: 100-006; getAgentStatus is a session call like the others.
    assert_eq!(
        sim.gw("GET", "/onlineagent/1001/agentstatus", Some("bad"), "")
            .await
            .retcode(),
        "100-006"
    );
}

#[tokio::test]
async fn rest_success_is_asynchronous_and_the_timeout_only_reminds() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    for bad in [
        "/rest/0/0",
        "/rest/86400/0",
        "/rest/10/256",
        "/rest/x/1",
        "/rest/10/1?prolong=maybe",
    ] {
        assert_eq!(
            a.code("POST", "onlineagent", bad, Value::Null).await,
            "000-002",
            "{bad}"
        );
    }
    a.expect("POST", "onlineagent", "/cancelrest", "100-009")
        .await;
    a.expect("POST", "onlineagent", "/rest/1/3", "0").await;
    assert!(
        sim.queued("1001").await.is_empty(),
        "SetRest_Success comes later than the answer"
    );
    assert_eq!(
        a.code("POST", "onlineagent", "/rest/1/3", Value::Null)
            .await,
        "100-009",
        "already asked"
    );
    settle().await;
    assert_eq!(
        a.events().await,
        [(
            "AgentState_SetRest_Success".to_owned(),
            json!({"reason": "3"})
        )]
    );
    assert_eq!(a.agent_state().await, 8);
    assert_eq!(a.sim_state().await["rest"]["cause"], 3);
    a.expect("POST", "onlineagent", "/sayfree", "100-009").await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(a.event_types().await, ["AgentState_Rest_Timeout"]);
    assert_eq!(a.agent_state().await, 8, "still at rest after the reminder");
    a.expect("POST", "onlineagent", "/cancelrest", "0").await;
    assert_eq!(
        a.event_types().await,
        ["AgentState_CancelRest_Success", "AgentState_Ready"]
    );
    assert_eq!(a.agent_state().await, 4);

    // Asked during a call: pre-rest (9); the rest begins after the call.
    a.ring("70001").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.expect("POST", "onlineagent", "/rest/60/0", "0").await;
    assert_eq!(a.agent_state().await, 9);
    a.events().await;
    a.code("DELETE", "voicecall", "/release", Value::Null).await;
    settle().await;
    assert_eq!(
        a.event_types().await,
        [
            "AgentEvent_Call_Release",
            "AgentOther_PhoneRelease",
            "AgentState_SetRest_Success"
        ]
    );
    assert_eq!(a.agent_state().await, 8);
    // The delay is configurable.
    sim.config(json!({"asyncEventDelayMs": 400})).await;
    a.code("POST", "onlineagent", "/cancelrest", Value::Null)
        .await;
    a.code("POST", "onlineagent", "/rest/60/0", Value::Null)
        .await;
    a.events().await;
    settle().await;
    assert!(sim.queued("1001").await.is_empty());
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(sim.queued("1001").await, ["AgentState_SetRest_Success"]);
}

#[tokio::test]
async fn transfer_to_a_second_agent_success_and_release_modes() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    let b = Agent::new(&sim, "1002").await;
    let transfer = |mode: i64| json!({"devicetype": 2, "address": "1002", "mode": mode});
    assert_eq!(
        a.code("POST", "voicecall", "/transfer", transfer(2)).await,
        "100-007",
        "no call"
    );
    let callid = a.ring("70001").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.events().await;
    for bad in [
        json!({"devicetype": 3, "address": "1", "mode": 2}),
        json!({"devicetype": 5, "address": "12F", "mode": 2}),
        json!({"devicetype": 2, "address": "10a2", "mode": 0}),
        json!({"devicetype": 6, "address": "1", "mode": 0}),
        json!({"devicetype": 2, "address": "1002"}),
        json!({"devicetype": 2, "address": "1002", "mode": 0, "callappdata": "x".repeat(16 * 1024 + 1)}),
    ] {
        assert_eq!(
            a.code("POST", "voicecall", "/transfer", bad.clone()).await,
            "000-002",
            "{bad}"
        );
    }
    // Success transfer: B rings, A keeps the customer until B answers.
    assert_eq!(
        a.code("POST", "voicecall", "/transfer", transfer(2)).await,
        "0"
    );
    let rung = b.events().await;
    assert_eq!(rung[0].0, "AgentEvent_Ringing");
    assert_eq!(
        (
            rung[0].1["callid"].as_str(),
            rung[0].1["transFrom"].as_str()
        ),
        (Some(callid.as_str()), Some("1001"))
    );
    assert_eq!(a.event_types().await, ["AgentEvent_Customer_Alerting"]);
    assert_eq!(a.agent_state().await, 7);
    b.expect("PUT", "voicecall", "/answer", "0").await;
    assert_eq!(b.event_types().await, ["AgentEvent_Talking"]);
    let ev = a.events().await;
    assert_eq!(
        ev[0],
        (
            "AgentEvent_SuccTransResult".to_owned(),
            json!({"callId": callid, "result": "0"})
        )
    );
    assert_eq!(
        ev[1..].iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        [
            "AgentEvent_Call_Release",
            "AgentOther_PhoneRelease",
            "AgentState_Ready"
        ]
    );
    assert_eq!(b.sim_state().await["calls"][0]["callid"], callid.as_str());
    assert_eq!(a.agent_state().await, 4);

    // Release transfer back: B leaves at once, A rings.
    assert_eq!(
        b.code(
            "POST",
            "voicecall",
            "/transfer",
            json!({"devicetype": 2, "address": "1001", "mode": 0})
        )
        .await,
        "0"
    );
    assert_eq!(
        b.event_types().await[1..],
        [
            "AgentEvent_Call_Release",
            "AgentOther_PhoneRelease",
            "AgentState_Ready"
        ]
    );
    assert_eq!(a.sim_state().await["state"], "ringing");
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.events().await;

    // A busy (or signed-out) agent cannot take it: Connect_Fail later, A keeps the call.
    b.code("POST", "onlineagent", "/saybusy", Value::Null).await;
    assert_eq!(
        a.code("POST", "voicecall", "/transfer", transfer(2)).await,
        "0"
    );
    settle().await;
    assert_eq!(
        a.events().await,
        [("AgentEvent_Connect_Fail".to_owned(), json!(callid))]
    );
    assert_eq!(a.sim_state().await["state"], "talking");
}

#[tokio::test]
async fn external_transfer_three_party_and_cancel() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    let callid = a.ring("70001").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.expect("POST", "voicecall", "/canceltransfer", "100-007")
        .await;
    a.events().await;
    let body = json!({"devicetype": 5, "address": "8800aB#", "mode": 4, "holdflag": "true"});
    assert_eq!(a.code("POST", "voicecall", "/transfer", body).await, "0");
    settle().await;
    assert_eq!(
        a.events().await.last().unwrap(),
        &(
            "AgentEvent_Conference".to_owned(),
            json!({"callid": callid, "partner": "70001,8800aB#"})
        )
    );
    assert_eq!(a.sim_state().await["state"], "conference");
    a.expect("POST", "voicecall", "/canceltransfer", "0").await;
    assert_eq!(a.sim_state().await["state"], "talking");
    // A busy outside number: Connect_Fail, the call goes on.
    sim.ctl("POST", "/__sim/numbers/88002", json!({"outcome": "busy"}))
        .await;
    a.events().await;
    a.code(
        "POST",
        "voicecall",
        "/transfer",
        json!({"devicetype": 5, "address": "88002", "mode": 2}),
    )
    .await;
    settle().await;
    assert_eq!(
        a.events().await,
        [("AgentEvent_Connect_Fail".to_owned(), json!(callid))]
    );
    assert_eq!(
        a.sim_state().await["calls"][0]["parties"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn consult_then_conference_and_three_party_help() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    let b = Agent::new(&sim, "1002").await;
    let first = a.ring("70001").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.events().await;
    assert_eq!(
        a.code("POST", "voicecall", "/confjoin", json!({"callid": first}))
            .await,
        "200-010",
        "not held"
    );
    assert_eq!(
        a.code("POST", "voicecall", "/innerhelp", json!({"devicetype": 2}))
            .await,
        "000-002"
    );
    // Two-party help (consult): the customer is held, B rings in a new call.
    let r = a
        .call(
            "POST",
            "voicecall",
            "/innerhelp",
            json!({"dstaddress": "1002", "devicetype": 2, "mode": 1}),
        )
        .await;
    let consult = result_callid(&r);
    assert_ne!(consult, first);
    assert_eq!(
        a.events().await[0],
        ("AgentEvent_Hold".to_owned(), json!(first))
    );
    assert_eq!(b.event_types().await, ["AgentEvent_Ringing"]);
    assert_eq!(
        a.code("POST", "voicecall", "/confjoin", json!({"callid": first}))
            .await,
        "200-011",
        "B has not answered"
    );
    b.code("PUT", "voicecall", "/answer", Value::Null).await;
    assert_eq!(
        a.events().await[0].1["callid"],
        consult.as_str(),
        "A talks to B"
    );
    b.events().await;
    assert_eq!(
        a.code("POST", "voicecall", "/confjoin", json!({"callid": first}))
            .await,
        "0"
    );
    assert_eq!(
        a.events().await,
        [(
            "AgentEvent_Conference".to_owned(),
            json!({"callid": first, "partner": "70001,1002"})
        )]
    );
    assert_eq!(
        b.events().await,
        [(
            "AgentEvent_Conference".to_owned(),
            json!({"callid": first, "partner": "70001,1001"})
        )]
    );
    assert_eq!(
        (
            a.sim_state().await["state"].as_str(),
            b.sim_state().await["state"].as_str()
        ),
        (Some("conference"), Some("conference"))
    );
    // A leaves: B and the customer go on talking.
    a.code("DELETE", "voicecall", "/release", Value::Null).await;
    assert_eq!(
        b.events().await[0],
        (
            "AgentEvent_Customer_Release".to_owned(),
            json!({"callid": first, "number": "81001"})
        )
    );
    assert_eq!(b.sim_state().await["state"], "talking");
    b.code("DELETE", "voicecall", "/release", Value::Null).await;

    // Three-party help: B rings into the customer's call; answering makes the conference.
    let second = a.ring("70002").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.events().await;
    b.events().await;
    let r = a
        .call(
            "POST",
            "voicecall",
            "/innerhelp",
            json!({"dstaddress": "1002", "mode": 2}),
        )
        .await;
    assert_eq!(result_callid(&r), second);
    b.code("PUT", "voicecall", "/answer", Value::Null).await;
    assert_eq!(
        b.event_types().await,
        [
            "AgentEvent_Ringing",
            "AgentEvent_Talking",
            "AgentEvent_Conference"
        ]
    );
    assert_eq!(a.events().await.last().unwrap().0, "AgentEvent_Conference");

    // Consult then connectHold: the customer goes to B, A leaves.
    let sim2 = Sim::new();
    let a = Agent::new(&sim2, "1001").await;
    let b = Agent::new(&sim2, "1002").await;
    let held = a.ring("70003").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.expect(
        "POST",
        "voicecall",
        &format!("/connecthold/{held}"),
        "200-013",
    )
    .await;
    a.call(
        "POST",
        "voicecall",
        "/innerhelp",
        json!({"dstaddress": "1002"}),
    )
    .await;
    assert_eq!(
        a.code(
            "POST",
            "voicecall",
            &format!("/connecthold/{held}"),
            Value::Null
        )
        .await,
        "200-014",
        "B has not answered"
    );
    b.code("PUT", "voicecall", "/answer", Value::Null).await;
    b.events().await;
    a.events().await;
    a.expect("POST", "voicecall", &format!("/connecthold/{held}"), "0")
        .await;
    assert_eq!(b.events().await[0].1["callid"], held.as_str());
    assert_eq!(
        a.event_types().await,
        [
            "AgentEvent_Call_Release",
            "AgentOther_PhoneRelease",
            "AgentState_Ready"
        ]
    );
    let calls = b.sim_state().await["calls"].clone();
    assert_eq!(
        (
            calls[0]["callid"].as_str(),
            calls[0]["parties"].as_array().unwrap().len()
        ),
        (Some(held.as_str()), 2)
    );
    assert_eq!(a.agent_state().await, 4);
    // Consulting an agent who is not signed in: Consult_Fail later, nothing held.
    b.code("DELETE", "voicecall", "/release", Value::Null).await;
    a.ring("70004").await;
    a.code("PUT", "voicecall", "/answer", Value::Null).await;
    a.events().await;
    let r = a
        .call(
            "POST",
            "voicecall",
            "/innerhelp",
            json!({"dstaddress": "1003"}),
        )
        .await;
    let failed = result_callid(&r);
    settle().await;
    assert_eq!(
        a.events().await,
        [("AgentEvent_Consult_Fail".to_owned(), json!(failed))]
    );
    assert_eq!(a.sim_state().await["state"], "talking");
}

#[tokio::test]
async fn call_out_answers_is_busy_or_is_not_answered() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    for bad in [
        json!({}),
        json!({"called": "12x"}),
        json!({"called": "1".repeat(25)}),
        json!({"called": "1", "mediaability": 3}),
    ] {
        assert_eq!(
            a.code("PUT", "voicecall", "/callout", bad.clone()).await,
            "000-002",
            "{bad}"
        );
    }
    let callid = result_callid(
        &a.call(
            "PUT",
            "voicecall",
            "/callout",
            json!({"called": "88001", "caller": "10086"}),
        )
        .await,
    );
    assert!(
        sim.queued("1001").await.is_empty(),
        "the far end answers later"
    );
    assert_eq!(a.sim_state().await["state"], "dialing");
    assert_eq!(
        a.code("PUT", "voicecall", "/callout", json!({"called": "88009"}))
            .await,
        "100-007",
        "already calling"
    );
    settle().await;
    let ev = a.events().await;
    assert_eq!(
        ev.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["AgentEvent_Customer_Alerting", "AgentEvent_Talking"]
    );
    assert_eq!(
        (
            ev[1].1["callid"].as_str(),
            ev[1].1["caller"].as_str(),
            ev[1].1["called"].as_str()
        ),
        (Some(callid.as_str()), Some("10086"), Some("88001"))
    );
    assert_eq!(a.agent_state().await, 7);
    a.code("DELETE", "voicecall", "/release", Value::Null).await;
    a.events().await;

    sim.ctl("POST", "/__sim/numbers/88002", json!({"outcome": "busy"}))
        .await;
    let busy = result_callid(
        &a.call("PUT", "voicecall", "/callout", json!({"called": "88002"}))
            .await,
    );
    settle().await;
    assert_eq!(
        a.events().await,
        [
            ("AgentEvent_Call_Out_Fail".to_owned(), json!(busy)),
            ("AgentOther_PhoneRelease".to_owned(), Value::Null),
            ("AgentState_Ready".to_owned(), Value::Null),
        ]
    );
    sim.ctl(
        "POST",
        "/__sim/numbers/88003",
        json!({"outcome": "noAnswer"}),
    )
    .await;
    let silent = result_callid(
        &a.call("PUT", "voicecall", "/callout", json!({"called": "88003"}))
            .await,
    );
    settle().await;
    let ev = a.events().await;
    assert_eq!(
        ev[..2].iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["AgentEvent_Customer_Alerting", "AgentEvent_Connect_Fail"]
    );
    assert_eq!(ev[1].1, json!(silent));
    assert_eq!(a.agent_state().await, 4);
    assert_eq!(
        sim.ctl("POST", "/__sim/numbers/88003", json!({"outcome": "maybe"}))
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn internal_calls_ring_agents_or_fail_later() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    let b = Agent::new(&sim, "1002").await;
    let callid = result_callid(
        &a.call("PUT", "voicecall", "/callinner", json!({"called": "1002"}))
            .await,
    );
    assert_eq!(b.events().await[0].1["callid"], callid.as_str());
    b.code("PUT", "voicecall", "/answer", Value::Null).await;
    let ev = a.event_types().await;
    assert_eq!(ev, ["AgentEvent_Customer_Alerting", "AgentEvent_Talking"]);
    // disconnect: the number must be in the call.
    a.expect("POST", "voicecall", "/disconnect/9999", "200-023")
        .await;
    a.expect("POST", "voicecall", "/disconnect/12a", "000-002")
        .await;
    a.expect("POST", "voicecall", "/disconnect/1002", "0").await;
    assert_eq!(
        b.event_types().await[1..],
        [
            "AgentEvent_Call_Release",
            "AgentOther_PhoneRelease",
            "AgentState_Ready"
        ]
    );
    assert_eq!(a.agent_state().await, 4);
    let failed = result_callid(
        &a.call("PUT", "voicecall", "/callinner", json!({"called": "1003"}))
            .await,
    );
    let skill = result_callid(
        &a.call("PUT", "voicecall", "/callinnerskill", json!({"skillId": 1}))
            .await,
    );
    assert_eq!(
        b.event_types().await,
        ["AgentEvent_Ringing"],
        "the skill's only idle agent"
    );
    b.code("DELETE", "voicecall", "/release", Value::Null).await;
    settle().await;
    let ev = a.events().await;
    assert!(
        ev.contains(&("AgentEvent_Inside_Call_Fail".to_owned(), json!(failed))),
        "{ev:?}"
    );
    assert!(ev
        .iter()
        .any(|e| e.1 == json!(skill) || e.1["callid"] == skill.as_str()));
    assert_eq!(
        a.code("PUT", "voicecall", "/callinnerskill", json!({}))
            .await,
        "000-002"
    );
}

#[tokio::test]
async fn call_data_counts_raw_bytes() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"calldata": "x"})
        )
        .await,
        "400-001"
    );
    a.expect("GET", "calldata", "/appdata", "400-001").await;
    let callid = a.ring("70001").await;
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"callid": "9-9", "calldata": "x"})
        )
        .await,
        "400-001"
    );
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"callid": callid, "calldata": "1234"})
        )
        .await,
        "0"
    );
    let data = a
        .call(
            "GET",
            "calldata",
            &format!("/appdata?callId={callid}"),
            Value::Null,
        )
        .await
        .json();
    assert_eq!(data["result"], "1234", "a string");
    let data = a
        .call(
            "GET",
            "calldata",
            "/appdata?isEncodeResult=true",
            Value::Null,
        )
        .await
        .json();
    assert_eq!(data["result"], "MTIzNA==");
    assert_eq!(
        a.call("GET", "calldata", "/callinfo", Value::Null)
            .await
            .json()["result"]["calldata"],
        "1234"
    );
    let at_limit = "x".repeat(16 * 1024);
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"calldata": at_limit})
        )
        .await,
        "0"
    );
    // 6,000 characters of 3 bytes each: 18,000 bytes, over the limit.
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"calldata": "数".repeat(6000)})
        )
        .await,
        "000-002"
    );
    // Encoded: the limit applies to the decoded bytes.
    let encoded = |n: usize| cec_sim::params::base64_encode(&vec![7u8; n]);
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"calldata": encoded(16 * 1024), "isDataEncoded": true})
        )
        .await,
        "0"
    );
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"calldata": encoded(16 * 1024 + 1), "isDataEncoded": true})
        )
        .await,
        "000-002"
    );
    assert_eq!(
        a.code(
            "PUT",
            "calldata",
            "/setcalldataex",
            json!({"calldata": "!!", "isDataEncoded": true})
        )
        .await,
        "000-002"
    );
    let held = a
        .call("GET", "calldata", "/holdlist", Value::Null)
        .await
        .json();
    assert_eq!(held["result"], json!([]));
}

#[tokio::test]
async fn allagent_get_is_an_unknown_route() {
    let sim = Sim::new();
    let a = Agent::new(&sim, "1001").await;
    let unknown = a
        .call("GET", "qualitycontrol", "/nosuchop/x", Value::Null)
        .await;
    let r = a
        .call("GET", "qualitycontrol", "/allagent", Value::Null)
        .await;
    assert_eq!((r.status, r.json()), (unknown.status, unknown.json()));
    assert_eq!((r.status, r.retcode().as_str()), (404, "000-002"));
    // A real address with another method is still 405.
    assert_eq!(
        a.call("GET", "qualitycontrol", "/1002", Value::Null)
            .await
            .status,
        405
    );
    assert_eq!(
        a.call("GET", "voicecall", "/answer", Value::Null)
            .await
            .status,
        405
    );
}

#[tokio::test]
async fn listening_and_inserting_take_an_idle_signed_in_agent() {
    let sim = Sim::new();
    let target = Agent::new(&sim, "1001").await;
    let sup = Agent::new(&sim, "1002").await;
    sup.expect("PUT", "qualitycontrol", "/addsupervise/1001", "0")
        .await;
    assert_eq!(sim.state("1002").await["state"], "listening");
    sup.expect("DELETE", "qualitycontrol", "/1001", "0").await;
    sup.expect("PUT", "qualitycontrol", "/addinsert/1001", "0")
        .await;
    sup.expect("DELETE", "qualitycontrol", "/1001", "0").await;
    assert_eq!(
        sup.code("PUT", "qualitycontrol", "/addsupervise/1003", Value::Null)
            .await,
        "900-003",
        "not signed in"
    );
    // Whispering needs a call to whisper into.
    sup.expect(
        "POST",
        "qualitycontrol",
        "/requestwhisperagent?whisperagentid=1001",
        "900-003",
    )
    .await;
    assert_eq!(target.agent_state().await, 4);
}
