// Demo of the package against the bundled simulator (`bash .ci/demo` starts it and sets
// CEC_SIM_URL): an agent's day and a supervisor, then a backend recording download.
// In an app, import from "cec-agent" and "cec-agent/cms" instead of "../pkg/node.js" and "../pkg/cms.js".
import { AgentClient, isAgentApiError, version } from "../pkg/node.js";
import { CmsClient } from "../pkg/cms.js";

const SIM = process.env.CEC_SIM_URL;
if (!SIM) throw new Error("CEC_SIM_URL is not set: run `bash .ci/demo`");

// The simulator's control API stands in for the contact center's other side: it rings calls
// and sets up a three-party call with an IVR.
async function sim(method, path, body) {
  const res = await fetch(SIM + path, { method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) });
  return res.json();
}
const show = (label, value) => console.log(`${label.padEnd(36)} ${typeof value === "string" ? value : JSON.stringify(value)}`);
const explain = (e) => (isAgentApiError(e) ? `${e.kind} error: ${e.message}` : `unexpected: ${e}`);
const until = (client, type) => new Promise((resolve) => { const off = client.on(type, (e) => { off(); resolve(e); }); });

console.log(`cec-agent ${version()} against ${SIM}\n`);
await sim("POST", "/__sim/reset");
await sim("POST", "/__sim/config", { pollHoldMs: 1000 }); // the real gateway holds a poll ~10 s

// Agent 1001 signs in; the client stores the Guid and starts polling events.
const agent = new AgentClient({ baseUrl: SIM, agentId: "1001", allowInsecureHttp: true });
agent.on("*", (e) => show(`  event for 1001`, `${e.eventType}${e.known ? "" : " (unknown type)"}`));
show("signIn", await agent.signIn({ password: "Agent#2026", phonenum: "70001" }));

// A customer call rings.
const ringing = until(agent, "AgentEvent_Ringing");
await sim("POST", "/__sim/agents/1001/call", { callid: "1700000000-1", caller: "13800000000", called: "10086" });
await ringing;
const [call] = await agent.queryCallInfoBeforeAnswer();
show("queryCallInfoBeforeAnswer", { callid: call.callid, caller: call.caller, called: call.called, callfeature: call.callfeature });

// Net play, waiting for its outcome event.
const played = await agent.beginNetPlayAndWait({ fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1, locationId: -1 });
show("beginNetPlayAndWait", played.eventType);
try {
  await agent.beginNetPlay({ fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1 });
} catch (e) {
  show("beginNetPlay while playing", explain(e));
}
await agent.stopPlay();

// Three-party call with an IVR: pass numbers.
try {
  await agent.thirdPartyConfTransmitNum();
} catch (e) {
  show("thirdPartyConfTransmitNum (no IVR)", explain(e));
}
await sim("POST", "/__sim/agents/1001/conference");
show("thirdPartyConfTransmitNum", await agent.thirdPartyConfTransmitNum());

// Supervisor 1002 signs in, listens to 1001, then intercepts the call.
const supervisor = new AgentClient({ baseUrl: SIM, agentId: "1002", allowInsecureHttp: true });
await supervisor.signIn({ password: "Supervisor#2026", phonenum: "70002" });
show("addSupervise", await supervisor.addSupervise({ workNo: "1001" }));
const talking = await supervisor.interceptAndWait({ workNo: "1001" });
show("interceptAndWait", { eventType: talking.eventType, caller: talking.content.caller });

// Bad input never reaches the network.
try {
  await agent.beginNetPlay({ fileName: "x".repeat(101), ccId: 1 });
} catch (e) {
  show("validation", explain(e));
}

for (const client of [agent, supervisor]) await client.signOut();
show("signOut", { polling: agent.polling, signedIn: agent.signedIn });

// Backend: download recordings from CC-CMS with C2 AK/SK signing.
const cms = new CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });
for (const callID of ["1700000000-1", "1700000000-2", "1748587841-77268"]) {
  try {
    const file = await cms.downloadRecordFile({ callID });
    show(`downloadRecordFile ${callID}`, { kind: file.kind, fileName: file.fileName, contentType: file.contentType, size: file.size });
  } catch (e) {
    show(`downloadRecordFile ${callID}`, explain(e));
  }
}
console.log("\ndemo finished");
