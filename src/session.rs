//! The agent session's rules, independent of the platform:
//!
//! - [`Phase`]: sign-in and sign-out never overlap ("while a sign-out request is still waiting
//!   for its response, sign-in is refused, and the reverse", vendor sign-in page).
//! - [`PollPolicy`]: what the event poller does after each poll — poll again at once after an
//!   event, shortly after an empty answer, back off after failures (with jitter, so the agents
//!   of a contact center do not retry in step after a gateway restart), warn before the
//!   gateway's 2-minute forced sign-out, and stop when the gateway says the agent is not
//!   signed in.

use crate::error::{Error, ErrorKind};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;

/// The gateway signs out an agent nobody has polled for this long.
pub const GATEWAY_IDLE_SIGN_OUT_MS: f64 = 120_000.0;

/// Shortest back-off after a failed poll (unless the longest back-off is shorter still).
pub const MIN_BACKOFF_MS: f64 = 100.0;

/// Where the session is in its sign-in life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    /// Not signed in (or unknown, e.g. after a page reload before `updateGuid`).
    #[default]
    SignedOut,
    /// A sign-in request is waiting for its answer.
    SigningIn,
    /// Signed in.
    SignedIn,
    /// A sign-out request is waiting for its answer.
    SigningOut,
}

impl Phase {
    /// Starts a sign-in; refused while a sign-in or sign-out is waiting for its answer.
    pub fn begin_sign_in(&mut self, operation: &'static str) -> Result<(), Error> {
        match self {
            Phase::SigningIn | Phase::SigningOut => Err(busy(operation, *self)),
            _ => {
                *self = Phase::SigningIn;
                Ok(())
            }
        }
    }

    /// Starts a sign-out; refused while a sign-in or sign-out is waiting for its answer.
    pub fn begin_sign_out(&mut self, operation: &'static str) -> Result<(), Error> {
        match self {
            Phase::SigningIn | Phase::SigningOut => Err(busy(operation, *self)),
            _ => {
                *self = Phase::SigningOut;
                Ok(())
            }
        }
    }

    /// Records the answer of the pending sign-in or sign-out.
    pub fn finish(&mut self, signed_in: bool) {
        *self = if signed_in {
            Phase::SignedIn
        } else {
            Phase::SignedOut
        };
    }
}

fn busy(operation: &'static str, phase: Phase) -> Error {
    let what = if phase == Phase::SigningIn {
        "a sign-in"
    } else {
        "a sign-out"
    };
    Error::new(
        operation,
        ErrorKind::State {
            message: format!(
                "{what} is still waiting for its answer; wait for it before signing in or out"
            ),
        },
    )
}

/// Timing of the event poller. All values in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PollTiming {
    /// Pause after an empty answer (vendor: poll again 200–500 ms after each response).
    pub idle_delay_ms: f64,
    /// Upper bound of the first back-off after a failed poll; doubles per consecutive failure.
    /// Each back-off is drawn at random between [`MIN_BACKOFF_MS`] and the bound ([`backoff_ms`]).
    pub backoff_initial_ms: f64,
    /// Longest back-off.
    pub backoff_max_ms: f64,
    /// Warn when no poll has succeeded for this long (the gateway signs out at 120 s).
    pub warn_after_ms: f64,
    /// Consecutive `000-003` (no right / bad Guid) answers tolerated before stopping.
    pub max_guid_rejections: u32,
}

impl Default for PollTiming {
    fn default() -> Self {
        Self {
            idle_delay_ms: 300.0,
            backoff_initial_ms: 500.0,
            backoff_max_ms: 8_000.0,
            warn_after_ms: 90_000.0,
            max_guid_rejections: 5,
        }
    }
}

/// Optional event-poller settings in the client config (`events: {...}`), milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Decode, Tsify)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct EventsConfig {
    /// Pause after an empty poll answer (default 300; vendor: 200–500).
    #[tsify(optional, type = "number")]
    pub idle_delay_ms: Option<crate::de::Int>,
    /// Upper bound of the first back-off after a failed poll, doubled per failure (default
    /// 500); each back-off is drawn at random from 100 ms up to it.
    #[tsify(optional, type = "number")]
    pub backoff_initial_ms: Option<crate::de::Int>,
    /// Longest back-off (default 8000).
    #[tsify(optional, type = "number")]
    pub backoff_max_ms: Option<crate::de::Int>,
    /// Report `signOutRisk` when polls have failed this long (default 90000; the gateway
    /// signs out at 120000).
    #[tsify(optional, type = "number")]
    pub warn_after_ms: Option<crate::de::Int>,
    /// Timeout of one poll request (default 30000; the gateway holds a poll about 10 s).
    #[tsify(optional, type = "number")]
    pub poll_timeout_ms: Option<crate::de::Int>,
}

