//! `AgentClient`: one agent on CC-Gateway. This file holds the constructor and the plain
//! request/response operations; `session.rs` adds sign-in and sign-out, `events.rs` the event
//! poller and subscriptions.

use super::agent::{decode_answer_as, exchange, Agent, Answer};
use super::convert::{decode, decode_optional, options, ToJs};
use crate::calldata::{
    CallAppDataRequest, CallInfoBeforeAnswerRequest, CallInfoRequest, SetCallAppDataRequest,
};
use crate::client::{AgentClientConfig, GatewayClient, AGENT_CLIENT};
use crate::onlineagent::{
    AgentStatusRequest, AutoEnterIdleRequest, CancelBusyRequest, CancelRestRequest,
    CancelWorkRequest, RestRequest, SayBusyRequest, SayFreeRequest, SayWorkRequest,
};
use crate::operation::{FromEnvelope, Operation};
use crate::qualitycontrol::{
    AddInsertRequest, AddSuperviseRequest, InterceptRequest, StopSuperviseRequest,
    StopWhisperRequest, SwitchModeRequest, SwitchSuperviseOrInsertRequest, WhisperRequest,
};
use crate::recordplay::{
    BackFastRequest, ForeFastRequest, NetPlayRequest, PausePlayRequest, PlayRequest,
    ResumePlayRequest, StopPlayRequest,
};
use crate::voicecall::ThirdPartyConfTransmitNumRequest;
use crate::voicecall::{
    AnswerRequest, BeginMuteRequest, CallInnerRequest, CallInnerSkillRequest, CallOutRequest,
    CancelTransferRequest, ConfJoinRequest, ConnectHoldRequest, DisconnectRequest, EndMuteRequest,
    GetHoldRequest, HoldRequest, InnerHelpRequest, ReleaseRequest, SecondDialRequest,
    TransferRequest,
};
use crate::Error;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// A client for one agent on CC-Gateway: operations, sign-in and sign-out, and events. The
/// constructor only validates and stores the config; every operation returns a promise.
#[wasm_bindgen]
pub struct AgentClient {
    pub(super) agent: Rc<Agent>,
}

impl std::fmt::Debug for AgentClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.agent.client.fmt(f)
    }
}

/// Runs one operation: validate, send, decode. `request` is already decoded (or failed to).
pub(super) fn run<O: Operation + 'static>(
    agent: Rc<Agent>,
    request: Result<O, Error>,
    opts: Option<JsValue>,
) -> js_sys::Promise
where
    O::Output: ToJs,
{
    let outcome = request.as_ref().ok().and_then(Operation::outcome);
    let prepare = request.map(|op| Box::new(move |c: &GatewayClient| c.prepare(&op)) as Prepared);
    run_prepared(
        agent,
        O::LOG_NAME,
        prepare,
        decode_to_js::<O::Output>,
        opts,
        outcome,
    )
}

/// Builds one operation's request for a client.
pub(super) type Prepared = Box<dyn Fn(&GatewayClient) -> Result<crate::http::HttpRequest, Error>>;

/// Decodes an answer as `T` and converts it for JS; one copy per output type.
fn decode_to_js<T: FromEnvelope + ToJs>(
    operation: &'static str,
    answer: &Answer,
) -> Result<JsValue, Error> {
    decode_answer_as::<T>(operation, answer)?.to_js(operation)
}

