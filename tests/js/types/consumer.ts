// A strict TypeScript consumer of the package's .d.ts. `tsc` must accept every plain line and
// reject every line marked `@ts-expect-error` (an unused directive is itself an error), so the
// declarations are proven both complete and precise.
import {
  AgentClient,
  initAsync,
  isAgentApiError,
  type Ack,
  type AgentApiError,
  type CallInfo,
  type AgentStatus,
  type CallStarted,
  type TransferRequest,
  type NetPlayRequest,
  type AgentEvent,
  type PollStatus,
  type LogEntry,
  setLogger,
} from "cec-agent";
// CC-CMS is its own entry (Node); the main entry has no CmsClient.
import { CmsClient, type RecordingDownload } from "cec-agent/cms";
// @ts-expect-error the browser/main module has no CC-CMS client
import { CmsClient as NotInMain } from "cec-agent";

type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T> = IsAny<T> extends true ? never : T;
type Check<T extends true> = T;

// No `any` in what the operations take and return.
type _requests = [NotAny<NetPlayRequest>, NotAny<Parameters<AgentClient["intercept"]>[0]>];
type _results = Check<
  [Awaited<ReturnType<AgentClient["beginNetPlay"]>>] extends [Ack]
    ? [Awaited<ReturnType<AgentClient["queryCallInfoBeforeAnswer"]>>] extends [CallInfo[]]
      ? IsAny<CallInfo["caller"]> extends false
        ? true
        : false
      : false
    : false
>;

export async function flow(): Promise<void> {
  await initAsync();
  const agent = new AgentClient({ baseUrl: "https://10.0.0.1:8043", agentId: "1001", guid: "g.AgentGateway1" });
  const ack: Ack = await agent.beginNetPlay({ fileName: "Y:/a.V3", ccId: 1, playTime: 0, fileFormat: 2, locationId: -1 });
  const message: string = ack.message;
  const calls: CallInfo[] = await agent.queryCallInfoBeforeAnswer({ timeoutMs: 5_000, signal: new AbortController().signal });
  const caller: string | null = calls[0].caller;
  const begin: number | null = calls[0].begintime;
  await agent.thirdPartyConfTransmitNum();
  await agent.intercept({ workNo: 1002 });

  const cms = new CmsClient({ baseUrl: "https://10.0.0.1:28443", accessKey: "ak", secretKey: "sk" });
  const file: RecordingDownload = await cms.downloadRecordFile({ callID: "1-1", beginTime: "20250530153059" });
  const bytes: Uint8Array = file.bytes;
  const kind: "zip" | "recording" = file.kind;
  const name: string | null = file.fileName;

  try {
    await agent.queryCallInfoBeforeAnswer();
  } catch (e) {
    if (isAgentApiError(e)) {
      const err: AgentApiError = e;
      switch (err.kind) {
        case "service": {
          const code: string = err.retcode;
          const meaning: string | null = err.meaning;
          break;
        }
        case "validation": {
          const where: string = `${err.field} ${err.rule} ${err.value}`;
          break;
        }
        case "http": {
          const status: number = err.status;
          break;
        }
        case "timeout": {
          const ms: number = err.timeoutMs;
          break;
        }
      }
      // @ts-expect-error `retcode` exists only once `kind` is narrowed to "service"
      err.retcode;
    }
  }
  void [message, caller, begin, bytes, kind, name];

  // @ts-expect-error fileName is required
  await agent.beginNetPlay({ ccId: 1 });
  // @ts-expect-error playTime is 0 (loop) or 1 (once)
  await agent.beginNetPlay({ fileName: "a", ccId: 1, playTime: 2 });
  // @ts-expect-error fileFormat is 0, 1 or 2
  await agent.beginNetPlay({ fileName: "a", ccId: 1, fileFormat: 3 });
  // @ts-expect-error misspelt field
  await agent.beginNetPlay({ filename: "a", ccId: 1 });
  // @ts-expect-error ccId is a number
  await agent.beginNetPlay({ fileName: "a", ccId: true });
  // @ts-expect-error callid is a string
  const id: number = calls[0].callid;
  // @ts-expect-error callID is required
  await cms.downloadRecordFile({ workNo: "1001" });
  // @ts-expect-error the bytes are not a string
  const text: string = file.bytes;
  // @ts-expect-error agentId is required
  new AgentClient({ baseUrl: "https://h" });
  // @ts-expect-error options are typed
  await agent.thirdPartyConfTransmitNum({ timeout: 5 });
  void [id, text];
}

