//! Typed agent events, as delivered by the event poll (`../shared/reference/huawei-cec-api-facts.md` §2.2).
//!
//! Every event is delivered. Those in [`KNOWN_EVENTS`] are `known: true` with a typed
//! `content`; any other `eventType` (or a known one whose content does not decode) arrives as
//! `known: false` with its raw `content`, and a `problem` saying why when decoding failed.

use crate::de::{Int, Json, Text};
use crate::envelope::{parse, DecodeError};
use crate::json::{Encode, RawJson, Writer};
use cec_agent_derive::{Decode, Encode};
use tsify::Tsify;
use wasm_bindgen::prelude::wasm_bindgen;

/// Content of call events (`AgentEvent_Talking`; `AgentEvent_Ringing` is assumed to match,
/// UNCERTAIN). Numbers the gateway sends as strings (`"feature": "7"`) are numbers here.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct CallEventContent {
    /// Call ID.
    #[tsify(type = "string | null")]
    pub callid: Option<Text>,
    /// Calling number.
    #[tsify(type = "string | null")]
    pub caller: Option<Text>,
    /// Called number.
    #[tsify(type = "string | null")]
    pub called: Option<Text>,
    /// "main" or "assistant".
    #[serde(rename = "type")]
    #[tsify(type = "string | null")]
    pub kind: Option<Text>,
    /// Call type (CEC call-type table; 7 = normal outbound).
    #[tsify(type = "number | null")]
    pub feature: Option<Int>,
    /// 1 voice, 2 video, 3 voice + video, 5 text, 6 H5 video.
    #[serde(rename = "mediaAbility")]
    #[tsify(type = "number | null")]
    pub media_ability: Option<Int>,
}

/// Content of `AgentMediaEvent_Record` and `AgentMediaEvent_Record_Fail`.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct RecordEventContent {
    /// Recording task ID.
    #[serde(rename = "taskId")]
    #[tsify(type = "number | null")]
    pub task_id: Option<Int>,
    /// Calling number.
    #[tsify(type = "string | null")]
    pub caller: Option<Text>,
    /// Called number.
    #[tsify(type = "string | null")]
    pub called: Option<Text>,
    /// Distributed node ID (sent as a string, e.g. "65535").
    #[serde(rename = "locationId")]
    #[tsify(type = "number | null")]
    pub location_id: Option<Int>,
    /// Recording ID.
    #[serde(rename = "recordID")]
    #[tsify(type = "string | null")]
    pub record_id: Option<Text>,
    /// Recording file, e.g. `Y:/6/0/20161025/20011/1902050.V3`.
    #[serde(rename = "fileName")]
    #[tsify(type = "string | null")]
    pub file_name: Option<Text>,
    /// Call ID.
    #[serde(rename = "callId")]
    #[tsify(type = "string | null")]
    pub call_id: Option<Text>,
    /// 1 audio, 2 video (sent as "1" or 2).
    #[serde(rename = "fileMediaType")]
    #[tsify(type = "number | null")]
    pub file_media_type: Option<Int>,
}

/// Content of `AgentMediaEvent_StopRecordDone`.
#[derive(Debug, Clone, PartialEq, Eq, Encode, Decode, Tsify)]
pub struct StopRecordDoneContent {
    /// Start, Unix milliseconds.
    #[serde(rename = "beginTime")]
    #[tsify(type = "number | null")]
    pub begin_time: Option<Int>,
    /// End, Unix milliseconds.
    #[serde(rename = "endTime")]
    #[tsify(type = "number | null")]
    pub end_time: Option<Int>,
    /// Recording task ID.
    #[serde(rename = "taskId")]
    #[tsify(type = "number | null")]
    pub task_id: Option<Int>,
    /// 1 audio, 2 video.
    #[serde(rename = "fileMediaType")]
    #[tsify(type = "number | null")]
    pub file_media_type: Option<Int>,
    /// 0 platform default, 1 24K VOX, 2 32K VOX, 3 A-law (newer pages).
    #[serde(rename = "recordFormat")]
    #[tsify(type = "number | null")]
    pub record_format: Option<Int>,
}

/// How a known event's `content` is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// [`CallEventContent`].
    Call,
    /// [`RecordEventContent`].
    Record,
    /// [`StopRecordDoneContent`].
    StopRecordDone,
    /// A payload the docs do not describe: an object (or `null`) passed through as is.
    Untyped,
}

