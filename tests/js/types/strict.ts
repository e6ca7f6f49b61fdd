// A consumer under the strictest settings (tsconfig.strict.json: strict,
// exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax, no skipLibCheck)
// on the browser entry. `tsc` must accept every plain line and reject every line marked
// `@ts-expect-error`, so what the declarations promise is exactly what holds at run time.
import { AgentClient, initAsync, isAgentApiError, retcodeMeaning } from "cec-agent";
import type {
  AgentApiErrorKind,
  AgentEventMap,
  CallInfo,
  OperationName,
  PollStatus,
  UnknownAgentEvent,
  AgentStateName,
  CallDirection,
  CallSnapshot,
} from "cec-agent";

/** React 18/19's declaration (@types/react), so the call below is checked as React checks it. */
declare function useSyncExternalStore<Snapshot>(
  subscribe: (onStoreChange: () => void) => () => void,
  getSnapshot: () => Snapshot,
  getServerSnapshot?: () => Snapshot,
): Snapshot;

export async function strictFlow(): Promise<void> {
  await initAsync();
  const agent = new AgentClient({ baseUrl: "https://10.0.0.1:8043", agentId: "1001", agentIdMax: 999999 });

  // Nothing may ring: the first call is `CallInfo | undefined`.
  const [call] = await agent.queryCallInfoBeforeAnswer();
  if (call) {
    const id: string | null = call.callid;
    void id;
  }
  // @ts-expect-error under noUncheckedIndexedAccess the first call may be missing
  const first: CallInfo = (await agent.queryCallInfoBeforeAnswer())[0];
  void first;

  // A typed handler gets only decoded events of its type.
  agent.on("AgentEvent_Ringing", (e) => {
    const known: true = e.known;
    const caller: string | null = e.content.caller;
    void [known, caller];
  });
  // @ts-expect-error a mistyped event name does not compile
  agent.on("AgentEvent_Ringin", () => {});
  // @ts-expect-error vendor events this version does not know go to onUnknownEvent or "*"
  agent.on("AgentEvent_Vendor_Custom", () => {});
  agent.onUnknownEvent((e: UnknownAgentEvent) => {
    const type: string = e.eventType;
    const known: false = e.known;
    const problem: string | undefined = e.problem;
    void [type, known, problem];
  });
  agent.on("*", (e) => {
    if (e.known) {
      const type: keyof AgentEventMap = e.eventType;
      void type;
    }
  });

  // Unions, not strings.
  agent.onStatus((s: PollStatus) => {
    if (s.type === "pollFailed") {
      const kind: AgentApiErrorKind = s.errorKind;
      // @ts-expect-error errorKind is one of the error kinds
      const bogus = s.errorKind === "bogus";
      void [kind, bogus];
    }
  });
  try {
    await agent.beginNetPlayAndWait({ fileName: "Y:/a.V3", ccId: 1 });
  } catch (e) {
    if (isAgentApiError(e)) {
      const op: OperationName = e.operation;
      const kind: AgentApiErrorKind = e.kind;
      if (e.kind === "outcome") {
        const type: keyof AgentEventMap = e.eventType;
        void type;
      }
      if (e.kind === "service") {
        const meaning: string | null = e.meaning;
        // An error's meaning and retcodeMeaning() agree.
        const same: string | null = retcodeMeaning(e.retcode);
        void [meaning, same];
      }
      // @ts-expect-error not an operation name
      const wrong: OperationName = "beginNetplay";
      void [op, kind, wrong];
    }
  }
  // @ts-expect-error retcodeMeaning() may have no meaning (null)
  const meaning: string = retcodeMeaning("100-006");
  void meaning;

  // Resuming a session after a reload.
  const token: string = agent.session();
  const resumed = new AgentClient({ baseUrl: "https://10.0.0.1:8043", agentId: "1001" });
  resumed.resume(token);
  // @ts-expect-error a token is a string
  resumed.resume(42);
  // @ts-expect-error agentIdMax is 59999 or 999999
  new AgentClient({ baseUrl: "https://h", agentId: "1001", agentIdMax: 100000 });

  // The live state: React's useSyncExternalStore signature (from @types/react) takes
  // agent.subscribe unbound and () => agent.state; the snapshot is typed.
  const snapshot = useSyncExternalStore(agent.subscribe, () => agent.state);
  const current: AgentStateName = snapshot.status.state;
  const firstCall: CallSnapshot | undefined = snapshot.calls[0];
  const held: boolean = firstCall?.state === "held";
  const direction: CallDirection | undefined = firstCall?.direction;
  const restEnds: number | null = snapshot.status.until;
  void [current, held, direction, restEnds];
  const unsubscribe: () => void = agent.subscribe((s) => {
    const calls: readonly CallSnapshot[] = s.calls;
    void calls;
  });
  unsubscribe();
  // @ts-expect-error a call's state is ringing, dialing, talking, held or conference
  const wrongState: boolean = firstCall?.state === "onHold";
  // @ts-expect-error state is read-only
  agent.state = snapshot;
  // The new events' typed payloads.
  agent.on("AgentEvent_Hold", (e) => {
    const callId: string = e.content;
    void callId;
  });
  agent.on("AgentEvent_Conference", (e) => {
    const partner: string | null = e.content.partner;
    const at: number | undefined = e.eventGenTime;
    void [partner, at];
  });
  agent.on("AgentState_SetRest_Success", (e) => {
    const reason: number | null = e.content.reason;
    void reason;
  });
  void wrongState;

  // Freeing: a second free() is harmless; lib es2022 has no Symbol.dispose, so none is claimed.
  agent.free();
  agent.free();
  // @ts-expect-error no Symbol.dispose on lib es2022
  agent[Symbol.dispose]();
}

// Agent state and call data (issue 16) under exactOptionalPropertyTypes.
export async function strictShift(agent: AgentClient): Promise<void> {
  await agent.sayBusy({ reason: 201 });
  await agent.rest({ seconds: 60 });
  const op: OperationName = "setAgentAutoEnterIdle";
  const state = (await agent.getAgentStatus()).agentState;
  if (state === 8) await agent.cancelRest();
  // @ts-expect-error an optional field is left out, not set to undefined
  await agent.sayBusy({ reason: undefined });
  // @ts-expect-error the JS method is setAutoEnterIdle; the log name is setAgentAutoEnterIdle
  const wrong: OperationName = "setAutoEnterIdle";
  void [op, wrong];
}
