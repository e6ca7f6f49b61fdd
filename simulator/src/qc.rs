//! Quality control (inspector = `{agentid}`, target = `{workNo}`): listen (addsupervise),
//! insert (addinsert), whisper, switching between them, stopping them, and intercept
//! (with or without the newer `{callId}` segment).

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{delete, post, put};
use axum::Router;
use serde_json::json;

use crate::agent_state::AgentStatus;
use crate::calls::{LegState, Who};
use crate::gateway::{one, preamble, session, IdPath};
use crate::params::{agent_id, query_param as query};
use crate::reply::{self, fail, finish, Reply};
use crate::state::{AppState, QcMode, QcRelation, SimState};

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let base = "/agentgateway/resource/qualitycontrol/{agentid}";
    let r = |p: &str| format!("{base}{p}");
    Router::new()
        .route(&r("/addsupervise/{workno}"), put(add_supervise))
        .route(&r("/addinsert/{workno}"), put(add_insert))
        .route(&r("/intercept/{workno}"), put(intercept))
        .route(&r("/intercept/{workno}/{callid}"), put(intercept_call))
        .route(&r("/requestwhisperagent"), post(whisper))
        .route(&r("/requeststopwhisperagent"), post(stop_whisper))
        .route(&r("/switch/{workno}"), post(switch))
        .route(&r("/requestswitchinsertwhisperagent"), post(switch_mode))
        .route(&r("/{workno}"), delete(stop_monitor))
}

type PairPath = Result<Path<(String, String)>, PathRejection>;
type TriplePath = Result<Path<(String, String, String)>, PathRejection>;

/// Inspector ID (after the header checks), then the target ID (`000-002` if invalid).
fn ids(
    inspector: Option<&str>,
    target: Option<&str>,
    headers: &HeaderMap,
) -> Result<(u32, u32), Response> {
    let inspector = preamble(inspector, headers)?;
    let target = target
        .and_then(agent_id)
        .ok_or_else(|| fail(reply::BAD_PARAM, "parameters in URL are invalid: workNo"))?;
    Ok((inspector, target))
}

fn pair_ids(path: &PairPath, headers: &HeaderMap) -> Result<(u32, u32), Response> {
    let pair = path.as_ref().ok();
    ids(
        pair.map(|p| p.0 .0.as_str()),
        pair.map(|p| p.0 .1.as_str()),
        headers,
    )
}

/// Inspector from the path and target from `?whisperagentid=`.
fn query_ids(
    path: &IdPath,
    raw: &Option<String>,
    headers: &HeaderMap,
) -> Result<(u32, u32), Response> {
    let inspector = preamble(one(path), headers)?;
    let target = query(raw, "whisperagentid")
        .as_deref()
        .and_then(agent_id)
        .ok_or_else(|| {
            fail(
                reply::BAD_PARAM,
                "parameters in URL are invalid: whisperagentid",
            )
        })?;
    Ok((inspector, target))
}

/// `900-003` unless `target` is signed in.
fn target_signed_in(s: &SimState, target: u32) -> Result<(), Response> {
    if s.agents.contains_key(&target) {
        Ok(())
    } else {
        Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the agent has not signed in",
        ))
    }
}

/// `900-003` unless `target` is signed in and has a call.
fn target_in_call(s: &SimState, target: u32) -> Result<(), Response> {
    target_signed_in(s, target)?;
    if s.has_call(target) {
        Ok(())
    } else {
        Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the agent is not in a call",
        ))
    }
}

fn no_relation(what: &str) -> Response {
    fail(
        reply::QC_NO_PERMISSION,
        &format!("no permission: the inspector is not {what} the agent"),
    )
}

async fn add_supervise(
    State(app): State<AppState>,
    path: PairPath,
    headers: HeaderMap,
) -> Response {
    finish(pair_ids(&path, &headers).and_then(|(i, t)| join(&app, i, t, &headers, QcMode::Listen)))
}

async fn add_insert(State(app): State<AppState>, path: PairPath, headers: HeaderMap) -> Response {
    finish(pair_ids(&path, &headers).and_then(|(i, t)| join(&app, i, t, &headers, QcMode::Insert)))
}

async fn whisper(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    finish(
        query_ids(&path, &raw, &headers)
            .and_then(|(i, t)| join(&app, i, t, &headers, QcMode::Whisper)),
    )
}

/// Starts monitoring: the inspector must be idle. Listening and inserting take any
/// signed-in agent ("An agent with the inspection permission can listen to an agent who
/// has signed in", cec_07_2402; the same for inserting, cec_07_2401): the inspector hears
/// the agent's calls when there are any. Whispering needs a call to whisper into.
fn join(app: &AppState, inspector: u32, target: u32, headers: &HeaderMap, mode: QcMode) -> Reply {
    let mut s = app.lock();
    session(&mut s, inspector, headers)?;
    if inspector == target {
        return Err(fail(
            reply::QC_NO_PERMISSION,
            "no permission: an inspector cannot monitor itself",
        ));
    }
    if mode == QcMode::Whisper {
        target_in_call(&s, target)?;
    } else {
        target_signed_in(&s, target)?;
    }
    let idle = s.is_free(inspector)
        && s.agents
            .get(&inspector)
            .is_some_and(|a| a.status == AgentStatus::Idle);
    let agent = session(&mut s, inspector, headers)?;
    if !idle {
        return Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the inspector is not idle",
        ));
    }
    agent.qc = Some(QcRelation { target, mode });
    Ok(reply::ok_empty())
}

