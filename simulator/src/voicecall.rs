//! Call control under `voicecall` (sections B and G of agent-shift-ops.md): answer,
//! release (and the legacy releaseEx), disconnect, hold, getHold, connectHold, mute,
//! transfer, cancelTransfer, callOut, callInner, callInnerSkill, innerHelp, confJoin and
//! secondDialEx. The call model is in `calls`; wrong-state codes come from `wrong_state`.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{delete, post, put};
use axum::Router;
use serde_json::{json, Map, Value};

use crate::calls::{call_content, Direction, LegState, OnAnswer, Party, SimCall, Who};
use crate::gateway::{agent_op, one, two, IdAndPath, IdPath, BASE};
use crate::params::{
    agent_id, body_object, checked_bool, checked_int, checked_str, is_dial_string, is_digits,
    java_len, query_param,
};
use crate::reply::{self, bad_param};
use crate::state::{AppState, CallInfo, SimState};
use crate::timers::Deferred;
use crate::wrong_state::Op;

/// Longest `callappdata` (16k, counted in UTF-16 units as the Java server does).
pub const CALL_APP_DATA_MAX: usize = 16 * 1024;
/// Longest number (called, address, DTMF, disconnect).
pub const NUMBER_MAX: usize = 24;

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let r = |p: &str| format!("{BASE}/voicecall/{{agentid}}{p}");
    Router::new()
        .route(&r("/answer"), put(answer))
        .route(&r("/release"), delete(release))
        .route(&r(""), delete(release))
        .route(&r("/disconnect/{number}"), post(disconnect))
        .route(&r("/hold"), post(hold))
        .route(&r("/gethold"), post(get_hold))
        .route(&r("/connecthold/{callid}"), post(connect_hold))
        .route(&r("/beginmute"), post(begin_mute))
        .route(&r("/endmute"), post(end_mute))
        .route(&r("/transfer"), post(transfer))
        .route(&r("/canceltransfer"), post(cancel_transfer))
        .route(&r("/callout"), put(call_out))
        .route(&r("/callinner"), put(call_inner))
        .route(&r("/callinnerskill"), put(call_inner_skill))
        .route(&r("/innerhelp"), post(inner_help))
        .route(&r("/confjoin"), post(conf_join))
        .route(&r("/seconddialex"), post(second_dial))
}

/// The success envelope with the new call's ID as `result`.
fn with_callid(callid: &str) -> Response {
    reply::envelope(reply::OK, "success", json!(callid))
}

/// An optional `callid` query parameter (present but empty: `000-002`).
fn callid_query(raw: &Option<String>) -> Result<Option<String>, Response> {
    match query_param(raw, "callid") {
        Some(c) if c.is_empty() => Err(bad_param("callid")),
        c => Ok(c),
    }
}

/// The call where agent `id` talks, else `op`'s wrong-state answer.
fn talking(s: &SimState, id: u32, op: Op) -> Result<String, Response> {
    s.leg_in(id, &[LegState::Talking], None)
        .ok_or_else(|| op.fail())
}

/// `callappdata`: at most 16k.
fn app_data_field(map: &Map<String, Value>) -> Result<Option<String>, Response> {
    Ok(checked_str(map, "callappdata", &|d| java_len(d) <= CALL_APP_DATA_MAX)?.map(str::to_owned))
}

/// Holds agent `id`'s leg of `callid`: `AgentEvent_Hold` (its content the bare call ID).
fn hold_leg(s: &mut SimState, callid: &str, id: u32) {
    set_leg(s, callid, id, LegState::Held);
    s.push(id, "AgentEvent_Hold", json!(callid));
}

/// The fields several operations share: `callappdata` (≤ 16k), `caller` (0..=24 digits)
/// and `mediaability` (0, 1, 2).
fn common_fields(map: &Map<String, Value>) -> Result<Option<String>, Response> {
    checked_str(map, "caller", &|c| is_digits(c, 0, NUMBER_MAX))?;
    checked_int(map, "mediaability", &|m| (0..=2).contains(&m))?;
    checked_int(map, "skillid", &|v| i32::try_from(v).is_ok())?;
    Ok(checked_str(map, "callappdata", &|d| java_len(d) <= CALL_APP_DATA_MAX)?.map(str::to_owned))
}

