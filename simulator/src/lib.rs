//! `cec-sim`: a local, strict simulator of the Huawei CEC CC-Gateway agent API (sessions
//! with Guid rotation, the event poll, record-play and quality-control operations) and
//! the CC-CMS `downloadRecordFile` open API, with a test-control API under `/__sim/`.

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
