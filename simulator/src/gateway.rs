//! CC-Gateway agent operations: sign-in/out, network play, call info before answer,
//! passing numbers in a three-party conference.

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::Response;
use axum::routing::{delete, get, post, put};
use axum::Router;
use serde_json::{json, Map, Value};

use crate::params::{
    agent_id, bool_field, header_str, int_field, is_json_content_type, json_object, str_field,
};
use crate::reply::{self, bad_param, fail, finish, Reply};
use crate::state::{Agent, AppState, Play, SimState};

const BASE: &str = "/agentgateway/resource";

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let r = |p: &str| format!("{BASE}{p}");
    Router::new()
        .route(&r("/onlineagent/{agentid}"), put(sign_in))
        .route(&r("/onlineagent/{agentid}/forcelogin"), put(force_login))
        .route(&r("/onlineagent/{agentid}/logout"), delete(logout))
        .route(&r("/recordplay/{agentid}/netplay"), post(netplay))
        .route(&r("/recordplay/{agentid}/stopplay"), delete(stop_play))
        .route(
            &r("/calldata/{agentid}/callinfobeforeanswer"),
            get(call_info),
        )
        .route(
            &r("/voicecall/{agentid}/thirdPartyConfTransmitNum"),
            post(transmit_num),
        )
}

/// Agent ID from the URL, then the `Content-Type` check (both `000-002`).
pub fn preamble(raw_id: Option<&str>, headers: &HeaderMap) -> Result<u32, Response> {
    let id = raw_id
        .and_then(agent_id)
        .ok_or_else(|| fail(reply::BAD_PARAM, "parameters in URL are invalid: agentid"))?;
    if !is_json_content_type(headers) {
        return Err(fail(
            reply::BAD_PARAM,
            "Content-Type must be application/json; charset=UTF-8",
        ));
    }
    Ok(id)
}

/// The raw single path parameter, if the path extracted.
pub fn one(path: &Result<Path<String>, PathRejection>) -> Option<&str> {
    path.as_ref().ok().map(|p| p.0.as_str())
}

/// The signed-in agent whose session GUID equals the `Guid` header, else `100-006`.
pub fn session<'a>(
    s: &'a mut SimState,
    id: u32,
    headers: &HeaderMap,
) -> Result<&'a mut Agent, Response> {
    let guid = header_str(headers, "guid");
    match s.agents.get_mut(&id) {
        Some(a) if guid == Some(a.guid.as_str()) => Ok(a),
        _ => Err(fail(reply::NOT_LOGGED_IN, reply::NOT_LOGGED_IN_MSG)),
    }
}

type IdPath = Result<Path<String>, PathRejection>;

async fn sign_in(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish(login(&app, one(&path), &headers, &body, false))
}

async fn force_login(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish(login(&app, one(&path), &headers, &body, true))
}

fn login(
    app: &AppState,
    raw: Option<&str>,
    headers: &HeaderMap,
    body: &[u8],
    force: bool,
) -> Reply {
    let id = preamble(raw, headers)?;
    let phonenum = parse_login(body)?;
    let mut s = app.lock();
    if !force && s.agents.contains_key(&id) {
        return Err(fail(
            reply::ALREADY_SIGNED_IN,
            "agent has already signed in",
        ));
    }
    let guid = s.sign_in(id, phonenum);
    let mut resp = reply::envelope(
        reply::OK,
        "",
        json!({"workno": id.to_string(), "mediatype": "TTT"}),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("JSESSIONID={guid}")) {
        resp.headers_mut().insert("set-guid", v);
    }
    Ok(resp)
}

