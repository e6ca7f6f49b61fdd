//! Quality control: listen (addsupervise), insert (addinsert) and intercept.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::put;
use axum::Router;
use serde_json::json;

use crate::gateway::{preamble, session};
use crate::params::agent_id;
use crate::reply::{self, fail, finish, Reply};
use crate::state::{AppState, QcMode, QcRelation, SimState};

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let base = "/agentgateway/resource/qualitycontrol/{agentid}";
    Router::new()
        .route(
            &format!("{base}/addsupervise/{{workno}}"),
            put(add_supervise),
        )
        .route(&format!("{base}/addinsert/{{workno}}"), put(add_insert))
        .route(&format!("{base}/intercept/{{workno}}"), put(intercept))
}

type PairPath = Result<Path<(String, String)>, PathRejection>;

/// Inspector ID, target ID (both validated), after the header checks.
fn ids(path: &PairPath, headers: &HeaderMap) -> Result<(u32, u32), Response> {
    let pair = path.as_ref().ok();
    let inspector = preamble(pair.map(|p| p.0 .0.as_str()), headers)?;
    let target = pair
        .and_then(|p| agent_id(&p.0 .1))
        .ok_or_else(|| fail(reply::BAD_PARAM, "parameters in URL are invalid: workNo"))?;
    Ok((inspector, target))
}

/// `900-003` unless `target` is signed in and has a call.
fn target_in_call(s: &SimState, target: u32) -> Result<(), Response> {
    match s.agents.get(&target) {
        Some(a) if a.call.is_some() => Ok(()),
        Some(_) => Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the agent is not in a call",
        )),
        None => Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the agent has not signed in",
        )),
    }
}

async fn add_supervise(
    State(app): State<AppState>,
    path: PairPath,
    headers: HeaderMap,
) -> Response {
    finish(join(&app, &path, &headers, QcMode::Listen))
}

async fn add_insert(State(app): State<AppState>, path: PairPath, headers: HeaderMap) -> Response {
    finish(join(&app, &path, &headers, QcMode::Insert))
}

fn join(app: &AppState, path: &PairPath, headers: &HeaderMap, mode: QcMode) -> Reply {
    let (inspector, target) = ids(path, headers)?;
    let mut s = app.lock();
    session(&mut s, inspector, headers)?;
    if inspector == target {
        return Err(fail(
            reply::QC_NO_PERMISSION,
            "no permission: an inspector cannot monitor itself",
        ));
    }
    target_in_call(&s, target)?;
    let agent = session(&mut s, inspector, headers)?;
    if !agent.is_idle() {
        return Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the inspector is not idle",
        ));
    }
    agent.qc = Some(QcRelation { target, mode });
    Ok(reply::ok_empty())
}

async fn intercept(State(app): State<AppState>, path: PairPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let (inspector, target) = ids(&path, &headers)?;
        let mut s = app.lock();
        session(&mut s, inspector, &headers)?;
        target_in_call(&s, target)?;
        let related = s
            .agents
            .get(&inspector)
            .and_then(|a| a.qc)
            .is_some_and(|q| q.target == target);
        if !related {
            return Err(fail(
                reply::QC_NO_PERMISSION,
                "no permission: the inspector is not listening to, inserted into or whispering the agent",
            ));
        }
        let task = s.next_seq();
        let Some(mut call) = s.agents.get_mut(&target).and_then(|a| a.call.take()) else {
            return Err(fail(
                reply::QC_UNAVAILABLE,
                "resource unavailable: the agent is not in a call",
            ));
        };
        call.talking = true;
        call.conference = false;
        let info = call.info.clone();
        let agent = session(&mut s, inspector, &headers)?;
        agent.qc = None;
        agent.call = Some(call);
        agent.push_event(
            "AgentEvent_Talking",
            json!({"caller": info.caller, "called": info.called, "callid": info.callid,
                   "type": "main", "feature": "7", "mediaAbility": "1"}),
        );
        agent.push_event(
            "AgentMediaEvent_Record",
            json!({"taskId": task, "caller": info.caller, "called": info.called, "locationId": "65535",
                   "recordID": task.to_string(), "fileName": format!("Y:/1/0/20231114/{inspector}/{task}.V3"),
                   "callId": info.callid, "fileMediaType": "1"}),
        );
        Ok(reply::ok_empty())
    })())
}
