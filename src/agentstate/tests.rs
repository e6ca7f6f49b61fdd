//! Event sequences from the vendor pages (agent-shift-ops.md §B/§D): each operation's listed
//! events in the listed order, then out-of-order, duplicate and missed events.

use super::*;
use crate::agentevent::AgentEvent;
use crate::onlineagent::AgentStateCode;
use serde_json::{json, Value};

/// An event as the poll delivers it.
fn ev(event_type: &str, content: Value) -> AgentEvent {
    let raw = json!({"eventType": event_type, "workNo": "1001", "content": content});
    AgentEvent::decode(&raw.to_string()).unwrap()
}

struct Run {
    m: Machine,
    now: i64,
}

impl Run {
    fn new() -> Self {
        let mut m = Machine::new(1_000);
        assert!(m.record(Outcome::SignedIn, 1_000));
        Self { m, now: 1_000 }
    }

    /// Applies `event` 10 ms after the last one; returns whether the snapshot changed.
    fn on(&mut self, event_type: &str, content: Value) -> bool {
        self.now += 10;
        self.m.apply(&ev(event_type, content), self.now)
    }

    fn state(&self) -> AgentStateCode {
        self.m.snapshot().status.state.0
    }

    fn calls(&self) -> Vec<(String, CallState)> {
        let calls = &self.m.snapshot().calls;
        calls.iter().map(|c| (c.call_id.clone(), c.state)).collect()
    }

    fn call(&self, id: &str) -> &CallSnapshot {
        let calls = &self.m.snapshot().calls;
        calls.iter().find(|c| c.call_id == id).unwrap()
    }

    /// Idle with a customer call `1-1` from 70001 talking.
    fn talking() -> Self {
        let mut r = Self::new();
        r.on("AgentState_Ready", Value::Null);
        let ringing = json!({"caller": "70001", "called": "10086", "callid": "1-1", "feature": "0", "type": "main", "mediaAbility": "1"});
        r.on("AgentEvent_Ringing", ringing.clone());
        r.on("AgentEvent_Talking", ringing);
        r
    }
}

fn id(s: &str) -> (String, CallState) {
    (s.to_owned(), CallState::Talking)
}

#[test]
fn status_codes_table() {
    assert_eq!(StateName::from_code(6), AgentStateCode::Idle);
    assert_eq!(StateName::from_code(9), AgentStateCode::PreRest);
    assert_eq!(StateName::from_code(42), AgentStateCode::Unknown);
    let name = |code| crate::json::to_string(&StateName(StateName::from_code(code)));
    let names: Vec<String> = (0..=10).map(name).collect();
    assert_eq!(
        names.join(","),
        r#""unknown","signedIn","signedOut","busy","idle","wrapUp","idle","talking","rest","preRest","unknown""#
    );
}