/// Every event type the client knows, with the type of its content. The TypeScript map
/// [`TS_AGENT_EVENTS`] lists the same entries (a test keeps them in step).
pub const KNOWN_EVENTS: &[(&str, ContentKind)] = &[
    ("AgentEvent_Talking", ContentKind::Call),
    ("AgentEvent_Ringing", ContentKind::Call),
    ("AgentEvent_Hold", ContentKind::Untyped),
    ("AgentEvent_Conference", ContentKind::Untyped),
    ("AgentEvent_Call_Release", ContentKind::Untyped),
    ("AgentEvent_Customer_Release", ContentKind::Untyped),
    ("AgentEvent_Call_Out_Fail", ContentKind::Untyped),
    ("AgentMediaEvent_Record", ContentKind::Record),
    ("AgentMediaEvent_Record_Fail", ContentKind::Record),
    (
        "AgentMediaEvent_StopRecordDone",
        ContentKind::StopRecordDone,
    ),
    ("AgentMediaEvent_Play", ContentKind::Untyped),
    ("AgentMediaEvent_Play_Succ", ContentKind::Untyped),
    ("AgentMediaEvent_Play_Fail", ContentKind::Untyped),
    ("AgentMediaEvent_StopPlayDone", ContentKind::Untyped),
    ("AgentMediaEvent_PausePlayDone", ContentKind::Untyped),
    ("AgentMediaEvent_ResumePlayDone", ContentKind::Untyped),
    ("AgentMediaEvent_JumpPlayDone", ContentKind::Untyped),
    ("AgentOther_InService", ContentKind::Untyped),
    ("AgentOther_ShutdownService", ContentKind::Untyped),
    ("AgentOther_PhoneAlerting", ContentKind::Untyped),
    ("AgentOther_PhoneOffhook", ContentKind::Untyped),
    ("AgentOther_PhoneRelease", ContentKind::Untyped),
    ("AgentState_Ready", ContentKind::Untyped),
    ("AgentState_Busy", ContentKind::Untyped),
    ("AgentState_Work", ContentKind::Untyped),
    ("AgentState_Force_Ready", ContentKind::Untyped),
    ("AgentState_SetNotReady_Success", ContentKind::Untyped),
    ("AgentState_SetRest_Success", ContentKind::Untyped),
];

#[wasm_bindgen(typescript_custom_section)]
const TS_SECTION: &'static str = TS_AGENT_EVENTS;

/// The TypeScript declarations of the event types (emitted into the package's `.d.ts`).
pub const TS_AGENT_EVENTS: &str = r#"
/** Content of events whose payload the vendor does not describe: passed through as sent. */
export type UntypedContent = { [key: string]: unknown } | null;
/** A known event: `eventType` names it, `content` is typed. */
export interface AgentEventOf<T extends string, C> { eventType: T; workNo: string; known: true; content: C; }
/** An event type this version does not know, or a known one whose content did not decode. */
export interface UnknownAgentEvent { eventType: string; workNo: string; known: false; content: unknown; problem?: string; }
/** Every known event type and its payload. */
export interface AgentEventMap {
  AgentEvent_Talking: AgentEventOf<"AgentEvent_Talking", CallEventContent>;
  AgentEvent_Ringing: AgentEventOf<"AgentEvent_Ringing", CallEventContent>;
  AgentEvent_Hold: AgentEventOf<"AgentEvent_Hold", UntypedContent>;
  AgentEvent_Conference: AgentEventOf<"AgentEvent_Conference", UntypedContent>;
  AgentEvent_Call_Release: AgentEventOf<"AgentEvent_Call_Release", UntypedContent>;
  AgentEvent_Customer_Release: AgentEventOf<"AgentEvent_Customer_Release", UntypedContent>;
  AgentEvent_Call_Out_Fail: AgentEventOf<"AgentEvent_Call_Out_Fail", UntypedContent>;
  AgentMediaEvent_Record: AgentEventOf<"AgentMediaEvent_Record", RecordEventContent>;
  AgentMediaEvent_Record_Fail: AgentEventOf<"AgentMediaEvent_Record_Fail", RecordEventContent>;
  AgentMediaEvent_StopRecordDone: AgentEventOf<"AgentMediaEvent_StopRecordDone", StopRecordDoneContent>;
  AgentMediaEvent_Play: AgentEventOf<"AgentMediaEvent_Play", UntypedContent>;
  AgentMediaEvent_Play_Succ: AgentEventOf<"AgentMediaEvent_Play_Succ", UntypedContent>;
  AgentMediaEvent_Play_Fail: AgentEventOf<"AgentMediaEvent_Play_Fail", UntypedContent>;
  AgentMediaEvent_StopPlayDone: AgentEventOf<"AgentMediaEvent_StopPlayDone", UntypedContent>;
  AgentMediaEvent_PausePlayDone: AgentEventOf<"AgentMediaEvent_PausePlayDone", UntypedContent>;
  AgentMediaEvent_ResumePlayDone: AgentEventOf<"AgentMediaEvent_ResumePlayDone", UntypedContent>;
  AgentMediaEvent_JumpPlayDone: AgentEventOf<"AgentMediaEvent_JumpPlayDone", UntypedContent>;
  AgentOther_InService: AgentEventOf<"AgentOther_InService", UntypedContent>;
  AgentOther_ShutdownService: AgentEventOf<"AgentOther_ShutdownService", UntypedContent>;
  AgentOther_PhoneAlerting: AgentEventOf<"AgentOther_PhoneAlerting", UntypedContent>;
  AgentOther_PhoneOffhook: AgentEventOf<"AgentOther_PhoneOffhook", UntypedContent>;
  AgentOther_PhoneRelease: AgentEventOf<"AgentOther_PhoneRelease", UntypedContent>;
  AgentState_Ready: AgentEventOf<"AgentState_Ready", UntypedContent>;
  AgentState_Busy: AgentEventOf<"AgentState_Busy", UntypedContent>;
  AgentState_Work: AgentEventOf<"AgentState_Work", UntypedContent>;
  AgentState_Force_Ready: AgentEventOf<"AgentState_Force_Ready", UntypedContent>;
  AgentState_SetNotReady_Success: AgentEventOf<"AgentState_SetNotReady_Success", UntypedContent>;
  AgentState_SetRest_Success: AgentEventOf<"AgentState_SetRest_Success", UntypedContent>;
}
/** A known event (narrow on `eventType`). */
export type KnownAgentEvent = AgentEventMap[keyof AgentEventMap];
/** Every event: check `known` first, then narrow on `eventType`. */
export type AgentEvent = KnownAgentEvent | UnknownAgentEvent;
"#;

