//! Record-play operations: network play (netplay), voice-file play (play), stop, pause,
//! resume, fast-forward and rewind, each announcing its outcome through events.

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{delete, post, put};
use axum::Router;
use serde_json::{json, Value};

use crate::gateway::{one, preamble, session, IdPath, BASE};
use crate::params::{checked_int, json_object, str_field};
use crate::reply::{self, bad_param, fail, finish, Reply};
use crate::state::{Agent, AppState, NetPlay, Play, VoicePlay};

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let r = |p: &str| format!("{BASE}/recordplay/{{agentid}}{p}");
    Router::new()
        .route(&r("/netplay"), post(netplay))
        .route(&r("/play"), put(begin_play))
        .route(&r("/stopplay"), delete(stop_play))
        .route(&r("/pauseplay"), post(pause_play))
        .route(&r("/resumeplay"), post(resume_play))
        .route(&r("/forefast/{time}"), post(fore_fast))
        .route(&r("/backfast/{time}"), post(back_fast))
}

type TimePath = Result<Path<(String, String)>, PathRejection>;

/// Queues the outcome of a started play: success (the play runs) or, when the file name
/// contains `fail`, Play_Fail then StopPlayDone (the agent is left not playing).
fn start(agent: &mut Agent, play: Play, file: &str) {
    if file.contains("fail") {
        agent.push_event("AgentMediaEvent_Play_Fail", Value::Null);
        agent.push_event("AgentMediaEvent_StopPlayDone", Value::Null);
        return;
    }
    agent.play = Some(play);
    agent.paused = false;
    agent.push_event("AgentMediaEvent_Play_Succ", Value::Null);
    agent.push_event("AgentMediaEvent_Play", Value::Null);
}

async fn netplay(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        session(&mut s, id, &headers)?;
        let play = parse_netplay(&body)?;
        let conference = s.current_call(id).is_some_and(|c| c.is_conference());
        let agent = session(&mut s, id, &headers)?;
        if conference {
            return Err(fail(
                reply::PLAY_WRONG_STATE,
                "start play: wrong state (agent is in a three-party call)",
            ));
        }
        if agent.play.is_some() {
            return Err(fail(
                reply::PLAY_WRONG_STATE,
                "start play: wrong state (agent is already playing)",
            ));
        }
        if play.file_name.contains("missing") {
            return Err(fail(reply::NOT_FOUND_100_018, "record file not found"));
        }
        let file = play.file_name.clone();
        start(agent, Play::Net(play), &file);
        Ok(reply::envelope(reply::OK, "success", json!({})))
    })())
}

fn is_int(v: i64) -> bool {
    i32::try_from(v).is_ok()
}

/// Validates a netplay body (numbers may be numeric strings, as in the vendor example).
fn parse_netplay(body: &[u8]) -> Result<NetPlay, Response> {
    let map = json_object(body)
        .ok_or_else(|| fail(reply::BAD_PARAM, "request body is not a JSON object"))?;
    let file_name = match str_field(&map, "fileName") {
        Ok(Some(f)) if !f.is_empty() && f.chars().count() <= 100 => f.to_string(),
        _ => return Err(bad_param("fileName")),
    };
    let int = |name: &str, valid: &dyn Fn(i64) -> bool| checked_int(&map, name, valid);
    let position = int("position", &|v| v >= 0)?.unwrap_or(0);
    // Values other than 0 (loop) and 1 (once) mean 1.
    let play_time = match int("playTime", &is_int)? {
        Some(0) => 0,
        _ => 1,
    };
    let file_format = int("fileFormat", &|v| (0..=2).contains(&v))?.unwrap_or(0);
    let cc_id = int("ccId", &is_int)?.ok_or_else(|| bad_param("ccId"))?;
    let location_id = int("locationId", &|v| v == -1 || (0..=65_535).contains(&v))?.unwrap_or(-1);
    Ok(NetPlay {
        file_name,
        position,
        play_time,
        file_format,
        cc_id,
        location_id,
    })
}

/// beginPlay: plays a voice file to an agent who is in no call and not playing.
async fn begin_play(
    State(app): State<AppState>,
    path: IdPath,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        session(&mut s, id, &headers)?;
        let play = parse_play(&body)?;
        let free = s.is_free(id);
        let agent = session(&mut s, id, &headers)?;
        if !free {
            return Err(fail(
                reply::PLAY_WRONG_STATE,
                "start play: wrong state (agent is in a call or already playing)",
            ));
        }
        let file = play.voice_path.clone();
        start(agent, Play::Voice(play), &file);
        Ok(reply::ok_empty())
    })())
}

