//! Session operations under `onlineagent`: sign-in, forced sign-in, platform-only sign-in
//! (loginex), sign-out, Guid refresh (updateGuid) and the heartbeat (handshake).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{delete, post, put};
use axum::Router;
use serde_json::{json, Value};

use crate::agent_state::AgentStatus;
use crate::gateway::{one, preamble, session, IdPath, BASE};
use crate::params::{bool_field, header_str, int_field, json_object, str_field};
use crate::reply::{self, bad_param, fail, finish, set_guid, Reply};
use crate::state::AppState;

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let r = |p: &str| format!("{BASE}/onlineagent/{{agentid}}{p}");
    Router::new()
        .route(&r(""), put(sign_in))
        .route(&r("/forcelogin"), put(force_login))
        .route(&r("/loginex"), put(login_ex))
        .route(&r("/logout"), delete(logout))
        .route(&r("/updateGuid"), put(update_guid))
        .route(&r("/handshake"), post(handshake))
}

/// Which sign-in operation is running.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `login`: refused with 100-002 when already signed in.
    Normal,
    /// `forceLogin`: replaces an existing session.
    Force,
    /// `loginEx`: password may be empty, phonenum optional.
    Ex,
}

async fn sign_in(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish(login(&app, one(&path), &headers, &body, Kind::Normal))
}

async fn force_login(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish(login(&app, one(&path), &headers, &body, Kind::Force))
}

async fn login_ex(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish(login(&app, one(&path), &headers, &body, Kind::Ex))
}

fn login(app: &AppState, raw: Option<&str>, headers: &HeaderMap, body: &[u8], kind: Kind) -> Reply {
    let id = preamble(raw, headers)?;
    let req = parse_login(body, kind == Kind::Ex)?;
    let mut s = app.lock();
    if kind != Kind::Force && s.agents.contains_key(&id) {
        return Err(fail(
            reply::ALREADY_SIGNED_IN,
            "agent has already signed in",
        ));
    }
    let guid = s.sign_in(id, req.phonenum);
    if let Some(agent) = s.agents.get_mut(&id) {
        agent.auto_enter_idle = req.auto_enter_idle;
        agent.auto_answer = req.auto_answer;
        agent.push_event("AgentOther_InService", Value::Null);
        let state = if req.status == 5 {
            agent.status = AgentStatus::Work;
            "AgentState_Work"
        } else {
            "AgentState_Ready"
        };
        agent.push_event(state, Value::Null);
    }
    let mut resp = reply::envelope(
        reply::OK,
        "",
        json!({"workno": id.to_string(), "mediatype": "TTT"}),
    );
    set_guid(&mut resp, &guid, s.session.set_guid_form);
    Ok(resp)
}

/// What the session keeps from a sign-in body.
struct LoginReq {
    phonenum: String,
    /// 4 (idle, the default) or 5 (work).
    status: i64,
    /// `autoenteridle` (default true).
    auto_enter_idle: bool,
    /// `autoanswer` sent as true. The vendor's default is true; the simulator answers by
    /// itself only when asked to, so that tests and pages drive `answer`.
    auto_answer: bool,
}

/// Validates a sign-in body (numbers and booleans may be strings, as clients send them).
/// `ex`: the loginex rules (password may be empty, phonenum optional).
fn parse_login(body: &[u8], ex: bool) -> Result<LoginReq, Response> {
    let map = json_object(body)
        .ok_or_else(|| fail(reply::BAD_PARAM, "request body is not a JSON object"))?;
    let password = match str_field(&map, "password") {
        Ok(Some(p)) if (ex || !p.is_empty()) && p.chars().count() <= 32 => p,
        Ok(None) if ex => "",
        _ => return Err(bad_param("password")),
    };
    let phonenum = match str_field(&map, "phonenum") {
        Ok(Some(p)) if (ex || !p.is_empty()) && p.chars().count() <= 24 => p.to_string(),
        Ok(None) if ex => String::new(),
        _ => return Err(bad_param("phonenum")),
    };
    let mut flags = [None; 3];
    for (flag, name) in flags
        .iter_mut()
        .zip(["autoanswer", "autoenteridle", "releasephone"])
    {
        *flag = bool_field(&map, name).map_err(|_| bad_param(name))?;
    }
    if !matches!(int_field(&map, "agenttype"), Ok(None | Some(4 | 11))) {
        return Err(fail(
            reply::BAD_AGENT_TYPE,
            "invalid agent type: agenttype must be 4 or 11",
        ));
    }
    let status = match int_field(&map, "status") {
        Ok(None) => 4,
        Ok(Some(v @ (4 | 5))) => v,
        _ => return Err(bad_param("status")),
    };
    for name in ["ip", "callBackUri", "serviceToken"] {
        str_field(&map, name).map_err(|_| bad_param(name))?;
    }
    if password == "wrong" {
        return Err(fail(reply::BAD_PASSWORD, "wrong user name or password"));
    }
    Ok(LoginReq {
        phonenum,
        status,
        auto_enter_idle: flags[1].unwrap_or(true),
        auto_answer: flags[0] == Some(true),
    })
}

async fn logout(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        session(&mut s, id, &headers)?;
        s.remove_agent(id);
        Ok(reply::ok_empty())
    })())
}

/// New Guid in `result.guid` and `Set-GUID`; the old one stays valid as the grace Guid.
async fn update_guid(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        session(&mut s, id, &headers)?;
        let guid = s
            .rotate_guid(id)
            .ok_or_else(|| fail(reply::NOT_LOGGED_IN, reply::NOT_LOGGED_IN_MSG))?;
        let mut resp = reply::envelope(reply::OK, "", json!({ "guid": guid }));
        set_guid(&mut resp, &guid, s.session.set_guid_form);
        Ok(resp)
    })())
}

/// Heartbeat: counts as activity for the 2-minute rule.
async fn handshake(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        if headers.contains_key("service_token") {
            let valid = header_str(&headers, "service_token").is_some_and(|t| {
                t.len() <= 50
                    && t.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            });
            if !valid {
                return Err(fail(
                    reply::BAD_SIGN_IN_PARAM,
                    "service_token is invalid: at most 50 characters of A-Z a-z 0-9 _ -",
                ));
            }
        }
        agent.last_activity = std::time::Instant::now();
        Ok(reply::ok_empty())
    })())
}