/// The one async body shared by every operation method (generic code stays synchronous).
fn run_prepared(
    agent: Rc<Agent>,
    operation: &'static str,
    prepare: Result<Prepared, Error>,
    decode: fn(&'static str, &Answer) -> Result<JsValue, Error>,
    opts: Option<JsValue>,
    outcome: Option<crate::agentstate::Outcome>,
) -> js_sys::Promise {
    crate::run::promise_now(operation, async move {
        let prepare = prepare?;
        let opts = options(operation, opts.as_ref())?;
        let client = &agent.client;
        let answer = exchange(
            client,
            operation,
            &|| prepare(client),
            client.timeout_for(opts.core),
            opts.signal.as_ref(),
        )
        .await?;
        let value = decode(operation, &answer)?;
        if let Some(outcome) = outcome {
            super::state::record(&agent, outcome);
        }
        Ok(value)
    })
}

#[wasm_bindgen]
impl AgentClient {
    /// Validates `config`; throws an `AgentApiError` (kind "validation") if it is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AgentClientConfig")] config: JsValue,
    ) -> Result<AgentClient, JsValue> {
        let config: AgentClientConfig = decode(AGENT_CLIENT, "config", &config)?;
        Ok(AgentClient {
            agent: Rc::new(Agent::new(GatewayClient::new(config)?)),
        })
    }

    /// Replaces the `Guid` sent with every call (e.g. one saved before a page reload).
    #[wasm_bindgen(js_name = setGuid)]
    pub fn set_guid(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] guid: JsValue,
    ) -> Result<(), JsValue> {
        let guid = super::convert::string_arg(AGENT_CLIENT, "guid", &guid, true)?;
        self.agent
            .client
            .set_guid(&guid)
            .map_err(|e| Error::validation(AGENT_CLIENT, e).into())
    }

    /// Whether a `Guid` is set (the value itself is never exposed).
    #[wasm_bindgen(getter, js_name = hasGuid)]
    pub fn has_guid(&self) -> bool {
        self.agent.client.has_guid()
    }

    /// The agent ID this client acts for.
    #[wasm_bindgen(getter, js_name = agentId)]
    pub fn agent_id(&self) -> String {
        self.agent.client.agent_id().as_str().to_owned()
    }
}

/// An `AgentClient` method for an operation that takes a request object. Its docs are given as
/// `#[doc = "..."]`: a `///` comment passed through a macro reaches wasm-bindgen as a raw string,
/// whose `r"` it would copy into the `.d.ts`.
macro_rules! operation_with_request {
    ($(#[doc = $doc:tt])* $js:literal, $method:ident, $op:ty, $request_ts:literal, $returns:literal $(, wrap $wrap:expr)?) => {
        #[wasm_bindgen]
        impl AgentClient {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $returns)]
            pub fn $method(
                &self,
                #[wasm_bindgen(unchecked_param_type = $request_ts)] request: JsValue,
                #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
            ) -> js_sys::Promise {
                let decoded = decode(<$op as Operation>::LOG_NAME, "request", &request);
                $(let decoded = decoded.map($wrap);)?
                run::<$op>(self.agent.clone(), decoded, options)
            }
        }
    };
}

/// An `AgentClient` method for an operation whose request object may be left out (every
/// field optional): `undefined` or `null` is the default request.
macro_rules! operation_with_optional_request {
    ($(#[doc = $doc:tt])* $js:literal, $method:ident, $op:ty, $request_ts:literal, $returns:literal $(, wrap $wrap:expr)?) => {
        #[wasm_bindgen]
        impl AgentClient {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $returns)]
            pub fn $method(
                &self,
                #[wasm_bindgen(unchecked_optional_param_type = $request_ts)] request: Option<JsValue>,
                #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>,
            ) -> js_sys::Promise {
                let decoded = decode_optional(<$op as Operation>::LOG_NAME, "request", request.as_ref());
                $(let decoded = decoded.map($wrap);)?
                run::<$op>(self.agent.clone(), decoded, options)
            }
        }
    };
}

