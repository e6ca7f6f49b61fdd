//! The event poll (`GET agentevent/{agentid}`, log name getAgentEvent): one queued event
//! per answer, held up to `pollHoldMs` while the queue is empty; dynamic-mode Guid
//! rotation announced in `Set-GUID`; and the idle sweep behind the 2-minute rule.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::json;

use crate::gateway::{one, preamble, session, IdPath, BASE};
use crate::reply::{self, set_guid};
use crate::state::{AppState, AuthMode, Event, SimState};

/// How often the idle sweep runs.
const SWEEP_EVERY: Duration = Duration::from_millis(250);

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new().route(&format!("{BASE}/agentevent/{{agentid}}"), get(poll))
}

async fn poll(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    let id = match preamble(one(&path), &headers) {
        Ok(id) => id,
        Err(resp) => return resp,
    };
    let hold = Duration::from_millis(app.lock().session.poll_hold_ms);
    let deadline = tokio::time::Instant::now() + hold;
    loop {
        // Register for a wake-up before looking at the queue, so nothing queued in
        // between is missed.
        let notify = {
            let mut s = app.lock();
            match session(&mut s, id, &headers) {
                Ok(agent) => Arc::clone(&agent.notify),
                Err(resp) => return resp,
            }
        };
        let notified = notify.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        {
            let mut s = app.lock();
            let outage = s.outage_active();
            let agent = match session(&mut s, id, &headers) {
                Ok(agent) => agent,
                Err(resp) => return resp,
            };
            agent.last_activity = Instant::now();
            if let Some(event) = agent.events.pop_front() {
                return answer(&mut s, id, Some(event));
            }
            if outage || tokio::time::Instant::now() >= deadline {
                return answer(&mut s, id, None);
            }
        }
        let _ = tokio::time::timeout_at(deadline, notified).await;
    }
}

/// The poll answer; rotates the Guid first when a rotation is due (forced, or every
/// `rotateGuidEvery` successful polls in dynamic mode) and announces it in `Set-GUID`.
fn answer(s: &mut SimState, id: u32, event: Option<Event>) -> Response {
    let cfg = s.session;
    let due = s.agents.get_mut(&id).is_some_and(|a| {
        a.polls_since_rotation += 1;
        a.rotate_pending
            || (cfg.auth_mode == AuthMode::Dynamic
                && cfg.rotate_guid_every > 0
                && a.polls_since_rotation >= cfg.rotate_guid_every)
    });
    let mut resp = reply::json(
        StatusCode::OK,
        &json!({"message": "", "retcode": reply::OK, "event": event}),
    );
    if due {
        if let Some(guid) = s.rotate_guid(id) {
            set_guid(&mut resp, &guid, cfg.set_guid_form);
        }
    }
    resp
}

/// Runs [`SimState::expire_idle`] every 250 ms until `app` is dropped.
pub fn spawn_idle_sweep(app: &AppState) {
    let weak = Arc::downgrade(app);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(SWEEP_EVERY);
        loop {
            tick.tick().await;
            let Some(app) = weak.upgrade() else { break };
            app.lock().expire_idle(Instant::now());
        }
    });
}