async fn answer(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let want = callid_query(&raw)?;
        let callid = s
            .leg_in(id, &[LegState::Ringing], want.as_deref())
            .ok_or_else(|| Op::Answer.fail())?;
        s.answer(&callid, id);
        Ok(reply::ok_empty())
    })
}

/// `release` and the legacy `DELETE voicecall/{agentid}` (releaseEx): leaves the current
/// (not held) call.
async fn release(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let callid = s
            .active_call(id)
            .map(|c| c.info.callid.clone())
            .ok_or_else(|| Op::Release.fail())?;
        s.leave(&callid, &Who::Agent(id));
        Ok(reply::ok_empty())
    })
}

/// The party of `callid` (other than agent `id`) that `number` names: an outside number,
/// an agent ID or an agent's softphone number.
fn party_named(s: &SimState, callid: &str, number: &str, id: u32) -> Option<Who> {
    let call = s.calls.get(callid)?;
    call.parties
        .iter()
        .map(|p| &p.who)
        .find(|who| match who {
            Who::Number(n) => n == number,
            Who::Agent(a) => {
                *a != id
                    && (a.to_string() == number
                        || s.agents.get(a).is_some_and(|x| x.phonenum == number))
            }
        })
        .cloned()
}

async fn disconnect(State(app): State<AppState>, path: IdAndPath, headers: HeaderMap) -> Response {
    let (raw_id, number) = two(&path);
    agent_op(&app, raw_id, &headers, |s, id| {
        let number = number
            .filter(|n| is_digits(n, 1, NUMBER_MAX))
            .ok_or_else(|| bad_param("number"))?;
        let current = s
            .current_call(id)
            .map(|c| c.info.callid.clone())
            .ok_or_else(|| Op::Disconnect.fail())?;
        if let Some(who) = party_named(s, &current, number, id) {
            s.leave(&current, &who);
            return Ok(reply::ok_empty());
        }
        let held_elsewhere = s
            .calls_of(id)
            .any(|c| party_named(s, &c.info.callid, number, id).is_some());
        Err(if held_elsewhere {
            Op::DisconnectHeld
        } else {
            Op::Disconnect
        }
        .fail())
    })
}

/// Sets agent `id`'s leg of `callid` to `state`; returns the call's info.
fn set_leg(s: &mut SimState, callid: &str, id: u32, state: LegState) -> Option<CallInfo> {
    let call = s.calls.get_mut(callid)?;
    call.party_mut(id)?.set(state);
    Some(call.info.clone())
}

async fn hold(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let callid = talking(s, id, Op::Hold)?;
        hold_leg(s, &callid, id);
        Ok(reply::ok_empty())
    })
}

/// `gethold?callid=` (unhold): the held call (the one named, else the first) talks again.
async fn get_hold(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let want = callid_query(&raw)?;
        let callid = s
            .leg_in(id, &[LegState::Held], want.as_deref())
            .filter(|_| s.active_call(id).is_none())
            .ok_or_else(|| Op::GetHold.fail())?;
        if let Some(info) = set_leg(s, &callid, id, LegState::Talking) {
            s.push(id, "AgentEvent_Talking", call_content(&info));
        }
        Ok(reply::ok_empty())
    })
}

/// `connecthold/{callid}`: the held call's parties and the current call's are connected;
/// the agent leaves both (a consult ends as a transfer).
async fn connect_hold(
    State(app): State<AppState>,
    path: IdAndPath,
    headers: HeaderMap,
) -> Response {
    let (raw_id, callid) = two(&path);
    agent_op(&app, raw_id, &headers, |s, id| {
        let held = s
            .leg_in(id, &[LegState::Held], callid)
            .ok_or_else(|| Op::ConnectHoldNotHeld.fail())?;
        let active = talking(s, id, Op::ConnectHoldNoCall)?;
        let moved: Vec<u32> = s
            .calls
            .get(&active)
            .map(|c| c.agents().into_iter().filter(|a| *a != id).collect())
            .unwrap_or_default();
        s.merge(&active, &held, id);
        if let Some(info) = s.calls.get(&held).map(|c| c.info.clone()) {
            for a in moved {
                s.push(a, "AgentEvent_Talking", call_content(&info));
            }
        }
        s.hand_over(&held, id);
        Ok(reply::ok_empty())
    })
}

