/* tslint:disable */
/* eslint-disable */

/** Content of events whose payload the vendor does not describe: passed through as sent. */
export type UntypedContent = { [key: string]: unknown } | null;
/** A known event: `eventType` names it, `content` is typed; `eventGenTime` (epoch ms) when the gateway sends it. */
export interface AgentEventOf<T extends string, C> { eventType: T; workNo: string; known: true; content: C; eventGenTime?: number; }
/** An event type this version does not know, or a known one whose content did not decode. */
export interface UnknownAgentEvent { eventType: string; workNo: string; known: false; content: unknown; problem?: string; eventGenTime?: number; }
/** Every known event type and its payload (a bare `string` content is the call ID). */
export interface AgentEventMap {
    AgentState_Ready: AgentEventOf<"AgentState_Ready", UntypedContent>;
    AgentState_Force_Ready: AgentEventOf<"AgentState_Force_Ready", UntypedContent>;
    AgentState_Busy: AgentEventOf<"AgentState_Busy", UntypedContent>;
    AgentState_Work: AgentEventOf<"AgentState_Work", UntypedContent>;
    AgentState_SetWork_Success: AgentEventOf<"AgentState_SetWork_Success", UntypedContent>;
    AgentState_CancelWork_Success: AgentEventOf<"AgentState_CancelWork_Success", UntypedContent>;
    AgentState_SetNotReady_Success: AgentEventOf<"AgentState_SetNotReady_Success", ReasonContent>;
    AgentState_CancelNotReady_Success: AgentEventOf<"AgentState_CancelNotReady_Success", UntypedContent>;
    AgentState_SetRest_Success: AgentEventOf<"AgentState_SetRest_Success", ReasonContent>;
    AgentState_CancelRest_Success: AgentEventOf<"AgentState_CancelRest_Success", UntypedContent>;
    AgentState_Rest_Timeout: AgentEventOf<"AgentState_Rest_Timeout", UntypedContent>;
    AgentEvent_Ringing: AgentEventOf<"AgentEvent_Ringing", CallEventContent>;
    AgentEvent_Incoming_CallInfo: AgentEventOf<"AgentEvent_Incoming_CallInfo", IncomingCallInfoContent>;
    AgentEvent_Talking: AgentEventOf<"AgentEvent_Talking", CallEventContent>;
    AgentEvent_Customer_Alerting: AgentEventOf<"AgentEvent_Customer_Alerting", CustomerAlertingContent>;
    AgentEvent_Hold: AgentEventOf<"AgentEvent_Hold", string>;
    AgentEvent_Conference: AgentEventOf<"AgentEvent_Conference", ConferenceContent>;
    AgentEvent_SuccTransResult: AgentEventOf<"AgentEvent_SuccTransResult", TransferResultContent>;
    AgentEvent_ReturnFromIvr: AgentEventOf<"AgentEvent_ReturnFromIvr", UntypedContent>;
    AgentEvent_Customer_Release: AgentEventOf<"AgentEvent_Customer_Release", CustomerReleaseContent>;
    AgentEvent_Call_Release: AgentEventOf<"AgentEvent_Call_Release", string>;
    AgentEvent_Call_Out_Fail: AgentEventOf<"AgentEvent_Call_Out_Fail", string>;
    AgentEvent_Connect_Fail: AgentEventOf<"AgentEvent_Connect_Fail", string>;
    AgentEvent_No_Answer: AgentEventOf<"AgentEvent_No_Answer", string>;
    AgentEvent_Consult_Fail: AgentEventOf<"AgentEvent_Consult_Fail", string>;
    AgentEvent_Inside_Call_Fail: AgentEventOf<"AgentEvent_Inside_Call_Fail", string>;
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
    AgentOther_ShutdownService: AgentEventOf<"AgentOther_ShutdownService", ShutdownServiceContent>;
    AgentOther_PhoneAlerting: AgentEventOf<"AgentOther_PhoneAlerting", UntypedContent>;
    AgentOther_PhoneOffhook: AgentEventOf<"AgentOther_PhoneOffhook", UntypedContent>;
    AgentOther_PhoneRelease: AgentEventOf<"AgentOther_PhoneRelease", PhoneReleaseContent>;
}
/** A known event (narrow on `eventType`). */
export type KnownAgentEvent = AgentEventMap[keyof AgentEventMap];
/** Every event: check `known` first, then narrow on `eventType`. */
export type AgentEvent = KnownAgentEvent | UnknownAgentEvent;



/** Options of `signIn`. */
export interface SignInOptions extends CallOptions {
    /** On retcode 100-002 (already signed in elsewhere) sign in again with `forceLogin`. Default false. */
    forceIfSignedIn?: boolean;
    /** Start polling events once signed in (the gateway signs out an agent nobody polls for 2 minutes). Default true. */
    startEvents?: boolean;
}
/** Options of `heartbeat` (push mode). */
export interface HeartbeatOptions extends CallOptions {
    /** The `service_token` header: the `serviceToken` given at sign-in. */
    serviceToken?: string;
}



/** Options of `startEvents` and `events`. */
export interface EventsOptions { signal?: AbortSignal; }
/** Options of the `...AndWait` helpers. */
export interface OutcomeOptions extends CallOptions {
    /** How long to wait for the outcome event after the request succeeded (default 30000 ms). */
    outcomeTimeoutMs?: number;
}
/** `using agent = new AgentClient(...)` frees the client at the end of the block (needs lib "esnext.disposable"). */
export interface AgentClient extends Disposable {
    /**
     * Calls `handler` for every event of the known `type` whose content decoded, so `content` is
     * always the typed payload; returns the unsubscribe function. Other events (vendor types
     * this version does not know, contents that did not decode) go to `on("*")` and
     * `onUnknownEvent`. A name outside `AgentEventMap` does not compile, and throws a
     * validation `AgentApiError` from JS.
     */
    on<K extends keyof AgentEventMap>(type: K, handler: (event: AgentEventMap[K]) => void): () => void;
}



/** The vendor's "Method Name in Logs" of every operation, plus `AgentClient` / `CmsClient` (config, arguments, a freed client) and `setLogger`. */
export type OperationName =
| "AgentClient" | "CmsClient" | "setLogger"
| "login" | "forceLogin" | "loginEx" | "logout" | "updateGuid" | "handShake" | "getAgentEvent"
| "beginNetPlay" | "beginPlay" | "stopPlay" | "pausePlay" | "resumePlay" | "foreFastPlay" | "backFastPlay"
| "queryCallInfoBeforeAnswer" | "thirdPartyConfTransmitNum"
| "getAgentStatus" | "sayFree" | "sayBusy" | "cancelBusy" | "rest" | "cancelRest" | "sayWork" | "cancelWork"
| "setAgentAutoEnterIdle" | "queryCallInfo" | "setCallAppDataEx" | "queryCallAppData"
| "answer" | "release" | "disconnect" | "hold" | "getHold" | "connectHold" | "beginMute" | "endMute"
| "transfer" | "cancelTransfer" | "callout" | "callInner" | "callInnerSkill" | "innerHelp" | "confJoin"
| "secondDialEx"
| "intercept" | "addSupervise" | "addInsert" | "stopSupervise" | "switchSuperviseOrInsert"
| "requestWhisperAgent" | "requestStopWhisperAgent" | "requestSwitchInsertWhisperAgent"
| "downloadRecordFile";
/** Every `kind` an `AgentApiError` can have. */
export type AgentApiErrorKind = AgentApiError["kind"];
/** Fields every `AgentApiError` has. */
export interface AgentApiErrorBase extends Error {
    name: "AgentApiError";
    /** The vendor's "Method Name in Logs" (e.g. `beginNetPlay`), or `AgentClient` / `CmsClient` for config errors. */
    operation: OperationName;
}
/** Input broke a documented rule; nothing was sent. */
export interface AgentApiValidationError extends AgentApiErrorBase { kind: "validation"; field: string; rule: string; expected: string; value: string; }
/** Connection refused or reset, DNS, CORS. */
export interface AgentApiNetworkError extends AgentApiErrorBase { kind: "network"; }
/** The per-call timeout expired and the request was cancelled. */
export interface AgentApiTimeoutError extends AgentApiErrorBase { kind: "timeout"; timeoutMs: number; }
/** The caller's AbortSignal cancelled the call. */
export interface AgentApiAbortedError extends AgentApiErrorBase { kind: "aborted"; }
/** Non-2xx HTTP status (401 from CC-CMS means the C2 signature was refused). */
export interface AgentApiHttpError extends AgentApiErrorBase { kind: "http"; status: number; body: string; }
/**
 * The server reported failure. `retcode` is CC-Gateway's `retcode` (not "0") or CC-CMS's
 * `resultCode`; `serverMessage` is the gateway's `message` or CC-CMS's `resultDesc`; `meaning`
 * is the code's documented meaning (as `retcodeMeaning(retcode)`), or `null`.
 */
