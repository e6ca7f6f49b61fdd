//! Agent-state operations under `onlineagent` (sessions are in `session`): sayFree,
//! sayBusy, cancelBusy, rest, cancelRest, sayWork, cancelWork, getAgentStatus and
//! setAgentAutoEnterIdle (sections A and G of agent-shift-ops.md). The state machine is in
//! `agent_state`; wrong-state codes come from `wrong_state`.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;

use crate::agent_state::{AgentStatus, RestRequest, WrongState, WORK};
use crate::gateway::{agent_op, one, two, IdAndPath, IdPath, BASE};
use crate::params::{query_bool, query_param};
use crate::reply::{self, bad_param, Reply};
use crate::state::{AppState, SimState};
use crate::wrong_state::Op;

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let r = |p: &str| format!("{BASE}/onlineagent/{{agentid}}{p}");
    Router::new()
        .route(&r("/sayfree"), post(say_free))
        .route(&r("/saybusy"), post(say_busy))
        .route(&r("/cancelbusy"), post(cancel_busy))
        .route(&r("/rest/{time}/{restcause}"), post(rest))
        .route(&r("/cancelrest"), post(cancel_rest))
        .route(&r("/work"), post(say_work))
        .route(&r("/cancelwork"), post(cancel_work))
        .route(&r("/agentstatus"), get(agent_status))
        .route(&r("/autoenteridle/{flag}"), post(auto_enter_idle))
}

/// Success, or the operation's wrong-state code.
fn done(r: Result<(), WrongState>, op: Op) -> Reply {
    r.map(|()| reply::ok_empty())
        .map_err(|WrongState| op.fail())
}

/// A state operation without parameters.
fn simple(
    app: &AppState,
    path: &IdPath,
    headers: &HeaderMap,
    op: Op,
    change: fn(&mut SimState, u32) -> Result<(), WrongState>,
) -> Response {
    agent_op(app, one(path), headers, |s, id| done(change(s, id), op))
}

async fn say_free(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    simple(&app, &path, &headers, Op::SayFree, SimState::say_free)
}

async fn cancel_busy(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    simple(&app, &path, &headers, Op::CancelBusy, SimState::cancel_busy)
}

async fn cancel_rest(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    simple(&app, &path, &headers, Op::CancelRest, SimState::cancel_rest)
}

async fn say_work(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    simple(&app, &path, &headers, Op::SayWork, SimState::say_work)
}

async fn cancel_work(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    simple(&app, &path, &headers, Op::CancelWork, SimState::cancel_work)
}

/// `saybusy?reason=&prolong=`: reason 200..=250 (empty or 0: none); an agent already busy
/// must send both (H-13461).
async fn say_busy(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let reason = match query_param(&raw, "reason").as_deref() {
            None | Some("") | Some("0") => None,
            Some(r) => Some(
                r.parse::<u8>()
                    .ok()
                    .filter(|r| (200..=250).contains(r))
                    .ok_or_else(|| bad_param("reason"))?,
            ),
        };
        query_bool(&raw, "prolong", false)?;
        let busy = s
            .agents
            .get(&id)
            .is_some_and(|a| matches!(a.status, AgentStatus::Busy(_)));
        if busy && (reason.is_none() || query_param(&raw, "prolong").is_none()) {
            return Err(bad_param("reason and prolong (required when already busy)"));
        }
        done(s.say_busy(id, reason), Op::SayBusy)
    })
}

/// `rest/{time}/{restcause}?prolong=`: time 1..=86399 s, cause 0..=255 (H-13482).
async fn rest(
    State(app): State<AppState>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let p = path.as_ref().ok().map(|p| &p.0);
    agent_op(&app, p.map(|p| p.0.as_str()), &headers, |s, id| {
        let seconds = p
            .and_then(|p| p.1.parse::<u32>().ok())
            .filter(|t| (1..=86_399).contains(t))
            .ok_or_else(|| bad_param("time"))?;
        let cause = p
            .and_then(|p| p.2.parse::<u8>().ok())
            .ok_or_else(|| bad_param("restcause"))?;
        let prolong = query_bool(&raw, "prolong", false)?;
        done(
            s.rest(id, RestRequest { seconds, cause }, prolong),
            Op::Rest,
        )
    })
}

/// `{"agentState": n, "isWorking": bool}` (H-0355); `isWorking` is true in wrap-up.
async fn agent_status(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let code = s.status_code(id);
        let working = s
            .agents
            .get(&id)
            .is_some_and(|a| a.status == AgentStatus::Work);
        Ok(reply::envelope(
            reply::OK,
            "success",
            json!({"agentState": code, "isWorking": working || code == WORK}),
        ))
    })
}

/// `autoenteridle/{flag}`: `true` idle after a call; any other 1..=5 characters wrap-up.
async fn auto_enter_idle(
    State(app): State<AppState>,
    path: IdAndPath,
    headers: HeaderMap,
) -> Response {
    let (raw_id, flag) = two(&path);
    agent_op(&app, raw_id, &headers, |s, id| {
        let flag = flag
            .filter(|f| (1..=5).contains(&f.chars().count()))
            .ok_or_else(|| bad_param("flag"))?;
        if let Some(a) = s.agents.get_mut(&id) {
            a.auto_enter_idle = flag == "true";
        }
        Ok(reply::ok_empty())
    })
}
