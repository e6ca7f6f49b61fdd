/* tslint:disable */
/* eslint-disable */

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
 * Content of call events (`AgentEvent_Talking`; `AgentEvent_Ringing` is assumed to match,
 * UNCERTAIN). Numbers the gateway sends as strings (`"feature": "7"`) are numbers here.
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
     * `backFastPlay`: rewinds `time` seconds (POST recordplay/{agentid}/backfast/{time}).
     */
    backFastPlay(request: JumpRequest, options?: CallOptions): Promise<Ack>;
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
     * `cancelBusy`: ends the busy state (POST onlineagent/{agentid}/cancelbusy).
     */
    cancelBusy(options?: CallOptions): Promise<Ack>;
    /**
     * `cancelRest`: ends the rest (POST onlineagent/{agentid}/cancelrest).
     */
    cancelRest(options?: CallOptions): Promise<Ack>;
    /**
     * `cancelWork`: wrap-up done (POST onlineagent/{agentid}/cancelwork).
     */
    cancelWork(options?: CallOptions): Promise<Ack>;
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
     * `handShake`: the push-mode heartbeat (every 30 s; POST onlineagent/{agentid}/handshake).
     */
    heartbeat(options?: HeartbeatOptions): Promise<Ack>;
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
    readonly agentclient_backFastPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_beginNetPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_beginNetPlayAndWait: (a: number, b: any, c: number) => any;
    readonly agentclient_beginPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_cancelBusy: (a: number, b: number) => any;
    readonly agentclient_cancelRest: (a: number, b: number) => any;
    readonly agentclient_cancelWork: (a: number, b: number) => any;
    readonly agentclient_events: (a: number, b: number) => [number, number, number];
    readonly agentclient_forceSignIn: (a: number, b: any, c: number) => any;
    readonly agentclient_foreFastPlay: (a: number, b: any, c: number) => any;
    readonly agentclient_getAgentStatus: (a: number, b: number) => any;
    readonly agentclient_hasGuid: (a: number) => number;
    readonly agentclient_heartbeat: (a: number, b: number) => any;
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
    readonly agentclient_session: (a: number) => [number, number, number, number];
    readonly agentclient_setAutoEnterIdle: (a: number, b: any, c: number) => any;
    readonly agentclient_setCallAppData: (a: number, b: any, c: number) => any;
    readonly agentclient_setGuid: (a: number, b: any) => [number, number];
    readonly agentclient_signIn: (a: number, b: any, c: number) => any;
    readonly agentclient_signInEx: (a: number, b: any, c: number) => any;
    readonly agentclient_signOut: (a: number, b: number) => any;
    readonly agentclient_signedIn: (a: number) => number;
    readonly agentclient_startEvents: (a: number, b: number) => [number, number];
    readonly agentclient_stopEvents: (a: number) => void;
    readonly agentclient_stopPlay: (a: number, b: number) => any;
    readonly agentclient_stopSupervise: (a: number, b: any, c: number) => any;
    readonly agentclient_switchSuperviseOrInsert: (a: number, b: any, c: number) => any;
    readonly agentclient_thirdPartyConfTransmitNum: (a: number, b: number) => any;
    readonly agentclient_updateGuid: (a: number, b: number) => any;
    readonly install_panic_recovery: () => void;
    readonly isAgentApiError: (a: any) => number;
    readonly retcodeMeaning: (a: any) => any;
    readonly setLogger: (a: any) => [number, number];
    readonly version: () => [number, number];
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: number, d: any) => void;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: number, d: number, e: any) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: number, d: number) => any;
    readonly wasm_bindgen__convert__closures_____invoke__h<hash>: (a: number, b: number, c: any, d: any) => void;
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
