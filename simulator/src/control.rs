//! Test-control API under `/__sim/`: reset, direct sign-in, calls, conferences, quality
//! control relations, faults, the request log and agent state (session controls are in
//! `control_session`).

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::calls::{call_content, Direction, LegState, Party, SimCall, Who};
use crate::params::{agent_id, percent_decode};
use crate::reply::{control_error, finish, json as json_resp, Reply};
use crate::state::{AppState, CallInfo, Fault, FaultKind, QcMode, QcRelation, SimState};

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/__sim/reset", post(reset))
        .route("/__sim/agents", post(add_agent))
        .route("/__sim/agents/{agentid}", get(agent_state))
        .route("/__sim/agents/{agentid}/call", post(give_call))
        .route("/__sim/agents/{agentid}/conference", post(conference))
        .route("/__sim/qc", post(set_qc))
        .route("/__sim/faults", post(add_fault).delete(clear_faults))
        .route("/__sim/requests", get(requests).delete(clear_requests))
        .route("/__sim/trap", get(trap_hits))
}

/// An agent ID given as a JSON number or string.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum IdLike {
    Num(u64),
    Str(String),
}

impl IdLike {
    fn id(&self) -> Result<u32, Response> {
        let id = match self {
            IdLike::Num(n) => agent_id(&n.to_string()),
            IdLike::Str(s) => agent_id(s),
        };
        id.ok_or_else(|| control_error(StatusCode::BAD_REQUEST, "agent ID out of range"))
    }
}

pub(crate) fn ok() -> Response {
    json_resp(StatusCode::OK, &json!({"ok": true}))
}

/// Parses a JSON body; an empty body counts as `{}`.
pub(crate) fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Response> {
    let body: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    serde_json::from_slice(body)
        .map_err(|e| control_error(StatusCode::BAD_REQUEST, &format!("invalid body: {e}")))
}

pub(crate) fn path_id(path: &Result<Path<String>, PathRejection>) -> Result<u32, Response> {
    path.as_ref()
        .ok()
        .and_then(|p| agent_id(&p.0))
        .ok_or_else(|| control_error(StatusCode::BAD_REQUEST, "agent ID out of range"))
}

pub(crate) fn signed_in(s: &SimState, id: u32) -> Result<(), Response> {
    if s.agents.contains_key(&id) {
        Ok(())
    } else {
        Err(control_error(
            StatusCode::CONFLICT,
            &format!("agent {id} is not signed in"),
        ))
    }
}

