//! In-memory simulator state: agents and their sessions, calls, plays, quality-control
//! relations and event queues; recordings; armed faults; outages; the request log.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use tokio::sync::Notify;

use crate::agent_state::{AgentStatus, RestRequest};
use crate::audio;
use crate::calls::SimCall;
use crate::timers::{Deferred, FarEndOutcome};

/// Largest number of entries kept in the request log (oldest are dropped first).
const REQUEST_LOG_CAP: usize = 10_000;

/// Start-up configuration: the credentials the CMS endpoint verifies C2 signatures
/// against, and the session behaviour (restored by `/__sim/reset`).
#[derive(Debug, Clone)]
pub struct Config {
    /// Access key (AK).
    pub ak: String,
    /// Secret key (SK).
    pub sk: String,
    /// Authentication mode, Guid rotation, poll hold and idle sign-out.
    pub session: SessionConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ak: "AK_EXAMPLE_0001".into(),
            sk: "SK_EXAMPLE_SECRET".into(),
            session: SessionConfig::default(),
        }
    }
}

/// CC-Gateway authentication mode (`AUTHMODE` 1 = static, 2 = dynamic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthMode {
    /// The Guid from sign-in stays valid for the whole session.
    Static,
    /// The Guid rotates; the new one arrives in `Set-GUID` on an event poll (vendor default).
    Dynamic,
}

/// How the simulator writes `Set-GUID` (to test clients against what proxies and other
/// gateways send).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SetGuidForm {
    /// `JSESSIONID=<guid>`, as documented.
    Plain,
    /// `JSESSIONID=<guid>; Path=/; HttpOnly`: cookie attributes, as some proxies add.
    WithAttributes,
    /// `GUID=<guid>`: a cookie name other than `JSESSIONID`.
    WrongName,
    /// No `Set-GUID` at all, as a browser shows it without `Access-Control-Expose-Headers`.
    Absent,
}

impl SetGuidForm {
    /// The header value carrying `guid` (`None`: no header).
    pub fn value(self, guid: &str) -> Option<String> {
        match self {
            SetGuidForm::Plain => Some(format!("JSESSIONID={guid}")),
            SetGuidForm::WithAttributes => Some(format!("JSESSIONID={guid}; Path=/; HttpOnly")),
            SetGuidForm::WrongName => Some(format!("GUID={guid}")),
            SetGuidForm::Absent => None,
        }
    }
}

/// Session behaviour, changeable at run time through `POST /__sim/config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionConfig {
    /// Static or dynamic authentication.
    pub auth_mode: AuthMode,
    /// Dynamic mode: rotate the Guid after every N successful event polls (0 = never).
    pub rotate_guid_every: u64,
    /// How long an event poll waits for an event before answering `event: null`.
    pub poll_hold_ms: u64,
    /// A signed-in agent with no poll or handshake for this long is signed out (0 = never).
    pub idle_signout_ms: u64,
    /// How `Set-GUID` is written.
    pub set_guid_form: SetGuidForm,
    /// Delay of the events that follow an operation asynchronously
    /// (`AgentState_SetRest_Success`, the far end of a callOut or external transfer, the
    /// failure event of a consult or internal call to an agent who is not available).
    pub async_event_delay_ms: u64,
}

/// Longest event-poll hold accepted.
pub const MAX_POLL_HOLD_MS: u64 = 600_000;
/// Longest idle sign-out time accepted.
pub const MAX_IDLE_SIGNOUT_MS: u64 = 86_400_000;
/// Longest outage accepted.
pub const MAX_OUTAGE_MS: u64 = 3_600_000;
/// Longest asynchronous event delay accepted.
pub const MAX_ASYNC_EVENT_DELAY_MS: u64 = 60_000;