/// Default timeout of one poll request.
pub const DEFAULT_POLL_TIMEOUT_MS: u32 = 30_000;

impl EventsConfig {
    /// The validated timing and poll timeout.
    pub fn resolve(&self) -> Result<(PollTiming, u32), crate::error::ValidationError> {
        let d = PollTiming::default();
        let ms = |field: &str,
                  v: Option<crate::de::Int>,
                  range: std::ops::RangeInclusive<i64>,
                  default: f64| match v {
            Some(crate::de::Int(v)) => {
                crate::validation::in_range(field, v, range).map(|_| v as f64)
            }
            None => Ok(default),
        };
        let timing = PollTiming {
            idle_delay_ms: ms(
                "events.idleDelayMs",
                self.idle_delay_ms,
                0..=60_000,
                d.idle_delay_ms,
            )?,
            backoff_initial_ms: ms(
                "events.backoffInitialMs",
                self.backoff_initial_ms,
                1..=60_000,
                d.backoff_initial_ms,
            )?,
            backoff_max_ms: ms(
                "events.backoffMaxMs",
                self.backoff_max_ms,
                1..=60_000,
                d.backoff_max_ms,
            )?,
            warn_after_ms: ms(
                "events.warnAfterMs",
                self.warn_after_ms,
                0..=120_000,
                d.warn_after_ms,
            )?,
            max_guid_rejections: d.max_guid_rejections,
        };
        let poll_timeout = ms(
            "events.pollTimeoutMs",
            self.poll_timeout_ms,
            1..=600_000,
            f64::from(DEFAULT_POLL_TIMEOUT_MS),
        )? as u32;
        Ok((timing, poll_timeout))
    }
}

/// Why the poller stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Encode, Tsify)]
#[serde(rename_all = "camelCase")]
pub enum StopReason {
    /// `stopEvents()` or `signOut()` was called.
    Stopped,
    /// The caller's `AbortSignal` fired.
    Aborted,
    /// The gateway answered 100-006: the agent is not signed in (signed out elsewhere, forced
    /// out, the 2-minute rule, or a gateway restart).
    NotSignedIn,
    /// The gateway kept refusing the Guid (000-003).
    GuidRejected,
}

/// What the poller reports besides events, for `onStatus` listeners.
#[derive(Debug, Clone, PartialEq, Encode, Tsify)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum PollStatus {
    /// Polling started.
    Started,
    /// A poll failed; the poller will retry after `retryInMs`.
    #[serde(rename_all = "camelCase")]
    PollFailed {
        /// Consecutive failures so far.
        attempt: u32,
        /// The error's kind (`network`, `timeout`, `http`, `decode`, `service`).
        #[tsify(type = "AgentApiErrorKind")]
        error_kind: String,
        /// The error's message (never contains the Guid).
        message: String,
        /// Delay before the next poll: the (jittered) back-off the poller waits.
        retry_in_ms: f64,
        /// Time since the last successful poll.
        ms_since_last_poll: f64,
    },
    /// No poll has succeeded for a while: the gateway signs the agent out at 120 s.
    #[serde(rename_all = "camelCase")]
    SignOutRisk {
        /// Time since the last successful poll.
        ms_since_last_poll: f64,
        /// Time left before the gateway's 2-minute forced sign-out.
        ms_until_sign_out: f64,
    },
    /// A poll succeeded again after failures.
    #[serde(rename_all = "camelCase")]
    Recovered {
        /// How long polling had been failing.
        after_ms: f64,
    },
    /// An `on(...)` handler threw; the poller carries on.
    #[serde(rename_all = "camelCase")]
    ListenerFailed {
        /// The event being delivered.
        event_type: String,
        /// What the handler threw.
        message: String,
    },
    /// Polling stopped for good.
    #[serde(rename_all = "camelCase")]
    Stopped {
        /// Why.
        reason: StopReason,
        /// The last error, if one caused the stop.
        #[tsify(type = "string | null")]
        message: Option<String>,
    },
}

