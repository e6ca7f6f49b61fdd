//! `cec-sim`: a local, strict simulator of the Huawei CEC CC-Gateway agent API (sessions
//! with Guid rotation, the event poll, record-play and quality-control operations) and
//! the CC-CMS `downloadRecordFile` open API, with a test-control API under `/__sim/`.

// Handlers stop early with a finished `Response` as the error; it is built once per
// request, so boxing it would only add an allocation.
#![allow(clippy::result_large_err)]

pub mod audio;
pub mod cms;
pub mod control;
pub mod control_session;
pub mod cors;
pub mod events;
pub mod gateway;
pub mod params;
pub mod pipeline;
pub mod qc;
pub mod recordplay;
pub mod reply;
pub mod session;
pub mod state;
pub mod static_files;
pub mod zip;

use std::future::Future;

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
        .merge(events::routes())
        .merge(recordplay::routes())
        .merge(qc::routes())
        .merge(cms::routes())
        .merge(control::routes())
        .merge(control_session::routes())
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

async fn method_not_allowed(uri: Uri) -> Response {
    if pipeline::is_control(uri.path()) {
        reply::control_error(StatusCode::METHOD_NOT_ALLOWED, "method not allowed")
    } else {
        reply::envelope_with(
            StatusCode::METHOD_NOT_ALLOWED,
            reply::BAD_PARAM,
            "method not allowed",
            serde_json::json!(""),
        )
    }
}