/// An `AgentClient` method for an operation without parameters.
macro_rules! operation_without_request {
    ($(#[doc = $doc:tt])* $js:literal, $method:ident, $op:expr, $returns:literal) => {
        #[wasm_bindgen]
        impl AgentClient {
            $(#[doc = $doc])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $returns)]
            pub fn $method(&self, #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: Option<JsValue>) -> js_sys::Promise {
                run(self.agent.clone(), Ok($op), options)
            }
        }
    };
}

operation_with_request! {
    #[doc = " `beginNetPlay`: plays a recording file to the agent (POST recordplay/{agentid}/netplay)."]
    #[doc = " Outcome events: AgentMediaEvent_Play_Succ / _Play / _Play_Fail (see `beginNetPlayAndWait`)."]
    "beginNetPlay", begin_net_play, NetPlayRequest, "NetPlayRequest", "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `beginPlay`: plays a voice file to the agent's phone (PUT recordplay/{agentid}/play)."]
    "beginPlay", begin_play, PlayRequest, "PlayRequest", "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `stopPlay`: stops playback (DELETE recordplay/{agentid}/stopplay)."]
    "stopPlay", stop_play, StopPlayRequest, "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `pausePlay`: pauses playback (POST recordplay/{agentid}/pauseplay)."]
    "pausePlay", pause_play, PausePlayRequest, "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `resumePlay`: resumes paused playback (POST recordplay/{agentid}/resumeplay)."]
    "resumePlay", resume_play, ResumePlayRequest, "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `foreFastPlay`: skips forward `time` seconds (POST recordplay/{agentid}/forefast/{time})."]
    "foreFastPlay", fore_fast_play, ForeFastRequest, "JumpRequest", "Promise<Ack>", wrap ForeFastRequest
}
operation_with_request! {
    #[doc = " `backFastPlay`: rewinds `time` seconds (POST recordplay/{agentid}/backfast/{time})."]
    "backFastPlay", back_fast_play, BackFastRequest, "JumpRequest", "Promise<Ack>", wrap BackFastRequest
}
operation_without_request! {
    #[doc = " `queryCallInfoBeforeAnswer`: the calls waiting for this agent (GET calldata/{agentid}/callinfobeforeanswer)."]
    "queryCallInfoBeforeAnswer", query_call_info_before_answer, CallInfoBeforeAnswerRequest, "Promise<CallInfo[]>"
}
operation_without_request! {
    #[doc = " `thirdPartyConfTransmitNum`: passes numbers to the third-party IVR in a three-party call."]
    "thirdPartyConfTransmitNum", third_party_conf_transmit_num, ThirdPartyConfTransmitNumRequest, "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `intercept`: the inspector takes over `workNo`'s call (PUT qualitycontrol/{agentid}/intercept/{workNo}[/{callId}])."]
    "intercept", intercept, InterceptRequest, "InterceptRequest", "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `addSupervise`: the inspector listens to `workNo`'s call."]
    "addSupervise", add_supervise, AddSuperviseRequest, "TargetAgent", "Promise<Ack>", wrap AddSuperviseRequest
}
operation_with_request! {
    #[doc = " `addInsert`: the inspector joins (barges in on) `workNo`'s call."]
    "addInsert", add_insert, AddInsertRequest, "TargetAgent", "Promise<Ack>", wrap AddInsertRequest
}
operation_with_request! {
    #[doc = " `stopSupervise`: ends listening to or inserting into `workNo`'s call."]
    "stopSupervise", stop_supervise, StopSuperviseRequest, "TargetAgent", "Promise<Ack>", wrap StopSuperviseRequest
}
operation_with_request! {
    #[doc = " `switchSuperviseOrInsert`: switches between listening and inserting."]
    "switchSuperviseOrInsert", switch_supervise_or_insert, SwitchSuperviseOrInsertRequest, "TargetAgent", "Promise<Ack>", wrap SwitchSuperviseOrInsertRequest
}
operation_with_request! {
    #[doc = " `requestWhisperAgent`: the inspector whispers to `workNo` (the customer does not hear)."]
    "requestWhisperAgent", request_whisper_agent, WhisperRequest, "TargetAgent", "Promise<Ack>", wrap WhisperRequest
}
operation_with_request! {
    #[doc = " `requestStopWhisperAgent`: stops whispering to `workNo`."]
    "requestStopWhisperAgent", request_stop_whisper_agent, StopWhisperRequest, "TargetAgent", "Promise<Ack>", wrap StopWhisperRequest
}
operation_with_request! {
    #[doc = " `requestSwitchInsertWhisperAgent`: switches among listen (0), insert (1) and whisper (2)."]
    "requestSwitchInsertWhisperAgent", request_switch_insert_whisper_agent, SwitchModeRequest, "SwitchModeRequest", "Promise<Ack>"
}