export interface AgentApiServiceError extends AgentApiErrorBase { kind: "service"; retcode: string; serverMessage: string; meaning: string | null; }
/** The response did not have the documented shape (HTML page, truncated JSON, wrong field type). */
export interface AgentApiDecodeError extends AgentApiErrorBase { kind: "decode"; path: string; }
/** The call is not allowed in the client's current state (no Guid yet, sign-in during sign-out, a freed client); nothing was sent. */
export interface AgentApiStateError extends AgentApiErrorBase { kind: "state"; }
/** The request was accepted, then its outcome event reported failure (e.g. `AgentMediaEvent_Play_Fail`). */
export interface AgentApiOutcomeError extends AgentApiErrorBase { kind: "outcome"; eventType: keyof AgentEventMap; }
/** A bug in this package restarted its module while the call was pending; whether the request was carried out is unknown. Clients made before must be made again. */
export interface AgentApiInternalError extends AgentApiErrorBase { kind: "internal"; }
/** Every error this package throws or rejects with. Narrow on `kind`. */
export type AgentApiError =
| AgentApiValidationError | AgentApiNetworkError | AgentApiTimeoutError | AgentApiAbortedError
| AgentApiHttpError | AgentApiServiceError | AgentApiDecodeError | AgentApiStateError | AgentApiOutcomeError
| AgentApiInternalError;
declare global {
    /** Merged with lib "esnext.disposable"'s `Disposable` where the consumer has it, so the clients are `using`-disposable there and still compile on lib es2022. */
    interface Disposable {}
}
/** Per-call options. */
export interface CallOptions {
    /** Overrides the client's timeout for this call (1..=600000 ms). */
    timeoutMs?: number;
    /** Cancels the call; the promise rejects with kind "aborted". */
    signal?: AbortSignal;
}


/**
 * Body of `POST /recordplay/{agentid}/netplay` (`beginNetPlay`).
 */
export interface NetPlayRequest {
    /**
     * File path on the media server, at most 100 characters, e.g. `Y:/12/0/20211019/155/1406470.V3`.
     */
    fileName: string;
    /**
     * Where playback starts, in seconds.
     */
    position?: number;
    /**
     * 1 = once (default), 0 = loop; any other number is sent as 1.
     */
    playTime?: 0 | 1;
    /**
     * 0 = platform default (default), 1 = 24K VOX, 2 = 32K VOX.
     */
    fileFormat?: 0 | 1 | 2;
    /**
     * ID of the call center holding the file (WAS: Configure NIRC > CCS Type Client > Client ID).
     */
    ccId: number;
    /**
     * Distributed node ID, 0..=65535, or -1 for none.
     */
    locationId?: number;
}

/**
 * Body of `POST /rest/cmsapp/v1/openapi/hisindex/downloadRecordFile`.
 *
 * Optional fields left out (or given as `""`) are sent as `""`, as in the vendor example.
 */
export interface DownloadRecordFileRequest {
    /**
     * Call SN (required), e.g. `1748587841-77268`.
     */
    callID: string;
    /**
     * Agent ID.
     */
    workNo?: string | number;
    /**
     * Call start time, `yyyyMMddHHmmss`.
     */
    beginTime?: string;
    /**
     * Calling number.
     */
    callerNo?: string;
    /**
     * Called number.
     */
    calleeNo?: string;
}

/**
 * Body of `PUT /calldata/{agentid}/setcalldataex` (`setCallAppDataEx`).
 */
export interface SetCallAppDataRequest {
    /**
     * The call, e.g. `1476070409-38` (default: the agent's current call).
     */
    callid?: string;
    /**
     * The data: text, or base64 when `isDataEncoded` (at most 16384 raw bytes either way).
     */
    calldata: string;
    /**
     * Whether `calldata` is base64 (default false).
     */
    isDataEncoded?: boolean;
}

/**
 * Body of `PUT /onlineagent/{agentid}/loginex` (`loginEx`).
 */
export interface SignInExRequest {
    /**
     * Password (at most 32 characters; may be empty). Never shown in errors.
     */
    password?: string;
    /**
     * Softphone number (at most 24 characters).
     */
    phonenum?: string | number;
    /**
     * 4 = PC + phone, 11 = PC + phone video.
     */
    agenttype?: 4 | 11;
    /**
     * State after sign-in: 4 = idle, 5 = work (UNCERTAIN).
     */
    status?: 4 | 5;
}

/**
 * Body of `PUT /recordplay/{agentid}/play` (`beginPlay`). Field names are the vendor's
 * (including the spelling `startpostion`).
 */
export interface PlayRequest {
    /**
     * Path of the voice file on the media server.
     */
    voicepath: string;
    /**
     * Start position in seconds.
     */
    startpostion?: number;
    /**
     * Volume change.
     */
    volumechange?: number;
    /**
     * Speed change.
     */
    speedchange?: number;
    /**
     * Number of times to play.
     */
    times?: number;
    /**
     * Encoding of the file.
     */
    codeformat?: number;
}

/**
 * Body of the sign-in and forced sign-in requests.
 */
export interface SignInRequest {
    /**
     * Password of the agent's employee ID on the CTI platform (at most 32 characters). Never
     * shown in errors.
     */
    password: string;
    /**
     * Softphone number (at most 24 characters).
     */
    phonenum: string | number;
    /**
     * Answer calls automatically (server default true).
     */
    autoanswer?: boolean;
    /**
     * Return to idle automatically after a call (server default true).
     */
    autoenteridle?: boolean;
    /**
     * Hang the phone up after a call (server default true).
     */
    releasephone?: boolean;
    /**
     * 4 = PC + phone (default), 11 = PC + phone video.
     */
    agenttype?: 4 | 11;
    /**
     * State after sign-in: 4 = idle (default), 5 = work (UNCERTAIN).
     */
    status?: 4 | 5;
    /**
     * Agent IP address (UNCERTAIN limits).
     */
    ip?: string;
    /**
     * Push mode: where the gateway posts events (send together with `serviceToken`).
     */
    callBackUri?: string;
    /**
     * Push mode: token the gateway sends with pushed events (with `callBackUri`). A secret.
     */
    serviceToken?: string;
}

/**
 * Configuration of a CC-CMS client.
 */
export interface CmsClientConfig {
    /**
     * CC-CMS address (or its NSLB mapping), e.g. `https://10.0.0.1:28443`.
     */
    baseUrl: string;
    /**
     * AK issued by the administrator.
     */
    accessKey: string;
    /**
     * SK issued by the administrator. Only used as an HMAC key; never sent or logged.
     */
    secretKey: string;
    /**
     * Per-call timeout in ms (default 120000, at most 600000).
     */
    timeoutMs?: number;
    /**
     * Allow a plain `http://` base URL. Default false.
     */
    allowInsecureHttp?: boolean;
    /**
     * Largest recording `downloadRecordFile` buffers, in bytes (default 512 MiB,
     * 1024..=2^31); the bytes stay in JS memory, never in the module's.
     */
    maxRecordingBytes?: number;
}

/**
 * Configuration of an `AgentClient`.
 */
