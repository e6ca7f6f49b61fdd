// Demo of every operation against the bundled simulator (`bash .ci/demo` starts it and sets
// CEC_SIM_URL). In an app, import from "cec-agent" instead of "../pkg/node.js".
import { AgentClient, CmsClient, isAgentApiError, version } from "../pkg/node.js";

const SIM = process.env.CEC_SIM_URL;
if (!SIM) throw new Error("CEC_SIM_URL is not set: run `bash .ci/demo`");

// The simulator's control API stands in for the contact center: it signs agents in, rings
// calls and sets up supervision. (Sign-in through the client comes with the session engine.)
async function sim(method, path, body) {
  const res = await fetch(SIM + path, { method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) });
  return res.json();
}
const show = (label, value) => console.log(`${label.padEnd(34)} ${typeof value === "string" ? value : JSON.stringify(value)}`);
const explain = (e) => (isAgentApiError(e) ? `${e.kind} error: ${e.message}` : `unexpected: ${e}`);

console.log(`cec-agent ${version()} against ${SIM}\n`);
await sim("POST", "/__sim/reset");

// Agent 1001 signs in and a customer call rings.
const agent = new AgentClient({ baseUrl: SIM, agentId: "1001", guid: (await sim("POST", "/__sim/agents", { agentId: "1001" })).guid, allowInsecureHttp: true });
await sim("POST", "/__sim/agents/1001/call", { callid: "1700000000-1", caller: "13800000000", called: "10086" });

const [call] = await agent.queryCallInfoBeforeAnswer();
show("queryCallInfoBeforeAnswer", { callid: call.callid, caller: call.caller, called: call.called, callfeature: call.callfeature, mediaAbility: call.mediaAbility });

show("beginNetPlay", await agent.beginNetPlay({ fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1, playTime: 1, fileFormat: 0, locationId: -1 }));
try {
  await agent.beginNetPlay({ fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1 });
} catch (e) {
  show("beginNetPlay while playing", explain(e));
}

try {
  await agent.thirdPartyConfTransmitNum();
} catch (e) {
  show("thirdPartyConfTransmitNum (no IVR)", explain(e));
}
await sim("POST", "/__sim/agents/1001/conference");
show("thirdPartyConfTransmitNum", await agent.thirdPartyConfTransmitNum());

// Supervisor 1002 listens to 1001, then intercepts the call.
const supervisor = new AgentClient({ baseUrl: SIM, agentId: "1002", guid: (await sim("POST", "/__sim/agents", { agentId: "1002" })).guid, allowInsecureHttp: true });
await sim("POST", "/__sim/qc", { inspector: "1002", target: "1001", mode: "listen" });
show("intercept", await supervisor.intercept({ workNo: "1001" }));

// Bad input never reaches the network.
try {
  await agent.beginNetPlay({ fileName: "x".repeat(101), ccId: 1 });
} catch (e) {
  show("validation", explain(e));
}

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