impl SessionConfig {
    /// Checks the bounds (so deadlines never overflow).
    pub fn check(&self) -> Result<(), String> {
        if self.poll_hold_ms > MAX_POLL_HOLD_MS {
            return Err(format!("pollHoldMs must be at most {MAX_POLL_HOLD_MS}"));
        }
        if self.idle_signout_ms > MAX_IDLE_SIGNOUT_MS {
            return Err(format!(
                "idleSignoutMs must be at most {MAX_IDLE_SIGNOUT_MS}"
            ));
        }
        if self.async_event_delay_ms > MAX_ASYNC_EVENT_DELAY_MS {
            return Err(format!(
                "asyncEventDelayMs must be at most {MAX_ASYNC_EVENT_DELAY_MS}"
            ));
        }
        Ok(())
    }
}

impl std::str::FromStr for AuthMode {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "static" => Ok(AuthMode::Static),
            "dynamic" => Ok(AuthMode::Dynamic),
            _ => Err(()),
        }
    }
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig {
            auth_mode: AuthMode::Dynamic,
            rotate_guid_every: 0,
            poll_hold_ms: 10_000,
            idle_signout_ms: 120_000,
            set_guid_form: SetGuidForm::Plain,
            async_event_delay_ms: 50,
        }
    }
}

/// Shared handle given to every handler.
pub type AppState = Arc<Shared>;

/// Configuration plus the mutable state behind one mutex (never held across an await).
#[derive(Debug)]
pub struct Shared {
    /// Fixed configuration.
    pub config: Config,
    state: Mutex<SimState>,
}

impl Shared {
    /// New shared state with seeded recordings.
    pub fn new(config: Config) -> AppState {
        Arc::new(Shared {
            state: Mutex::new(SimState::new(IdGen::new(), config.session)),
            config,
        })
    }

    /// Locks the state; a poisoned lock is recovered rather than propagated.
    pub fn lock(&self) -> MutexGuard<'_, SimState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Everything the simulator remembers.
#[derive(Debug)]
pub struct SimState {
    /// Signed-in agents by ID.
    pub agents: BTreeMap<u32, Agent>,
    /// Calls in progress by call ID, shared between the agents in them.
    pub calls: BTreeMap<String, SimCall>,
    /// How a simulated number answers a callOut or an external transfer (default: answers).
    pub numbers: HashMap<String, FarEndOutcome>,
    /// Work to do later (asynchronous events), started by [`crate::timers::schedule`].
    pub deferred: Vec<(u64, Deferred)>,
    /// Downloadable recordings by call ID.
    pub recordings: HashMap<String, Download>,
    /// Armed faults, applied in order.
    pub faults: Vec<Fault>,
    /// Requests received outside `/__sim/`.
    pub requests: VecDeque<RequestRecord>,
    /// Current session behaviour.
    pub session: SessionConfig,
    /// Gateway and CMS requests are dropped until this instant.
    pub outage_until: Option<Instant>,
    /// Requests (preflights included) that reached a path under [`TRAP_PREFIX`].
    pub trap_hits: u64,
    /// Session behaviour restored by [`SimState::reset`].
    startup: SessionConfig,
    pub(crate) ids: IdGen,
}

impl SimState {
    fn new(ids: IdGen, session: SessionConfig) -> Self {
        SimState {
            agents: BTreeMap::new(),
            calls: BTreeMap::new(),
            numbers: HashMap::new(),
            deferred: Vec::new(),
            recordings: audio::seed_recordings(),
            faults: Vec::new(),
            requests: VecDeque::new(),
            session,
            outage_until: None,
            trap_hits: 0,
            startup: session,
            ids,
        }
    }

    /// Clears everything except the ID generator (so old GUIDs never match again); the
    /// session behaviour returns to its start-up values.
    pub fn reset(&mut self) {
        for agent in self.agents.values() {
            agent.notify.notify_waiters();
        }
        let ids = std::mem::take(&mut self.ids);
        *self = SimState::new(ids, self.startup);
    }

    /// Signs `id` in with a fresh session, replacing any previous one. Returns the GUID.
    pub fn sign_in(&mut self, id: u32, phonenum: String) -> String {
        self.remove_agent(id);
        let guid = self.ids.guid();
        self.agents
            .insert(id, Agent::new(id, guid.clone(), phonenum));
        guid
    }

