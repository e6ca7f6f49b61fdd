// The session engine through the packed package in Node: sign-in, typed events through
// `on` and `for await`, outcome helpers, sign-out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AgentClient, isAgentApiError } from "cec-agent";
import { SIM, control, rejection, reset } from "./sim.mjs";

const fast = { idleDelayMs: 20, backoffInitialMs: 50, backoffMaxMs: 200, pollTimeoutMs: 5000 };
const agentClient = (agentId) => new AgentClient({ baseUrl: SIM, agentId, allowInsecureHttp: true, events: fast });

test("sign in, receive typed events, play with its outcome, sign out", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 200 });
  const agent = agentClient("1401");
  const seen = [];
  const statuses = [];
  agent.onStatus((s) => statuses.push(s.type));
  const off = agent.on("AgentEvent_Ringing", (e) => seen.push(e.content.callid));
  const signed = await agent.signIn({ password: "pw", phonenum: 70001 });
  assert.equal(signed.workno, "1401");
  assert.ok(agent.polling && agent.signedIn);

  const stream = agent.events();
  // next() called again before the first settles: each gets its own event, in order.
  const [first, second] = await Promise.all([stream.next(), stream.next()]);
  assert.deepEqual([first.value.eventType, second.value.eventType], ["AgentOther_InService", "AgentState_Ready"]);
  await control("POST", "/__sim/agents/1401/call", { callid: "1700000000-5" });
  const types = [];
  for await (const event of stream) {
    types.push(event.eventType);
    if (event.known && event.eventType === "AgentEvent_Ringing") {
      assert.equal(event.content.callid, "1700000000-5");
      break; // `break` calls return(): the stream is released
    }
  }
  assert.deepEqual(types, ["AgentEvent_Ringing"]);
  assert.deepEqual(seen, ["1700000000-5"]);
  off();

  const succ = await agent.beginNetPlayAndWait({ fileName: "Y:/a.V3", ccId: 1 }, { outcomeTimeoutMs: 5000 });
  assert.equal(succ.eventType, "AgentMediaEvent_Play_Succ");
  await agent.stopPlay();
  const failed = await rejection(agent.beginNetPlayAndWait({ fileName: "Y:/fail.V3", ccId: 1 }), "outcome", "beginNetPlay", isAgentApiError);
  assert.equal(failed.eventType, "AgentMediaEvent_Play_Fail");

  await agent.signOut();
  assert.ok(!agent.polling && !agent.signedIn && !agent.hasGuid);
  assert.deepEqual(statuses, ["started", "stopped"]);
  // Nothing of ours keeps the process alive after the stop: no timer, no pending request.
  await new Promise((r) => setImmediate(r));
  const timers = process.getActiveResourcesInfo().filter((t) => t === "Timeout");
  assert.deepEqual(timers, [], "a timer outlived sign-out");
  await rejection(agent.beginNetPlayAndWait({ fileName: "Y:/a.V3", ccId: 1 }), "state", "beginNetPlay", isAgentApiError);
});

test("a page reload resumes the session with updateGuid", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 200 });
  const saved = (await control("POST", "/__sim/agents", { agentId: "1402" })).guid;
  const reloaded = new AgentClient({ baseUrl: SIM, agentId: "1402", guid: saved, allowInsecureHttp: true, events: fast });
  await reloaded.updateGuid();
  reloaded.startEvents();
  await control("POST", "/__sim/agents/1402/events", { eventType: "AgentState_Busy", content: {} });
  const [event] = await new Promise((resolve) => reloaded.on("AgentState_Busy", (e) => resolve([e])));
  assert.equal(event.workNo, "1402");
  const stale = new AgentClient({ baseUrl: SIM, agentId: "1402", guid: saved, allowInsecureHttp: true });
  await control("POST", "/__sim/agents/1402/rotate-guid");
  await new Promise((r) => setTimeout(r, 500));
  // The old Guid is refused once a newer one exists beyond the grace Guid.
  await reloaded.updateGuid();
  const e = await rejection(stale.queryCallInfoBeforeAnswer(), "service", "queryCallInfoBeforeAnswer", isAgentApiError);
  assert.equal(e.retcode, "100-006");
  await reloaded.signOut();
});

test("static authentication: the sign-in Guid stays valid and polling works", async () => {
  await reset();
  await control("POST", "/__sim/config", { authMode: "static", rotateGuidEvery: 1, pollHoldMs: 100 });
  const agent = agentClient("1403");
  await agent.signIn({ password: "pw", phonenum: "70003" });
  await new Promise((r) => setTimeout(r, 600));
  assert.ok(agent.pollCount >= 3, `polled ${agent.pollCount} times`);
  const state = await control("GET", "/__sim/agents/1403");
  assert.equal(state.guidRotations, 0, "static mode never rotates");
  assert.deepEqual(await agent.queryCallInfoBeforeAnswer(), []);
  await agent.signOut();
});