export interface AgentClientConfig {
    /**
     * CC-Gateway address, e.g. `https://10.0.0.1:8043` (HTTPS port 8043 by default).
     */
    baseUrl: string;
    /**
     * The signed-in agent's ID (101..=59999, or up to `agentIdMax`).
     */
    agentId: string | number;
    /**
     * The `Guid` from sign-in (static authentication) or the event poll (dynamic).
     */
    guid?: string;
    /**
     * Per-call timeout in ms (default 30000, at most 600000).
     */
    timeoutMs?: number;
    /**
     * Allow a plain `http://` base URL (for the simulator or a lab). Default false.
     */
    allowInsecureHttp?: boolean;
    /**
     * Event-poller settings.
     */
    events?: EventsConfig;
    /**
     * Largest response body read, in bytes (default 1 MiB, 1024..=2^31): reading stops and
     * the call rejects with kind "decode" past it, so no answer can exhaust memory.
     */
    maxResponseBytes?: number;
    /**
     * Largest agent ID accepted in `agentId` and `workNo`: 59999 (default, the seed pages) or
     * 999999 (newer vendor pages).
     */
    agentIdMax?: 59999 | 999999;
}

/**
 * Content of `AgentEvent_Conference`: a three-party call was set up
 * (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1358.html>).
 */
export interface ConferenceContent {
    /**
     * Call ID.
     */
    callid: string | null;
    /**
     * The other parties' numbers, comma-separated as sent.
     */
    partner: string | null;
}

/**
 * Content of `AgentEvent_Customer_Alerting`: the other party's phone is ringing
 * (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1356.html>).
 */
export interface CustomerAlertingContent {
    /**
     * Call ID.
     */
    callid: string | null;
    /**
     * The ringing party's number (for an internal call, the called agent's ID).
     */
    otherPhone: string | null;
    /**
     * The ringing agent's ID, empty for a customer.
     */
    otherPhoneWorkno: string | null;
    /**
     * "main" or "assistant".
     */
    type: string | null;
}

/**
 * Content of `AgentEvent_Customer_Release`: a party left the call
 * (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1364.html>).
 */
export interface CustomerReleaseContent {
    /**
     * Call ID.
     */
    callid: string | null;
    /**
     * The number of the party who left.
     */
    number: string | null;
}

/**
 * Content of `AgentEvent_Incoming_CallInfo`: an inbound call for the agent
 * (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0520.html>).
 */
export interface IncomingCallInfoContent {
    /**
     * Call ID.
     */
    callId: string | null;
    /**
     * Skill queue name.
     */
    skillName: string | null;
    /**
     * Skill queue ID.
     */
    skillId: number | null;
    /**
     * Calling number.
     */
    caller: string | null;
    /**
     * Called number.
     */
    called: string | null;
    /**
     * The agent who released the call last (65535: none).
     */
    lastReleaseAgentId: string | null;
    /**
     * Media type (as `mediaType` of `AgentEvent_Ringing`).
     */
    mediaType: number | null;
    /**
     * How often an agent released the call and it was queued again.
     */
    releaseAndReQueueCount: number | null;
    /**
     * 1 when the call was queued again after an agent released it, else 0.
     */
    releaseAndReQueueCallFlag: number | null;
}

/**
 * Content of `AgentEvent_Ringing` ("Notifying the Agent of an Inbound Call",
 * <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0513.html>) and
 * `AgentEvent_Talking` (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1355.html>),
 * which carries the same fields but the transfer ones. Numbers the gateway sends as strings
 * (`"feature": "7"`) are numbers here; an agent's number starts with `a` or `A`.
 */
export interface CallEventContent {
    /**
     * Call ID.
     */
    callid: string | null;
    /**
     * Calling number.
     */
    caller: string | null;
    /**
     * Called number.
     */
    called: string | null;
    /**
     * "main" or "assistant".
     */
    type: string | null;
    /**
     * Call type (CEC call-type table; 7 = normal outbound).
     */
    feature: number | null;
    /**
     * 1 voice, 2 video, 3 voice + video, 5 text, 6 H5 video.
     */
    mediaAbility: number | null;
    /**
     * Media type: 1 text chat, 2 click-to-dial, 4 callback request, 5 voice or video call,
     * 15 predicted outbound, 16 previewed outbound, 17 message call, 19 video call, 51 web
     * chat, 53 social chat (newer pages; `"5"` in the zh example).
     */
    mediaType: number | null;
    /**
     * `"yes"` when the call reached the agent by a transfer, `"no"` otherwise (Ringing).
     */
    transfer: string | null;
    /**
     * Where a transferred call came from, empty otherwise (Ringing). The page names it
     * `transFrom`, its example `transfrom`: both are read.
     */
    transFrom: string | null;
}

/**
 * Content of `AgentEvent_SuccTransResult`: the outcome of a transfer in success mode
 * (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1369.html>).
 */
export interface TransferResultContent {
    /**
     * Call ID.
     */
    callId: string | null;
    /**
     * 0 transferred, anything else failed.
     */
    result: number | null;
}

/**
 * Content of `AgentMediaEvent_Record` and `AgentMediaEvent_Record_Fail`.
 */
export interface RecordEventContent {
    /**
     * Recording task ID.
     */
    taskId: number | null;
    /**
     * Calling number.
     */
    caller: string | null;
    /**
     * Called number.
     */
    called: string | null;
    /**
     * Distributed node ID (sent as a string, e.g. "65535").
     */
    locationId: number | null;
    /**
     * Recording ID.
     */
    recordID: string | null;
    /**
     * Recording file, e.g. `Y:/6/0/20161025/20011/1902050.V3`.
     */
    fileName: string | null;
    /**
     * Call ID.
     */
    callId: string | null;
    /**
     * 1 audio, 2 video (sent as "1" or 2).
     */
    fileMediaType: number | null;
}

/**
 * Content of `AgentMediaEvent_StopRecordDone`.
 */
export interface StopRecordDoneContent {
    /**
     * Start, Unix milliseconds.
     */
    beginTime: number | null;
    /**
     * End, Unix milliseconds.
     */
    endTime: number | null;
    /**
     * Recording task ID.
     */
    taskId: number | null;
    /**
     * 1 audio, 2 video.
     */
    fileMediaType: number | null;
    /**
     * 0 platform default, 1 24K VOX, 2 32K VOX, 3 A-law (newer pages).
     */
    recordFormat: number | null;
}

/**
 * Content of `AgentOther_PhoneRelease`: the agent's phone is on hook
 * (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1396.html>).
 */
export interface PhoneReleaseContent {
    /**
     * Why: 3 released by the platform, 2 by the agent.
     */
    phoneState: number | null;
}

/**
 * Content of `AgentOther_ShutdownService`: the agent was signed out.
 */
export interface ShutdownServiceContent {
    /**
     * When the ended session had signed in, as sent (the pages do not fix its form).
     */
    loginTime: string | null;
}

/**
 * Content of `AgentState_SetNotReady_Success` and `AgentState_SetRest_Success`: the reason
 * (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_1346.html>; the zh examples
 * send it as a string, `{"reason":"200"}`). Busy reasons: 0 none, 1 the agent, 2 no answer,
 * 3 an inspector, 4 rest, 5 phone unavailable, 7 a rejected call, 200..=250 custom; the list
 * differs between page versions, so any integer is kept.
 */
export interface ReasonContent {
    /**
     * The reason code (rest: the rest cause).
     */
    reason: number | null;
}

/**
 * How far to move the playback.
 */
export interface JumpRequest {
    /**
     * Seconds to skip (fast-forward: at least 1; rewind: at least 0).
     */
    time: number;
}

/**
 * Kind of a downloaded body.
 */
export type RecordingKind = "zip" | "recording";

/**
 * One call the agent has.
 */