#[test]
fn inbound_call_life_cycle() {
    let mut r = Run::new();
    assert_eq!(r.state(), AgentStateCode::Unknown);
    assert!(r.m.snapshot().signed_in);
    assert!(
        !r.on("AgentOther_InService", Value::Null),
        "already signed in"
    );
    assert!(r.on("AgentState_Ready", Value::Null));
    assert_eq!(
        (r.state(), r.m.snapshot().status.code),
        (AgentStateCode::Idle, 4)
    );
    // cec_07_0513's example.
    assert!(r.on("AgentEvent_Ringing", json!({"caller":"49997","transfer":"no","callid":"1456404043-37","transfrom":"","called":"49999","type":"main","mediaType":"5","mediaAbility":"1","feature":"0"})));
    let c = r.call("1456404043-37");
    assert_eq!(
        (c.state, c.direction, c.since),
        (CallState::Ringing, CallDirection::Inbound, r.now)
    );
    assert_eq!(
        (c.caller.as_deref(), c.called.as_deref()),
        (Some("49997"), Some("49999"))
    );
    let rang_at = r.now;
    // answer: AgentEvent_Talking.
    assert!(r.on("AgentEvent_Talking", json!({"caller":"49997","callid":"1456404043-37","called":"49999","feature":"0","type":"main","mediaAbility":"1"})));
    assert_eq!(r.state(), AgentStateCode::Talking);
    let c = r.call("1456404043-37");
    assert_eq!(c.state, CallState::Talking);
    assert!(c.since > rang_at);
    // The customer hangs up: Customer_Release, then the agent's phone and wrap-up.
    assert!(r.on(
        "AgentEvent_Customer_Release",
        json!({"callid":"1456404043-37","number":"49997"})
    ));
    assert!(r.calls().is_empty());
    assert!(!r.on("AgentOther_PhoneRelease", json!({"phoneState": 3})));
    assert!(
        !r.on("AgentEvent_Call_Release", json!("1456404043-37")),
        "already gone"
    );
    assert!(r.on("AgentState_Work", Value::Null));
    assert_eq!(r.state(), AgentStateCode::WrapUp);
    // sayFree from wrap-up: AgentState_CancelWork_Success.
    assert!(r.on("AgentState_CancelWork_Success", Value::Null));
    assert_eq!(r.state(), AgentStateCode::Idle);
    assert_eq!(r.m.snapshot().revision, 7);
}

#[test]
fn agent_release_and_outbound_direction() {
    let mut r = Run::talking();
    // release: Call_Release, Customer_Release, PhoneRelease, Ready (H-1247, cec_05_4035).
    assert!(r.on("AgentEvent_Call_Release", json!("1-1")));
    assert!(!r.on(
        "AgentEvent_Customer_Release",
        json!({"callid":"1-1","number":"70001"})
    ));
    assert!(r.on("AgentState_Ready", Value::Null));
    assert_eq!((r.state(), r.calls()), (AgentStateCode::Idle, vec![]));
    // An outbound campaign call (feature 7) and a call from an agent ("a" number).
    r.on(
        "AgentEvent_Ringing",
        json!({"callid":"2-1","caller":"10086","called":"70002","feature":"7"}),
    );
    assert_eq!(r.call("2-1").direction, CallDirection::Outbound);
    r.on(
        "AgentEvent_Ringing",
        json!({"callid":"2-2","caller":"a1002","called":"1001","feature":"0"}),
    );
    assert_eq!(r.call("2-2").direction, CallDirection::Internal);
}

#[test]
fn hold_and_unhold() {
    let mut r = Run::talking();
    assert!(r.on("AgentEvent_Hold", json!("1-1")));
    assert_eq!(r.calls(), vec![("1-1".to_owned(), CallState::Held)]);
    let held_at = r.call("1-1").since;
    assert_eq!(held_at, r.now);
    assert!(!r.on("AgentEvent_Hold", json!("1-1")), "duplicate");
    // getHold: AgentEvent_Talking.
    assert!(r.on(
        "AgentEvent_Talking",
        json!({"callid":"1-1","caller":"70001","called":"10086"})
    ));
    assert_eq!(r.calls(), vec![id("1-1")]);
    assert!(r.call("1-1").since > held_at);
}

