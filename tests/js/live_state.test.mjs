// agent.state and agent.subscribe against the simulator: the snapshot follows the polled
// events, is frozen and keeps its identity until something changes, subscribe works unbound,
// and sign-out resets it. Typed payloads of the new events through on().
import { test } from "node:test";
import assert from "node:assert/strict";
import { AgentClient, isAgentApiError } from "cec-agent";
import { SIM, control, reset } from "./sim.mjs";

const fast = { idleDelayMs: 20, backoffInitialMs: 50, backoffMaxMs: 200, pollTimeoutMs: 5000 };
const agentClient = (agentId) => new AgentClient({ baseUrl: SIM, agentId, allowInsecureHttp: true, events: fast });
const push = (agentId, eventType, content) => control("POST", `/__sim/agents/${agentId}/events`, { eventType, content });

/** Resolves with the first state `pred` accepts (now or after a change); rejects after `ms`. */
function stateWhere(agent, pred, ms = 5000) {
  if (pred(agent.state)) return Promise.resolve(agent.state);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`state never matched; last: ${JSON.stringify(agent.state)}`)); }, ms);
    const off = agent.subscribe((s) => {
      if (pred(s)) { clearTimeout(timer); off(); resolve(s); }
    });
  });
}

/** Every nested object of `v` is frozen. */
function deepFrozen(v) {
  return typeof v !== "object" || v === null || (Object.isFrozen(v) && Object.values(v).every(deepFrozen));
}

test("agent.state follows a call's events, frozen and the same object until a change", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 200 });
  const agent = agentClient("1501");
  const before = agent.state;
  assert.equal(before.signedIn, false);
  assert.equal(before.status.state, "signedOut");
  assert.equal(before.status.code, 2);
  assert.deepEqual(before.calls, []);
  assert.ok(deepFrozen(before));
  assert.throws(() => { "use strict"; before.calls.push(1); }, TypeError);
  assert.equal(agent.state, before, "no change, same object");

  await agent.signIn({ password: "pw", phonenum: "70001" });
  assert.notEqual(agent.state, before);
  assert.equal(agent.state.signedIn, true);
  // The simulator sends AgentOther_InService and AgentState_Ready after a sign-in.
  const idle = await stateWhere(agent, (s) => s.status.state === "idle");
  assert.equal(idle.status.code, 4);

  const snapshots = [];
  const { subscribe } = agent; // unbound, as useSyncExternalStore calls it
  assert.equal(agent.subscribe, subscribe, "one function per client");
  const off = subscribe((s) => snapshots.push(s));
  assert.equal(typeof off, "function");

  await push("1501", "AgentEvent_Ringing", { caller: "70009", called: "10086", callid: "1700000001-1", feature: "0", type: "main", mediaAbility: "1" });
  const ringing = await stateWhere(agent, (s) => s.calls.length === 1);
  assert.deepEqual(
    { ...ringing.calls[0], since: 0 },
    { callId: "1700000001-1", direction: "inbound", caller: "70009", called: "10086", state: "ringing", muted: false, since: 0, partners: [] },
  );
  assert.ok(Math.abs(ringing.calls[0].since - Date.now()) < 5000);
  assert.equal(snapshots.at(-1), agent.state, "listeners get the new state itself");

  // A duplicate Ringing changes nothing: no new object, no notification.
  const count = snapshots.length;
  await push("1501", "AgentEvent_Ringing", { caller: "70009", called: "10086", callid: "1700000001-1" });
  await push("1501", "AgentEvent_Talking", { caller: "70009", called: "10086", callid: "1700000001-1" });
  const talking = await stateWhere(agent, (s) => s.calls[0]?.state === "talking");
  assert.equal(snapshots.length, count + 1, "only the Talking made a new snapshot");
  assert.equal(talking.revision, ringing.revision + 1);
  assert.equal(talking.status.state, "talking");

  await push("1501", "AgentEvent_Hold", "1700000001-1");
  await stateWhere(agent, (s) => s.calls[0]?.state === "held");
  off();
  const afterOff = snapshots.length;
  await push("1501", "AgentEvent_Call_Release", "1700000001-1");
  await push("1501", "AgentState_Work", {});
  const wrapUp = await stateWhere(agent, (s) => s.status.state === "wrapUp");
  assert.deepEqual(wrapUp.calls, []);
  assert.equal(snapshots.length, afterOff, "unsubscribed");
  off(); // harmless twice

  await agent.signOut();
  assert.equal(agent.state.signedIn, false);
  assert.equal(agent.state.status.state, "signedOut");
  agent.free();
  assert.throws(() => agent.state, (e) => isAgentApiError(e) && e.kind === "state");
});

