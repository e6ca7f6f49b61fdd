//! CC-Gateway conventions, sessions and the agent operations (in-process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Sim, GW, JSON};
use serde_json::json;

const NETPLAY_EXAMPLE: &str = r#"{ "fileName": "Y:/12/0/20211019/155/1406470.V3", "position": "0", "playTime": "1", "fileFormat": "0", "ccId": "1", "locationId": "-1" }"#;

#[tokio::test]
async fn sign_in_sets_guid_and_rejects_second_sign_in() {
    let sim = Sim::new();
    let body = r#"{"password":"pw","phonenum":"88001"}"#;
    let r = sim.gw("PUT", "/onlineagent/1001", None, body).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.header("content-type"),
        Some("application/json;charset=UTF-8")
    );
    assert_eq!(
        r.json(),
        json!({"message": "", "retcode": "0", "result": {"workno": "1001", "mediatype": "TTT"}})
    );
    let set = r.header("set-guid").unwrap().to_string();
    let guid = set.strip_prefix("JSESSIONID=").unwrap().to_string();
    assert!(guid.ends_with(".AgentGateway1"), "{guid}");
    assert_eq!(guid.split('.').next().unwrap().len(), 36);

    assert_eq!(
        sim.gw("PUT", "/onlineagent/1001", None, body)
            .await
            .retcode(),
        "100-002"
    );

    let forced = sim
        .gw("PUT", "/onlineagent/1001/forcelogin", None, body)
        .await;
    assert_eq!(forced.retcode(), "0");
    let new_guid = forced
        .header("set-guid")
        .unwrap()
        .strip_prefix("JSESSIONID=")
        .unwrap()
        .to_string();
    assert_ne!(new_guid, guid);
    // The old session no longer works; the new one does.
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
    assert_eq!(
        sim.gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&new_guid),
            ""
        )
        .await
        .retcode(),
        "0"
    );

    assert_eq!(
        sim.gw("DELETE", "/onlineagent/1001/logout", Some(&guid), "")
            .await
            .retcode(),
        "100-006"
    );
    assert_eq!(
        sim.gw("DELETE", "/onlineagent/1001/logout", Some(&new_guid), "")
            .await
            .retcode(),
        "0"
    );
    assert_eq!(sim.state("1001").await["signedIn"], false);
}