/// beginmute / endmute: the talking leg's mute flag (no event is documented).
fn mute(app: &AppState, path: &IdPath, headers: &HeaderMap, on: bool) -> Response {
    agent_op(app, one(path), headers, |s, id| {
        let callid = talking(s, id, Op::Mute)?;
        if let Some(p) = s.calls.get_mut(&callid).and_then(|c| c.party_mut(id)) {
            p.muted = on;
        }
        Ok(reply::ok_empty())
    })
}

async fn begin_mute(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    mute(&app, &path, &headers, true)
}

async fn end_mute(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    mute(&app, &path, &headers, false)
}

/// Modes each `devicetype` allows (H-1242; mode 3 for agents is "not yet open to third
/// parties" and acts as a release transfer here).
fn transfer_modes(device_type: i64) -> &'static [i64] {
    match device_type {
        1 | 4 => &[0, 2],
        2 => &[0, 2, 3],
        3 => &[0, 1],
        _ => &[1, 2, 3, 4],
    }
}

/// An external address: 1..=24 of `0-9 A-E a-e * #`.
fn is_external_address(a: &str) -> bool {
    (1..=NUMBER_MAX).contains(&a.len())
        && a.bytes().all(|b| {
            b.is_ascii_digit() || matches!(b.to_ascii_uppercase(), b'A'..=b'E' | b'*' | b'#')
        })
}

/// A transfer request, validated.
struct TransferReq {
    device_type: i64,
    address: String,
    mode: i64,
    app_data: Option<String>,
}

fn parse_transfer(body: &[u8]) -> Result<TransferReq, Response> {
    let map = body_object(body)?;
    let device_type = checked_int(&map, "devicetype", &|t| (1..=5).contains(&t))?
        .ok_or_else(|| bad_param("devicetype"))?;
    let mode = checked_int(&map, "mode", &|m| transfer_modes(device_type).contains(&m))?
        .ok_or_else(|| bad_param("mode"))?;
    let address = checked_str(&map, "address", &|a| {
        if device_type == 5 {
            is_external_address(a)
        } else {
            is_digits(a, 1, NUMBER_MAX)
        }
    })?
    .ok_or_else(|| bad_param("address"))?
    .to_owned();
    checked_bool(&map, "holdflag")?;
    checked_int(&map, "skillId", &|v| i32::try_from(v).is_ok())?;
    let app_data = common_fields(&map)?;
    Ok(TransferReq {
        device_type,
        address,
        mode,
        app_data,
    })
}

/// Stores `callappdata` on the call, when given.
fn attach(s: &mut SimState, callid: &str, data: Option<String>) {
    if let (Some(call), Some(data)) = (s.calls.get_mut(callid), data) {
        call.info.calldata = data.clone();
        call.app_data = data.into_bytes();
    }
}

/// A failure event for agent `id` after the asynchronous delay.
fn fail_later(s: &mut SimState, id: u32, event_type: &'static str, callid: &str) {
    let delay = s.session.async_event_delay_ms;
    s.later(
        delay,
        Deferred::Event {
            agent: id,
            event_type,
            content: json!(callid),
        },
    );
}

async fn transfer(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let req = parse_transfer(&body)?;
        let callid = talking(s, id, Op::Transfer)?;
        attach(s, &callid, req.app_data);
        match req.device_type {
            1 | 2 => {
                let target = if req.device_type == 2 {
                    agent_id(&req.address).filter(|t| *t != id && s.available(*t))
                } else {
                    s.first_available(id)
                };
                let Some(target) = target else {
                    fail_later(s, id, "AgentEvent_Connect_Fail", &callid);
                    return Ok(reply::ok_empty());
                };
                if req.mode == 2 {
                    s.add_ringing(&callid, target, OnAnswer::ReleaseAgent(id), Some(id));
                } else {
                    s.add_ringing(&callid, target, OnAnswer::Connect, Some(id));
                    s.hand_over(&callid, id);
                }
            }
            3 if req.mode == 1 => {
                // Hang-up transfer to an IVR: the agent waits (held) until the call returns.
                set_leg(s, &callid, id, LegState::Held);
                let delay = s.session.async_event_delay_ms;
                s.later(delay, Deferred::ReturnFromIvr { callid, agent: id });
            }
            5 if req.mode != 1 => {
                let on_answer = match req.mode {
                    2 => OnAnswer::ReleaseAgent(id),
                    3 => OnAnswer::Talk,
                    _ => OnAnswer::Conference,
                };
                let mut party = Party::new(Who::Number(req.address.clone()), LegState::Ringing);
                party.on_answer = on_answer;
                party.by_transfer = req.mode != 2;
                if let Some(call) = s.calls.get_mut(&callid) {
                    call.parties.push(party);
                }
                let delay = s.session.async_event_delay_ms;
                s.later(
                    delay,
                    Deferred::FarEnd {
                        callid,
                        number: req.address,
                    },
                );
            }
            // Release transfers to an IVR, access code or outside number: the customer
            // leaves the simulated contact center with the call.
            _ => s.leave(&callid, &Who::Agent(id)),
        }
        Ok(reply::ok_empty())
    })
}