    /// Ends `id`'s session: it leaves its calls, its queue goes, held polls wake up, and
    /// inspectors monitoring it lose their relation.
    pub fn remove_agent(&mut self, id: u32) -> Option<Agent> {
        self.agents.get(&id)?;
        self.drop_agent_from_calls(id);
        let agent = self.agents.remove(&id)?;
        agent.notify.notify_waiters();
        for other in self.agents.values_mut() {
            if other.qc.is_some_and(|q| q.target == id) {
                other.qc = None;
            }
        }
        Some(agent)
    }

    /// Signs out every agent with no poll or handshake for `idleSignoutMs` (the 2-minute rule).
    pub fn expire_idle(&mut self, now: Instant) {
        if self.session.idle_signout_ms == 0 {
            return;
        }
        let limit = Duration::from_millis(self.session.idle_signout_ms);
        let idle: Vec<u32> = self
            .agents
            .values()
            .filter(|a| now.saturating_duration_since(a.last_activity) >= limit)
            .map(|a| a.id)
            .collect();
        for id in idle {
            self.remove_agent(id);
            eprintln!("cec-sim: agent {id} signed out (no poll or handshake)");
        }
    }

    /// Whether an outage (`POST /__sim/outage`) is in progress.
    pub fn outage_active(&self) -> bool {
        self.outage_until.is_some_and(|t| Instant::now() < t)
    }

    /// Starts an outage of `ms` milliseconds; without `keep_sessions` every session is
    /// wiped first (a gateway restart). Held polls wake up either way.
    pub fn start_outage(&mut self, ms: u64, keep_sessions: bool) {
        self.outage_until = Some(Instant::now() + Duration::from_millis(ms));
        if keep_sessions {
            for agent in self.agents.values() {
                agent.notify.notify_waiters();
            }
        } else {
            let ids: Vec<u32> = self.agents.keys().copied().collect();
            for id in ids {
                self.remove_agent(id);
            }
        }
    }

    /// Gives `id` a new Guid; the current one becomes the grace Guid. Returns the new Guid.
    pub fn rotate_guid(&mut self, id: u32) -> Option<String> {
        let fresh = self.ids.guid();
        let agent = self.agents.get_mut(&id)?;
        agent.grace_guid = Some(std::mem::replace(&mut agent.guid, fresh.clone()));
        agent.guid_rotations += 1;
        agent.polls_since_rotation = 0;
        agent.rotate_pending = false;
        Some(fresh)
    }

    /// Next sequence number (call IDs, record task IDs).
    pub fn next_seq(&mut self) -> u64 {
        self.ids.next()
    }

    /// Appends to the request log, dropping the oldest entry when full.
    pub fn log_request(&mut self, record: RequestRecord) {
        if self.requests.len() >= REQUEST_LOG_CAP {
            self.requests.pop_front();
        }
        self.requests.push_back(record);
    }

    /// Consumes one use of the first fault whose substring occurs in `path`.
    pub fn take_fault(&mut self, path: &str) -> Option<Fault> {
        let pos = self
            .faults
            .iter()
            .position(|f| path.contains(&f.path_contains))?;
        let fault = &mut self.faults[pos];
        let taken = fault.clone();
        fault.remaining = fault.remaining.saturating_sub(1);
        if fault.remaining == 0 {
            self.faults.remove(pos);
        }
        Some(taken)
    }

    /// Whether a `drop` fault is armed or an outage is in progress (responses then carry
    /// `Connection: close` so the dropped request arrives on a fresh connection and
    /// browsers do not silently retry it).
    pub fn drop_armed(&self) -> bool {
        self.faults.iter().any(|f| f.kind == FaultKind::Drop) || self.outage_active()
    }

