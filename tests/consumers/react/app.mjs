// A React component that renders agent.state through useSyncExternalStore with no adapter,
// against the simulator (CEC_SIM_URL, agent CEC_AGENT_ID): it must render the state after
// sign-in, re-render when a call rings and is answered, and not re-render when an event
// changes nothing. Prints one JSON line: { ok, renders, texts } or { ok: false, message }.
import { createElement, useSyncExternalStore } from "react";
import TestRenderer from "react-test-renderer";
import { AgentClient } from "cec-agent";

const sim = process.env.CEC_SIM_URL;
const agentId = process.env.CEC_AGENT_ID;
const control = (method, path, body) =>
  fetch(sim + path, { method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) });
const agent = new AgentClient({ baseUrl: sim, agentId, allowInsecureHttp: true, events: { idleDelayMs: 20 } });

let renders = 0;
function AgentPanel({ client }) {
  const state = useSyncExternalStore(client.subscribe, () => client.state);
  renders += 1;
  const call = state.calls[0];
  return createElement("p", null, `${state.signedIn ? "in" : "out"} ${state.status.state}${call ? ` ${call.state} ${call.caller}` : ""}`);
}

const root = TestRenderer.create(createElement(AgentPanel, { client: agent }));
const text = () => root.toJSON().children.join("");
async function until(expected) {
  for (let i = 0; i < 250 && text() !== expected; i++) await new Promise((r) => setTimeout(r, 20));
  if (text() !== expected) throw new Error(`rendered "${text()}", expected "${expected}"`);
  return text();
}

try {
  const texts = [text()];
  await agent.signIn({ password: "pw", phonenum: "70001" });
  texts.push(await until("in idle"));
  const push = (eventType, content) => control("POST", `/__sim/agents/${agentId}/events`, { eventType, content });
  await push("AgentEvent_Ringing", { callid: "1700000200-1", caller: "70009", called: "10086", feature: "0" });
  texts.push(await until("in idle ringing 70009"));
  const before = renders;
  await push("AgentEvent_Ringing", { callid: "1700000200-1", caller: "70009", called: "10086", feature: "0" }); // a duplicate
  await push("AgentEvent_Talking", { callid: "1700000200-1", caller: "70009", called: "10086" });
  texts.push(await until("in talking talking 70009"));
  const forTalking = renders - before;
  await agent.signOut();
  texts.push(await until("out signedOut"));
  root.unmount();
  console.log(JSON.stringify({ ok: true, renders, forTalking, texts }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, message: String(e?.stack ?? e) }));
  process.exitCode = 1;
}