/// The decoded `content` of an event.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Typed call content.
    Call(CallEventContent),
    /// Typed record content.
    Record(RecordEventContent),
    /// Typed stop-record content.
    StopRecordDone(StopRecordDoneContent),
    /// Passed through as sent (`None` for absent or `null`).
    Raw(Option<Json>),
}

/// One agent event.
#[derive(Debug, Clone, PartialEq)]
pub struct AgentEvent {
    /// The event type, e.g. `AgentEvent_Talking`.
    pub event_type: String,
    /// The agent the event is for.
    pub work_no: String,
    /// Whether `event_type` is in [`KNOWN_EVENTS`] and its content decoded.
    pub known: bool,
    /// The payload.
    pub content: Content,
    /// Why a known event's content did not decode, if it did not.
    pub problem: Option<String>,
}

impl Encode for AgentEvent {
    fn encode(&self, w: &mut Writer) {
        w.begin_object();
        w.key("eventType");
        w.string(&self.event_type);
        w.key("workNo");
        w.string(&self.work_no);
        w.key("known");
        w.bool(self.known);
        w.key("content");
        match &self.content {
            Content::Call(c) => c.encode(w),
            Content::Record(c) => c.encode(w),
            Content::StopRecordDone(c) => c.encode(w),
            Content::Raw(c) => c.encode(w),
        }
        if let Some(p) = &self.problem {
            w.key("problem");
            w.string(p);
        }
        w.end_object();
    }
}

#[derive(Decode)]
struct WireEvent<'a> {
    #[serde(rename = "eventType")]
    event_type: Text,
    #[serde(rename = "workNo")]
    work_no: Option<Text>,
    content: Option<RawJson<'a>>,
}