/// Validates a sign-in body and returns the phone number.
fn parse_login(body: &[u8]) -> Result<String, Response> {
    let map = json_object(body)
        .ok_or_else(|| fail(reply::BAD_PARAM, "request body is not a JSON object"))?;
    let password = match str_field(&map, "password") {
        Ok(Some(p)) if !p.is_empty() && p.chars().count() <= 32 => p,
        _ => return Err(bad_param("password")),
    };
    let phonenum = match str_field(&map, "phonenum") {
        Ok(Some(p)) if !p.is_empty() && p.chars().count() <= 24 => p.to_string(),
        _ => return Err(bad_param("phonenum")),
    };
    for name in ["autoanswer", "autoenteridle", "releasephone"] {
        bool_field(&map, name).map_err(|_| bad_param(name))?;
    }
    if !matches!(int_field(&map, "agenttype"), Ok(None | Some(4 | 11))) {
        return Err(bad_param("agenttype"));
    }
    int_field(&map, "status").map_err(|_| bad_param("status"))?;
    for name in ["ip", "callBackUri", "serviceToken"] {
        str_field(&map, name).map_err(|_| bad_param(name))?;
    }
    if password == "wrong" {
        return Err(fail(reply::BAD_PASSWORD, "wrong user name or password"));
    }
    Ok(phonenum)
}

async fn logout(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        session(&mut s, id, &headers)?;
        s.agents.remove(&id);
        Ok(reply::ok_empty())
    })())
}

async fn netplay(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        let play = parse_netplay(&body)?;
        if agent.call.as_ref().is_some_and(|c| c.conference) {
            return Err(fail(
                reply::PLAY_WRONG_STATE,
                "start play: wrong state (agent is in a three-party call)",
            ));
        }
        if agent.play.is_some() {
            return Err(fail(
                reply::PLAY_WRONG_STATE,
                "start play: wrong state (agent is already playing)",
            ));
        }
        if play.file_name.contains("missing") {
            return Err(fail(reply::NOT_FOUND_100_018, "record file not found"));
        }
        agent.play = Some(play);
        agent.push_event("AgentMediaEvent_Play_Succ", Value::Null);
        agent.push_event("AgentMediaEvent_Play", Value::Null);
        Ok(reply::envelope(reply::OK, "success", json!({})))
    })())
}

/// Validates a netplay body (numbers may be numeric strings, as in the vendor example).
fn parse_netplay(body: &[u8]) -> Result<Play, Response> {
    let map = json_object(body)
        .ok_or_else(|| fail(reply::BAD_PARAM, "request body is not a JSON object"))?;
    let file_name = match str_field(&map, "fileName") {
        Ok(Some(f)) if !f.is_empty() && f.chars().count() <= 100 => f.to_string(),
        _ => return Err(bad_param("fileName")),
    };
    let int = |name: &str, valid: &dyn Fn(i64) -> bool| -> Result<Option<i64>, Response> {
        match int_field(&map, name) {
            Ok(Some(v)) if !valid(v) => Err(bad_param(name)),
            Ok(v) => Ok(v),
            Err(_) => Err(bad_param(name)),
        }
    };
    let is_int = |v: i64| i32::try_from(v).is_ok();
    let position = int("position", &|v| v >= 0)?.unwrap_or(0);
    // Values other than 0 (loop) and 1 (once) mean 1.
    let play_time = match int("playTime", &is_int)? {
        Some(0) => 0,
        _ => 1,
    };
    let file_format = int("fileFormat", &|v| (0..=2).contains(&v))?.unwrap_or(0);
    let cc_id = int("ccId", &is_int)?.ok_or_else(|| bad_param("ccId"))?;
    let location_id = int("locationId", &|v| v == -1 || (0..=65_535).contains(&v))?.unwrap_or(-1);
    Ok(Play {
        file_name,
        position,
        play_time,
        file_format,
        cc_id,
        location_id,
    })
}

async fn stop_play(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        if agent.play.take().is_none() {
            return Err(fail(
                reply::STOP_PLAY_WRONG_STATE,
                "stop play: wrong state (agent is not playing)",
            ));
        }
        agent.push_event("AgentMediaEvent_StopPlayDone", Value::Null);
        Ok(reply::ok_empty())
    })())
}

async fn call_info(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        let result = match &agent.call {
            None => json!([]),
            Some(c) => {
                let info = serde_json::to_value(&c.info).unwrap_or(Value::Object(Map::new()));
                if c.single_object_result {
                    info
                } else {
                    json!([info])
                }
            }
        };
        Ok(reply::envelope(reply::OK, "", result))
    })())
}

async fn transmit_num(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        if !agent.call.as_ref().is_some_and(|c| c.conference) {
            return Err(fail(
                reply::TRANSMIT_FAILED,
                "agent is not in a third-party conference",
            ));
        }
        Ok(reply::ok_empty())
    })())
}