export async function session(agent: AgentClient): Promise<void> {
  const signed = await agent.signIn({ password: "pw", phonenum: "70001", agenttype: 4 }, { forceIfSignedIn: true, timeoutMs: 5_000 });
  const workno: string | null = signed.workno;
  const off: () => void = agent.on("AgentEvent_Talking", (e) => {
    const feature: number | null = e.content.feature; // typed content, no narrowing needed
    const type: "AgentEvent_Talking" = e.eventType;
    void [feature, type];
  });
  agent.on("AgentMediaEvent_Record", (e) => {
    const file: string | null = e.content.fileName;
    void file;
  });
  agent.on("*", (e: AgentEvent) => {
    if (e.known && e.eventType === "AgentMediaEvent_StopRecordDone") {
      const end: number | null = e.content.endTime;
      void end;
    } else if (!e.known) {
      const raw: unknown = e.content;
      void raw;
    }
  });
  agent.onStatus((s: PollStatus) => {
    if (s.type === "signOutRisk") {
      const left: number = s.msUntilSignOut;
      void left;
    } else if (s.type === "stopped") {
      const why: "stopped" | "aborted" | "notSignedIn" | "guidRejected" = s.reason;
      void why;
    }
  });
  for await (const event of agent.events({ signal: AbortSignal.timeout(1000) })) {
    const type: string = event.eventType;
    void type;
  }
  const played = await agent.beginNetPlayAndWait({ fileName: "a", ccId: 1 }, { outcomeTimeoutMs: 5_000 });
  const playType: "AgentMediaEvent_Play_Succ" = played.eventType;
  const talking = await agent.interceptAndWait({ workNo: "1001", callId: "1-1" });
  const caller: string | null = talking.content.caller;
  await agent.foreFastPlay({ time: 5 });
  await agent.requestSwitchInsertWhisperAgent({ workNo: 1001, switchType: 2 });
  setLogger((entry: LogEntry) => void entry.operation);
  setLogger(null);
  await agent.signOut();
  off();
  void [workno, playType, caller];

  // @ts-expect-error the handler of a specific type gets that event's content
  agent.on("AgentEvent_Talking", (e) => e.content.fileName);
  // @ts-expect-error switchType is 0, 1 or 2
  await agent.requestSwitchInsertWhisperAgent({ workNo: 1001, switchType: 4 });
  // @ts-expect-error agenttype is 4 or 11
  await agent.signIn({ password: "pw", phonenum: "1", agenttype: 5 });
}