#[test]
fn consult_then_conference() {
    let mut r = Run::talking();
    // innerHelp (two-party consult of agent 1002): result = the consult's call ID; Hold.
    assert!(r.m.record(
        Outcome::Dialed {
            call_id: "1-2".into(),
            called: Some("1002".into()),
            direction: CallDirection::Internal
        },
        r.now
    ));
    assert!(r.on("AgentEvent_Hold", json!("1-1")));
    assert!(!r.on(
        "AgentEvent_Customer_Alerting",
        json!({"callid":"1-2","otherPhoneWorkno":"1002","otherPhone":"1002","type":"main"})
    ));
    assert_eq!(r.call("1-2").state, CallState::Dialing);
    assert!(r.on(
        "AgentEvent_Talking",
        json!({"callid":"1-2","caller":"1001","called":"1002"})
    ));
    assert_eq!(
        r.calls(),
        vec![("1-1".to_owned(), CallState::Held), id("1-2")]
    );
    // confJoin with the held call: Conference{callid, partner}; the consult leg merges.
    assert!(r.on(
        "AgentEvent_Conference",
        json!({"callid":"1-1","partner":"70001,1002"})
    ));
    assert_eq!(r.calls(), vec![("1-1".to_owned(), CallState::Conference)]);
    assert_eq!(r.call("1-1").partners, ["70001", "1002"]);
    // The consulted agent leaves: a two-party call again.
    assert!(r.on(
        "AgentEvent_Customer_Release",
        json!({"callid":"1-1","number":"1002"})
    ));
    assert_eq!(r.calls(), vec![id("1-1")]);
    assert!(r.call("1-1").partners.is_empty());
    // A failed consult ends only the consult's own call.
    r.m.record(
        Outcome::Dialed {
            call_id: "1-3".into(),
            called: Some("1003".into()),
            direction: CallDirection::Internal,
        },
        r.now,
    );
    assert!(r.on("AgentEvent_Consult_Fail", json!("1-3")));
    assert!(
        !r.on("AgentEvent_Consult_Fail", json!("1-1")),
        "the connected call goes on"
    );
    assert_eq!(r.calls(), vec![id("1-1")]);
}

#[test]
fn transfer_away() {
    // Release mode: the agent leaves the call.
    let mut r = Run::talking();
    assert!(r.on("AgentEvent_Call_Release", json!("1-1")));
    assert!(r.calls().is_empty());
    // Success mode: SuccTransResult 0 takes the call away; another result keeps it.
    let mut r = Run::talking();
    assert!(!r.on(
        "AgentEvent_Customer_Alerting",
        json!({"callid":"1-1","otherPhone":"1002","otherPhoneWorkno":"1002"})
    ));
    assert!(!r.on(
        "AgentEvent_SuccTransResult",
        json!({"result":1,"callId":"1-1"})
    ));
    assert!(
        !r.on("AgentEvent_Connect_Fail", json!("1-1")),
        "a failed transfer keeps the call"
    );
    assert_eq!(r.calls(), vec![id("1-1")]);
    assert!(r.on(
        "AgentEvent_SuccTransResult",
        json!({"result":"0","callId":"1-1"})
    ));
    assert!(r.calls().is_empty());
}

#[test]
fn call_out_fails() {
    let mut r = Run::new();
    r.on("AgentState_Ready", Value::Null);
    for (fail, call) in [
        ("AgentEvent_Call_Out_Fail", "3-1"),
        ("AgentEvent_Connect_Fail", "3-2"),
        ("AgentEvent_No_Answer", "3-3"),
    ] {
        assert!(r.m.record(
            Outcome::Dialed {
                call_id: call.into(),
                called: Some("88880001".into()),
                direction: CallDirection::Outbound
            },
            r.now
        ));
        let c = r.call(call);
        assert_eq!(
            (c.state, c.direction, c.called.as_deref()),
            (
                CallState::Dialing,
                CallDirection::Outbound,
                Some("88880001")
            )
        );
        r.on("AgentState_Busy", Value::Null);
        assert_eq!(r.state(), AgentStateCode::Talking);
        assert!(r.on(fail, json!(call)), "{fail}");
        assert!(r.calls().is_empty());
        assert!(r.on("AgentState_Ready", Value::Null));
    }
    // An outbound call that connects: Customer_Alerting keeps it dialing, Talking connects it.
    r.m.record(
        Outcome::Dialed {
            call_id: "3-4".into(),
            called: None,
            direction: CallDirection::Outbound,
        },
        r.now,
    );
    assert!(r.on(
        "AgentEvent_Customer_Alerting",
        json!({"callid":"3-4","otherPhone":"88880002","otherPhoneWorkno":"","type":"main"})
    ));
    assert_eq!(r.call("3-4").called.as_deref(), Some("88880002"));
    assert!(r.on("AgentEvent_Talking", json!({"callid":"3-4"})));
    assert_eq!(r.calls(), vec![id("3-4")]);
    // A ringing inbound call the agent does not answer.
    r.on(
        "AgentEvent_Ringing",
        json!({"callid":"3-5","caller":"70009"}),
    );
    assert!(r.on("AgentEvent_No_Answer", json!("3-5")));
    assert!(r.on("AgentState_SetNotReady_Success", json!({"reason": 2})));
    assert_eq!(
        (r.state(), r.m.snapshot().status.reason),
        (AgentStateCode::Busy, Some(2))
    );
}

