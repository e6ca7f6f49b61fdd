//! Typed agent events, as delivered by the event poll (`../shared/reference/huawei-cec-api-facts.md` §2.2,
//! `agent-shift-ops.md` §D and §G).
//!
//! Every event is delivered. Those in [`KNOWN_EVENTS`] are `known: true` with a typed
//! `content`; any other `eventType` (or a known one whose content does not decode) arrives as
//! `known: false` with its raw `content`, and a `problem` saying why when decoding failed.
//! Each known event is one row of the `known_events!` table below, which gives both the
//! decoder's table and the TypeScript `AgentEventMap`.

use super::content::*;
use crate::de::{Int, Json, Text};
use crate::envelope::{parse, DecodeError};
use crate::json::{Decode, Encode, RawJson, Writer};
use cec_agent_derive::Decode;
use wasm_bindgen::prelude::wasm_bindgen;

/// How a known event's `content` is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentKind {
    /// [`CallEventContent`].
    Call,
    /// [`RecordEventContent`].
    Record,
    /// [`StopRecordDoneContent`].
    StopRecordDone,
    /// [`CustomerAlertingContent`].
    CustomerAlerting,
    /// [`ConferenceContent`].
    Conference,
    /// [`CustomerReleaseContent`].
    CustomerRelease,
    /// [`TransferResultContent`].
    TransferResult,
    /// [`IncomingCallInfoContent`].
    IncomingCallInfo,
    /// [`ReasonContent`].
    Reason,
    /// [`ShutdownServiceContent`].
    ShutdownService,
    /// [`PhoneReleaseContent`].
    PhoneRelease,
    /// A bare call-ID string (`"content":"1456403549-15"`).
    CallId,
    /// A payload the docs do not describe: an object (or `null`) passed through as is.
    Untyped,
}

