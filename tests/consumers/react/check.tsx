// Strict TypeScript (tsconfig.json here: strict, exactOptionalPropertyTypes,
// noUncheckedIndexedAccess, no skipLibCheck, @types/react): useSyncExternalStore takes
// agent.subscribe and () => agent.state as they are, and the snapshot is typed.
import { useSyncExternalStore } from "react";
import { AgentClient } from "cec-agent";
import type { AgentSnapshot, CallSnapshot } from "cec-agent";

export function AgentPanel({ agent }: { agent: AgentClient }) {
  const state: AgentSnapshot = useSyncExternalStore(agent.subscribe, () => agent.state);
  const call: CallSnapshot | undefined = state.calls[0];
  const until: number | null = state.status.until;
  // @ts-expect-error a state is one of the names of AgentStateName
  const bogus: typeof state.status.state = "napping";
  return (
    <p>
      {state.status.state} {state.status.reason ?? ""} {until ?? ""} {call ? `${call.callId} ${call.state} ${call.direction}` : "no call"} {String(bogus)}
    </p>
  );
}