    /// The agent's state as JSON for `GET /__sim/agents/{id}`.
    pub fn agent_json(&self, id: u32) -> Value {
        let supervised_by: Vec<Value> = self
            .agents
            .values()
            .filter_map(|a| {
                a.qc.filter(|q| q.target == id)
                    .map(|q| json!({"inspector": a.id.to_string(), "mode": q.mode}))
            })
            .collect();
        match self.agents.get(&id) {
            None => json!({
                "agentId": id.to_string(), "signedIn": false, "state": "signedOut", "phonenum": null,
                "agentState": crate::agent_state::SIGNED_OUT, "status": "signedOut", "calls": [],
                "call": null, "conference": false, "playing": null, "paused": false, "qc": null,
                "supervisedBy": supervised_by, "events": [], "queuedEvents": [],
                "guidRotations": 0, "lastActivityMsAgo": null,
            }),
            Some(a) => {
                let current = self.current_call(id);
                json!({
                    "agentId": id.to_string(), "signedIn": true, "state": self.state_name(id), "phonenum": a.phonenum,
                    "agentState": self.status_code(id), "status": a.status.name(),
                    "busyReason": a.status.busy_reason(), "rest": a.status.rest_json(),
                    "pendingRest": a.pending_rest.is_some(), "autoEnterIdle": a.auto_enter_idle,
                    "calls": self.calls_json(id),
                    "call": current.map(|c| &c.info),
                    "conference": current.is_some_and(SimCall::is_conference),
                    "playing": a.play, "paused": a.paused,
                    "qc": a.qc.map(|q| json!({"target": q.target.to_string(), "mode": q.mode})),
                    "supervisedBy": supervised_by, "events": a.events,
                    "queuedEvents": a.events.iter().map(|e| e.event_type.as_str()).collect::<Vec<_>>(),
                    "guidRotations": a.guid_rotations,
                    "lastActivityMsAgo": u64::try_from(a.last_activity.elapsed().as_millis()).unwrap_or(u64::MAX),
                })
            }
        }
    }

    /// Name used in `/__sim/agents/{id}`: the quality-control mode, else the agent's leg
    /// in its current call, else a play, else the agent state.
    pub fn state_name(&self, id: u32) -> &'static str {
        let Some(a) = self.agents.get(&id) else {
            return "signedOut";
        };
        if let Some(q) = a.qc {
            return q.mode.state_name();
        }
        if let Some(c) = self.current_call(id) {
            if c.is_conference() {
                return "conference";
            }
            return c.party(id).map_or("talking", |p| p.state.name());
        }
        if a.play.is_some() {
            return "playing";
        }
        a.status.name()
    }

    /// Free for monitoring or a new call: no call, no play, no quality-control relation.
    pub fn is_free(&self, id: u32) -> bool {
        self.agents
            .get(&id)
            .is_some_and(|a| a.play.is_none() && a.qc.is_none())
            && !self.has_call(id)
    }

    /// Queues an event for agent `id` (if signed in).
    pub fn push(&mut self, id: u32, event_type: &str, content: Value) {
        if let Some(a) = self.agents.get_mut(&id) {
            a.push_event(event_type, content);
        }
    }

    /// Queues work to run after `ms` milliseconds.
    pub fn later(&mut self, ms: u64, work: Deferred) {
        self.deferred.push((ms, work));
    }
}

/// One signed-in agent.
#[derive(Debug)]
pub struct Agent {
    /// Agent ID (work number).
    pub id: u32,
    /// Current session GUID, sent back in `Set-GUID` and expected in the `Guid` header.
    pub guid: String,
    /// The Guid before the last rotation, still accepted until the next one.
    pub grace_guid: Option<String>,
    /// A rotation forced through the control API, done on the next event poll.
    pub rotate_pending: bool,
    /// Successful event polls since the last rotation.
    pub polls_since_rotation: u64,
    /// Rotations so far (polls, `updateGuid`, forced).
    pub guid_rotations: u64,
    /// Last event poll, handshake or sign-in.
    pub last_activity: Instant,
    /// Softphone number given at sign-in.
    pub phonenum: String,
    /// Idle, busy, rest or wrap-up (a call is shown on top of it).
    pub status: AgentStatus,
    /// A rest asked for during a call (pre-rest), or waiting for its success event.
    pub pending_rest: Option<RestRequest>,
    /// Bumped whenever a rest starts, is prolonged or ends, so stale rest timers do nothing.
    pub rest_epoch: u64,
    /// After a call: idle (`true`, the default) or wrap-up.
    pub auto_enter_idle: bool,
    /// Calls ringing this agent are answered at once (only when sign-in sent `autoanswer: true`).
    pub auto_answer: bool,
    /// The last call that ended, for `callinfo` without `isNoContainLastCall=true`.
    pub last_call: Option<CallInfo>,
    /// Play (network or voice file) in progress.
    pub play: Option<Play>,
    /// The play is paused.
    pub paused: bool,
    /// Quality-control relation with this agent as the inspector.
    pub qc: Option<QcRelation>,
    /// Events waiting for the event poll.
    pub events: VecDeque<Event>,
    /// Wakes event polls held for this agent (events queued, session ended).
    pub notify: Arc<Notify>,
}