export interface CallSnapshot {
    /**
     * Call ID.
     */
    callId: string;
    /**
     * Inbound, outbound or internal.
     */
    direction: CallDirection;
    /**
     * Calling number, when known (an agent's starts with `a`).
     */
    caller: string | null;
    /**
     * Called number, when known.
     */
    called: string | null;
    /**
     * Ringing, dialing, talking, held or in a conference.
     */
    state: CallState;
    /**
     * Whether the agent's side is muted (set by a successful `beginMute` / `endMute`).
     */
    muted: boolean;
    /**
     * When the call entered `state`, epoch ms (this client's clock).
     */
    since: number;
    /**
     * The other parties of a conference (from `AgentEvent_Conference`), else empty.
     */
    partners: string[];
}

/**
 * One call waiting to be answered (table 4 of the vendor page). Fields the server leaves
 * out or sends as `null` are `null`; numbers sent as strings (and phone numbers sent as
 * numbers) are normalised to the types below.
 */
export interface CallInfo {
    /**
     * Call type (the CEC call-type table: 0 normal inbound, 7 normal outbound, ...).
     */
    callfeature: number | null;
    /**
     * Call ID, e.g. `1476070409-38`.
     */
    callid: string;
    /**
     * Calling number. Typed int by the table but a phone number: always a string here.
     */
    caller: string | null;
    /**
     * Called number, as a string (see `caller`).
     */
    called: string | null;
    /**
     * Call skill description.
     */
    callskill: string | null;
    /**
     * Call skill ID.
     */
    callskillid: number | null;
    /**
     * Original called number (documented as not used).
     */
    orgicallednum: string | null;
    /**
     * Call-associated data.
     */
    calldata: string | null;
    /**
     * Response start time, Unix milliseconds.
     */
    begintime: number | null;
    /**
     * End time (documented as not used).
     */
    endtime: number | null;
    /**
     * Customer priority.
     */
    userPriority: number | null;
    /**
     * Trunk number.
     */
    trunkNo: number | null;
    /**
     * Seconds since the call entered.
     */
    logontimes: number | null;
    /**
     * Media type (open set; 5 = voice, 1 = text chat were observed).
     */
    mediaType: number | null;
    /**
     * Media capability: 1 voice, 2 video, 3 audio+video, 5 text, 6 H5 video.
     */
    mediaAbility: number | null;
    /**
     * Waiting time in seconds.
     */
    waitTime: number | null;
    /**
     * Reserved call-trace extension, normally `null`.
     */
    trace: unknown;
}

/**
 * One log entry.
 */
export interface LogEntry {
    /**
     * `debug` for requests, responses and aborted calls, `warn` for failures.
     */
    level: "debug" | "warn";
    /**
     * The vendor's log name of the operation.
     */
    operation: string;
    /**
     * What happened.
     */
    message: string;
    /**
     * HTTP method, for request entries.
     */
    method?: string;
    /**
     * URL path (and query), for request entries.
     */
    path?: string;
    /**
     * HTTP status, for response entries.
     */
    status?: number;
    /**
     * Time from request to response or failure.
     */
    durationMs?: number;
}

/**
 * Optional event-poller settings in the client config (`events: {...}`), milliseconds.
 */
export interface EventsConfig {
    /**
     * Pause after an empty poll answer (default 300; vendor: 200–500).
     */
    idleDelayMs?: number;
    /**
     * Upper bound of the first back-off after a failed poll, doubled per failure (default
     * 500); each back-off is drawn at random from 100 ms up to it.
     */
    backoffInitialMs?: number;
    /**
     * Longest back-off (default 8000).
     */
    backoffMaxMs?: number;
    /**
     * Report `signOutRisk` when polls have failed this long (default 90000; the gateway
     * signs out at 120000).
     */
    warnAfterMs?: number;
    /**
     * Timeout of one poll request (default 30000; the gateway holds a poll about 10 s).
     */
    pollTimeoutMs?: number;
}

/**
 * The agent's state with what goes with it.
 */
export interface AgentStatusSnapshot {
    /**
     * The state.
     */
    state: AgentStateName;
    /**
     * The vendor's status code of `state` (0..=9).
     */
    code: number;
    /**
     * Busy: the reason (1 the agent, 2 no answer, 3 an inspector, 200..=250 custom, ...);
     * rest: the cause (0 none). `null` when none is known.
     */
    reason: number | null;
    /**
     * When the agent entered this state (or reason), epoch ms (this client's clock).
     */
    since: number;
    /**
     * Rest: when it ends, epoch ms, if this client asked for it (`rest({ seconds })`).
     */
    until: number | null;
    /**
     * Rest: the gateway reported the rest time is up (`AgentState_Rest_Timeout`, a reminder:
     * the agent stays at rest until `cancelRest`).
     */
    restTimedOut: boolean;
}

/**
 * The agent's state, named after the vendor's status codes ("Agent Status Codes",
 * <https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_0581.html>).
 */
export type AgentStateName = "unknown" | "signedIn" | "signedOut" | "busy" | "idle" | "wrapUp" | "talking" | "rest" | "preRest";

/**
 * The answer of an operation that starts a call (`callOut`, `callInner`, `callInnerSkill`,
 * `innerHelp`): the new call's ID, which the gateway returns as `result`.
 */
export interface CallStarted {
    /**
     * The new call's ID (for innerHelp mode 2, the call the helper joins).
     */
    callId: string;
    /**
     * The server's `message`.
     */
    message: string;
}

/**
 * The call an operation acts on, when the agent has more than one (`callid` in the query;
 * a multimedia call must name it). One type for all of them, so one decoder serves them.
 */
export interface CallSelector {
    /**
     * The call, e.g. `1476070409-38`; without it the gateway picks the agent's call.
     */
    callId?: string;
}

/**
 * The other agent an inspector operation acts on (`{workNo}`); one type for all of them, so
 * one decoder serves them all.
 */
export interface TargetAgent {
    /**
     * The other agent's ID (same agent-ID range as `agentid`, same VDN).
     */
    workNo: string | number;
}

/**
 * The output of operations whose `result` is a reserved, empty field.
 */
export interface Ack {
    /**
     * The server's `message` (often empty or "success").
     */
    message: string;
}

/**
 * The request of the operations that dial a number: `callOut` (an outside number) and
 * `callInner` (another agent). One type for both, so one decoder serves them.
 */
export interface DialRequest {
    /**
     * Who to call: 1..=24 of `0-9 * #` (for callInner, the other agent's ID).
     */
    called: string;
    /**
     * The calling number to show: 0..=24 digits (the gateway's default when absent).
     */
    caller?: string;
    /**
     * The skill the call is made in (the platform default when absent).
     */
    skillId?: number;
    /**
     * Call-associated data, at most 16k.
     */
    callAppData?: string;
    /**
     * 0 audio, 1 video, 2 (callInner: ignored by the gateway).
     */
    mediaAbility?: 0 | 1 | 2;
    /**
     * callOut with `mediaAbility` 1 only: the video direction, 1..=4 (default 4).
     */
    userVideoDirection?: 1 | 2 | 3 | 4;
}

/**
 * The result of `getAgentStatus`.
 */
export interface AgentStatus {
    /**
     * The vendor's status code (cec_07_0581): 0 unknown, 1 signed in (reserved), 2 signed
     * out, 3 busy, 4 idle, 5 wrap-up, 6 same as idle (reserved), 7 talking, 8 rest, 9
     * pre-rest (the rest starts when the call ends).
     */
    agentState: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
    /**
     * Whether the agent is working (in wrap-up). Absent or `null` reads as false.
     */
    isWorking: boolean;
}

/**
 * The whole live state: what `agent.state` returns (frozen, and the same object until
 * something changes).
 */
export interface AgentSnapshot {
    /**
     * Whether the agent is signed in, as far as this client knows.
     */
    signedIn: boolean;
    /**
     * The agent's state.
     */
    status: AgentStatusSnapshot;
    /**
     * The calls the agent has, oldest first.
     */
    calls: CallSnapshot[];
    /**
     * Counts the snapshots: one more for each change.
     */
    revision: number;
}

/**
 * What a call is doing for this agent.
 */
export type CallState = "ringing" | "dialing" | "talking" | "held" | "conference";

/**
 * What a successful sign-in returns (all optional: the vendor shows several shapes).
 */