#[tokio::test]
async fn sign_in_validation() {
    let sim = Sim::new();
    let cases = [
        (r#"{"password":"wrong","phonenum":"1"}"#, "100-004"),
        (r#"{"phonenum":"1"}"#, "000-002"),
        (r#"{"password":"p"}"#, "000-002"),
        (
            &format!(r#"{{"password":"{}","phonenum":"1"}}"#, "p".repeat(33)),
            "000-002",
        ),
        (
            &format!(r#"{{"password":"p","phonenum":"{}"}}"#, "1".repeat(25)),
            "000-002",
        ),
        (
            r#"{"password":"p","phonenum":"1","agenttype":7}"#,
            "100-012",
        ),
        (
            r#"{"password":"p","phonenum":"1","autoanswer":"yes"}"#,
            "000-002",
        ),
        ("not json", "000-002"),
    ];
    for (body, code) in cases {
        assert_eq!(
            sim.gw("PUT", "/onlineagent/1001", None, body)
                .await
                .retcode(),
            code,
            "{body}"
        );
    }
    let ok = r#"{"password":"p","phonenum":"1","agenttype":"4","autoanswer":"true","releasephone":false,"status":4}"#;
    assert_eq!(
        sim.gw("PUT", "/onlineagent/1001", None, ok).await.retcode(),
        "0"
    );
}

#[tokio::test]
async fn missing_or_wrong_guid_is_100_006() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    for path in ["/calldata/1001/callinfobeforeanswer"] {
        let r = sim.gw("GET", path, None, "").await;
        assert_eq!(
            r.json(),
            json!({"message": "agent not login", "retcode": "100-006", "result": ""})
        );
        assert_eq!(
            sim.gw("GET", path, Some("nope.AgentGateway1"), "")
                .await
                .retcode(),
            "100-006"
        );
    }
    assert_eq!(
        sim.gw("POST", "/recordplay/1001/netplay", None, NETPLAY_EXAMPLE)
            .await
            .retcode(),
        "100-006"
    );
    assert_eq!(
        sim.gw(
            "POST",
            "/voicecall/1001/thirdPartyConfTransmitNum",
            None,
            ""
        )
        .await
        .retcode(),
        "100-006"
    );
    assert_eq!(
        sim.gw("PUT", "/qualitycontrol/1001/intercept/1002", None, "")
            .await
            .retcode(),
        "100-006"
    );
    // Another agent's GUID is not this agent's session.
    let other = sim.agent("1002").await;
    assert_eq!(
        sim.gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&other),
            ""
        )
        .await
        .retcode(),
        "100-006"
    );
    // Header name is case-insensitive.
    let r = sim
        .send(
            "GET",
            &format!("{GW}/calldata/1001/callinfobeforeanswer"),
            &[("Content-Type", JSON), ("GUID", &guid)],
            "",
        )
        .await;
    assert_eq!(r.retcode(), "0");
}

#[tokio::test]
async fn content_type_is_required() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let uri = format!("{GW}/recordplay/1001/netplay");
    for ct in [
        None,
        Some("text/plain;charset=UTF-8"),
        Some("application/json; charset=GBK"),
    ] {
        let mut h = vec![("guid", guid.as_str())];
        if let Some(ct) = ct {
            h.push(("content-type", ct));
        }
        let r = sim.send("POST", &uri, &h, NETPLAY_EXAMPLE).await;
        assert_eq!((r.status, r.retcode().as_str()), (200, "000-002"), "{ct:?}");
    }
    for ct in [
        "application/json",
        "Application/Json;Charset=utf-8",
        "application/json ; charset=UTF-8",
    ] {
        let r = sim
            .send(
                "GET",
                &format!("{GW}/calldata/1001/callinfobeforeanswer"),
                &[("guid", &guid), ("content-type", ct)],
                "",
            )
            .await;
        assert_eq!(r.retcode(), "0", "{ct}");
    }
}

#[tokio::test]
async fn agent_id_range_and_routing() {
    let sim = Sim::new();
    let guid = sim.agent("101").await;
    sim.agent("59999").await;
    for id in ["100", "60000", "0101", "abc", "1001a", "-5"] {
        let r = sim
            .gw(
                "GET",
                &format!("/calldata/{id}/callinfobeforeanswer"),
                Some(&guid),
                "",
            )
            .await;
        assert_eq!((r.status, r.retcode().as_str()), (200, "000-002"), "{id}");
    }
    assert_eq!(
        sim.gw("GET", "/calldata/101/callinfobeforeanswer", Some(&guid), "")
            .await
            .retcode(),
        "0"
    );
    assert_eq!(
        sim.ctl("POST", "/__sim/agents", json!({"agentId": 60000}))
            .await
            .status,
        400
    );
    let r = sim
        .gw("GET", "/calldata/101/nosuchop", Some(&guid), "")
        .await;
    assert_eq!((r.status, r.retcode().as_str()), (404, "000-002"));
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let r = sim
        .gw(
            "PUT",
            "/recordplay/101/netplay",
            Some(&guid),
            NETPLAY_EXAMPLE,
        )
        .await;
    assert_eq!(r.status, 405);
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    let r = sim
        .gw(
            "POST",
            "/qualitycontrol/101/intercept/1002",
            Some(&guid),
            "",
        )
        .await;
    assert_eq!(r.status, 405);
    let r = sim
        .gw("PUT", "/qualitycontrol/101/intercept/99", Some(&guid), "")
        .await;
    assert_eq!(r.retcode(), "000-002");
}

#[tokio::test]
async fn netplay_vendor_example_succeeds_and_queues_events() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let r = sim
        .gw(
            "POST",
            "/recordplay/1001/netplay",
            Some(&guid),
            NETPLAY_EXAMPLE,
        )
        .await;
    assert_eq!(
        r.json(),
        json!({"result": {}, "message": "success", "retcode": "0"})
    );
    let st = sim.state("1001").await;
    assert_eq!(st["state"], "playing");
    assert_eq!(st["playing"]["fileName"], "Y:/12/0/20211019/155/1406470.V3");
    assert_eq!(st["playing"]["locationId"], -1);
    let kinds: Vec<&str> = st["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["AgentMediaEvent_Play_Succ", "AgentMediaEvent_Play"]);
    assert_eq!(st["events"][0]["workNo"], "1001");
    // Already playing.
    assert_eq!(
        sim.gw(
            "POST",
            "/recordplay/1001/netplay",
            Some(&guid),
            NETPLAY_EXAMPLE
        )
        .await
        .retcode(),
        "500-007"
    );
    assert_eq!(
        sim.gw("DELETE", "/recordplay/1001/stopplay", Some(&guid), "")
            .await
            .retcode(),
        "0"
    );
    assert_eq!(
        sim.gw("DELETE", "/recordplay/1001/stopplay", Some(&guid), "")
            .await
            .retcode(),
        "500-009"
    );
    let numeric = r#"{"fileName":"a.V3","position":0,"playTime":7,"fileFormat":2,"ccId":1,"locationId":65535}"#;
    assert_eq!(
        sim.gw("POST", "/recordplay/1001/netplay", Some(&guid), numeric)
            .await
            .retcode(),
        "0"
    );
    assert_eq!(
        sim.state("1001").await["playing"]["playTime"],
        1,
        "other playTime values mean 1"
    );
}

#[tokio::test]
async fn netplay_validation() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let long = "f".repeat(101);
    let cases = [
        (json!({"fileName": long, "ccId": 1}).to_string(), "fileName"),
        (json!({"fileName": "", "ccId": 1}).to_string(), "fileName"),
        (json!({"ccId": 1}).to_string(), "fileName"),
        (json!({"fileName": 5, "ccId": 1}).to_string(), "fileName"),
        (json!({"fileName": "a"}).to_string(), "ccId"),
        (json!({"fileName": "a", "ccId": "x"}).to_string(), "ccId"),
        (json!({"fileName": "a", "ccId": 1.5}).to_string(), "ccId"),
        (
            json!({"fileName": "a", "ccId": 1, "position": -1}).to_string(),
            "position",
        ),
        (
            json!({"fileName": "a", "ccId": 1, "fileFormat": 3}).to_string(),
            "fileFormat",
        ),
        (
            json!({"fileName": "a", "ccId": 1, "locationId": 65536}).to_string(),
            "locationId",
        ),
        (
            json!({"fileName": "a", "ccId": 1, "locationId": "-2"}).to_string(),
            "locationId",
        ),
        (
            json!({"fileName": "a", "ccId": 1, "playTime": true}).to_string(),
            "playTime",
        ),
    ];
    for (body, field) in cases {
        let r = sim
            .gw("POST", "/recordplay/1001/netplay", Some(&guid), &body)
            .await;
        assert_eq!(r.retcode(), "000-002", "{body}");
        assert!(
            r.json()["message"].as_str().unwrap().contains(field),
            "{body}"
        );
    }
    for body in ["", "[]", "{\"fileName\":", "null"] {
        assert_eq!(
            sim.gw("POST", "/recordplay/1001/netplay", Some(&guid), body)
                .await
                .retcode(),
            "000-002",
            "{body}"
        );
    }
    let exactly_100 = json!({"fileName": "f".repeat(100), "ccId": 1}).to_string();
    assert_eq!(
        sim.gw(
            "POST",
            "/recordplay/1001/netplay",
            Some(&guid),
            &exactly_100
        )
        .await
        .retcode(),
        "0"
    );
    assert_eq!(
        sim.state("1001").await["events"].as_array().unwrap().len(),
        2,
        "rejected plays queue nothing"
    );
}

