//! Session part of the test-control API: run-time session config, forced Guid rotation,
//! injected events and gateway outages.

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::control::{ok, parse, path_id, signed_in};
use crate::reply::{control_error, finish, json as json_resp, Reply};
use crate::state::{AppState, AuthMode, SessionConfig, SetGuidForm, MAX_OUTAGE_MS};

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/__sim/config", post(set_config).get(get_config))
        .route("/__sim/agents/{agentid}/rotate-guid", post(rotate_guid))
        .route("/__sim/agents/{agentid}/events", post(add_event))
        .route("/__sim/outage", post(start_outage).delete(end_outage))
}

fn config_json(cfg: &SessionConfig) -> Response {
    json_resp(
        StatusCode::OK,
        &serde_json::to_value(cfg).unwrap_or(Value::Null),
    )
}

async fn get_config(State(app): State<AppState>) -> Response {
    config_json(&app.lock().session)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ConfigReq {
    auth_mode: Option<AuthMode>,
    rotate_guid_every: Option<u64>,
    poll_hold_ms: Option<u64>,
    idle_signout_ms: Option<u64>,
    set_guid_form: Option<SetGuidForm>,
    async_event_delay_ms: Option<u64>,
}

/// Changes any of the session settings; answers the whole config.
async fn set_config(State(app): State<AppState>, body: Bytes) -> Response {
    finish((|| -> Reply {
        let req: ConfigReq = parse(&body)?;
        let mut s = app.lock();
        let mut cfg = s.session;
        cfg.auth_mode = req.auth_mode.unwrap_or(cfg.auth_mode);
        cfg.rotate_guid_every = req.rotate_guid_every.unwrap_or(cfg.rotate_guid_every);
        cfg.poll_hold_ms = req.poll_hold_ms.unwrap_or(cfg.poll_hold_ms);
        cfg.idle_signout_ms = req.idle_signout_ms.unwrap_or(cfg.idle_signout_ms);
        cfg.set_guid_form = req.set_guid_form.unwrap_or(cfg.set_guid_form);
        cfg.async_event_delay_ms = req.async_event_delay_ms.unwrap_or(cfg.async_event_delay_ms);
        cfg.check()
            .map_err(|e| control_error(StatusCode::BAD_REQUEST, &e))?;
        s.session = cfg;
        Ok(config_json(&cfg))
    })())
}

/// Rotates the agent's Guid on its next event poll (either auth mode).
async fn rotate_guid(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Response {
    finish((|| -> Reply {
        let id = path_id(&path)?;
        let mut s = app.lock();
        signed_in(&s, id)?;
        if let Some(agent) = s.agents.get_mut(&id) {
            agent.rotate_pending = true;
        }
        Ok(ok())
    })())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct EventReq {
    event_type: String,
    #[serde(default)]
    content: Value,
}

/// Queues an arbitrary event.
async fn add_event(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Response {
    finish((|| -> Reply {
        let id = path_id(&path)?;
        let req: EventReq = parse(&body)?;
        if req.event_type.is_empty() {
            return Err(control_error(
                StatusCode::BAD_REQUEST,
                "eventType must not be empty",
            ));
        }
        let mut s = app.lock();
        signed_in(&s, id)?;
        if let Some(agent) = s.agents.get_mut(&id) {
            agent.push_event(&req.event_type, req.content);
        }
        Ok(ok())
    })())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct OutageReq {
    ms: u64,
    #[serde(default = "yes")]
    keep_sessions: bool,
}

fn yes() -> bool {
    true
}

/// Drops every gateway and CMS request for `ms`; `keepSessions: false` wipes sessions first.
async fn start_outage(State(app): State<AppState>, body: Bytes) -> Response {
    finish((|| -> Reply {
        let req: OutageReq = parse(&body)?;
        if req.ms > MAX_OUTAGE_MS {
            return Err(control_error(
                StatusCode::BAD_REQUEST,
                &format!("ms must be at most {MAX_OUTAGE_MS}"),
            ));
        }
        app.lock().start_outage(req.ms, req.keep_sessions);
        Ok(json_resp(
            StatusCode::OK,
            &json!({"ok": true, "ms": req.ms, "keepSessions": req.keep_sessions}),
        ))
    })())
}

/// Ends an outage early.
async fn end_outage(State(app): State<AppState>) -> Response {
    app.lock().outage_until = None;
    ok()
}