test("on() hands the new events their typed payloads; subscribe refuses a non-function", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 200 });
  const agent = agentClient("1502");
  assert.throws(() => agent.subscribe("nope"), (e) => isAgentApiError(e) && e.kind === "validation" && e.field === "listener");
  const got = {};
  const wanted = {
    AgentEvent_Hold: "1700000002-1",
    AgentEvent_Conference: { callid: "1700000002-1", partner: "70001,1002" },
    AgentEvent_Customer_Alerting: { callid: "1700000002-1", otherPhoneWorkno: "", otherPhone: "70092", type: "main" },
    AgentState_SetNotReady_Success: { reason: "200" },
  };
  for (const type of Object.keys(wanted)) agent.on(type, (e) => { got[type] = e.content; });
  const throwing = agent.subscribe(() => { throw new Error("listener bug"); });
  const failures = [];
  agent.onStatus((s) => { if (s.type === "listenerFailed") failures.push(s); });
  await agent.signIn({ password: "pw", phonenum: "70002" });
  for (const [type, content] of Object.entries(wanted)) await push("1502", type, content);
  await stateWhere(agent, (s) => s.status.state === "busy");
  assert.equal(got.AgentEvent_Hold, "1700000002-1");
  assert.deepEqual(got.AgentEvent_Conference, { callid: "1700000002-1", partner: "70001,1002" });
  assert.equal(got.AgentEvent_Customer_Alerting.otherPhone, "70092");
  assert.deepEqual(got.AgentState_SetNotReady_Success, { reason: 200 });
  assert.equal(agent.state.status.reason, 200);
  assert.deepEqual(agent.state.calls.map((c) => [c.state, c.partners]), [["conference", ["70001", "1002"]]]);
  assert.ok(failures.length > 0 && failures.every((f) => f.eventType === "state" && f.message === "listener bug"));
  throwing();
  await agent.signOut();
});

test("the state is rebuilt from the gateway after sign-in, a poller recovery and a resume", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 200 });
  const agent = agentClient("1503");
  const recovered = new Promise((resolve) => agent.onStatus((s) => s.type === "recovered" && resolve(s)));
  await agent.signIn({ password: "pw", phonenum: "70003" });
  await stateWhere(agent, (s) => s.status.state === "idle");
  // Events the gateway never acted on: the client now believes in a busy agent with a call.
  await push("1503", "AgentState_SetNotReady_Success", { reason: 201 });
  await push("1503", "AgentEvent_Ringing", { callid: "1700000003-1", caller: "70009", called: "10086" });
  const wrong = await stateWhere(agent, (s) => s.status.state === "busy" && s.calls.length === 1);
  assert.equal(wrong.status.reason, 201);
  // The network goes for a while; when polling recovers, getAgentStatus (idle) and
  // queryCallInfo (no call) replace what the events said.
  await control("POST", "/__sim/outage", { ms: 400, keepSessions: true });
  await recovered;
  const rebuilt = await stateWhere(agent, (s) => s.status.state === "idle" && s.calls.length === 0);
  assert.equal(rebuilt.status.code, 4);
  assert.equal(rebuilt.status.reason, null);
  assert.ok(rebuilt.signedIn);
  const log = await control("GET", "/__sim/requests?pathContains=/1503/");
  const paths = JSON.stringify(log);
  assert.ok(paths.includes("/onlineagent/1503/agentstatus") && paths.includes("/calldata/1503/callinfo"), "resynced through getAgentStatus and queryCallInfo");

  // A page reload: a new client resumes the session and starts from the gateway's state.
  const token = agent.session();
  agent.stopEvents();
  await push("1503", "AgentState_SetNotReady_Success", { reason: 202 }); // queued for the next poll
  const reloaded = agentClient("1503");
  reloaded.resume(token);
  assert.equal(reloaded.state.signedIn, true);
  const resumed = await stateWhere(reloaded, (s) => s.status.state !== "unknown");
  assert.ok(["idle", "busy"].includes(resumed.status.state), JSON.stringify(resumed.status));
  await stateWhere(reloaded, (s) => s.status.state === "busy" && s.status.reason === 202);
  await reloaded.signOut();
  assert.equal(reloaded.state.status.state, "signedOut");
  agent.free();
});