/// Validates a beginPlay body: `voicepath` (required, at most 256 characters) and the
/// optional integer fields, spelled as the old client sends them.
fn parse_play(body: &[u8]) -> Result<VoicePlay, Response> {
    let map = json_object(body)
        .ok_or_else(|| fail(reply::BAD_PARAM, "request body is not a JSON object"))?;
    let voice_path = match str_field(&map, "voicepath") {
        Ok(Some(f)) if !f.is_empty() && f.chars().count() <= 256 => f.to_string(),
        _ => return Err(bad_param("voicepath")),
    };
    let int = |name: &str| checked_int(&map, name, &is_int);
    Ok(VoicePlay {
        voice_path,
        start_position: int("startpostion")?,
        volume_change: int("volumechange")?,
        speed_change: int("speedchange")?,
        times: int("times")?,
        code_format: int("codeformat")?,
    })
}

async fn stop_play(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        if agent.stop_play().is_none() {
            return Err(fail(
                reply::STOP_PLAY_WRONG_STATE,
                "stop play: wrong state (agent is not playing)",
            ));
        }
        agent.push_event("AgentMediaEvent_StopPlayDone", Value::Null);
        Ok(reply::ok_empty())
    })())
}

async fn pause_play(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        if agent.play.is_none() || agent.paused {
            return Err(fail(
                reply::PAUSE_WRONG_STATE,
                "pause play: wrong state (agent is not playing or already paused)",
            ));
        }
        agent.paused = true;
        agent.push_event("AgentMediaEvent_PausePlayDone", Value::Null);
        Ok(reply::ok_empty())
    })())
}

async fn resume_play(State(app): State<AppState>, path: IdPath, headers: HeaderMap) -> Response {
    finish((|| -> Reply {
        let id = preamble(one(&path), &headers)?;
        let mut s = app.lock();
        let agent = session(&mut s, id, &headers)?;
        if agent.play.is_none() || !agent.paused {
            return Err(fail(
                reply::RESUME_WRONG_STATE,
                "resume play: wrong state (play is not paused)",
            ));
        }
        agent.paused = false;
        agent.push_event("AgentMediaEvent_ResumePlayDone", Value::Null);
        Ok(reply::ok_empty())
    })())
}

/// `time` as a non-negative Java int written in plain digits; `forward` also refuses 0
/// and leading zeros (the JS client's `[1-9]\d*`).
fn jump_seconds(raw: &str, forward: bool) -> Option<i64> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if forward && raw.starts_with('0') {
        return None;
    }
    raw.parse::<i64>().ok().filter(|v| is_int(*v))
}

async fn fore_fast(State(app): State<AppState>, path: TimePath, headers: HeaderMap) -> Response {
    finish(jump(&app, &path, &headers, true))
}

async fn back_fast(State(app): State<AppState>, path: TimePath, headers: HeaderMap) -> Response {
    finish(jump(&app, &path, &headers, false))
}

/// Fast-forward (`forward`) or rewind: `000-002` for a bad time, then the play check.
fn jump(app: &AppState, path: &TimePath, headers: &HeaderMap, forward: bool) -> Reply {
    let pair = path.as_ref().ok();
    let id = preamble(pair.map(|p| p.0 .0.as_str()), headers)?;
    pair.and_then(|p| jump_seconds(&p.0 .1, forward))
        .ok_or_else(|| fail(reply::BAD_PARAM, "parameters in URL are invalid: time"))?;
    let mut s = app.lock();
    let agent = session(&mut s, id, headers)?;
    if agent.play.is_none() {
        let (code, msg) = if forward {
            (
                reply::FORWARD_WRONG_STATE,
                "fast-forward: wrong state (agent is not playing)",
            )
        } else {
            (
                reply::REWIND_WRONG_STATE,
                "rewind: wrong state (agent is not playing)",
            )
        };
        return Err(fail(code, msg));
    }
    agent.push_event("AgentMediaEvent_JumpPlayDone", Value::Null);
    Ok(reply::ok_empty())
}

#[cfg(test)]
mod tests {
    use super::jump_seconds;

    #[test]
    fn jump_times() {
        assert_eq!(jump_seconds("5", true), Some(5));
        assert_eq!(jump_seconds("2147483647", true), Some(2_147_483_647));
        for bad in ["0", "05", "", "-1", "1.5", "2147483648", "a"] {
            assert_eq!(jump_seconds(bad, true), None, "{bad}");
        }
        assert_eq!(jump_seconds("0", false), Some(0));
        assert_eq!(jump_seconds("2147483647", false), Some(2_147_483_647));
        for bad in ["", "-1", "2147483648", "+3", "x"] {
            assert_eq!(jump_seconds(bad, false), None, "{bad}");
        }
    }
}
