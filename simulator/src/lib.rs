//! `cec-sim`: a local, strict simulator of the Huawei CEC CC-Gateway agent API (sessions
//! with Guid rotation, the event poll, agent states, call control, call data, record-play
//! and quality-control operations) and the CC-CMS `downloadRecordFile` open API, with a
//! test-control API under `/__sim/`.
//!
//! # An agent's shift
//!
//! Every route of sections A, B and C of agent-shift-ops.md (as corrected by its section G)
//! is served with the vendor's method, path, query and body parameters, envelope, result
//! and retcodes:
//!
//! - **Agent state** (`onlineagent`): each agent has its own state (idle, busy with a
//!   reason, rest until a time with a cause, wrap-up) under its calls; `agentstatus`
//!   answers `{"agentState": n, "isWorking": bool}` with the vendor's codes (2 signed out,
//!   3 busy, 4 idle, 5 wrap-up, 7 talking, also while ringing or held, 8 rest, 9 pre-rest).
//!   State changes queue the vendor's events (the operation's success event, then
//!   `AgentState_Ready` / `_Busy` / `_Work` outside a call). `AgentState_SetRest_Success`
//!   comes `asyncEventDelayMs` (default 50 ms, `/__sim/config`) after `rest` returns;
//!   when the rest time is up, `AgentState_Rest_Timeout` is a reminder only (still at rest
//!   until `cancelrest`). Busy, rest and wrap-up asked for during a call take effect when
//!   the call ends. After a call an agent is idle, or in wrap-up when `autoenteridle` is
//!   false (sign-in body or `autoenteridle/{flag}`).
//! - **Calls** (`voicecall`, model in `calls`): a call has parties (agents, numbers), each
//!   with a leg state (ringing, dialing, talking, held) and a mute flag, shared between
//!   agents. A transfer to a signed-in idle agent rings that agent (`transFrom`) and
//!   releases the first at once (mode 0) or when the second answers (mode 2,
//!   `AgentEvent_SuccTransResult`); innerHelp consults (mode 1, the customer held) or rings
//!   the helper into the call (mode 2); confJoin and a mode-2 help make a three-party call
//!   (`AgentEvent_Conference {callid, partner}` to every agent); connectHold hands the held
//!   customer to the consulted agent. callOut and external transfers ring a simulated
//!   number that answers, is busy or does not answer (`/__sim/numbers`), after
//!   `asyncEventDelayMs`. A call to an agent who is not available fails later with
//!   `AgentEvent_Connect_Fail`, `_Consult_Fail` or `_Inside_Call_Fail`. Events whose content
//!   is a bare call ID (`AgentEvent_Hold`, `_Call_Release`, `_Call_Out_Fail`, ...) carry it so;
//!   every event envelope has `eventGenTime` (epoch ms).
//! - **Call data** (`calldata`): `callinfo` (one object; the last call after it ended unless
//!   `isNoContainLastCall=true`, else `400-001`), `setcalldataex` (16 KB of raw bytes,
//!   base64-decoded when `isDataEncoded`), `appdata` (a string, base64 with
//!   `isEncodeResult=true`) and `holdlist`.
//! - **Wrong state**: every refusal comes from the one table in `wrong_state`, which says
//!   which codes are the pages' and which are the closest documented ones.
//! - An absent `autoanswer` is taken as false (the vendor's default is true) so that tests
//!   and pages drive `answer`; `autoanswer: true` answers ringing calls at once.
//! - Listening and inserting take any signed-in agent (cec_07_2402, cec_07_2401);
//!   whispering, switching and intercepting need a call. A word where a path has an agent
//!   ID (`GET qualitycontrol/{id}/allagent`) is an unknown route (404, `000-002`), not 405.
//! - `Set-GUID` is written in exactly that case on HTTP/1 (see `header_case`).
//!
//! # Control API
//!
//! | Route | Does |
//! |---|---|
//! | `POST /__sim/reset` | forgets everything (sessions, calls, numbers, faults) |
//! | `POST /__sim/agents {"agentId", "phonenum"?}` | signs an agent in directly (idle, no events); answers `{"guid"}` |
//! | `GET /__sim/agents/{id}` | the agent's simulated state: `state` (name), `agentState` (getAgentStatus code), `status`, `busyReason`, `rest`, `pendingRest`, `autoEnterIdle`, `calls` (call ID, direction, numbers, leg `state`, `muted`, `sinceMs`, `conference`, `parties`, `appData`, `dtmf`), `queuedEvents`, `events` |
//! | `POST /__sim/agents/{id}/call {"callid"?, "caller"?, "called"?, "callfeature"?, "answered"?, "singleObjectResult"?}` | a customer call rings the agent (`AgentEvent_Ringing`); answers the call info with its `callid` |
//! | `POST /__sim/calls/{callid}/hangup` | the customer hangs up (`AgentEvent_Customer_Release`, then the call ends for agents left alone) |
//! | `POST /__sim/numbers/{number} {"outcome": "answer" \| "busy" \| "noAnswer"}` | how callOut and external transfers to the number go from now on (default: answer) |
//! | `GET /__sim/calls` | every call and its parties |
//! | `POST /__sim/agents/{id}/conference` | makes the call a three-party call with a third-party IVR |
//! | `POST /__sim/config {"asyncEventDelayMs"?, "pollHoldMs"?, ...}` | run-time settings (see `control_session`) |
//!
//! Faults, outages, Guid rotation, injected events, supervision and the request log are in
//! `control` and `control_session`.