async fn stop_whisper(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    finish((|| -> Reply {
        let (inspector, target) = query_ids(&path, &raw, &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, inspector, &headers)?;
        if agent.qc
            != Some(QcRelation {
                target,
                mode: QcMode::Whisper,
            })
        {
            return Err(no_relation("whispering to"));
        }
        agent.qc = None;
        Ok(reply::ok_empty())
    })())
}

/// Stops listening or inserting (`DELETE qualitycontrol/{agentid}/{workNo}`).
async fn stop_monitor(State(app): State<AppState>, path: PairPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let (inspector, target) = pair_ids(&path, &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, inspector, &headers)?;
        match agent.qc {
            Some(q) if q.target == target && q.mode != QcMode::Whisper => {
                agent.qc = None;
                Ok(reply::ok_empty())
            }
            _ => Err(no_relation("listening to or inserted into")),
        }
    })())
}

/// Toggles listen ⇄ insert (switchSuperviseOrInsert).
async fn switch(State(app): State<AppState>, path: PairPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let (inspector, target) = pair_ids(&path, &headers)?;
        let mut s = app.lock();
        session(&mut s, inspector, &headers)?;
        target_in_call(&s, target)?;
        let agent = session(&mut s, inspector, &headers)?;
        let mode = match agent.qc {
            Some(q) if q.target == target && q.mode == QcMode::Listen => QcMode::Insert,
            Some(q) if q.target == target && q.mode == QcMode::Insert => QcMode::Listen,
            _ => return Err(no_relation("listening to or inserted into")),
        };
        agent.qc = Some(QcRelation { target, mode });
        Ok(reply::ok_empty())
    })())
}

/// Switches an existing relation to listen (0), insert (1) or whisper (2).
async fn switch_mode(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    finish((|| -> Reply {
        let (inspector, target) = query_ids(&path, &raw, &headers)?;
        let mode = match query(&raw, "switchtype").as_deref() {
            Some("0") => QcMode::Listen,
            Some("1") => QcMode::Insert,
            Some("2") => QcMode::Whisper,
            _ => {
                return Err(fail(
                    reply::BAD_PARAM,
                    "parameters in URL are invalid: switchtype",
                ))
            }
        };
        let mut s = app.lock();
        session(&mut s, inspector, &headers)?;
        target_in_call(&s, target)?;
        let agent = session(&mut s, inspector, &headers)?;
        if agent.qc.is_none_or(|q| q.target != target) {
            return Err(no_relation("listening to, inserted into or whispering to"));
        }
        agent.qc = Some(QcRelation { target, mode });
        Ok(reply::ok_empty())
    })())
}

async fn intercept(State(app): State<AppState>, path: PairPath, headers: HeaderMap) -> Response {
    finish(pair_ids(&path, &headers).and_then(|(i, t)| take_call(&app, i, t, None, &headers)))
}

/// The newer variant: `callId` must be the target's current call.
async fn intercept_call(
    State(app): State<AppState>,
    path: TriplePath,
    headers: HeaderMap,
) -> Response {
    finish((|| -> Reply {
        let p = path.as_ref().ok();
        let (inspector, target) = ids(
            p.map(|p| p.0 .0.as_str()),
            p.map(|p| p.0 .1.as_str()),
            &headers,
        )?;
        let call_id = p
            .map(|p| p.0 .2.as_str())
            .filter(|c| !c.is_empty())
            .ok_or_else(|| fail(reply::BAD_PARAM, "parameters in URL are invalid: callId"))?;
        take_call(&app, inspector, target, Some(call_id), &headers)
    })())
}

/// Moves the target's call to the inspector, who must be monitoring the target.
fn take_call(
    app: &AppState,
    inspector: u32,
    target: u32,
    call_id: Option<&str>,
    headers: &HeaderMap,
) -> Reply {
    let mut s = app.lock();
    session(&mut s, inspector, headers)?;
    target_in_call(&s, target)?;
    let current = s.current_call(target).map(|c| c.info.callid.clone());
    if call_id.is_some_and(|wanted| current.as_deref() != Some(wanted)) {
        return Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the agent is not in that call",
        ));
    }
    let related = s
        .agents
        .get(&inspector)
        .and_then(|a| a.qc)
        .is_some_and(|q| q.target == target);
    if !related {
        return Err(no_relation("listening to, inserted into or whispering to"));
    }
    let task = s.next_seq();
    let Some(callid) = current else {
        return Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the agent is not in a call",
        ));
    };
    // The inspector takes the agent's place; the agent leaves the call.
    let Some(info) = s.calls.get_mut(&callid).and_then(|call| {
        call.ivr = false;
        let party = call.party_mut(target)?;
        party.who = Who::Agent(inspector);
        party.set(LegState::Talking);
        Some(call.info.clone())
    }) else {
        return Err(fail(
            reply::QC_UNAVAILABLE,
            "resource unavailable: the agent is not in a call",
        ));
    };
    s.release_leg(&callid, target);
    let agent = session(&mut s, inspector, headers)?;
    agent.qc = None;
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
}