impl Agent {
    fn new(id: u32, guid: String, phonenum: String) -> Self {
        Agent {
            id,
            guid,
            grace_guid: None,
            rotate_pending: false,
            polls_since_rotation: 0,
            guid_rotations: 0,
            last_activity: Instant::now(),
            phonenum,
            status: AgentStatus::Idle,
            pending_rest: None,
            rest_epoch: 0,
            auto_enter_idle: true,
            auto_answer: false,
            last_call: None,
            play: None,
            paused: false,
            qc: None,
            events: VecDeque::new(),
            notify: Arc::new(Notify::new()),
        }
    }

    /// How `guid` relates to this session, if it is one of its Guids.
    pub fn guid_state(&self, guid: &str) -> Option<GuidState> {
        if guid == self.guid {
            Some(GuidState::Current)
        } else if self.grace_guid.as_deref() == Some(guid) {
            Some(GuidState::Previous)
        } else {
            None
        }
    }

    /// Stops any play.
    pub fn stop_play(&mut self) -> Option<Play> {
        self.paused = false;
        self.play.take()
    }

    /// Queues an event for this agent and wakes its held polls.
    pub fn push_event(&mut self, event_type: &str, content: Value) {
        self.events.push_back(Event {
            event_type: event_type.into(),
            work_no: self.id.to_string(),
            content,
            event_gen_time: now_ms(),
        });
        self.notify.notify_waiters();
    }
}

/// The 17 fields of a `callinfobeforeanswer` entry, named and typed as on the wire.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[allow(non_snake_case)]
pub struct CallInfo {
    pub callfeature: i64,
    pub callid: String,
    pub caller: String,
    pub called: String,
    pub callskill: String,
    pub callskillid: i64,
    pub orgicallednum: String,
    pub calldata: String,
    pub begintime: i64,
    pub endtime: Option<i64>,
    pub userPriority: i64,
    pub trunkNo: i64,
    pub logontimes: i64,
    pub mediaType: i64,
    pub mediaAbility: i64,
    pub waitTime: i64,
    pub trace: Option<Value>,
}

impl CallInfo {
    /// A voice call with the vendor example's defaults.
    pub fn new(callid: String, caller: String, called: String, callfeature: i64) -> Self {
        CallInfo {
            callfeature,
            callid,
            caller,
            called,
            callskill: "voice_jst".into(),
            callskillid: 3,
            orgicallednum: String::new(),
            calldata: String::new(),
            begintime: now_ms(),
            endtime: None,
            userPriority: 0,
            trunkNo: 65535,
            logontimes: 0,
            mediaType: 5,
            mediaAbility: 1,
            waitTime: 0,
            trace: None,
        }
    }
}

/// A play in progress, shown as it was requested.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Play {
    /// Started by `netplay`.
    Net(NetPlay),
    /// Started by `play` (beginPlay).
    Voice(VoicePlay),
}

/// A voice-file play started by `play`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoicePlay {
    pub voice_path: String,
    pub start_position: Option<i64>,
    pub volume_change: Option<i64>,
    pub speed_change: Option<i64>,
    pub times: Option<i64>,
    pub code_format: Option<i64>,
}

/// A network play started by `netplay`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetPlay {
    pub file_name: String,
    pub position: i64,
    pub play_time: i64,
    pub file_format: i64,
    pub cc_id: i64,
    pub location_id: i64,
}

/// Inspector-side quality-control relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QcRelation {
    /// Agent being monitored.
    pub target: u32,
    /// Listen, insert or whisper.
    pub mode: QcMode,
}