/// What the poller does next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Next {
    /// Poll again after this many milliseconds.
    PollAfter(f64),
    /// Stop.
    Stop(StopReason),
}

/// The back-off after `failures` consecutive failed polls (1 = the first), for `unit` in
/// [0, 1]: "full jitter", uniform between [`MIN_BACKOFF_MS`] and
/// `backoff_initial_ms × 2^(failures − 1)`, both capped at `backoff_max_ms`; whole ms.
pub fn backoff_ms(timing: &PollTiming, failures: u32, unit: f64) -> f64 {
    let exp = failures.saturating_sub(1).min(20);
    let floor = MIN_BACKOFF_MS.min(timing.backoff_max_ms);
    let ceiling = (timing.backoff_initial_ms * f64::from(1u32 << exp))
        .min(timing.backoff_max_ms)
        .max(floor);
    (floor + unit.clamp(0.0, 1.0) * (ceiling - floor)).round()
}

/// The jitter's pseudo-random numbers: xorshift64*, seeded once per poller. Spreading retries
/// needs no more (nothing secret depends on it), and it builds for every target.
#[derive(Debug, Clone)]
struct Jitter(u64);

impl Jitter {
    fn new(seed: u64) -> Self {
        // splitmix64 of the seed: close seeds give unrelated sequences; the state is never 0.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Self((z ^ (z >> 31)) | 1)
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A seed that differs between pages and processes: `Math.random()` in JS (seeded per realm).
#[cfg(target_arch = "wasm32")]
fn seed() -> u64 {
    (js_sys::Math::random() * (1u64 << 53) as f64) as u64
}

/// A seed that differs between processes and calls (std's random hash keys).
#[cfg(not(target_arch = "wasm32"))]
fn seed() -> u64 {
    use std::hash::BuildHasher;
    std::collections::hash_map::RandomState::new().hash_one(0u8)
}

/// The poller's decisions, from each poll's outcome and the time.
#[derive(Debug, Clone)]
pub struct PollPolicy {
    timing: PollTiming,
    last_success_ms: f64,
    failures: u32,
    guid_rejections: u32,
    warned: bool,
    jitter: Jitter,
}

impl PollPolicy {
    /// A policy starting at `now_ms` (counts as a success: sign-in just happened), with a
    /// random jitter seed.
    pub fn new(timing: PollTiming, now_ms: f64) -> Self {
        Self::with_seed(timing, now_ms, seed())
    }

    /// [`PollPolicy::new`] with a given jitter seed (the same seed gives the same back-offs).
    pub fn with_seed(timing: PollTiming, now_ms: f64, seed: u64) -> Self {
        Self {
            timing,
            last_success_ms: now_ms,
            failures: 0,
            guid_rejections: 0,
            warned: false,
            jitter: Jitter::new(seed),
        }
    }

    /// After a successful poll (`had_event`: it carried an event).
    pub fn on_success(&mut self, had_event: bool, now_ms: f64) -> (Next, Option<PollStatus>) {
        let status = (self.failures > 0).then_some(PollStatus::Recovered {
            after_ms: now_ms - self.last_success_ms,
        });
        self.last_success_ms = now_ms;
        self.failures = 0;
        self.guid_rejections = 0;
        self.warned = false;
        let delay = if had_event {
            0.0
        } else {
            self.timing.idle_delay_ms
        };
        (Next::PollAfter(delay), status)
    }

    /// After a failed poll. Returns what to do and the statuses to report.
    pub fn on_failure(&mut self, error: &Error, now_ms: f64) -> (Next, Vec<PollStatus>) {
        let retcode = match &error.kind {
            ErrorKind::Service { retcode, .. } => Some(retcode.as_str()),
            _ => None,
        };
        if retcode == Some("100-006") {
            return (
                Next::Stop(StopReason::NotSignedIn),
                vec![stopped(StopReason::NotSignedIn, error)],
            );
        }
        if retcode == Some("000-003") {
            self.guid_rejections += 1;
            if self.guid_rejections >= self.timing.max_guid_rejections {
                return (
                    Next::Stop(StopReason::GuidRejected),
                    vec![stopped(StopReason::GuidRejected, error)],
                );
            }
        }
        self.failures += 1;
        let retry = backoff_ms(&self.timing, self.failures, self.jitter.unit());
        let since = now_ms - self.last_success_ms;
        let mut out = vec![PollStatus::PollFailed {
            attempt: self.failures,
            error_kind: error.kind_name().to_owned(),
            message: error.to_string(),
            retry_in_ms: retry,
            ms_since_last_poll: since,
        }];
        if since >= self.timing.warn_after_ms && !self.warned {
            self.warned = true;
            out.push(PollStatus::SignOutRisk {
                ms_since_last_poll: since,
                ms_until_sign_out: (GATEWAY_IDLE_SIGN_OUT_MS - since).max(0.0),
            });
        }
        (Next::PollAfter(retry), out)
    }
}

fn stopped(reason: StopReason, error: &Error) -> PollStatus {
    PollStatus::Stopped {
        reason,
        message: Some(error.to_string()),
    }
}

/// What a resume token starts with: names the format, so a later one can still read this one.
const RESUME_TOKEN_PREFIX: &str = "cec-agent-session.1 ";

/// The resume token `session()` gives: the Guid bound to the agent and the gateway's origin,
/// so a client for another agent or gateway refuses it. A secret, as the Guid.
pub fn resume_token(agent_id: &str, origin: &str, guid: &str) -> String {
    format!("{RESUME_TOKEN_PREFIX}{agent_id} {origin} {guid}")
}

/// The Guid in `token`: a [`resume_token`] for this `agent_id` and `origin`, or a raw
/// `Set-GUID` value (`JSESSIONID=<guid>[; attributes]`). Errors never show the token.
pub fn guid_from_resume_token<'a>(
    token: &'a str,
    agent_id: &str,
    origin: &str,
) -> Result<&'a str, crate::ValidationError> {
    let refused =
        |expected: String| crate::validation::invalid("token", "format", expected, "<redacted>");
    if let Some(rest) = token.strip_prefix(RESUME_TOKEN_PREFIX) {
        let mut parts = rest.splitn(3, ' ');
        let (Some(agent), Some(at), Some(guid)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(refused("must be a whole token from session()".to_owned()));
        };
        if agent != agent_id || at != origin {
            return Err(crate::validation::invalid(
                "token",
                "match",
                format!("must come from a client for agent {agent_id} at {origin}"),
                "<redacted>",
            ));
        }
        return Ok(guid);
    }
    if token.trim_start().starts_with(crate::http::SET_GUID_COOKIE) {
        return crate::http::guid_from_set_guid(token)
            .map_err(|why| refused(format!("as a Set-GUID value, {why}")));
    }
    Err(refused(
        "must be a token from session() or a Set-GUID value (JSESSIONID=<guid>)".to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resume_tokens_carry_the_guid_for_their_agent_and_gateway_only() {
        let origin = "https://10.0.0.1:8043";
        let token = resume_token("1001", origin, "g1.AgentGateway1");
        assert_eq!(
            guid_from_resume_token(&token, "1001", origin),
            Ok("g1.AgentGateway1")
        );
        for (agent, at) in [("1002", origin), ("1001", "https://10.0.0.2:8043")] {
            let e = guid_from_resume_token(&token, agent, at).unwrap_err();
            assert_eq!(
                (e.field.as_str(), e.rule, e.value.as_str()),
                ("token", "match", "<redacted>")
            );
        }
        let raw = "JSESSIONID=g2.AgentGateway1; Path=/";
        assert_eq!(
            guid_from_resume_token(raw, "1001", origin),
            Ok("g2.AgentGateway1")
        );
        for bad in [
            "g1.AgentGateway1",
            "",
            "cec-agent-session.1 1001",
            "JSESSIONID=",
            "JSESSIONIDX",
        ] {
            let e = guid_from_resume_token(bad, "1001", origin).unwrap_err();
            assert_eq!(
                (e.field.as_str(), e.value.as_str()),
                ("token", "<redacted>"),
                "{bad}"
            );
        }
    }

    fn service(code: &str) -> Error {
        Error::service("getAgentEvent", code, "")
    }
    fn network() -> Error {
        Error::new(
            "getAgentEvent",
            ErrorKind::Network {
                message: "fetch failed".into(),
            },
        )
    }

    #[test]
    fn sign_in_and_sign_out_never_overlap() {
        let mut p = Phase::default();
        p.begin_sign_in("login").unwrap();
        assert_eq!(p.begin_sign_out("logout").unwrap_err().kind_name(), "state");
        assert_eq!(p.begin_sign_in("login").unwrap_err().kind_name(), "state");
        p.finish(true);
        assert_eq!(p, Phase::SignedIn);
        p.begin_sign_out("logout").unwrap();
        let e = p.begin_sign_in("login").unwrap_err();
        assert!(e.to_string().contains("sign-out is still waiting"), "{e}");
        p.finish(false);
        assert_eq!(p, Phase::SignedOut);
        p.begin_sign_in("login").unwrap();
        p.finish(false);
        assert_eq!(
            p,
            Phase::SignedOut,
            "a failed sign-in leaves the agent signed out"
        );
    }

    #[test]
    fn polls_again_at_once_after_an_event_and_shortly_after_none() {
        let mut p = PollPolicy::new(PollTiming::default(), 0.0);
        assert_eq!(p.on_success(true, 10.0), (Next::PollAfter(0.0), None));
        assert_eq!(p.on_success(false, 20.0), (Next::PollAfter(300.0), None));
    }

    /// Fails `p` once at `now_ms`; returns the delay it waits, having checked that the
    /// `pollFailed` status reports that same delay.
    fn fail_once(p: &mut PollPolicy, now_ms: f64) -> f64 {
        let (next, statuses) = p.on_failure(&network(), now_ms);
        let Next::PollAfter(waited) = next else {
            panic!("stopped: {next:?}")
        };
        match statuses.first() {
            Some(PollStatus::PollFailed { retry_in_ms, .. }) => {
                assert_eq!(*retry_in_ms, waited, "retryInMs is the delay waited")
            }
            other => panic!("no pollFailed status: {other:?}"),
        }
        waited
    }

    #[test]
    fn backs_off_warns_before_the_two_minute_rule_and_recovers() {
        let mut p = PollPolicy::new(PollTiming::default(), 0.0);
        let ceilings = [500.0, 1000.0, 2000.0, 4000.0, 8000.0, 8000.0];
        for (i, ceiling) in (1..).zip(ceilings) {
            let d = fail_once(&mut p, f64::from(i) * 1000.0);
            assert!((MIN_BACKOFF_MS..=ceiling).contains(&d), "failure {i}: {d}");
        }
        let (_, statuses) = p.on_failure(&network(), 91_000.0);
        assert!(
            matches!(statuses.last(), Some(PollStatus::SignOutRisk { ms_until_sign_out, .. }) if (*ms_until_sign_out - 29_000.0).abs() < 1e-9)
        );
        let (_, again) = p.on_failure(&network(), 95_000.0);
        assert_eq!(again.len(), 1, "the warning is given once per outage");
        let (next, status) = p.on_success(false, 96_000.0);
        assert_eq!(next, Next::PollAfter(300.0));
        assert_eq!(status, Some(PollStatus::Recovered { after_ms: 96_000.0 }));
    }

    #[test]
    fn backoff_spans_from_the_floor_to_the_doubling_bound() {
        let t = PollTiming::default();
        assert_eq!(backoff_ms(&t, 1, 0.0), 100.0);
        assert_eq!(backoff_ms(&t, 1, 0.5), 300.0);
        assert_eq!(backoff_ms(&t, 1, 1.0), 500.0);
        assert_eq!(backoff_ms(&t, 3, 1.0), 2000.0);
        assert_eq!(backoff_ms(&t, 40, 1.0), 8000.0);
        assert_eq!(backoff_ms(&t, u32::MAX, 0.0), 100.0);
        // A first back-off below the floor is raised to it; a cap below it wins.
        let low = PollTiming {
            backoff_initial_ms: 50.0,
            backoff_max_ms: 200.0,
            ..t
        };
        assert_eq!(backoff_ms(&low, 1, 0.7), 100.0);
        assert_eq!(backoff_ms(&low, 2, 1.0), 100.0);
        assert_eq!(backoff_ms(&low, 3, 1.0), 200.0);
        let tiny = PollTiming {
            backoff_initial_ms: 10.0,
            backoff_max_ms: 40.0,
            ..t
        };
        assert_eq!(backoff_ms(&tiny, 1, 0.0), 40.0);
        assert_eq!(backoff_ms(&tiny, 5, 1.0), 40.0);
    }

    #[test]
    fn backoffs_vary_between_pollers_and_retries_within_the_bounds() {
        let t = PollTiming::default();
        let ceiling = |n: u32| (500.0 * f64::from(1u32 << (n - 1).min(20))).min(8000.0);
        let mut first = Vec::new();
        let mut capped = Vec::new();
        for seed in 0..1000u64 {
            let mut p = PollPolicy::with_seed(t, 0.0, seed);
            for n in 1..=12 {
                let d = fail_once(&mut p, f64::from(n));
                assert!(
                    (MIN_BACKOFF_MS..=ceiling(n)).contains(&d),
                    "seed {seed}, failure {n}: {d}"
                );
                assert_eq!(d, d.round());
                match n {
                    1 => first.push(d),
                    6.. => capped.push(d),
                    _ => {}
                }
            }
        }
        // Spread over the whole range, not bunched: 1000 first retries in 100..=500 ms.
        let distinct = |v: &[f64]| {
            let mut v: Vec<u64> = v.iter().map(|d| *d as u64).collect();
            v.sort_unstable();
            v.dedup();
            v.len()
        };
        assert!(distinct(&first) > 300, "{}", distinct(&first));
        let mean = first.iter().sum::<f64>() / first.len() as f64;
        assert!((280.0..=320.0).contains(&mean), "mean {mean}");
        let in_first_tenth = first.iter().filter(|d| **d < 140.0).count();
        assert!((60..=140).contains(&in_first_tenth), "{in_first_tenth}");
        assert!(distinct(&capped) > 4000, "{}", distinct(&capped));
        // The same seed repeats its back-offs; fresh pollers get different ones.
        let run = |mut p: PollPolicy| -> Vec<f64> {
            (1..=8).map(|n| fail_once(&mut p, f64::from(n))).collect()
        };
        assert_eq!(
            run(PollPolicy::with_seed(t, 0.0, 7)),
            run(PollPolicy::with_seed(t, 0.0, 7))
        );
        assert_ne!(run(PollPolicy::new(t, 0.0)), run(PollPolicy::new(t, 0.0)));
    }

    #[test]
    fn stops_when_not_signed_in_or_the_guid_keeps_being_refused() {
        let mut p = PollPolicy::new(PollTiming::default(), 0.0);
        assert_eq!(
            p.on_failure(&service("100-006"), 1.0).0,
            Next::Stop(StopReason::NotSignedIn)
        );
        let mut p = PollPolicy::new(PollTiming::default(), 0.0);
        for i in 1..5 {
            assert!(matches!(
                p.on_failure(&service("000-003"), f64::from(i)).0,
                Next::PollAfter(_)
            ));
        }
        let (next, statuses) = p.on_failure(&service("000-003"), 5.0);
        assert_eq!(next, Next::Stop(StopReason::GuidRejected));
        assert!(matches!(
            &statuses[0],
            PollStatus::Stopped {
                reason: StopReason::GuidRejected,
                message: Some(_)
            }
        ));
        // A success in between resets the count.
        let mut p = PollPolicy::new(PollTiming::default(), 0.0);
        for i in 0..4 {
            p.on_failure(&service("000-003"), f64::from(i));
        }
        p.on_success(false, 10.0);
        assert!(matches!(
            p.on_failure(&service("000-003"), 11.0).0,
            Next::PollAfter(_)
        ));
    }

    #[test]
    fn status_serializes_as_a_tagged_union() {
        let s = crate::json::to_value(&PollStatus::Stopped {
            reason: StopReason::NotSignedIn,
            message: None,
        });
        assert_eq!(
            s,
            serde_json::json!({"type": "stopped", "reason": "notSignedIn", "message": null})
        );
        let s = crate::json::to_value(&PollStatus::SignOutRisk {
            ms_since_last_poll: 1.0,
            ms_until_sign_out: 2.0,
        });
        assert_eq!(s["type"], "signOutRisk");
        assert_eq!(s["msUntilSignOut"], 2.0);
    }
}