#[tokio::test]
async fn netplay_state_failures() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let missing = json!({"fileName": "Y:/missing.V3", "ccId": 1}).to_string();
    let r = sim
        .gw("POST", "/recordplay/1001/netplay", Some(&guid), &missing)
        .await;
    assert_eq!(r.retcode(), "100-018");
    assert_eq!(sim.state("1001").await["playing"], serde_json::Value::Null);
    assert_eq!(
        sim.ctl("POST", "/__sim/agents/1001/conference", json!({}))
            .await
            .status,
        200
    );
    assert_eq!(
        sim.gw(
            "POST",
            "/recordplay/1001/netplay",
            Some(&guid),
            NETPLAY_EXAMPLE
        )
        .await
        .retcode(),
        "500-007"
    );
}

#[tokio::test]
async fn call_info_before_answer() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let r = sim
        .gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&guid),
            "",
        )
        .await;
    assert_eq!(
        r.json(),
        json!({"message": "", "retcode": "0", "result": []})
    );

    let injected = sim
        .ctl(
            "POST",
            "/__sim/agents/1001/call",
            json!({"callid": "1476070409-38", "caller": "70001", "called": "10086"}),
        )
        .await
        .json();
    assert_eq!(sim.state("1001").await["state"], "ringing");
    let r = sim
        .gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&guid),
            "",
        )
        .await
        .json();
    assert_eq!(r["retcode"], "0");
    let list = r["result"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    let info = &list[0];
    assert_eq!(info, &injected);
    let obj = info.as_object().unwrap();
    assert_eq!(obj.len(), 17);
    for k in cec_agent::calldata::CALL_INFO_FIELDS {
        assert!(obj.contains_key(k), "{k}");
    }
    assert_eq!(info["callid"], "1476070409-38");
    assert_eq!(info["caller"], "70001");
    assert_eq!(info["called"], "10086");
    assert_eq!(info["callfeature"], 0);
    assert!(info["begintime"].as_i64().unwrap() > 1_600_000_000_000);
    assert!(info["endtime"].is_null() && info["trace"].is_null());

    sim.ctl(
        "POST",
        "/__sim/agents/1001/call",
        json!({"singleObjectResult": true, "callfeature": 7}),
    )
    .await;
    let r = sim
        .gw(
            "GET",
            "/calldata/1001/callinfobeforeanswer",
            Some(&guid),
            "",
        )
        .await
        .json();
    assert!(r["result"].is_object(), "vendor-example variant: {r}");
    assert_eq!(r["result"]["callfeature"], 7);
    assert_eq!(r["result"]["caller"], "70001");
}