export interface SignInResult {
    /**
     * The agent ID.
     */
    workno: string | null;
    /**
     * One T/F per medium signed in: CTI, WebM, MailM (e.g. "TTT").
     */
    mediatype: string | null;
    /**
     * The agent's VDN ID.
     */
    vdnid: number | null;
}

/**
 * What the poller reports besides events, for `onStatus` listeners.
 */
export type PollStatus = { type: "started" } | { type: "pollFailed"; attempt: number; errorKind: AgentApiErrorKind; message: string; retryInMs: number; msSinceLastPoll: number } | { type: "signOutRisk"; msSinceLastPoll: number; msUntilSignOut: number } | { type: "recovered"; afterMs: number } | { type: "listenerFailed"; eventType: string; message: string } | { type: "stopped"; reason: StopReason; message: string | null };

/**
 * What was downloaded (the bytes themselves stay with the caller).
 */
export interface RecordingMeta {
    /**
     * `zip` when several recordings came packed in a ZIP (by magic bytes), else `recording`.
     */
    kind: RecordingKind;
    /**
     * The `Content-Type` the server sent.
     */
    contentType: string | null;
    /**
     * File name from `Content-Disposition`, without any directory part.
     */
    fileName: string | null;
    /**
     * Size in bytes.
     */
    size: number;
}

/**
 * Where a call goes.
 */
export type CallDirection = "inbound" | "outbound" | "internal" | "unknown";

/**
 * Why the poller stopped.
 */
export type StopReason = "stopped" | "aborted" | "notSignedIn" | "guidRejected";

/**
 * `GET /calldata/{agentid}/appdata[?isEncodeResult=&callId=]` (`queryCallAppData`).
 */
export interface CallAppDataRequest {
    /**
     * The call (default: the agent's current call; required for multimedia sessions).
     */
    callId?: string;
    /**
     * `true`: the data comes back base64-encoded.
     */
    isEncodeResult?: boolean;
}

/**
 * `GET /calldata/{agentid}/callinfo[?isNoContainLastCall=]` (`queryCallInfo`).
 */
export interface CallInfoRequest {
    /**
     * `true`: only a call in progress, never the last (ended) call. Default false.
     */
    isNoContainLastCall?: boolean;
}

/**
 * `POST /onlineagent/{agentid}/autoenteridle/{flag}` (`setAgentAutoEnterIdle`).
 */
export interface AutoEnterIdleRequest {
    /**
     * `true`: idle after each call; `false`: wrap-up after each call.
     */
    flag: boolean;
}

/**
 * `POST /onlineagent/{agentid}/rest/{time}/{restcause}[?prolong=]` (`rest`).
 */
export interface RestRequest {
    /**
     * How long to rest, 1..=86399 seconds (`time`).
     */
    seconds: number;
    /**
     * The rest cause, 0..=255 (`restcause`; 0, the default, means none).
     */
    cause?: number;
    /**
     * Whether the rest may extend past the current call (`prolong`, default false).
     */
    prolong?: boolean;
}

/**
 * `POST /onlineagent/{agentid}/saybusy[?reason=&prolong=]` (`sayBusy`).
 */
export interface SayBusyRequest {
    /**
     * The busy reason, 200..=250 (0 = none).
     */
    reason?: number;
    /**
     * Whether to stay busy after the current call too (default false).
     */
    prolong?: boolean;
}

/**
 * `POST /qualitycontrol/{agentid}/requestswitchinsertwhisperagent?whisperagentid={workNo}&switchtype={switchType}`.
 */
export interface SwitchModeRequest {
    /**
     * The inspected agent.
     */
    workNo: string | number;
    /**
     * 0 = listen, 1 = insert, 2 = whisper.
     */
    switchType: 0 | 1 | 2;
}

/**
 * `POST /voicecall/{agentid}/confjoin` (`confJoin`).
 */
export interface ConfJoinRequest {
    /**
     * The held call.
     */
    callId: string;
    /**
     * Call data, at most 16k.
     */
    callAppData?: string;
}

/**
 * `POST /voicecall/{agentid}/connecthold/{callid}` (`connectHold`).
 */
export interface ConnectHoldRequest {
    /**
     * The held call.
     */
    callId: string;
}

/**
 * `POST /voicecall/{agentid}/disconnect/{number}` (`disconnect`).
 */
export interface DisconnectRequest {
    /**
     * The party to remove: 1..=24 digits (a phone number or an agent ID).
     */
    number: string;
}

/**
 * `POST /voicecall/{agentid}/innerhelp` (`innerHelp`).
 */
export interface InnerHelpRequest {
    /**
     * The helper: an agent ID (deviceType 2) or a skill queue ID (deviceType 1).
     */
    dstAddress: string;
    /**
     * 1 skill queue, 2 agent (default).
     */
    deviceType?: 1 | 2;
    /**
     * 1 two-party (default), 2 three-party.
     */
    mode?: 1 | 2;
    /**
     * Call data for the helper, at most 16k.
     */
    callAppData?: string;
    /**
     * Whether the customer is held while consulting (default true).
     */
    holdFlag?: boolean;
}

/**
 * `POST /voicecall/{agentid}/seconddialex?number=` (`secondDialEx`).
 */
export interface SecondDialRequest {
    /**
     * The digits: 1..=24 of `0-9 * #`.
     */
    number: string;
}

/**
 * `POST /voicecall/{agentid}/transfer` (`transfer`).
 */
export interface TransferRequest {
    /**
     * 1 skill queue, 2 agent, 3 IVR, 4 access code, 5 external number.
     */
    deviceType: 1 | 2 | 3 | 4 | 5;
    /**
     * Where to: 1..=24 digits (an external number may also hold `A-E a-e * #`).
     */
    address: string;
    /**
     * How (see `TRANSFER_MODES`): skill queue / access code 0 or 2, agent 0, 2 or 3, IVR 0
     * or 1, external number 1, 2, 3 or 4.
     */
    mode: 0 | 1 | 2 | 3 | 4;
    /**
     * Call data for the transfer target, at most 16k.
     */
    callAppData?: string;
    /**
     * Calling number shown to an external number (0..=24 digits; not in release mode).
     */
    caller?: string;
    /**
     * 0 audio, 1 video, 2.
     */
    mediaAbility?: 0 | 1 | 2;
    /**
     * Whether the customer is held meanwhile (the gateway's default: true).
     */
    holdFlag?: boolean;
    /**
     * The agent's skill to transfer in (deviceType 2 only).
     */
    skillId?: number;
}

/**
 * `PUT /qualitycontrol/{agentid}/intercept/{workNo}` (`intercept`), or
 * `.../intercept/{workNo}/{callId}` when `callId` is given (newer vendor pages,
 * <https://support.huaweicloud.com/intl/es-us/api-cec/cec_07_0437.html>).
 */
export interface InterceptRequest {
    /**
     * The agent whose call is intercepted (same agent-ID range as `agentid`).
     */
    workNo: string | number;
    /**
     * The call to intercept (newer gateways), e.g. `1476070409-38`.
     */
    callId?: string;
}

/**
 * `PUT /voicecall/{agentid}/callinnerskill` (`callInnerSkill`).
 */
export interface CallInnerSkillRequest {
    /**
     * The skill queue.
     */
    skillId: number;
}


/**
 * A client for one agent on CC-Gateway: operations, sign-in and sign-out, and events. The
 * constructor only validates and stores the config; every operation returns a promise.
 */
