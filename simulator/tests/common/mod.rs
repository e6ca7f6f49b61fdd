//! Shared helpers: drive the router in-process with `oneshot`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use axum::body::Body;
use axum::http::{HeaderMap, Request};
use axum::Router;
use cec_sim::{Config, Shared};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

pub const JSON: &str = "application/json; charset=UTF-8";
pub const GW: &str = "/agentgateway/resource";

#[derive(Clone)]
pub struct Sim {
    pub app: Router,
}

pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body)))
    }
    pub fn retcode(&self) -> String {
        self.json()["retcode"]
            .as_str()
            .expect("retcode is a string")
            .to_string()
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }
    /// The Guid announced in `Set-GUID`, if any.
    pub fn set_guid(&self) -> Option<String> {
        self.header("set-guid").map(|v| {
            v.strip_prefix("JSESSIONID=")
                .expect("Set-GUID starts with JSESSIONID=")
                .to_string()
        })
    }
    /// The polled event's type (`None` for `event: null`).
    pub fn event_type(&self) -> Option<String> {
        let j = self.json();
        assert_eq!(j["retcode"], "0", "{j}");
        j["event"]["eventType"].as_str().map(str::to_string)
    }
}

impl Sim {
    pub fn new() -> Self {
        Sim {
            app: cec_sim::app(Shared::new(Config::default())),
        }
    }

    pub async fn send(
        &self,
        method: &str,
        uri: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> Resp {
        let mut req = Request::builder().method(method).uri(uri);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let resp = self
            .app
            .clone()
            .oneshot(req.body(Body::from(body.to_string())).unwrap())
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let body = resp
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec();
        Resp {
            status,
            headers,
            body,
        }
    }

    /// A gateway call with the JSON content type and (optionally) a Guid.
    pub async fn gw(&self, method: &str, path: &str, guid: Option<&str>, body: &str) -> Resp {
        let uri = format!("{GW}{path}");
        match guid {
            Some(g) => {
                self.send(method, &uri, &[("content-type", JSON), ("guid", g)], body)
                    .await
            }
            None => {
                self.send(method, &uri, &[("content-type", JSON)], body)
                    .await
            }
        }
    }

    /// A control call.
    pub async fn ctl(&self, method: &str, path: &str, body: Value) -> Resp {
        self.send(
            method,
            path,
            &[("content-type", "application/json")],
            &body.to_string(),
        )
        .await
    }

    /// Signs an agent in through the control API and returns its GUID.
    pub async fn agent(&self, id: &str) -> String {
        let r = self
            .ctl("POST", "/__sim/agents", json!({"agentId": id}))
            .await;
        assert_eq!(r.status, 200);
        r.json()["guid"].as_str().unwrap().to_string()
    }

    /// Signs an agent in through the gateway (`PUT onlineagent/{id}`) and returns its GUID.
    pub async fn sign_in(&self, id: &str) -> String {
        let r = self
            .gw(
                "PUT",
                &format!("/onlineagent/{id}"),
                None,
                r#"{"password":"pw","phonenum":"88001"}"#,
            )
            .await;
        assert_eq!(r.retcode(), "0");
        r.set_guid().expect("sign-in sets the Guid")
    }

    /// One event poll.
    pub async fn poll(&self, id: &str, guid: &str) -> Resp {
        self.gw("GET", &format!("/agentevent/{id}"), Some(guid), "")
            .await
    }

    /// Changes the session config; returns the whole config.
    pub async fn config(&self, body: Value) -> Value {
        let r = self.ctl("POST", "/__sim/config", body).await;
        assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
        r.json()
    }

    /// Types of the agent's queued events.
    pub async fn queued(&self, id: &str) -> Vec<String> {
        self.state(id).await["queuedEvents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    }

    pub async fn state(&self, id: &str) -> Value {
        self.ctl("GET", &format!("/__sim/agents/{id}"), Value::Null)
            .await
            .json()
    }
}
