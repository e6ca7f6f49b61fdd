// Agent state and call data (issue 16) through the packed package against the simulator:
// getAgentStatus, sayFree / sayBusy / cancelBusy / rest / restAndWait / cancelRest / sayWork /
// cancelWork / setAutoEnterIdle, queryCallInfo, setCallAppData, queryCallAppData.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AgentClient, isAgentApiError } from "cec-agent";
import { SIM, control, rejection, requests, reset, signIn } from "./sim.mjs";

const client = (agentId, guid) => new AgentClient({ baseUrl: SIM, agentId, guid, allowInsecureHttp: true });
const simAgent = (id) => control("GET", `/__sim/agents/${id}`);

/** A signed-in agent whose events are polled, and the event types it has received. */
async function polledAgent(id) {
  await control("POST", "/__sim/config", { pollHoldMs: 200, asyncEventDelayMs: 50 });
  const agent = client(id, await signIn(id));
  const seen = [];
  agent.on("*", (e) => seen.push(e.eventType));
  agent.startEvents();
  return { agent, seen };
}

/** Waits until `seen` holds `type` (events arrive through the poller). */
async function until(seen, type, ms = 5000) {
  const end = Date.now() + ms;
  while (!seen.includes(type)) {
    if (Date.now() > end) throw new Error(`no ${type} within ${ms} ms; saw ${seen.join(", ")}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a shift's agent states, as getAgentStatus reports them", async () => {
  await reset();
  const { agent, seen } = await polledAgent("1101");
  try {
    assert.deepEqual(await agent.getAgentStatus(), { agentState: 4, isWorking: false }, "idle after sign-in");

    const ack = await agent.sayBusy({ reason: 201 });
    assert.deepEqual(Object.keys(ack), ["message"]);
    assert.equal((await agent.getAgentStatus()).agentState, 3);
    assert.equal((await simAgent("1101")).busyReason, 201, "the reason reached the gateway");
    await until(seen, "AgentState_SetNotReady_Success");
    // Busy again: the page wants both reason and prolong.
    await agent.sayBusy({ reason: 202, prolong: false });
    assert.equal((await simAgent("1101")).busyReason, 202);
    await agent.cancelBusy();
    assert.equal((await agent.getAgentStatus()).agentState, 4);
    await agent.sayBusy(); // no reason at all
    await agent.sayFree();
    assert.equal((await agent.getAgentStatus()).agentState, 4);

    await agent.sayWork();
    assert.deepEqual(await agent.getAgentStatus(), { agentState: 5, isWorking: true });
    await agent.cancelWork();
    assert.equal((await agent.getAgentStatus()).agentState, 4);

    const rested = await agent.restAndWait({ seconds: 600, cause: 3 });
    assert.equal(rested.eventType, "AgentState_SetRest_Success");
    assert.equal((await agent.getAgentStatus()).agentState, 8);
    const rest = (await simAgent("1101")).rest;
    assert.equal(rest.cause, 3);
    assert.ok(Math.abs(rest.untilMs - (Date.now() + 600_000)) < 5000, "600 s from now");
    const wrong = await rejection(agent.sayFree(), "service", "sayFree", isAgentApiError);
    assert.equal(wrong.retcode, "100-009", "not from rest");
    await agent.cancelRest();
    assert.equal((await agent.getAgentStatus()).agentState, 4);

    // rest without a cause sends restcause 0 as the path segment.
    await agent.rest({ seconds: 1 });
    const [sent] = (await requests("/onlineagent/1101/rest/")).slice(-1);
    assert.equal(sent.path, "/agentgateway/resource/onlineagent/1101/rest/1/0");
    assert.equal(sent.method, "POST");
    await until(seen, "AgentState_SetRest_Success");
    await agent.cancelRest();

    await agent.setAutoEnterIdle({ flag: false });
    assert.equal((await simAgent("1101")).autoEnterIdle, false);
    await agent.setAutoEnterIdle({ flag: true });
    assert.equal((await simAgent("1101")).autoEnterIdle, true);

    const notBusy = await rejection(agent.cancelBusy(), "service", "cancelBusy", isAgentApiError);
    assert.equal(notBusy.retcode, "100-009");
    assert.ok(notBusy.meaning, "a documented meaning");
  } finally {
    agent.stopEvents();
  }
});

test("bad agent-state and call-data input is refused before anything is sent", async () => {
  await reset();
  const agent = client("1102", await signIn("1102"));
  const refused = async (promise, operation, field, rule) => {
    const e = await rejection(promise, "validation", operation, isAgentApiError);
    assert.deepEqual([e.field, e.rule], [field, rule], e.message);
    return e;
  };
  for (const reason of [199, 251, 1]) await refused(agent.sayBusy({ reason }), "sayBusy", "reason", "range");
  await refused(agent.sayBusy({ reason: 201, prolong: "yes" }), "sayBusy", "prolong", "type");
  await refused(agent.sayBusy({ reasons: 201 }), "sayBusy", "reasons", "unknownField");
  for (const seconds of [0, 86_400, -1]) await refused(agent.rest({ seconds }), "rest", "seconds", "range");
  await refused(agent.rest({ seconds: 60, cause: 256 }), "rest", "cause", "range");
  await refused(agent.rest({ seconds: 60, cause: -1 }), "rest", "cause", "range");
  await refused(agent.rest({ cause: 1 }), "rest", "seconds", "required");
  await refused(agent.rest(), "rest", "request", "required");
  await refused(agent.setAutoEnterIdle({ flag: "true" }), "setAgentAutoEnterIdle", "flag", "type");
  await refused(agent.queryCallInfo({ isNoContainLastCall: 1 }), "queryCallInfo", "isNoContainLastCall", "type");
  await refused(agent.queryCallAppData({ callId: "1#2" }), "queryCallAppData", "callId", "format");
  const big = await refused(agent.setCallAppData({ calldata: "é".repeat(8192) + "x" }), "setCallAppDataEx", "calldata", "maxLength");
  assert.equal(big.value, "16385 bytes", "UTF-8 bytes, as the server counts");
  await refused(agent.setCallAppData({ calldata: "not base64!", isDataEncoded: true }), "setCallAppDataEx", "calldata", "format");
  await refused(agent.setCallAppData({ calldata: "x", callid: "a/b" }), "setCallAppDataEx", "callid", "format");
  await refused(agent.restAndWait({ seconds: 0 }), "rest", "seconds", "range");
  assert.equal((await requests("/1102/")).length, 0, "nothing was sent");
  // Both sides of each limit: the edges themselves go out.
  await agent.sayBusy({ reason: 250 });
  await agent.sayBusy({ reason: 200, prolong: true });
  await agent.cancelBusy();
  await agent.rest({ seconds: 86_399, cause: 255 });
  assert.equal((await requests("/1102/")).length, 4);
});

test("call data: the current call, the last call, and its associated data", async () => {
  await reset();
  const agent = client("1103", await signIn("1103"));
  const none = await rejection(agent.queryCallInfo(), "service", "queryCallInfo", isAgentApiError);
  assert.equal(none.retcode, "400-001", "no call yet");

  await control("POST", "/__sim/agents/1103/call", { callid: "1700000001-7", caller: "13800000001", called: "10086" });
  const call = await agent.queryCallInfo();
  assert.equal(call.callid, "1700000001-7");
  assert.equal(call.caller, "13800000001");
  assert.equal(typeof call.begintime, "number");

  assert.equal(await agent.queryCallAppData(), "");
  await agent.setCallAppData({ calldata: "order=42 ✓" });
  assert.equal(await agent.queryCallAppData(), "order=42 ✓");
  assert.equal(await agent.queryCallAppData({ callId: "1700000001-7", isEncodeResult: true }), Buffer.from("order=42 ✓").toString("base64"));
  assert.equal((await agent.queryCallInfo()).calldata, "order=42 ✓");

  // 16384 raw bytes as base64 (21848 characters) are within the limit; the server agrees.
  const raw = Buffer.alloc(16_384, 7);
  await agent.setCallAppData({ callid: "1700000001-7", calldata: raw.toString("base64"), isDataEncoded: true });
  assert.equal(await agent.queryCallAppData({ isEncodeResult: true }), raw.toString("base64"));
  const over = await rejection(
    agent.setCallAppData({ calldata: Buffer.alloc(16_385).toString("base64"), isDataEncoded: true }),
    "validation",
    "setCallAppDataEx",
    isAgentApiError,
  );
  assert.equal(over.value, "16385 decoded bytes");
  const other = await rejection(agent.setCallAppData({ callid: "1-1", calldata: "x" }), "service", "setCallAppDataEx", isAgentApiError);
  assert.equal(other.retcode, "400-001", "not one of the agent's calls");

  await control("POST", "/__sim/calls/1700000001-7/hangup");
  assert.equal((await agent.queryCallInfo()).callid, "1700000001-7", "the last call");
  const gone = await rejection(agent.queryCallInfo({ isNoContainLastCall: true }), "service", "queryCallInfo", isAgentApiError);
  assert.equal(gone.retcode, "400-001");
});

test("getAgentStatus while a call rings, with a rest asked for, and signed out", async () => {
  await reset();
  const agent = client("1104", await signIn("1104"));
  await control("POST", "/__sim/agents/1104/call", { callid: "1700000002-1" });
  assert.deepEqual(await agent.getAgentStatus(), { agentState: 7, isWorking: false }, "talking while a call rings");
  await agent.rest({ seconds: 60 });
  assert.equal((await agent.getAgentStatus()).agentState, 9, "pre-rest: the rest starts when the call ends");
  const signedOut = client("1105", "no-such-guid.AgentGateway1");
  const e = await rejection(signedOut.getAgentStatus(), "service", "getAgentStatus", isAgentApiError);
  assert.equal(e.retcode, "100-006");
});