// Handlers stop early with a finished `Response` as the error; it is built once per
// request, so boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

pub mod agent_state;
pub mod audio;
pub mod calldata;
pub mod calls;
pub mod cms;
pub mod control;
pub mod control_calls;
pub mod control_session;
pub mod cors;
pub mod events;
pub mod gateway;
pub mod header_case;
pub mod onlineagent;
pub mod params;
pub mod pipeline;
pub mod qc;
pub mod recordplay;
pub mod reply;
pub mod session;
pub mod state;
pub mod static_files;
pub mod timers;
pub mod voicecall;
pub mod wrong_state;
pub mod zip;

use std::future::Future;

use axum::extract::MatchedPath;
use axum::http::{StatusCode, Uri};
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::Router;
use tokio::net::TcpListener;

pub use state::{AppState, Config, Shared};

/// The whole service: gateway, CMS and control routes behind the CORS/log/fault middleware.
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(gateway::routes())
        .merge(session::routes())
        .merge(onlineagent::routes())
        .merge(voicecall::routes())
        .merge(calldata::routes())
        .merge(events::routes())
        .merge(recordplay::routes())
        .merge(qc::routes())
        .merge(cms::routes())
        .merge(control::routes())
        .merge(control_session::routes())
        .merge(control_calls::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), pipeline::pipeline))
        .with_state(state)
}

/// Serves [`app`] on `listener` until `shutdown` resolves (then finishes in-flight
/// requests), with the idle sweep of the 2-minute rule running alongside.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_with_static(listener, state, None, shutdown).await
}

/// [`serve`], with `site` (`--static DIR`) served from the same origin when given.
pub async fn serve_with_static(
    listener: TcpListener,
    state: AppState,
    site: Option<static_files::StaticSite>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    events::spawn_idle_sweep(&state);
    axum::serve(listener, static_files::with_static(app(state), site))
        .with_graceful_shutdown(shutdown)
        .await
}

async fn not_found(uri: Uri) -> Response {
    if pipeline::is_control(uri.path()) {
        reply::control_error(StatusCode::NOT_FOUND, "unknown control path")
    } else {
        reply::envelope_with(
            StatusCode::NOT_FOUND,
            reply::BAD_PARAM,
            "the requested address is invalid",
            serde_json::json!(""),
        )
    }
}

/// 405 for a known address with another method. The gateway's URI templates only take
/// digits for `{agentid}` and `{workNo}` (the JAX-RS regexes of its JS client), so a path
/// that matched a route only by putting a word there, such as
/// `GET qualitycontrol/{id}/allagent` against `DELETE qualitycontrol/{id}/{workNo}`, is an
/// unknown address and gets the unknown-route answer.
async fn method_not_allowed(uri: Uri, matched: Option<MatchedPath>) -> Response {
    if pipeline::is_control(uri.path()) {
        return reply::control_error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
    }
    if matched.is_some_and(|m| word_in_id_segment(m.as_str(), uri.path())) {
        return not_found(uri).await;
    }
    reply::envelope_with(
        StatusCode::METHOD_NOT_ALLOWED,
        reply::BAD_PARAM,
        "method not allowed",
        serde_json::json!(""),
    )
}

/// Whether `path` has something other than digits where `template` has an agent ID.
fn word_in_id_segment(template: &str, path: &str) -> bool {
    template.split('/').zip(path.split('/')).any(|(t, p)| {
        matches!(t, "{agentid}" | "{workno}") && !p.bytes().all(|b| b.is_ascii_digit())
    })
}