export class AgentClient {
    free(): void;
    /**
     * `addInsert`: the inspector joins (barges in on) `workNo`'s call.
     */
    addInsert(request: TargetAgent, options?: CallOptions): Promise<Ack>;
    /**
     * `addSupervise`: the inspector listens to `workNo`'s call.
     */
    addSupervise(request: TargetAgent, options?: CallOptions): Promise<Ack>;
    /**
     * `answer`, then waits for `AgentEvent_Talking` (of the call `callId`, when given).
     */
    answerAndWait(request?: CallSelector, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Talking"]>;
    /**
     * `answer`: answers the ringing call, or the call `callId` (PUT voicecall/{agentid}/answer[?callid=]).
     * Outcome event: AgentEvent_Talking (see `answerAndWait`).
     */
    answer(request?: CallSelector, options?: CallOptions): Promise<Ack>;
    /**
     * `backFastPlay`: rewinds `time` seconds (POST recordplay/{agentid}/backfast/{time}).
     */
    backFastPlay(request: JumpRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `beginMute`: mutes the agent in the current call (POST voicecall/{agentid}/beginmute).
     */
    beginMute(options?: CallOptions): Promise<Ack>;
    /**
     * `beginNetPlay`, then waits for its outcome: resolves with `AgentMediaEvent_Play_Succ`,
     * rejects with kind "outcome" on `AgentMediaEvent_Play_Fail`, "timeout" after `outcomeTimeoutMs`.
     */
    beginNetPlayAndWait(request: NetPlayRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentMediaEvent_Play_Succ"]>;
    /**
     * `beginNetPlay`: plays a recording file to the agent (POST recordplay/{agentid}/netplay).
     * Outcome events: AgentMediaEvent_Play_Succ / _Play / _Play_Fail (see `beginNetPlayAndWait`).
     */
    beginNetPlay(request: NetPlayRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `beginPlay`: plays a voice file to the agent's phone (PUT recordplay/{agentid}/play).
     */
    beginPlay(request: PlayRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `callInner`, then waits for the new call: resolves on its `AgentEvent_Talking`, rejects with kind
     * "outcome" on its `AgentEvent_Inside_Call_Fail`.
     */
    callInnerAndWait(request: DialRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Talking"]>;
    /**
     * `callInnerSkill`, then waits for the new call: resolves on its `AgentEvent_Talking`, rejects
     * with kind "outcome" on its `AgentEvent_Inside_Call_Fail`.
     */
    callInnerSkillAndWait(request: CallInnerSkillRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Talking"]>;
    /**
     * `callInnerSkill`: calls an agent of skill queue `skillId`; resolves with the new call's ID (PUT voicecall/{agentid}/callinnerskill).
     */
    callInnerSkill(request: CallInnerSkillRequest, options?: CallOptions): Promise<CallStarted>;
    /**
     * `callInner`: calls another agent; resolves with the new call's ID (PUT voicecall/{agentid}/callinner).
     */
    callInner(request: DialRequest, options?: CallOptions): Promise<CallStarted>;
    /**
     * `callout`, then waits for the new call: resolves on its `AgentEvent_Talking`, rejects with kind
     * "outcome" on its `AgentEvent_Call_Out_Fail` (busy) or `AgentEvent_Connect_Fail` (no answer).
     */
    callOutAndWait(request: DialRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Talking"]>;
    /**
     * `callout`: calls an outside number; resolves with the new call's ID (PUT voicecall/{agentid}/callout).
     * Outcome events: AgentEvent_Talking, AgentEvent_Call_Out_Fail / _Connect_Fail (see `callOutAndWait`).
     */
    callOut(request: DialRequest, options?: CallOptions): Promise<CallStarted>;
    /**
     * `cancelBusy`: ends the busy state (POST onlineagent/{agentid}/cancelbusy).
     */
    cancelBusy(options?: CallOptions): Promise<Ack>;
    /**
     * `cancelRest`: ends the rest (POST onlineagent/{agentid}/cancelrest).
     */
    cancelRest(options?: CallOptions): Promise<Ack>;
    /**
     * `cancelTransfer`: cancels a talk or three-party transfer to an external number (POST voicecall/{agentid}/canceltransfer).
     */
    cancelTransfer(options?: CallOptions): Promise<Ack>;
    /**
     * `cancelWork`: wrap-up done (POST onlineagent/{agentid}/cancelwork).
     */
    cancelWork(options?: CallOptions): Promise<Ack>;
    /**
     * `confJoin`, then waits for `AgentEvent_Conference` (the three-party call and its partners).
     */
    confJoinAndWait(request: ConfJoinRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Conference"]>;
    /**
     * `confJoin`: joins the held call `callId` and the current one in a three-party call (POST voicecall/{agentid}/confjoin).
     */
    confJoin(request: ConfJoinRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `connectHold`: connects the held call `callId` with the current one; the agent leaves both (POST voicecall/{agentid}/connecthold/{callid}).
     */
    connectHold(request: ConnectHoldRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `disconnect`: removes the party `number` from the current call (POST voicecall/{agentid}/disconnect/{number}).
     */
    disconnect(request: DisconnectRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `endMute`: unmutes the agent (POST voicecall/{agentid}/endmute).
     */
    endMute(options?: CallOptions): Promise<Ack>;
    /**
     * Every event from now on, as an async iterator (`for await (const e of client.events())`).
     * It ends when polling stops, when `signal` aborts, or on `break`.
     */
    events(options?: EventsOptions): AsyncIterableIterator<AgentEvent>;
    /**
     * `forceLogin`: signs in even if the agent is signed in elsewhere (PUT onlineagent/{agentid}/forcelogin).
     */
    forceSignIn(request: SignInRequest, options?: SignInOptions): Promise<SignInResult>;
    /**
     * `foreFastPlay`: skips forward `time` seconds (POST recordplay/{agentid}/forefast/{time}).
     */
    foreFastPlay(request: JumpRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `getAgentStatus`: the agent's status code and whether it is working (GET onlineagent/{agentid}/agentstatus).
     */
    getAgentStatus(options?: CallOptions): Promise<AgentStatus>;
    /**
     * `getHold` (unhold), then waits for `AgentEvent_Talking` (of the call `callId`, when given).
     */
    getHoldAndWait(request?: CallSelector, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Talking"]>;
    /**
     * `getHold`: takes the held call (or the held call `callId`) back (POST voicecall/{agentid}/gethold[?callid=]).
     */
    getHold(request?: CallSelector, options?: CallOptions): Promise<Ack>;
    /**
     * `handShake`: the push-mode heartbeat (every 30 s; POST onlineagent/{agentid}/handshake).
     */
    heartbeat(options?: HeartbeatOptions): Promise<Ack>;
    /**
     * `hold`, then waits for `AgentEvent_Hold` (its content is the held call's ID).
     */
    holdAndWait(options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Hold"]>;
    /**
     * `hold`: holds the current call (POST voicecall/{agentid}/hold). Outcome event: AgentEvent_Hold (see `holdAndWait`).
     */
    hold(options?: CallOptions): Promise<Ack>;
    /**
     * `innerHelp`, then waits for the helper: resolves on `AgentEvent_Talking` (two-party) or
     * `AgentEvent_Conference` (three-party, mode 2) of its call, rejects with kind "outcome" on
     * `AgentEvent_Consult_Fail`.
     */
    innerHelpAndWait(request: InnerHelpRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Talking"] | AgentEventMap["AgentEvent_Conference"]>;
    /**
     * `innerHelp`: consults an agent or skill queue, two-party (mode 1) or three-party (mode 2); resolves with the call's ID (POST voicecall/{agentid}/innerhelp).
     */
    innerHelp(request: InnerHelpRequest, options?: CallOptions): Promise<CallStarted>;
    /**
     * `intercept`, then waits for `AgentEvent_Talking` (the inspector now talks with the customer).
     */
    interceptAndWait(request: InterceptRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentEvent_Talking"]>;
    /**
     * `intercept`: the inspector takes over `workNo`'s call (PUT qualitycontrol/{agentid}/intercept/{workNo}[/{callId}]).
     */
    intercept(request: InterceptRequest, options?: CallOptions): Promise<Ack>;
    /**
     * Validates `config`; throws an `AgentApiError` (kind "validation") if it is wrong.
     */
    constructor(config: AgentClientConfig);
    /**
     * Calls `handler` with the poller's status reports (failures, recovery, the 2-minute
     * warning, stop); returns the unsubscribe function. Throws a validation `AgentApiError`
     * unless `handler` is a function.
     */
    onStatus(handler: (status: PollStatus) => void): () => void;
    /**
     * Calls `handler` for every `known: false` event: vendor event types this version does not
     * know (the escape for them), and known types whose content did not decode (`problem` says
     * why). Returns the unsubscribe function. Throws a validation `AgentApiError` unless
     * `handler` is a function.
     */
    onUnknownEvent(handler: (event: UnknownAgentEvent) => void): () => void;
    /**
     * With `"*"`: calls `handler` for every event, known or not (check `known`, then narrow
     * on `eventType`); returns the unsubscribe function. Throws a validation `AgentApiError`
     * unless `type` is `"*"` or a known event type and `handler` a function.
     */
    on(event_type: "*", handler: (event: AgentEvent) => void): () => void;
    /**
     * `pausePlay`: pauses playback (POST recordplay/{agentid}/pauseplay).
     */
    pausePlay(options?: CallOptions): Promise<Ack>;
    /**
     * `queryCallAppData`: the call's data, base64 with `isEncodeResult` (GET calldata/{agentid}/appdata?isEncodeResult=&callId=).
     */
    queryCallAppData(request?: CallAppDataRequest, options?: CallOptions): Promise<string>;
    /**
     * `queryCallInfoBeforeAnswer`: the calls waiting for this agent (GET calldata/{agentid}/callinfobeforeanswer).
     */
    queryCallInfoBeforeAnswer(options?: CallOptions): Promise<CallInfo[]>;
    /**
     * `queryCallInfo`: the agent's current call, else its last one unless `isNoContainLastCall` (GET calldata/{agentid}/callinfo); `null` when the gateway has none.
     */
    queryCallInfo(request?: CallInfoRequest, options?: CallOptions): Promise<CallInfo | null>;
    /**
     * `release`: hangs up the current call (DELETE voicecall/{agentid}/release).
     */
    release(options?: CallOptions): Promise<Ack>;
    /**
     * `requestStopWhisperAgent`: stops whispering to `workNo`.
     */
    requestStopWhisperAgent(request: TargetAgent, options?: CallOptions): Promise<Ack>;
    /**
     * `requestSwitchInsertWhisperAgent`: switches among listen (0), insert (1) and whisper (2).
     */
    requestSwitchInsertWhisperAgent(request: SwitchModeRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `requestWhisperAgent`: the inspector whispers to `workNo` (the customer does not hear).
     */
    requestWhisperAgent(request: TargetAgent, options?: CallOptions): Promise<Ack>;
    /**
     * `rest`, then waits for `AgentState_SetRest_Success`, which the gateway sends after the
     * call has returned (the wait starts before the request goes out, so it is never missed).
     */
    restAndWait(request: RestRequest, options?: OutcomeOptions): Promise<AgentEventMap["AgentState_SetRest_Success"]>;
    /**
     * `rest`: a rest of `seconds` (1..=86399) with a `cause` 0..=255 (POST onlineagent/{agentid}/rest/{time}/{restcause}?prolong=).
     * `AgentState_SetRest_Success` comes later (see `restAndWait`).
     */
    rest(request: RestRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `resumePlay`: resumes paused playback (POST recordplay/{agentid}/resumeplay).
     */
    resumePlay(options?: CallOptions): Promise<Ack>;
    /**
     * Resumes a session after a page reload: takes the Guid from a `session()` token (refused,
     * kind "validation", if it is for another agent or gateway) or from a raw `Set-GUID` value
     * (`JSESSIONID=<guid>`), marks the client signed in and starts polling events. Nothing is
     * sent first: if the session has ended, the poller stops with reason "notSignedIn".
     * Refused (kind "state") while a sign-in or sign-out is waiting for its answer.
     */
    resume(token: string): void;
    /**
     * `sayBusy`: the agent goes busy, with a `reason` 200..=250 (POST onlineagent/{agentid}/saybusy?reason=&prolong=).
     * An agent already busy must give both `reason` and `prolong`.
     */
    sayBusy(request?: SayBusyRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `sayFree`: the agent goes ready, from busy or wrap-up (POST onlineagent/{agentid}/sayfree).
     */
    sayFree(options?: CallOptions): Promise<Ack>;
    /**
     * `sayWork`: the agent enters wrap-up (POST onlineagent/{agentid}/work).
     */
    sayWork(options?: CallOptions): Promise<Ack>;
    /**
     * `secondDialEx`: sends DTMF digits (1..=24 of 0-9 * #) in the current call (POST voicecall/{agentid}/seconddialex?number=).
     */
    secondDial(request: SecondDialRequest, options?: CallOptions): Promise<Ack>;
    /**
     * A resume token for this session: the Guid, bound to this agent and gateway. Keep it
     * where a page reload finds it (e.g. `sessionStorage`) and hand it to `resume()`; it is a
     * secret like a password, and the package never logs it. Throws kind "state" before any
     * Guid exists.
     */
    session(): string;
    /**
     * `setAgentAutoEnterIdle`: `flag` true, idle after each call; false, wrap-up (POST onlineagent/{agentid}/autoenteridle/{flag}).
     */
    setAutoEnterIdle(request: AutoEnterIdleRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `setCallAppDataEx`: sets the call's data, at most 16384 bytes of raw content, base64-decoded when `isDataEncoded` (PUT calldata/{agentid}/setcalldataex).
     */
    setCallAppData(request: SetCallAppDataRequest, options?: CallOptions): Promise<Ack>;
    /**
     * Replaces the `Guid` sent with every call (e.g. one saved before a page reload).
     */
    setGuid(guid: string): void;
    /**
     * `loginEx`: signs in to the CCS only, without a license (PUT onlineagent/{agentid}/loginex),
     * then polls events like `signIn`.
     */
    signInEx(request: SignInExRequest, options?: SignInOptions): Promise<SignInResult>;
    /**
     * `login`: signs the agent in (PUT onlineagent/{agentid}), stores the Guid from
     * `Set-GUID` and starts polling events. With `forceIfSignedIn`, retcode 100-002 (already
     * signed in) is answered with `forceLogin`. Refused (kind "state") while another sign-in
     * or a sign-out is waiting for its answer.
     */
    signIn(request: SignInRequest, options?: SignInOptions): Promise<SignInResult>;
    /**
     * `logout`: stops polling events and signs the agent out (DELETE onlineagent/{agentid}/logout).
     * Refused (kind "state") while a sign-in is waiting for its answer.
     */
    signOut(options?: CallOptions): Promise<Ack>;
    /**
     * Starts polling events (sign-in does this already). `signal` stops polling when aborted.
     */
    startEvents(options?: EventsOptions): void;
    /**
     * Stops polling events; streams end and pending outcome helpers reject.
     */
    stopEvents(): void;
    /**
     * `stopPlay`: stops playback (DELETE recordplay/{agentid}/stopplay).
     */
    stopPlay(options?: CallOptions): Promise<Ack>;
    /**
     * `stopSupervise`: ends listening to or inserting into `workNo`'s call.
     */
    stopSupervise(request: TargetAgent, options?: CallOptions): Promise<Ack>;
    /**
     * `switchSuperviseOrInsert`: switches between listening and inserting.
     */
    switchSuperviseOrInsert(request: TargetAgent, options?: CallOptions): Promise<Ack>;
    /**
     * `thirdPartyConfTransmitNum`: passes numbers to the third-party IVR in a three-party call.
     */
    thirdPartyConfTransmitNum(options?: CallOptions): Promise<Ack>;
    /**
     * `transfer`, then waits for the event that ends it in its mode: `AgentEvent_Call_Release`
     * (release), `AgentEvent_SuccTransResult` (success), `AgentEvent_Talking` (talk, external),
     * `AgentEvent_Conference` (three-party, external), `AgentEvent_ReturnFromIvr` (IVR hang-up);
     * rejects with kind "outcome" on `AgentEvent_Connect_Fail`.
     */
    transferAndWait(request: TransferRequest, options?: OutcomeOptions): Promise<KnownAgentEvent>;
    /**
     * `transfer`: transfers the current call to a skill queue, agent, IVR, access code or external number in a `mode` its `deviceType` allows (POST voicecall/{agentid}/transfer).
     */
    transfer(request: TransferRequest, options?: CallOptions): Promise<Ack>;
    /**
     * `updateGuid`: gets a fresh Guid for a session that survived a page reload (construct the
     * client with the saved `guid`, call this, then `startEvents()`).
     */
    updateGuid(options?: CallOptions): Promise<void>;
    /**
     * The agent ID this client acts for.
     */
    readonly agentId: string;
    /**
     * Whether a `Guid` is set (the value itself is never exposed).
     */
    readonly hasGuid: boolean;
    /**
     * How many event polls have completed (answered or failed) since the client was created.
     */
    readonly pollCount: number;
    /**
     * Whether events are being polled.
     */
    readonly polling: boolean;
    /**
     * Whether the agent is signed in as far as this client knows.
     */
    readonly signedIn: boolean;
    /**
     * The live state: signed in or not, the agent's state (with its reason and, for a rest
     * this client asked for, when it ends) and the calls the agent has. A frozen object, the
     * same one until something changes; rebuilt from the gateway after every sign-in, resume
     * and poller recovery.
     */
    readonly state: AgentSnapshot;
    /**
     * `subscribe(listener)`: calls `listener` with the new `state` after every change and
     * returns the unsubscribe function. The same function every time, bound to this client,
     * so it can be passed on its own: `useSyncExternalStore(agent.subscribe, () => agent.state)`.
     * Throws a validation `AgentApiError` unless `listener` is a function.
     */
    readonly subscribe: (listener: (state: AgentSnapshot) => void) => () => void;
}

declare function __wbg_reset_state(): void;

/**
 * Whether `value` is an error from this package.
 */
export function isAgentApiError(value: unknown): value is AgentApiError;

/**
 * The documented meaning of a CC-Gateway `retcode`, or `null` when the table has none (as an
 * error's `meaning`).
 */
export function retcodeMeaning(retcode: string): string | null;

/**
 * Installs `logger` (or removes it with `null`). It is called synchronously; what it throws
 * is ignored. Anything but a function or `null` throws a validation `AgentApiError`.
 */
export function setLogger(logger: ((entry: LogEntry) => void) | null): void;

/**
 * The package version (from Cargo.toml).
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __internals: () => any;
    readonly __panicForTest: (a: number) => any;
    readonly __wbg_agentclient_free: (a: number, b: number) => void;
    readonly agentclient_addInsert: (a: number, b: any, c: number) => any;
    readonly agentclient_addSupervise: (a: number, b: any, c: number) => any;
    readonly agentclient_agentId: (a: number) => [number, number];
    readonly agentclient_answer: (a: number, b: number, c: number) => any;
    readonly agentclient_answerAndWait: (a: number, b: number, c: number) => any;
    readonly agentclient_backFastPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_beginMute: (a: number, b: number) => any;
    readonly agentclient_beginNetPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_beginNetPlayAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_beginPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_callInner: (a: number, b: any, c: number) => any;
    readonly agentclient_callInnerAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_callInnerSkill: (a: number, b: any, c: number) => any;
    readonly agentclient_callInnerSkillAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_callOut: (a: number, b: any, c: number) => any;
    readonly agentclient_callOutAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_cancelBusy: (a: number, b: number) => any;
    readonly agentclient_cancelRest: (a: number, b: number) => any;
    readonly agentclient_cancelTransfer: (a: number, b: number) => any;
    readonly agentclient_cancelWork: (a: number, b: number) => any;
    readonly agentclient_confJoin: (a: number, b: any, c: number) => any;
    readonly agentclient_confJoinAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_connectHold: (a: number, b: any, c: number) => any;
    readonly agentclient_disconnect: (a: number, b: any, c: number) => any;
    readonly agentclient_endMute: (a: number, b: number) => any;
    readonly agentclient_events: (a: number, b: number) => [number, number, number];
    readonly agentclient_forceSignIn: (a: number, b: any, c: number) => any;
    readonly agentclient_foreFastPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_getAgentStatus: (a: number, b: number) => any;
    readonly agentclient_getHold: (a: number, b: number, c: number) => any;
    readonly agentclient_getHoldAndWait: (a: number, b: number, c: number) => any;
    readonly agentclient_hasGuid: (a: number) => number;
    readonly agentclient_heartbeat: (a: number, b: number) => any;
    readonly agentclient_hold: (a: number, b: number) => any;
    readonly agentclient_holdAndWait: (a: number, b: number) => any;
    readonly agentclient_innerHelp: (a: number, b: any, c: number) => any;
    readonly agentclient_innerHelpAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_intercept: (a: number, b: any, c: number) => any;
    readonly agentclient_interceptAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_new: (a: any) => [number, number, number];
    readonly agentclient_on: (a: number, b: any, c: any) => [number, number, number];
    readonly agentclient_onStatus: (a: number, b: any) => [number, number, number];
    readonly agentclient_onUnknownEvent: (a: number, b: any) => [number, number, number];
    readonly agentclient_pausePlay: (a: number, b: number) => any;
    readonly agentclient_pollCount: (a: number) => number;
    readonly agentclient_polling: (a: number) => number;
    readonly agentclient_queryCallAppData: (a: number, b: number, c: number) => any;
    readonly agentclient_queryCallInfo: (a: number, b: number, c: number) => any;
    readonly agentclient_queryCallInfoBeforeAnswer: (a: number, b: number) => any;
    readonly agentclient_release: (a: number, b: number) => any;
    readonly agentclient_requestStopWhisperAgent: (a: number, b: any, c: number) => any;
    readonly agentclient_requestSwitchInsertWhisperAgent: (a: number, b: any, c: number) => any;
    readonly agentclient_requestWhisperAgent: (a: number, b: any, c: number) => any;
    readonly agentclient_rest: (a: number, b: any, c: number) => any;
    readonly agentclient_restAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_resume: (a: number, b: any) => [number, number];
    readonly agentclient_resumePlay: (a: number, b: number) => any;
    readonly agentclient_sayBusy: (a: number, b: number, c: number) => any;
    readonly agentclient_sayFree: (a: number, b: number) => any;
    readonly agentclient_sayWork: (a: number, b: number) => any;
    readonly agentclient_secondDial: (a: number, b: any, c: number) => any;
    readonly agentclient_session: (a: number) => [number, number, number, number];
    readonly agentclient_setAutoEnterIdle: (a: number, b: any, c: number) => any;
    readonly agentclient_setCallAppData: (a: number, b: any, c: number) => any;
    readonly agentclient_setGuid: (a: number, b: any) => [number, number];
    readonly agentclient_signIn: (a: number, b: any, c: number) => any;
    readonly agentclient_signInEx: (a: number, b: any, c: number) => any;
    readonly agentclient_signOut: (a: number, b: number) => any;
    readonly agentclient_signedIn: (a: number) => number;
    readonly agentclient_startEvents: (a: number, b: number) => [number, number];
    readonly agentclient_state: (a: number) => any;
    readonly agentclient_stopEvents: (a: number) => void;
    readonly agentclient_stopPlay: (a: number, b: number) => any;
    readonly agentclient_stopSupervise: (a: number, b: any, c: number) => any;
    readonly agentclient_subscribe: (a: number) => any;
    readonly agentclient_switchSuperviseOrInsert: (a: number, b: any, c: number) => any;
    readonly agentclient_thirdPartyConfTransmitNum: (a: number, b: number) => any;
    readonly agentclient_transfer: (a: number, b: any, c: number) => any;
    readonly agentclient_transferAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_updateGuid: (a: number, b: number) => any;
    readonly install_panic_recovery: () => void;
    readonly isAgentApiError: (a: any) => number;
    readonly retcodeMeaning: (a: any) => any;
    readonly setLogger: (a: any) => [number, number];
    readonly version: () => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: number, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: number, d: number, e: any) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: any, d: number, e: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: number, d: number) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: any, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: any) => [number, number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number) => void;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_destroy_closure: (a: number, b: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