#[test]
fn busy_rest_and_the_rest_reminder() {
    let mut r = Run::new();
    r.on("AgentState_Ready", Value::Null);
    assert!(r.on("AgentState_SetNotReady_Success", json!({"reason": "200"})));
    assert_eq!(
        (r.state(), r.m.snapshot().status.reason),
        (AgentStateCode::Busy, Some(200))
    );
    assert!(
        !r.on("AgentState_SetNotReady_Success", json!({"reason": 200})),
        "duplicate"
    );
    assert!(
        r.on("AgentState_SetNotReady_Success", json!({"reason": 201})),
        "another reason"
    );
    assert!(r.on("AgentState_CancelNotReady_Success", Value::Null));
    // rest(60 s, cause 4): the call answers first, SetRest_Success comes later.
    assert!(!r.m.record(Outcome::RestRequested { seconds: 60 }, r.now));
    assert!(r.on("AgentState_SetRest_Success", json!({"reason": "4"})));
    let s = &r.m.snapshot().status;
    assert_eq!(
        (s.state.0, s.code, s.reason, s.until),
        (AgentStateCode::Rest, 8, Some(4), Some(r.now + 60_000))
    );
    assert!(!s.rest_timed_out);
    // The reminder: still at rest, marked as overdue.
    assert!(r.on("AgentState_Rest_Timeout", Value::Null));
    let s = &r.m.snapshot().status;
    assert_eq!((s.state.0, s.rest_timed_out), (AgentStateCode::Rest, true));
    assert!(!r.on("AgentState_Rest_Timeout", Value::Null));
    assert!(r.on("AgentState_CancelRest_Success", Value::Null));
    assert_eq!(
        (r.state(), r.m.snapshot().status.until),
        (AgentStateCode::Idle, None)
    );
    // The event before the call's answer: the length is applied from when the rest began.
    r.on("AgentState_SetRest_Success", json!({"reason": 0}));
    let began = r.m.snapshot().status.since;
    assert_eq!(r.m.snapshot().status.until, None);
    assert!(r
        .m
        .record(Outcome::RestRequested { seconds: 5 }, r.now + 40));
    assert_eq!(r.m.snapshot().status.until, Some(began + 5_000));
    // A reminder while not at rest changes nothing.
    r.on("AgentState_Ready", Value::Null);
    assert!(!r.on("AgentState_Rest_Timeout", Value::Null));
}

#[test]
fn sign_out_clears_everything() {
    let mut r = Run::talking();
    assert!(r.on(
        "AgentOther_ShutdownService",
        json!({"loginTime": "1700000000000"})
    ));
    let s = r.m.snapshot();
    assert!(!s.signed_in && s.calls.is_empty());
    assert_eq!(s.status.state.0, AgentStateCode::SignedOut);
    assert!(!r.m.record(Outcome::SignedOut, r.now), "already signed out");
    let mut r = Run::talking();
    assert!(r.m.record(Outcome::SignedOut, r.now));
    assert_eq!(r.m.snapshot().status.code, 2);
}