// --- Agent state and call data (issue 16): onlineagent state operations, calldata ---

operation_without_request! {
    #[doc = " `getAgentStatus`: the agent's status code and whether it is working (GET onlineagent/{agentid}/agentstatus)."]
    "getAgentStatus", get_agent_status, AgentStatusRequest, "Promise<AgentStatus>"
}
operation_with_optional_request! {
    #[doc = " `queryCallInfo`: the agent's current call, else its last one unless `isNoContainLastCall` (GET calldata/{agentid}/callinfo); `null` when the gateway has none."]
    "queryCallInfo", query_call_info, CallInfoRequest, "CallInfoRequest", "Promise<CallInfo | null>"
}
operation_without_request! {
    #[doc = " `sayFree`: the agent goes ready, from busy or wrap-up (POST onlineagent/{agentid}/sayfree)."]
    "sayFree", say_free, SayFreeRequest, "Promise<Ack>"
}
operation_with_optional_request! {
    #[doc = " `sayBusy`: the agent goes busy, with a `reason` 200..=250 (POST onlineagent/{agentid}/saybusy?reason=&prolong=)."]
    #[doc = " An agent already busy must give both `reason` and `prolong`."]
    "sayBusy", say_busy, SayBusyRequest, "SayBusyRequest", "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `cancelBusy`: ends the busy state (POST onlineagent/{agentid}/cancelbusy)."]
    "cancelBusy", cancel_busy, CancelBusyRequest, "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `rest`: a rest of `seconds` (1..=86399) with a `cause` 0..=255 (POST onlineagent/{agentid}/rest/{time}/{restcause}?prolong=)."]
    #[doc = " `AgentState_SetRest_Success` comes later (see `restAndWait`)."]
    "rest", rest, RestRequest, "RestRequest", "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `cancelRest`: ends the rest (POST onlineagent/{agentid}/cancelrest)."]
    "cancelRest", cancel_rest, CancelRestRequest, "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `sayWork`: the agent enters wrap-up (POST onlineagent/{agentid}/work)."]
    "sayWork", say_work, SayWorkRequest, "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `cancelWork`: wrap-up done (POST onlineagent/{agentid}/cancelwork)."]
    "cancelWork", cancel_work, CancelWorkRequest, "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `setAgentAutoEnterIdle`: `flag` true, idle after each call; false, wrap-up (POST onlineagent/{agentid}/autoenteridle/{flag})."]
    "setAutoEnterIdle", set_auto_enter_idle, AutoEnterIdleRequest, "AutoEnterIdleRequest", "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `setCallAppDataEx`: sets the call's data, at most 16384 bytes of raw content, base64-decoded when `isDataEncoded` (PUT calldata/{agentid}/setcalldataex)."]
    "setCallAppData", set_call_app_data, SetCallAppDataRequest, "SetCallAppDataRequest", "Promise<Ack>"
}
operation_with_optional_request! {
    #[doc = " `queryCallAppData`: the call's data, base64 with `isEncodeResult` (GET calldata/{agentid}/appdata?isEncodeResult=&callId=)."]
    "queryCallAppData", query_call_app_data, CallAppDataRequest, "CallAppDataRequest", "Promise<string>"
}

// --- Call control (issue 16): voicecall ---