/// How an inspector joined a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QcMode {
    /// Listening (addsupervise).
    Listen,
    /// Barged in (addinsert).
    Insert,
    /// Whispering to the agent.
    Whisper,
}

impl QcMode {
    /// Name used in `/__sim/agents/{id}`.
    pub fn state_name(self) -> &'static str {
        match self {
            QcMode::Listen => "listening",
            QcMode::Insert => "inserting",
            QcMode::Whisper => "whispering",
        }
    }
}

/// An event as the event poll will deliver it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    pub event_type: String,
    pub work_no: String,
    pub content: Value,
    /// When the event was made (epoch ms), as in the vendor's newer examples.
    pub event_gen_time: i64,
}

/// A file (or ZIP of files) served by `downloadRecordFile`.
#[derive(Debug, Clone)]
pub struct Download {
    /// Name for `Content-Disposition`.
    pub file_name: String,
    /// `audio/wav` or `application/zip`.
    pub content_type: &'static str,
    /// File bytes.
    pub bytes: Vec<u8>,
}

/// What a fault does instead of normal handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum FaultKind {
    /// HTTP 500, plain-text body.
    Status500,
    /// HTTP 200 `text/html` error page.
    Html,
    /// Sleep, then answer normally.
    Delay,
    /// Abort the connection without a response.
    Drop,
    /// HTTP 200 JSON content type with a truncated JSON body.
    BadJson,
    /// HTTP 200 with an empty body.
    EmptyBody,
    /// HTTP 200 JSON head and the start of the body, then the connection is reset.
    ResetMidBody,
    /// HTTP 200 with a valid 5 MB success envelope (`message` padded).
    OversizedJson,
    /// A valid success envelope sent as `text/plain`.
    TextPlainJson,
    /// HTTP 200 `application/octet-stream` bytes (a WAV header) instead of JSON.
    Binary,
    /// A CC-Gateway success envelope (JSON) where CC-CMS would send recording bytes.
    GatewayEnvelope,
    /// A redirect: the fault's `status` (default 302) with its `location`.
    Redirect,
    /// HTTP 200 JSON head, then a chunked body that never ends (until the client goes).
    EndlessJson,
}

/// Paths that count every request reaching them, preflights included: a redirect test points
/// `Location` here (on another origin) and checks that nothing followed it.
pub const TRAP_PREFIX: &str = "/trap/";

/// An armed fault.
#[derive(Debug, Clone)]
pub struct Fault {
    /// Applies to requests whose path contains this.
    pub path_contains: String,
    /// What happens.
    pub kind: FaultKind,
    /// Sleep for `Delay`.
    pub delay_ms: u64,
    /// Uses left.
    pub remaining: u32,
    /// Status of a `Redirect`.
    pub status: u16,
    /// `Location` of a `Redirect`.
    pub location: String,
}

/// How a request's `Guid` header relates to the session of the agent in its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GuidState {
    /// The session's current Guid.
    Current,
    /// The grace Guid (the one before the last rotation).
    Previous,
    /// Any other value (or no session).
    Unknown,
    /// No `Guid` header.
    Absent,
}

/// One logged request (never the `Guid` or `Authorization` values).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestRecord {
    pub method: String,
    pub path: String,
    pub guid_present: bool,
    pub guid_state: GuidState,
    pub content_type: Option<String>,
    pub authorization_present: bool,
    pub body: String,
}

/// Counter mixed with a per-process seed (splitmix64) for GUIDs and sequence numbers.
#[derive(Debug, Default)]
pub(crate) struct IdGen {
    seed: u64,
    counter: u64,
}

impl IdGen {
    fn new() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        IdGen {
            seed: nanos ^ (u64::from(std::process::id()) << 32),
            counter: 0,
        }
    }

    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    fn random(&mut self) -> u64 {
        let mut z = self
            .seed
            .wrapping_add(self.next().wrapping_mul(0x9E37_79B9_7F4A_7C15));
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.AgentGateway1`
    pub(crate) fn guid(&mut self) -> String {
        let (a, b) = (self.random(), self.random());
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}.AgentGateway1",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xffff,
            b >> 48,
            b & 0xffff_ffff_ffff
        )
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