#[tokio::test]
async fn third_party_conf_transmit_num() {
    let sim = Sim::new();
    let guid = sim.agent("1001").await;
    let path = "/voicecall/1001/thirdPartyConfTransmitNum";
    let r = sim.gw("POST", path, Some(&guid), "").await;
    assert_eq!(r.retcode(), "10001");
    assert_eq!(
        r.json()["message"],
        "agent is not in a third-party conference"
    );
    sim.ctl("POST", "/__sim/agents/1001/call", json!({})).await;
    assert_eq!(
        sim.gw("POST", path, Some(&guid), "").await.retcode(),
        "10001",
        "an ordinary call is not enough"
    );
    sim.ctl("POST", "/__sim/agents/1001/conference", json!({}))
        .await;
    assert_eq!(sim.state("1001").await["state"], "conference");
    let r = sim.gw("POST", path, Some(&guid), "").await;
    assert_eq!(
        r.json(),
        json!({"message": "", "retcode": "0", "result": {}})
    );
}

#[tokio::test]
async fn cors_on_every_response_and_preflight() {
    let sim = Sim::new();
    let expose = "Set-GUID, Content-Disposition, Content-Type";
    let cases = [
        sim.gw("GET", "/calldata/1001/callinfobeforeanswer", None, "")
            .await,
        sim.send("GET", "/nowhere", &[], "").await,
        sim.send(
            "POST",
            "/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile",
            &[("content-type", JSON)],
            "{}",
        )
        .await,
        sim.ctl("POST", "/__sim/faults", json!({"bogus": 1})).await,
    ];
    for r in &cases {
        assert_eq!(r.header("access-control-allow-origin"), Some("*"));
        assert_eq!(r.header("access-control-expose-headers"), Some(expose));
    }
    assert_eq!(cases[2].status, 401);
    for path in [
        "/agentgateway/resource/recordplay/1001/netplay",
        "/anything/at/all",
        "/__sim/reset",
    ] {
        let r = sim
            .send(
                "OPTIONS",
                path,
                &[
                    ("origin", "http://localhost:5173"),
                    ("access-control-request-method", "POST"),
                ],
                "",
            )
            .await;
        assert_eq!(r.status, 204);
        assert_eq!(
            r.header("access-control-allow-methods"),
            Some("GET, POST, PUT, DELETE, OPTIONS")
        );
        assert_eq!(
            r.header("access-control-allow-headers"),
            Some("Content-Type, Guid, Authorization, service_token")
        );
        assert_eq!(r.header("access-control-max-age"), Some("600"));
        assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    }
}
