//! Call part of the test-control API: the far end of calls.
//!
//! | Route | Does |
//! |---|---|
//! | `POST /__sim/agents/{id}/call` (in `control`) | a customer call rings agent `id`; answers its call info (`callid`, ...) |
//! | `POST /__sim/calls/{callid}/hangup` | the customer (every outside number in the call) hangs up |
//! | `POST /__sim/numbers/{number}` `{"outcome": "answer" \| "busy" \| "noAnswer"}` | how callOut and external transfers to `number` go from now on (default: answer) |
//! | `GET /__sim/calls` | every call with its parties and their leg states |
//! | `GET /__sim/agents/{id}` (in `control`) | the agent's state: `agentState` (getAgentStatus code), `status`, `rest`, `calls`, queued events |

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::calls::Who;
use crate::control::{ok, parse};
use crate::params::is_dial_string;
use crate::reply::{control_error, finish, json as json_resp, Reply};
use crate::state::AppState;
use crate::timers::FarEndOutcome;

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/__sim/calls", get(calls))
        .route("/__sim/calls/{callid}/hangup", post(hang_up))
        .route("/__sim/numbers/{number}", post(set_number))
}

type OnePath = Result<Path<String>, PathRejection>;

async fn calls(State(app): State<AppState>) -> Response {
    let s = app.lock();
    let list: Vec<Value> = s
        .calls
        .values()
        .map(|c| {
            json!({"callid": c.info.callid, "direction": c.direction, "caller": c.info.caller,
                   "called": c.info.called, "conference": c.is_conference(), "parties": c.parties})
        })
        .collect();
    json_resp(StatusCode::OK, &Value::Array(list))
}

/// The customer hangs up: every outside number leaves the call.
async fn hang_up(State(app): State<AppState>, path: OnePath) -> Response {
    finish((|| -> Reply {
        let callid = path
            .map(|p| p.0)
            .map_err(|_| control_error(StatusCode::BAD_REQUEST, "bad call ID"))?;
        let mut s = app.lock();
        let numbers: Vec<Who> = s
            .calls
            .get(&callid)
            .ok_or_else(|| control_error(StatusCode::NOT_FOUND, "no such call"))?
            .parties
            .iter()
            .filter(|p| p.agent().is_none())
            .map(|p| p.who.clone())
            .collect();
        if numbers.is_empty() {
            return Err(control_error(
                StatusCode::CONFLICT,
                "the call has no customer (only agents)",
            ));
        }
        for who in numbers {
            s.leave(&callid, &who);
        }
        Ok(ok())
    })())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumberReq {
    outcome: FarEndOutcome,
}

async fn set_number(State(app): State<AppState>, path: OnePath, body: Bytes) -> Response {
    finish((|| -> Reply {
        let number = path
            .ok()
            .map(|p| p.0)
            .filter(|n| is_dial_string(n, 24) || n.bytes().all(|b| b.is_ascii_alphanumeric()))
            .ok_or_else(|| control_error(StatusCode::BAD_REQUEST, "bad number"))?;
        let req: NumberReq = parse(&body)?;
        app.lock().numbers.insert(number, req.outcome);
        Ok(ok())
    })())
}