async fn reset(State(app): State<AppState>) -> Response {
    app.lock().reset();
    ok()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct AgentReq {
    agent_id: IdLike,
    #[serde(default)]
    phonenum: Option<String>,
}

async fn add_agent(State(app): State<AppState>, body: Bytes) -> Response {
    finish((|| -> Reply {
        let req: AgentReq = parse(&body)?;
        let id = req.agent_id.id()?;
        let guid = app
            .lock()
            .sign_in(id, req.phonenum.unwrap_or_else(|| format!("8{id}")));
        Ok(json_resp(StatusCode::OK, &json!({"guid": guid})))
    })())
}

async fn agent_state(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    finish(path_id(&path).map(|id| json_resp(StatusCode::OK, &app.lock().agent_json(id))))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct CallReq {
    callid: Option<String>,
    caller: Option<String>,
    called: Option<String>,
    callfeature: Option<i64>,
    single_object_result: Option<bool>,
    answered: Option<bool>,
}

/// A customer call to agent `id`, ringing (or already answered).
fn new_call(s: &mut SimState, id: u32, req: CallReq) -> SimCall {
    let callid = req.callid.unwrap_or_else(|| s.new_callid());
    let caller = req.caller.unwrap_or_else(|| "70001".into());
    let info = CallInfo::new(
        callid,
        caller.clone(),
        req.called.unwrap_or_else(|| "10086".into()),
        req.callfeature.unwrap_or(0),
    );
    let leg = if req.answered.unwrap_or(false) {
        LegState::Talking
    } else {
        LegState::Ringing
    };
    let parties = vec![
        Party::new(Who::Number(caller), LegState::Talking),
        Party::new(Who::Agent(id), leg),
    ];
    let mut call = SimCall::new(info, Direction::Inbound, parties);
    call.single_object_result = req.single_object_result.unwrap_or(false);
    call
}

fn call_json(call: &SimCall) -> Response {
    json_resp(
        StatusCode::OK,
        &serde_json::to_value(&call.info).unwrap_or(Value::Null),
    )
}

/// Rings agent `id` with a customer call (`answered: true`: already connected, after
/// `AgentEvent_Ringing` and `AgentEvent_Talking`), in place of any call it had. Answers
/// the call info, with its `callid`.
async fn give_call(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    finish((|| -> Reply {
        let id = path_id(&path)?;
        let req: CallReq = parse(&body)?;
        let mut s = app.lock();
        signed_in(&s, id)?;
        let answered = req.answered.unwrap_or(false);
        // A new customer call replaces the agent's calls (it leaves them).
        s.drop_agent_from_calls(id);
        let call = new_call(&mut s, id, req);
        let resp = call_json(&call);
        let info = call.info.clone();
        if answered {
            s.push(id, "AgentEvent_Ringing", call_content(&info));
            s.push(id, "AgentEvent_Talking", call_content(&info));
        }
        s.add_call(call, None);
        Ok(resp)
    })())
}

/// Makes the agent's current call (or a new answered one) a three-party call with a
/// third-party IVR.
async fn conference(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    finish((|| -> Reply {
        let id = path_id(&path)?;
        let mut s = app.lock();
        signed_in(&s, id)?;
        let callid = match s.current_call(id) {
            Some(c) => c.info.callid.clone(),
            None => {
                let mut call = new_call(&mut s, id, CallReq::default());
                if let Some(p) = call.party_mut(id) {
                    p.set(LegState::Talking);
                }
                s.add_call(call, None)
            }
        };
        let Some(call) = s.calls.get_mut(&callid) else {
            return Err(control_error(StatusCode::CONFLICT, "the call is gone"));
        };
        if let Some(p) = call.party_mut(id) {
            p.set(LegState::Talking);
        }
        call.ivr = true;
        Ok(call_json(call))
    })())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QcReq {
    inspector: IdLike,
    target: IdLike,
    mode: QcMode,
}

async fn set_qc(State(app): State<AppState>, body: Bytes) -> Response {
    finish((|| -> Reply {
        let req: QcReq = parse(&body)?;
        let (inspector, target) = (req.inspector.id()?, req.target.id()?);
        if inspector == target {
            return Err(control_error(
                StatusCode::BAD_REQUEST,
                "inspector and target must differ",
            ));
        }
        let mut s = app.lock();
        signed_in(&s, target)?;
        signed_in(&s, inspector)?;
        if let Some(a) = s.agents.get_mut(&inspector) {
            a.qc = Some(QcRelation {
                target,
                mode: req.mode,
            });
        }
        Ok(ok())
    })())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct FaultReq {
    path_contains: String,
    kind: FaultKind,
    delay_ms: Option<u64>,
    count: Option<u32>,
    status: Option<u16>,
    location: Option<String>,
}

async fn add_fault(State(app): State<AppState>, body: Bytes) -> Response {
    finish((|| -> Reply {
        let req: FaultReq = parse(&body)?;
        let count = req.count.unwrap_or(1);
        if count == 0 {
            return Err(control_error(
                StatusCode::BAD_REQUEST,
                "count must be at least 1",
            ));
        }
        app.lock().faults.push(Fault {
            path_contains: req.path_contains,
            kind: req.kind,
            delay_ms: req.delay_ms.unwrap_or(2000),
            remaining: count,
            status: req.status.unwrap_or(302),
            location: req.location.unwrap_or_else(|| "/trap/".to_owned()),
        });
        Ok(ok())
    })())
}

async fn clear_faults(State(app): State<AppState>) -> Response {
    app.lock().faults.clear();
    ok()
}

async fn requests(State(app): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let filter = query.as_deref().unwrap_or("").split('&').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k == "pathContains").then(|| percent_decode(v))
    });
    let s = app.lock();
    let list: Vec<&_> = s
        .requests
        .iter()
        .filter(|r| filter.as_ref().is_none_or(|f| r.path.contains(f.as_str())))
        .collect();
    json_resp(
        StatusCode::OK,
        &serde_json::to_value(list).unwrap_or(Value::Null),
    )
}

async fn trap_hits(State(app): State<AppState>) -> Response {
    let hits = app.lock().trap_hits;
    json_resp(StatusCode::OK, &serde_json::json!({ "hits": hits }))
}

async fn clear_requests(State(app): State<AppState>) -> Response {
    app.lock().requests.clear();
    ok()
}