#[test]
fn out_of_order_duplicate_and_late_events() {
    let mut r = Run::new();
    r.on("AgentState_Ready", Value::Null);
    // Talking before Ringing: the late Ringing fills the numbers in, never rings again.
    assert!(r.on("AgentEvent_Talking", json!({"callid":"4-1"})));
    assert!(r.on(
        "AgentEvent_Ringing",
        json!({"callid":"4-1","caller":"70001","called":"10086","feature":0})
    ));
    let c = r.call("4-1");
    assert_eq!(
        (c.state, c.caller.as_deref(), c.direction),
        (CallState::Talking, Some("70001"), CallDirection::Inbound)
    );
    assert!(
        !r.on(
            "AgentEvent_Ringing",
            json!({"callid":"4-1","caller":"70001"})
        ),
        "duplicate"
    );
    // A release for a call nobody knows changes nothing, and makes no new snapshot.
    let revision = r.m.snapshot().revision;
    assert!(!r.on("AgentEvent_Call_Release", json!("9-9")));
    assert!(!r.on(
        "AgentEvent_Customer_Release",
        json!({"callid":"9-9","number":"1"})
    ));
    assert_eq!(r.m.snapshot().revision, revision);
    // A repeated Talking after the release cannot bring the call back.
    assert!(r.on("AgentEvent_Call_Release", json!("4-1")));
    assert!(!r.on("AgentEvent_Talking", json!({"callid":"4-1"})));
    assert!(r.calls().is_empty());
    assert!(!r.on("AgentEvent_Hold", json!("4-1")));
    // Unknown and undecodable events change nothing.
    assert!(!r.on("AgentEvent_Brand_New", json!({"callid":"4-2"})));
    assert!(!r.on(
        "AgentEvent_Talking",
        json!({"callid":"4-2","feature":"seven"})
    ));
    assert!(r.calls().is_empty());
    // Media and record events are not state.
    assert!(!r.on("AgentMediaEvent_Play_Succ", Value::Null));
}

#[test]
fn mute_is_an_operation_outcome() {
    let mut r = Run::talking();
    assert!(r.m.record(Outcome::Muted(true), r.now));
    assert!(r.call("1-1").muted);
    assert!(!r.m.record(Outcome::Muted(true), r.now));
    r.on("AgentEvent_Hold", json!("1-1"));
    r.on("AgentEvent_Talking", json!({"callid":"1-1"}));
    assert!(r.call("1-1").muted, "hold keeps the mute");
    assert!(r.m.record(Outcome::Muted(false), r.now));
    assert!(!r.call("1-1").muted);
    let mut idle = Run::new();
    assert!(!idle.m.record(Outcome::Muted(true), 5), "no call to mute");
}