/// Cancels a talk or three-party transfer to an outside number: it leaves, the customer
/// talks again.
async fn cancel_transfer(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let callid = s
            .calls_of(id)
            .find(|c| c.parties.iter().any(|p| p.by_transfer))
            .map(|c| c.info.callid.clone())
            .ok_or_else(|| Op::CancelTransfer.fail())?;
        let Some(call) = s.calls.get_mut(&callid) else {
            return Err(Op::CancelTransfer.fail());
        };
        call.parties.retain(|p| !p.by_transfer);
        for p in &mut call.parties {
            if p.state == LegState::Held && p.agent().is_none() {
                p.set(LegState::Talking);
            }
        }
        let info = call.info.clone();
        s.push(id, "AgentEvent_Talking", call_content(&info));
        Ok(reply::ok_empty())
    })
}

/// Refuses to start a call while ringing, dialing or talking (a held call is fine).
fn idle_line(s: &SimState, id: u32) -> Result<(), Response> {
    match s.active_call(id) {
        Some(_) => Err(Op::Dial.fail()),
        None => Ok(()),
    }
}

/// A new call from agent `id` with `parties` after it.
fn start_call(
    s: &mut SimState,
    id: u32,
    info: (String, String, i64),
    direction: Direction,
    mut parties: Vec<Party>,
    app_data: Option<String>,
) -> String {
    let callid = s.new_callid();
    let (caller, called, feature) = info;
    let mut call_info = CallInfo::new(callid.clone(), caller, called, feature);
    call_info.waitTime = 0;
    parties.insert(0, Party::new(Who::Agent(id), LegState::Dialing));
    let call = SimCall::new(call_info, direction, parties);
    s.add_call(call, Some(id));
    attach(s, &callid, app_data);
    callid
}

/// Call type 7 (SP_CALL_OUT) for callOut, 6 (INTER_CALL) between agents.
const FEATURE_OUT: i64 = 7;
const FEATURE_INTERNAL: i64 = 6;

async fn call_out(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let map = body_object(&body)?;
        let called = checked_str(&map, "called", &|c| is_dial_string(c, NUMBER_MAX))?
            .ok_or_else(|| bad_param("called"))?
            .to_owned();
        checked_int(&map, "userVideoDirection", &|v| (1..=4).contains(&v))?;
        let app_data = common_fields(&map)?;
        idle_line(s, id)?;
        let caller = str_or(&map, "caller", s, id);
        let far = Party::new(Who::Number(called.clone()), LegState::Ringing);
        let callid = start_call(
            s,
            id,
            (caller, called.clone(), FEATURE_OUT),
            Direction::Outbound,
            vec![far],
            app_data,
        );
        let delay = s.session.async_event_delay_ms;
        s.later(
            delay,
            Deferred::FarEnd {
                callid: callid.clone(),
                number: called,
            },
        );
        Ok(with_callid(&callid))
    })
}

/// A non-empty `caller` field, else the agent's softphone number.
fn str_or(map: &Map<String, Value>, name: &str, s: &SimState, id: u32) -> String {
    map.get(name)
        .and_then(Value::as_str)
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .or_else(|| s.agents.get(&id).map(|a| a.phonenum.clone()))
        .unwrap_or_default()
}