/// One row per known event: its type, how its content decodes, and the content's TypeScript
/// type. Expands to [`KNOWN_EVENTS`] and [`TS_AGENT_EVENTS`], so they cannot drift apart.
macro_rules! known_events {
    ($($name:literal => $kind:ident: $ts:ident,)*) => {
        /// Every event type the client knows, with the type of its content.
        pub const KNOWN_EVENTS: &[(&str, ContentKind)] = &[$(($name, ContentKind::$kind),)*];

        /// The TypeScript declarations of the event types (emitted into the package's `.d.ts`).
        pub const TS_AGENT_EVENTS: &str = concat!(r#"
/** Content of events whose payload the vendor does not describe: passed through as sent. */
export type UntypedContent = { [key: string]: unknown } | null;
/** A known event: `eventType` names it, `content` is typed; `eventGenTime` (epoch ms) when the gateway sends it. */
export interface AgentEventOf<T extends string, C> { eventType: T; workNo: string; known: true; content: C; eventGenTime?: number; }
/** An event type this version does not know, or a known one whose content did not decode. */
export interface UnknownAgentEvent { eventType: string; workNo: string; known: false; content: unknown; problem?: string; eventGenTime?: number; }
/** Every known event type and its payload (a bare `string` content is the call ID). */
export interface AgentEventMap {
"#, $("  ", $name, ": AgentEventOf<\"", $name, "\", ", stringify!($ts), ">;\n",)* r#"}
/** A known event (narrow on `eventType`). */
export type KnownAgentEvent = AgentEventMap[keyof AgentEventMap];
/** Every event: check `known` first, then narrow on `eventType`. */
export type AgentEvent = KnownAgentEvent | UnknownAgentEvent;
"#);
    };
}

// Agent state (H-1342..H-1352), calls (H-1355..H-1373), media (H-1381..), other (H-1394..).
// UNCERTAIN rows: AgentState_SetWork_Success (sayWork's event was not captured; AgentState_Work
// may be the one), AgentEvent_ReturnFromIvr's content.
known_events! {
    "AgentState_Ready" => Untyped: UntypedContent,
    "AgentState_Force_Ready" => Untyped: UntypedContent,
    "AgentState_Busy" => Untyped: UntypedContent,
    "AgentState_Work" => Untyped: UntypedContent,
    "AgentState_SetWork_Success" => Untyped: UntypedContent,
    "AgentState_CancelWork_Success" => Untyped: UntypedContent,
    "AgentState_SetNotReady_Success" => Reason: ReasonContent,
    "AgentState_CancelNotReady_Success" => Untyped: UntypedContent,
    "AgentState_SetRest_Success" => Reason: ReasonContent,
    "AgentState_CancelRest_Success" => Untyped: UntypedContent,
    "AgentState_Rest_Timeout" => Untyped: UntypedContent,
    "AgentEvent_Ringing" => Call: CallEventContent,
    "AgentEvent_Incoming_CallInfo" => IncomingCallInfo: IncomingCallInfoContent,
    "AgentEvent_Talking" => Call: CallEventContent,
    "AgentEvent_Customer_Alerting" => CustomerAlerting: CustomerAlertingContent,
    "AgentEvent_Hold" => CallId: string,
    "AgentEvent_Conference" => Conference: ConferenceContent,
    "AgentEvent_SuccTransResult" => TransferResult: TransferResultContent,
    "AgentEvent_ReturnFromIvr" => Untyped: UntypedContent,
    "AgentEvent_Customer_Release" => CustomerRelease: CustomerReleaseContent,
    "AgentEvent_Call_Release" => CallId: string,
    "AgentEvent_Call_Out_Fail" => CallId: string,
    "AgentEvent_Connect_Fail" => CallId: string,
    "AgentEvent_No_Answer" => CallId: string,
    "AgentEvent_Consult_Fail" => CallId: string,
    "AgentEvent_Inside_Call_Fail" => CallId: string,
    "AgentMediaEvent_Record" => Record: RecordEventContent,
    "AgentMediaEvent_Record_Fail" => Record: RecordEventContent,
    "AgentMediaEvent_StopRecordDone" => StopRecordDone: StopRecordDoneContent,
    "AgentMediaEvent_Play" => Untyped: UntypedContent,
    "AgentMediaEvent_Play_Succ" => Untyped: UntypedContent,
    "AgentMediaEvent_Play_Fail" => Untyped: UntypedContent,
    "AgentMediaEvent_StopPlayDone" => Untyped: UntypedContent,
    "AgentMediaEvent_PausePlayDone" => Untyped: UntypedContent,
    "AgentMediaEvent_ResumePlayDone" => Untyped: UntypedContent,
    "AgentMediaEvent_JumpPlayDone" => Untyped: UntypedContent,
    "AgentOther_InService" => Untyped: UntypedContent,
    "AgentOther_ShutdownService" => ShutdownService: ShutdownServiceContent,
    "AgentOther_PhoneAlerting" => Untyped: UntypedContent,
    "AgentOther_PhoneOffhook" => Untyped: UntypedContent,
    "AgentOther_PhoneRelease" => PhoneRelease: PhoneReleaseContent,
}

#[wasm_bindgen(typescript_custom_section)]
const TS_SECTION: &'static str = TS_AGENT_EVENTS;

/// The decoded `content` of an event.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    /// Typed call content (Ringing, Talking).
    Call(CallEventContent),
    /// Typed record content.
    Record(RecordEventContent),
    /// Typed stop-record content.
    StopRecordDone(StopRecordDoneContent),
    /// The other party is ringing.
    CustomerAlerting(CustomerAlertingContent),
    /// A three-party call.
    Conference(ConferenceContent),
    /// A party left.
    CustomerRelease(CustomerReleaseContent),
    /// A transfer's outcome.
    TransferResult(TransferResultContent),
    /// An inbound call's details.
    IncomingCallInfo(IncomingCallInfoContent),
    /// A busy reason or rest cause.
    Reason(ReasonContent),
    /// A sign-out.
    ShutdownService(ShutdownServiceContent),
    /// The phone went on hook.
    PhoneRelease(PhoneReleaseContent),
    /// A bare call ID.
    CallId(Text),
    /// Passed through as sent (`None` for absent or `null`).
    Raw(Option<Json>),
}