impl AgentEvent {
    /// Decodes the raw `event` object of a poll answer.
    pub fn decode(raw: &str) -> Result<Self, DecodeError> {
        let wire: WireEvent<'_> = parse(raw).map_err(|e| e.in_field("event"))?;
        let raw_content = wire.content.map(|c| c.0).filter(|c| *c != "null");
        let kind = KNOWN_EVENTS
            .iter()
            .find(|(t, _)| *t == wire.event_type.as_str())
            .map(|(_, k)| *k);
        let typed = match (kind, raw_content) {
            (None, _) => Err(None),
            (Some(ContentKind::Untyped), c) => {
                if c.is_some_and(|c| !c.trim_start().starts_with('{')) {
                    Err(Some("content is not an object".to_owned()))
                } else {
                    Ok(Content::Raw(raw_json(c)))
                }
            }
            (Some(_), None) => Err(Some("content is missing".to_owned())),
            (Some(ContentKind::Call), Some(c)) => {
                parse(c).map(Content::Call).map_err(|e| Some(problem(e)))
            }
            (Some(ContentKind::Record), Some(c)) => {
                parse(c).map(Content::Record).map_err(|e| Some(problem(e)))
            }
            (Some(ContentKind::StopRecordDone), Some(c)) => parse(c)
                .map(Content::StopRecordDone)
                .map_err(|e| Some(problem(e))),
        };
        let (known, content, problem) = match typed {
            Ok(content) => (true, content, None),
            Err(problem) => (false, Content::Raw(raw_json(raw_content)), problem),
        };
        Ok(Self {
            event_type: wire.event_type.0,
            work_no: wire.work_no.map(|w| w.0).unwrap_or_default(),
            known,
            content,
            problem,
        })
    }
}

fn raw_json(raw: Option<&str>) -> Option<Json> {
    raw.map(Json::from_checked)
}

fn problem(e: DecodeError) -> String {
    format!("content.{}: {}", e.path, e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn talking_event_from_the_vendor_example() {
        let raw = r#"{"eventType":"AgentEvent_Talking","workNo":"20011","content":{"caller":"10086","callid":"1456401416-3","called":"70092","feature":"7","type":"main","mediaAbility":"1"}}"#;
        let e = AgentEvent::decode(raw).unwrap();
        assert!(e.known);
        let Content::Call(c) = &e.content else {
            panic!("{e:?}")
        };
        assert_eq!(
            (
                c.feature,
                c.media_ability,
                c.kind.as_ref().map(Text::as_str)
            ),
            (Some(Int(7)), Some(Int(1)), Some("main"))
        );
        let js = crate::json::to_value(&e);
        assert_eq!(js["content"]["feature"], 7);
        assert_eq!(js["known"], true);
        assert!(js.get("problem").is_none());
    }

    #[test]
    fn record_event_with_mixed_number_types() {
        let raw = r#"{"eventType":"AgentMediaEvent_Record","workNo":"20011","content":{"taskId":12,"locationId":"256","recordID":"1902050","fileName":"Y:/6/0/20161025/20011/1902050.V3","callId":"1-2","fileMediaType":2,"jsonKey":["x"]}}"#;
        let e = AgentEvent::decode(raw).unwrap();
        let Content::Record(c) = &e.content else {
            panic!("{e:?}")
        };
        assert_eq!(
            (c.location_id, c.file_media_type),
            (Some(Int(256)), Some(Int(2)))
        );
    }

    #[test]
    fn unknown_and_undecodable_events_are_still_delivered() {
        let e = AgentEvent::decode(
            r#"{"eventType":"AgentEvent_Brand_New","workNo":"1","content":{"a":[1,2]}}"#,
        )
        .unwrap();
        assert!(!e.known && e.problem.is_none());
        assert_eq!(crate::json::to_value(&e)["content"]["a"][1], 2);
        let e = AgentEvent::decode(
            r#"{"eventType":"AgentEvent_Talking","workNo":"1","content":{"feature":"seven"}}"#,
        )
        .unwrap();
        assert!(!e.known);
        assert!(
            e.problem.as_deref().is_some_and(|p| p.contains("feature")),
            "{e:?}"
        );
        let e = AgentEvent::decode(
            r#"{"eventType":"AgentMediaEvent_Play_Succ","workNo":"1","content":null}"#,
        )
        .unwrap();
        assert!(e.known && e.content == Content::Raw(None));
        assert!(
            AgentEvent::decode(r#"{"workNo":"1"}"#).is_err(),
            "eventType is required"
        );
    }

    #[test]
    fn typescript_map_lists_every_known_event() {
        for (name, kind) in KNOWN_EVENTS {
            let content = match kind {
                ContentKind::Call => "CallEventContent",
                ContentKind::Record => "RecordEventContent",
                ContentKind::StopRecordDone => "StopRecordDoneContent",
                ContentKind::Untyped => "UntypedContent",
            };
            let line = format!("  {name}: AgentEventOf<\"{name}\", {content}>;");
            assert!(TS_AGENT_EVENTS.contains(&line), "TS map is missing: {line}");
        }
        assert_eq!(
            TS_AGENT_EVENTS.matches(": AgentEventOf<").count(),
            KNOWN_EVENTS.len()
        );
    }
}