operation_with_optional_request! {
    #[doc = " `answer`: answers the ringing call, or the call `callId` (PUT voicecall/{agentid}/answer[?callid=])."]
    #[doc = " Outcome event: AgentEvent_Talking (see `answerAndWait`)."]
    "answer", answer, AnswerRequest, "CallSelector", "Promise<Ack>", wrap AnswerRequest
}
operation_without_request! {
    #[doc = " `release`: hangs up the current call (DELETE voicecall/{agentid}/release)."]
    "release", release, ReleaseRequest, "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `disconnect`: removes the party `number` from the current call (POST voicecall/{agentid}/disconnect/{number})."]
    "disconnect", disconnect, DisconnectRequest, "DisconnectRequest", "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `hold`: holds the current call (POST voicecall/{agentid}/hold). Outcome event: AgentEvent_Hold (see `holdAndWait`)."]
    "hold", hold, HoldRequest, "Promise<Ack>"
}
operation_with_optional_request! {
    #[doc = " `getHold`: takes the held call (or the held call `callId`) back (POST voicecall/{agentid}/gethold[?callid=])."]
    "getHold", get_hold, GetHoldRequest, "CallSelector", "Promise<Ack>", wrap GetHoldRequest
}
operation_with_request! {
    #[doc = " `connectHold`: connects the held call `callId` with the current one; the agent leaves both (POST voicecall/{agentid}/connecthold/{callid})."]
    "connectHold", connect_hold, ConnectHoldRequest, "ConnectHoldRequest", "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `beginMute`: mutes the agent in the current call (POST voicecall/{agentid}/beginmute)."]
    "beginMute", begin_mute, BeginMuteRequest, "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `endMute`: unmutes the agent (POST voicecall/{agentid}/endmute)."]
    "endMute", end_mute, EndMuteRequest, "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `transfer`: transfers the current call to a skill queue, agent, IVR, access code or external number in a `mode` its `deviceType` allows (POST voicecall/{agentid}/transfer)."]
    "transfer", transfer, TransferRequest, "TransferRequest", "Promise<Ack>"
}
operation_without_request! {
    #[doc = " `cancelTransfer`: cancels a talk or three-party transfer to an external number (POST voicecall/{agentid}/canceltransfer)."]
    "cancelTransfer", cancel_transfer, CancelTransferRequest, "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `callout`: calls an outside number; resolves with the new call's ID (PUT voicecall/{agentid}/callout)."]
    #[doc = " Outcome events: AgentEvent_Talking, AgentEvent_Call_Out_Fail / _Connect_Fail (see `callOutAndWait`)."]
    "callOut", call_out, CallOutRequest, "DialRequest", "Promise<CallStarted>", wrap CallOutRequest
}
operation_with_request! {
    #[doc = " `callInner`: calls another agent; resolves with the new call's ID (PUT voicecall/{agentid}/callinner)."]
    "callInner", call_inner, CallInnerRequest, "DialRequest", "Promise<CallStarted>", wrap CallInnerRequest
}
operation_with_request! {
    #[doc = " `callInnerSkill`: calls an agent of skill queue `skillId`; resolves with the new call's ID (PUT voicecall/{agentid}/callinnerskill)."]
    "callInnerSkill", call_inner_skill, CallInnerSkillRequest, "CallInnerSkillRequest", "Promise<CallStarted>"
}
operation_with_request! {
    #[doc = " `innerHelp`: consults an agent or skill queue, two-party (mode 1) or three-party (mode 2); resolves with the call's ID (POST voicecall/{agentid}/innerhelp)."]
    "innerHelp", inner_help, InnerHelpRequest, "InnerHelpRequest", "Promise<CallStarted>"
}
operation_with_request! {
    #[doc = " `confJoin`: joins the held call `callId` and the current one in a three-party call (POST voicecall/{agentid}/confjoin)."]
    "confJoin", conf_join, ConfJoinRequest, "ConfJoinRequest", "Promise<Ack>"
}
operation_with_request! {
    #[doc = " `secondDialEx`: sends DTMF digits (1..=24 of 0-9 * #) in the current call (POST voicecall/{agentid}/seconddialex?number=)."]
    "secondDial", second_dial, SecondDialRequest, "SecondDialRequest", "Promise<Ack>"
}