#[test]
fn resync_rebuilds_and_keeps_what_it_cannot_see() {
    let mut r = Run::talking();
    r.m.record(Outcome::Muted(true), r.now);
    r.on(
        "AgentEvent_Ringing",
        json!({"callid":"1-9","caller":"70003"}),
    );
    // A missed Call_Release of 1-9, a missed Hold of 1-1.
    let resync = Resync {
        status_code: Some(7),
        calls: Some(vec![ResyncCall {
            call_id: "1-1".into(),
            held: Some(true),
            ..Default::default()
        }]),
    };
    assert!(r.m.resync(&resync, r.now + 5));
    assert_eq!(r.calls(), vec![("1-1".to_owned(), CallState::Held)]);
    assert!(r.call("1-1").muted);
    assert_eq!(r.call("1-1").caller.as_deref(), Some("70001"));
    assert!(!r.m.resync(&resync, r.now + 6), "nothing new");
    assert!(
        !r.on("AgentEvent_Talking", json!({"callid":"1-9"})),
        "1-9 has ended"
    );
    // A call the events never showed: talking when the agent talks; numbers from callinfo.
    let resync = Resync {
        status_code: Some(7),
        calls: Some(vec![ResyncCall {
            call_id: "5-1".into(),
            caller: Some("a1002".into()),
            called: Some("1001".into()),
            feature: Some(6),
            held: None,
            ringing: None,
        }]),
    };
    assert!(r.m.resync(&resync, r.now + 7));
    let c = r.call("5-1");
    assert_eq!(
        (c.state, c.direction, c.since),
        (CallState::Talking, CallDirection::Internal, r.now + 7)
    );
    // A state the same as before keeps its reason and start; a call query that failed keeps the calls.
    r.on("AgentState_SetNotReady_Success", json!({"reason": 201}));
    let since = r.m.snapshot().status.since;
    assert!(!r.m.resync(
        &Resync {
            status_code: Some(3),
            calls: None
        },
        r.now + 50
    ));
    assert_eq!(
        (r.m.snapshot().status.reason, r.m.snapshot().status.since),
        (Some(201), since)
    );
    assert_eq!(r.calls().len(), 1);
    // Idle, no calls.
    assert!(r.m.resync(
        &Resync {
            status_code: Some(4),
            calls: Some(vec![])
        },
        r.now + 60
    ));
    assert_eq!((r.state(), r.calls()), (AgentStateCode::Idle, vec![]));
    // Signed out elsewhere.
    assert!(r.m.resync(
        &Resync {
            status_code: Some(2),
            calls: Some(vec![])
        },
        r.now + 70
    ));
    assert!(!r.m.snapshot().signed_in);
}

#[test]
fn snapshot_json_shape() {
    let r = Run::talking();
    let v = crate::json::to_value(r.m.snapshot());
    assert_eq!(v["signedIn"], true);
    assert_eq!(v["status"]["state"], "talking");
    assert_eq!(v["status"]["code"], 7);
    assert_eq!(v["status"]["restTimedOut"], false);
    assert_eq!(v["status"]["until"], Value::Null);
    assert_eq!(v["calls"][0]["callId"], "1-1");
    assert_eq!(v["calls"][0]["direction"], "inbound");
    assert_eq!(v["calls"][0]["state"], "talking");
    assert_eq!(v["calls"][0]["partners"], json!([]));
    assert_eq!(v["revision"], 4);
}

#[test]
fn resync_tells_ringing_from_talking_by_the_ringing_list() {
    // The status code is 7 while a call rings; only queryCallInfoBeforeAnswer tells.
    let mut r = Run::new();
    let call = |ringing| Resync {
        status_code: Some(7),
        calls: Some(vec![ResyncCall {
            call_id: "6-1".into(),
            caller: Some("70001".into()),
            feature: Some(0),
            ringing,
            ..Default::default()
        }]),
    };
    assert!(r.m.resync(&call(Some(true)), 10));
    assert_eq!(r.calls(), vec![("6-1".to_owned(), CallState::Ringing)]);
    assert!(!r.m.resync(&call(Some(true)), 20));
    // Answered while events were missed.
    assert!(r.m.resync(&call(Some(false)), 30));
    assert_eq!(r.calls(), vec![id("6-1")]);
    assert_eq!(r.call("6-1").since, 30);
    // Known as talking: no list says otherwise, so it stays.
    assert!(!r.m.resync(&call(None), 40));
    // An outbound call still dialing is not in the ringing list: it stays dialing.
    let mut r = Run::new();
    r.m.record(
        Outcome::Dialed {
            call_id: "6-2".into(),
            called: Some("88880001".into()),
            direction: CallDirection::Outbound,
        },
        5,
    );
    let dialing = Resync {
        status_code: Some(7),
        calls: Some(vec![ResyncCall {
            call_id: "6-2".into(),
            ringing: Some(false),
            ..Default::default()
        }]),
    };
    r.m.resync(&dialing, 10);
    assert_eq!(r.calls(), vec![("6-2".to_owned(), CallState::Dialing)]);
}