impl Encode for Content {
    fn encode(&self, w: &mut Writer) {
        match self {
            Content::Call(c) => c.encode(w),
            Content::Record(c) => c.encode(w),
            Content::StopRecordDone(c) => c.encode(w),
            Content::CustomerAlerting(c) => c.encode(w),
            Content::Conference(c) => c.encode(w),
            Content::CustomerRelease(c) => c.encode(w),
            Content::TransferResult(c) => c.encode(w),
            Content::IncomingCallInfo(c) => c.encode(w),
            Content::Reason(c) => c.encode(w),
            Content::ShutdownService(c) => c.encode(w),
            Content::PhoneRelease(c) => c.encode(w),
            Content::CallId(c) => c.encode(w),
            Content::Raw(c) => c.encode(w),
        }
    }
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
    /// When the gateway made the event, epoch ms (newer gateways send it).
    pub event_gen_time: Option<i64>,
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
        self.content.encode(w);
        if let Some(p) = &self.problem {
            w.key("problem");
            w.string(p);
        }
        if let Some(t) = self.event_gen_time {
            w.key("eventGenTime");
            w.integer(t);
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
    #[serde(rename = "eventGenTime")]
    event_gen_time: Option<RawJson<'a>>,
}

/// Decodes `raw` as `T` and wraps it, or says why not.
fn typed<'a, T: Decode<'a>>(
    raw: &'a str,
    wrap: fn(T) -> Content,
) -> Result<Content, Option<String>> {
    parse(raw).map(wrap).map_err(|e| Some(problem(e)))
}

impl ContentKind {
    /// Decodes a known event's content (`None`: absent or `null`).
    fn decode(self, raw: Option<&str>) -> Result<Content, Option<String>> {
        let Some(c) = raw else {
            return match self {
                ContentKind::Untyped => Ok(Content::Raw(None)),
                _ => Err(Some("content is missing".to_owned())),
            };
        };
        match self {
            ContentKind::Untyped if !c.trim_start().starts_with('{') => {
                Err(Some("content is not an object".to_owned()))
            }
            ContentKind::Untyped => Ok(Content::Raw(Some(Json::from_checked(c)))),
            ContentKind::Call => typed(c, Content::Call),
            ContentKind::Record => typed(c, Content::Record),
            ContentKind::StopRecordDone => typed(c, Content::StopRecordDone),
            ContentKind::CustomerAlerting => typed(c, Content::CustomerAlerting),
            ContentKind::Conference => typed(c, Content::Conference),
            ContentKind::CustomerRelease => typed(c, Content::CustomerRelease),
            ContentKind::TransferResult => typed(c, Content::TransferResult),
            ContentKind::IncomingCallInfo => typed(c, Content::IncomingCallInfo),
            ContentKind::Reason => typed(c, Content::Reason),
            ContentKind::ShutdownService => typed(c, Content::ShutdownService),
            ContentKind::PhoneRelease => typed(c, Content::PhoneRelease),
            ContentKind::CallId => typed(c, Content::CallId),
        }
    }
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
        let typed = match kind {
            None => Err(None),
            Some(kind) => kind.decode(raw_content),
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
            // Lenient: a number or a numeric string; anything else is left out.
            event_gen_time: wire
                .event_gen_time
                .and_then(|t| parse::<Int>(t.0).ok())
                .map(|t| t.0),
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
                ContentKind::CustomerAlerting => "CustomerAlertingContent",
                ContentKind::Conference => "ConferenceContent",
                ContentKind::CustomerRelease => "CustomerReleaseContent",
                ContentKind::TransferResult => "TransferResultContent",
                ContentKind::IncomingCallInfo => "IncomingCallInfoContent",
                ContentKind::Reason => "ReasonContent",
                ContentKind::ShutdownService => "ShutdownServiceContent",
                ContentKind::PhoneRelease => "PhoneReleaseContent",
                ContentKind::CallId => "string",
                ContentKind::Untyped => "UntypedContent",
            };
            let line = format!("  {name}: AgentEventOf<\"{name}\", {content}>;\n");
            assert!(TS_AGENT_EVENTS.contains(&line), "TS map is missing: {line}");
        }
        assert_eq!(
            TS_AGENT_EVENTS.matches(": AgentEventOf<").count(),
            KNOWN_EVENTS.len()
        );
        let mut names: Vec<_> = KNOWN_EVENTS.iter().map(|(n, _)| n).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), KNOWN_EVENTS.len(), "a row is listed twice");
    }

    fn decoded(raw: &str) -> AgentEvent {
        let e = AgentEvent::decode(raw).unwrap();
        assert!(e.known, "{e:?}");
        e
    }

    /// The `event` object of a vendor page's example answer.
    fn vendor(raw: &str) -> AgentEvent {
        let v: serde_json::Value = serde_json::from_str(raw).unwrap();
        decoded(&v["event"].to_string())
    }

    #[test]
    fn ringing_from_the_vendor_example_reads_both_spellings_of_trans_from() {
        // cec_07_0513 (zh, 2025-11): the example spells `transfrom`, the table `transFrom`.
        let e = vendor(
            r#"{"message":"","retcode":"0","event":{"eventType":"AgentEvent_Ringing","workNo":"49999","content":{"caller":"49997","transfer":"no","callid":"1456404043-37","transfrom":"","called":"49999","type":"main","mediaType": "5","mediaAbility":"1","feature":"0"}}}"#,
        );
        let Content::Call(c) = &e.content else {
            panic!("{e:?}")
        };
        assert_eq!(c.callid, Some(Text::from("1456404043-37")));
        assert_eq!((c.feature, c.media_type), (Some(Int(0)), Some(Int(5))));
        assert_eq!(c.transfer, Some(Text::from("no")));
        assert_eq!(c.trans_from, Some(Text::from("")));
        let js = crate::json::to_value(&e);
        assert_eq!(js["content"]["transFrom"], "");
        assert_eq!(js["content"]["mediaType"], 5);
        let e = decoded(
            r#"{"eventType":"AgentEvent_Ringing","workNo":"1","content":{"callid":"1-1","transFrom":"1002","transfer":"yes"}}"#,
        );
        assert_eq!(crate::json::to_value(&e)["content"]["transFrom"], "1002");
    }

    #[test]
    fn call_events_from_the_vendor_examples() {
        let e = vendor(
            r#"{"message":"","retcode":"0","event":{"eventType":"AgentEvent_Customer_Alerting","workNo":"49999","content":{"callid":"1456401416-3","otherPhoneWorkno":"","otherPhone":"70092","type":"main"}}}"#,
        );
        assert_eq!(
            e.content,
            Content::CustomerAlerting(CustomerAlertingContent {
                callid: Some("1456401416-3".into()),
                other_phone: Some("70092".into()),
                other_phone_workno: Some("".into()),
                kind: Some("main".into()),
            })
        );
        let e = vendor(
            r#"{"message":"","retcode":"0","event":{"eventType":"AgentEvent_Customer_Release","workNo":"49999","content":{"callid":"1456404171-43","number":"70093"}}}"#,
        );
        assert_eq!(
            crate::json::to_value(&e)["content"],
            serde_json::json!({"callid": "1456404171-43", "number": "70093"})
        );
        let e = vendor(
            r#"{"message":"","retcode":"0","event":{"eventType":"AgentEvent_SuccTransResult","workNo":"20011","content":{"result":1,"callId":"1477467960-16777237"}}}"#,
        );
        assert_eq!(
            e.content,
            Content::TransferResult(TransferResultContent {
                call_id: Some("1477467960-16777237".into()),
                result: Some(Int(1)),
            })
        );
        let e = decoded(
            r#"{"eventType":"AgentEvent_Conference","workNo":"1","content":{"callid":"1-2","partner":"70001,1002"}}"#,
        );
        assert!(
            matches!(&e.content, Content::Conference(c) if c.partner.as_ref().map(Text::as_str) == Some("70001,1002"))
        );
        let e = decoded(
            r#"{"eventType": "AgentEvent_Incoming_CallInfo","workNo": "56020","content": {"callId": "1669951418-12166","skillName": "defaultVideoSkill","skillId": 1, "caller": "88880165","called": "310300","lastReleaseAgentId": 65535,"mediaType": 19,"releaseAndReQueueCount": 0,"releaseAndReQueueCallFlag": 0}}"#,
        );
        let js = crate::json::to_value(&e);
        assert_eq!(js["content"]["lastReleaseAgentId"], "65535");
        assert_eq!(js["content"]["skillId"], 1);
        let e = decoded(
            r#"{"eventType":"AgentOther_PhoneRelease","workNo":"20012","content":{"phoneState":3}}"#,
        );
        assert!(matches!(&e.content, Content::PhoneRelease(c) if c.phone_state == Some(Int(3))));
    }

    #[test]
    fn bare_call_id_contents() {
        for (t, id) in [
            ("AgentEvent_Call_Release", "1456403549-15"),
            ("AgentEvent_Call_Out_Fail", "1456403661-19"),
            ("AgentEvent_Inside_Call_Fail", "1456403699-21"),
            ("AgentEvent_Hold", "1456403549-16"),
            ("AgentEvent_Connect_Fail", "1-1"),
            ("AgentEvent_No_Answer", "1-2"),
            ("AgentEvent_Consult_Fail", "1-3"),
        ] {
            let e = decoded(&format!(
                r#"{{"eventType":"{t}","workNo":"49999","content":"{id}"}}"#
            ));
            assert_eq!(e.content, Content::CallId(Text::from(id)), "{t}");
            assert_eq!(crate::json::to_value(&e)["content"], id);
        }
        // An object where a call ID belongs, or none at all, is delivered as unknown.
        let e = AgentEvent::decode(
            r#"{"eventType":"AgentEvent_Hold","workNo":"1","content":{"callid":"1-1"}}"#,
        )
        .unwrap();
        assert!(!e.known && e.problem.is_some(), "{e:?}");
        let e = AgentEvent::decode(r#"{"eventType":"AgentEvent_Hold","workNo":"1"}"#).unwrap();
        assert_eq!(e.problem.as_deref(), Some("content is missing"));
    }

    #[test]
    fn state_events_with_reasons_and_the_generation_time() {
        // cec_07_1346.md / 1348.md (zh): the reason as a string, eventGenTime in the event.
        let e = decoded(
            r#"{"eventType":"AgentState_SetNotReady_Success","workNo":"49997","content":{"reason":"200"},"eventGenTime":1700000000123}"#,
        );
        assert_eq!(
            e.content,
            Content::Reason(ReasonContent {
                reason: Some(Int(200))
            })
        );
        assert_eq!(e.event_gen_time, Some(1_700_000_000_123));
        let js = crate::json::to_value(&e);
        assert_eq!(js["eventGenTime"], 1_700_000_000_123_i64);
        let e = decoded(
            r#"{"eventType":"AgentState_SetRest_Success","workNo":"1","content":{"reason":4},"eventGenTime":"1700000000124"}"#,
        );
        assert_eq!(e.event_gen_time, Some(1_700_000_000_124));
        let e = decoded(
            r#"{"eventType":"AgentOther_ShutdownService","workNo":"1","content":{"loginTime":1700000000000},"eventGenTime":"soon"}"#,
        );
        assert_eq!(e.event_gen_time, None);
        assert!(crate::json::to_value(&e).get("eventGenTime").is_none());
        assert_eq!(
            crate::json::to_value(&e)["content"]["loginTime"],
            "1700000000000"
        );
        for t in [
            "AgentState_CancelNotReady_Success",
            "AgentState_CancelRest_Success",
            "AgentState_Rest_Timeout",
            "AgentState_CancelWork_Success",
            "AgentState_SetWork_Success",
        ] {
            let e = decoded(&format!(
                r#"{{"eventType":"{t}","workNo":"1","content":null}}"#
            ));
            assert_eq!(e.content, Content::Raw(None));
        }
    }
}