/// Rings `target` from agent `id` in a new internal call, or reports `fail_event` later.
fn call_agent(
    s: &mut SimState,
    id: u32,
    target: Option<u32>,
    app_data: Option<String>,
    fail_event: &'static str,
) -> String {
    match target.filter(|t| *t != id && s.available(*t)) {
        Some(t) => {
            let ringing = Party::new(Who::Agent(t), LegState::Ringing);
            start_call(
                s,
                id,
                (id.to_string(), t.to_string(), FEATURE_INTERNAL),
                Direction::Internal,
                vec![ringing],
                app_data,
            )
        }
        None => {
            let callid = s.new_callid();
            fail_later(s, id, fail_event, &callid);
            callid
        }
    }
}

async fn call_inner(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let map = body_object(&body)?;
        let called = checked_str(&map, "called", &|c| is_dial_string(c, NUMBER_MAX))?
            .ok_or_else(|| bad_param("called"))?;
        let app_data = common_fields(&map)?;
        idle_line(s, id)?;
        let callid = call_agent(
            s,
            id,
            agent_id(called),
            app_data,
            "AgentEvent_Inside_Call_Fail",
        );
        Ok(with_callid(&callid))
    })
}

async fn call_inner_skill(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let map = body_object(&body)?;
        checked_int(&map, "skillId", &|v| i32::try_from(v).is_ok())?
            .ok_or_else(|| bad_param("skillId"))?;
        idle_line(s, id)?;
        let target = s.first_available(id);
        let callid = call_agent(s, id, target, None, "AgentEvent_Inside_Call_Fail");
        Ok(with_callid(&callid))
    })
}

/// `innerhelp`: mode 1 consults the helper in a new call (the customer held when
/// `holdflag`, the default); mode 2 rings the helper into the customer's call, which
/// becomes a conference when the helper answers.
async fn inner_help(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let map = body_object(&body)?;
        let dst = checked_str(&map, "dstaddress", &|d| is_digits(d, 1, NUMBER_MAX))?
            .ok_or_else(|| bad_param("dstaddress"))?;
        let device_type = checked_int(&map, "devicetype", &|t| (1..=2).contains(&t))?.unwrap_or(2);
        let mode = checked_int(&map, "mode", &|m| (1..=2).contains(&m))?.unwrap_or(1);
        let hold_flag = checked_bool(&map, "holdflag")?.unwrap_or(true);
        let app_data = app_data_field(&map)?;
        let current = talking(s, id, Op::InnerHelp)?;
        let target = if device_type == 2 {
            agent_id(dst)
        } else {
            s.first_available(id)
        };
        let target = target.filter(|t| *t != id && s.available(*t));
        if mode == 2 {
            match target {
                Some(t) => s.add_ringing(&current, t, OnAnswer::Conference, Some(id)),
                None => fail_later(s, id, "AgentEvent_Consult_Fail", &current),
            }
            return Ok(with_callid(&current));
        }
        if target.is_some() && hold_flag {
            hold_leg(s, &current, id);
        }
        let callid = call_agent(s, id, target, app_data, "AgentEvent_Consult_Fail");
        Ok(with_callid(&callid))
    })
}

/// `confjoin {callid}`: the held call and the current call become one three-party call.
async fn conf_join(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let map = body_object(&body)?;
        let callid =
            checked_str(&map, "callid", &|c| !c.is_empty())?.ok_or_else(|| bad_param("callid"))?;
        let app_data = app_data_field(&map)?;
        let held = s
            .leg_in(id, &[LegState::Held], Some(callid))
            .ok_or_else(|| Op::ConfJoinNotHeld.fail())?;
        let active = talking(s, id, Op::ConfJoinNoCall)?;
        s.merge(&active, &held, id);
        set_leg(s, &held, id, LegState::Talking);
        attach(s, &held, app_data);
        s.announce_conference(&held);
        Ok(reply::ok_empty())
    })
}

/// `seconddialex?number=`: DTMF, 1..=24 of `0-9 * #` (percent-encoded `#`), on a talking call.
async fn second_dial(
    State(app): State<AppState>,
    path: IdPath,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    agent_op(&app, one(&path), &headers, |s, id| {
        let number = query_param(&raw, "number")
            .filter(|n| is_dial_string(n, NUMBER_MAX))
            .ok_or_else(|| bad_param("number"))?;
        let callid = talking(s, id, Op::SecondDial)?;
        if let Some(call) = s.calls.get_mut(&callid) {
            call.dtmf.push_str(&number);
        }
        Ok(reply::ok_empty())
    })
}
