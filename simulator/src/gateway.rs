//! CC-Gateway conventions shared by every operation (agent ID, `Content-Type`, the Guid
//! session check), plus call info before answer and passing numbers in a three-party
//! conference.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Map, Value};

use crate::params::{agent_id, header_str, is_json_content_type};
use crate::reply::{self, fail, finish, Reply};
use crate::state::{Agent, AppState, GuidState, SimState};

/// Prefix of every CC-Gateway path.
pub const BASE: &str = "/agentgateway/resource";

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let r = |p: &str| format!("{BASE}{p}");
    Router::new()
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

/// The signed-in agent whose current or grace Guid equals the `Guid` header, else `100-006`.
pub fn session<'a>(
    s: &'a mut SimState,
    id: u32,
    headers: &HeaderMap,
) -> Result<&'a mut Agent, Response> {
    let guid = header_str(headers, "guid");
    match (s.agents.get_mut(&id), guid) {
        (Some(a), Some(g)) if a.guid_state(g).is_some() => Ok(a),
        _ => Err(fail(reply::NOT_LOGGED_IN, reply::NOT_LOGGED_IN_MSG)),
    }
}

/// The single `{agentid}` path parameter.
pub type IdPath = Result<Path<String>, PathRejection>;

/// `{agentid}` and one more path parameter.
pub type IdAndPath = Result<Path<(String, String)>, PathRejection>;

/// The raw `{agentid}` and second parameter, if the path extracted.
pub fn two(path: &IdAndPath) -> (Option<&str>, Option<&str>) {
    match path {
        Ok(p) => (Some(p.0 .0.as_str()), Some(p.0 .1.as_str())),
        Err(_) => (None, None),
    }
}

/// The common shape of an agent operation: agent ID and `Content-Type` checks, the Guid
/// session check, then `op` on the locked state for that agent.
pub fn agent_op(
    app: &AppState,
    raw_id: Option<&str>,
    headers: &HeaderMap,
    op: impl FnOnce(&mut SimState, u32) -> Reply,
) -> Response {
    finish((|| -> Reply {
        let id = preamble(raw_id, headers)?;
        let mut s = app.lock();
        session(&mut s, id, headers)?;
        op(&mut s, id)
    })())
}

async fn call_info(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let result = match s.current_call(id) {
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
    })
}

async fn transmit_num(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        if !s.current_call(id).is_some_and(|c| c.ivr) {
            return Err(fail(
                reply::TRANSMIT_FAILED,
                "agent is not in a third-party conference",
            ));
        }
        Ok(reply::ok_empty())
    })
}

/// How the request's `Guid` header relates to the session of the agent named in a
/// `/agentgateway/resource/{domain}/{agentid}/...` path (for the request log).
pub fn guid_state(s: &SimState, path: &str, headers: &HeaderMap) -> GuidState {
    let Some(guid) = header_str(headers, "guid").or_else(|| {
        // A header that is present but not visible ASCII still counts as present.
        headers.get("guid").map(|_| "")
    }) else {
        return GuidState::Absent;
    };
    path.strip_prefix(BASE)
        .and_then(|rest| rest.split('/').nth(2))
        .and_then(agent_id)
        .and_then(|id| s.agents.get(&id))
        .and_then(|a| a.guid_state(guid))
        .unwrap_or(GuidState::Unknown)
}
