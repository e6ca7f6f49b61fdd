//! Call data under `calldata` (sections C and G of agent-shift-ops.md): queryCallInfo (one
//! object: the current call, else the last one unless `isNoContainLastCall=true`),
//! setCallAppDataEx (at most 16 KB of raw content), queryCallAppData (a string) and the
//! hold list. `callinfobeforeanswer` is in `gateway`.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, put};
use axum::Router;
use serde_json::{json, Value};

use crate::calls::LegState;
use crate::gateway::{agent_op, one, IdPath, BASE};
use crate::params::{
    base64_decode, base64_encode, body_object, checked_bool, checked_str, query_bool, query_param,
};
use crate::reply::{self, bad_param};
use crate::state::{AppState, SimState};
use crate::wrong_state::Op;

/// Largest call-associated data: 16K bytes of raw content (base64-decoded when
/// `isDataEncoded`), as H-0421 counts it.
pub const CALL_DATA_MAX_BYTES: usize = 16 * 1024;

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let r = |p: &str| format!("{BASE}/calldata/{{agentid}}{p}");
    Router::new()
        .route(&r("/callinfo"), get(call_info))
        .route(&r("/setcalldataex"), put(set_call_data))
        .route(&r("/appdata"), get(app_data))
        .route(&r("/holdlist"), get(hold_list))
}

fn to_json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

async fn call_info(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let without_last = query_bool(&raw, "isNoContainLastCall", false)?;
        let info = match s.current_call(id) {
            Some(c) => to_json(&c.info),
            None => s
                .agents
                .get(&id)
                .and_then(|a| a.last_call.as_ref())
                .filter(|_| !without_last)
                .map(to_json)
                .ok_or_else(|| Op::CallData.fail())?,
        };
        Ok(reply::envelope(reply::OK, "success", info))
    })
}

/// The call named by `callid` (one of the agent's), else its current call.
fn the_call(s: &SimState, id: u32, callid: Option<&str>) -> Result<String, Response> {
    match callid.filter(|c| !c.is_empty()) {
        Some(want) => s
            .calls_of(id)
            .find(|c| c.info.callid == want)
            .map(|c| c.info.callid.clone()),
        None => s.current_call(id).map(|c| c.info.callid.clone()),
    }
    .ok_or_else(|| Op::CallData.fail())
}

async fn set_call_data(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let map = body_object(&body)?;
        let encoded = checked_bool(&map, "isDataEncoded")?.unwrap_or(false);
        let data =
            checked_str(&map, "calldata", &|_| true)?.ok_or_else(|| bad_param("calldata"))?;
        let raw = if encoded {
            base64_decode(data).ok_or_else(|| bad_param("calldata"))?
        } else {
            data.as_bytes().to_vec()
        };
        if raw.len() > CALL_DATA_MAX_BYTES {
            return Err(bad_param("calldata"));
        }
        let callid = checked_str(&map, "callid", &|_| true)?;
        let callid = the_call(s, id, callid)?;
        if let Some(call) = s.calls.get_mut(&callid) {
            call.info.calldata = String::from_utf8_lossy(&raw).into_owned();
            call.app_data = raw;
        }
        Ok(reply::ok_empty())
    })
}

/// `appdata?isEncodeResult=&callId=` (the parameter table spells it `callid`: both work).
async fn app_data(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let encode = query_param(&raw, "isEncodeResult").as_deref() == Some("true");
        let callid = query_param(&raw, "callId").or_else(|| query_param(&raw, "callid"));
        let callid = the_call(s, id, callid.as_deref())?;
        let data = s
            .calls
            .get(&callid)
            .map(|c| c.app_data.clone())
            .unwrap_or_default();
        let text = if encode {
            base64_encode(&data)
        } else {
            String::from_utf8_lossy(&data).into_owned()
        };
        Ok(reply::envelope(reply::OK, "success", json!(text)))
    })
}

/// The agent's held calls (UNCERTAIN in the references: the Java demo's path, a list of
/// call-info objects).
async fn hold_list(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let held: Vec<Value> = s
            .calls_of(id)
            .filter(|c| c.party(id).is_some_and(|p| p.state == LegState::Held))
            .map(|c| to_json(&c.info))
            .collect();
        Ok(reply::envelope(reply::OK, "success", Value::Array(held)))
    })
}