// Agent state and call data (issue 16).
export async function shiftStates(agent: AgentClient): Promise<void> {
  const status: AgentStatus = await agent.getAgentStatus();
  const code: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = status.agentState;
  const working: boolean = status.isWorking;
  await agent.sayBusy();
  await agent.sayBusy({ reason: 201, prolong: true });
  await agent.cancelBusy();
  const rested = await agent.restAndWait({ seconds: 900, cause: 2 }, { outcomeTimeoutMs: 5_000 });
  const restType: "AgentState_SetRest_Success" = rested.eventType;
  await agent.rest({ seconds: 60, prolong: false }, { timeoutMs: 5_000 });
  await agent.cancelRest();
  await agent.sayWork();
  await agent.cancelWork();
  const ack: Ack = await agent.sayFree();
  await agent.setAutoEnterIdle({ flag: false });
  const call: CallInfo | null = await agent.queryCallInfo({ isNoContainLastCall: true });
  await agent.queryCallInfo();
  await agent.setCallAppData({ calldata: "e30=", isDataEncoded: true, callid: call?.callid ?? "1-1" });
  const data: string = await agent.queryCallAppData({ callId: "1-1", isEncodeResult: false });
  void [code, working, restType, ack, data];

  // @ts-expect-error 10 is not a code of the vendor's table
  const notACode: AgentStatus["agentState"] = 10;
  // @ts-expect-error seconds is required
  await agent.rest({ cause: 1 });
  // @ts-expect-error rest takes a request
  await agent.rest();
  // @ts-expect-error flag is a boolean
  await agent.setAutoEnterIdle({ flag: "true" });
  // @ts-expect-error calldata is required
  await agent.setCallAppData({ callid: "1-1" });
  // @ts-expect-error queryCallInfo may answer null
  const sure: CallInfo = await agent.queryCallInfo();
  // @ts-expect-error misspelt field
  await agent.queryCallAppData({ callid: "1-1" });
  void [notACode, sure];
}

// Call control (issue 16).
export async function callControl(agent: AgentClient): Promise<void> {
  const talking = await agent.answerAndWait({ callId: "1-1" }, { outcomeTimeoutMs: 5_000 });
  const callId: string | null = talking.content.callid;
  await agent.answer();
  const held = await agent.holdAndWait();
  const heldId: string = held.content;
  await agent.getHold({ callId: "1-1" });
  await agent.getHoldAndWait();
  await agent.beginMute();
  await agent.endMute();
  await agent.secondDial({ number: "12#" });
  await agent.disconnect({ number: "70001" });
  await agent.connectHold({ callId: "1-1" });
  const started: CallStarted = await agent.callOut({ called: "88001", skillId: 3, callAppData: "x", mediaAbility: 1, userVideoDirection: 2 });
  const newCall: string = started.callId;
  await agent.callOutAndWait({ called: "88001" });
  await agent.callInner({ called: "1002", caller: "70001" });
  await agent.callInnerAndWait({ called: "1002" });
  await agent.callInnerSkill({ skillId: 1 });
  await agent.callInnerSkillAndWait({ skillId: 1 });
  const help = await agent.innerHelpAndWait({ dstAddress: "1002", deviceType: 2, mode: 2, holdFlag: false });
  const helpType: "AgentEvent_Talking" | "AgentEvent_Conference" = help.eventType;
  await agent.innerHelp({ dstAddress: "1002" });
  const conf = await agent.confJoinAndWait({ callId: "1-1", callAppData: "x" });
  const partner: string | null = conf.content.partner;
  await agent.confJoin({ callId: "1-1" });
  const transfer: TransferRequest = { deviceType: 5, address: "8800A", mode: 3, caller: "70001", holdFlag: true };
  await agent.transfer(transfer);
  await agent.transferAndWait({ deviceType: 2, address: "1002", mode: 2, skillId: 1 });
  await agent.cancelTransfer();
  await agent.release();
  void [callId, heldId, newCall, helpType, partner];

  // @ts-expect-error deviceType is 1..=5
  await agent.transfer({ deviceType: 6, address: "1", mode: 0 });
  // @ts-expect-error mode is required
  await agent.transfer({ deviceType: 1, address: "1" });
  // @ts-expect-error called is required
  await agent.callOut({ caller: "70001" });
  // @ts-expect-error the vendor's body spelling is not the request's
  await agent.callOut({ called: "1", callappdata: "x" });
  // @ts-expect-error connectHold needs the held call
  await agent.connectHold();
  // @ts-expect-error mediaAbility is 0, 1 or 2
  await agent.callOut({ called: "1", mediaAbility: 3 });
  // @ts-expect-error holdAndWait takes only options
  await agent.holdAndWait({ callId: "1-1" }, {});
}
