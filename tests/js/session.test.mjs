// The session engine through the packed package in Node: sign-in, typed events through
// `on` and `for await`, outcome helpers, sign-out.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AgentClient, isAgentApiError, setLogger } from "cec-agent";
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

test("Set-GUID is read as a JSESSIONID cookie: attributes are ignored, another name is refused", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 50, rotateGuidEvery: 2, setGuidForm: "withAttributes" });
  const agent = agentClient("1404");
  await agent.signIn({ password: "pw", phonenum: "70004" });
  assert.ok(agent.signedIn && agent.hasGuid && agent.polling);
  // Each rotation retires the Guid before last: polling survives three only on the rotated Guids.
  for (let i = 0; i < 100 && (await control("GET", "/__sim/agents/1404")).guidRotations < 3; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok((await control("GET", "/__sim/agents/1404")).guidRotations >= 3);
  assert.ok(agent.polling, "the poller took every rotated Guid");
  assert.deepEqual(await agent.queryCallInfoBeforeAnswer(), []);
  await agent.signOut();

  await control("POST", "/__sim/config", { setGuidForm: "wrongName" });
  const refused = agentClient("1405");
  const statuses = [];
  refused.onStatus((s) => statuses.push(s.type));
  const e = await rejection(refused.signIn({ password: "pw", phonenum: "70005" }), "decode", "login", isAgentApiError);
  assert.match(e.message, /`Set-GUID`: refused: the header is not of the form JSESSIONID=<guid>/);
  assert.doesNotMatch(e.message, /AgentGateway/, "the Guid is a secret");
  assert.ok(!refused.signedIn && !refused.hasGuid && !refused.polling);
  assert.deepEqual(statuses, [], "no poller was started");

  // No Set-GUID at all (a browser hides it without Access-Control-Expose-Headers): not signed in either.
  await control("POST", "/__sim/config", { setGuidForm: "absent" });
  const hidden = agentClient("1406");
  const none = await rejection(hidden.signIn({ password: "pw", phonenum: "70006" }), "decode", "login", isAgentApiError);
  assert.match(none.message, /carried no Set-GUID header/);
  assert.ok(!hidden.signedIn && !hidden.hasGuid && !hidden.polling);
});

test("a refused Set-GUID rotation on a poll loses nothing: the event is delivered, the old Guid kept, a warn logged", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 50 });
  const agent = agentClient("1408");
  // Rotation starts once the sign-in's events are in (so it does not race the first polls).
  const ready = new Promise((resolve) => agent.on("AgentState_Ready", resolve));
  await agent.signIn({ password: "pw", phonenum: "70008" });
  await ready;
  const warnings = [];
  setLogger((entry) => { if (entry.level === "warn") warnings.push(entry.message); });
  try {
    await control("POST", "/__sim/config", { pollHoldMs: 50, rotateGuidEvery: 1, setGuidForm: "wrongName" });
    const ringing = new Promise((resolve) => agent.on("AgentEvent_Ringing", resolve));
    await control("POST", "/__sim/agents/1408/call", {});
    const event = await ringing;
    assert.equal(event.eventType, "AgentEvent_Ringing");
    assert.ok(agent.signedIn && agent.hasGuid);
    assert.ok(warnings.some((m) => /`Set-GUID`: refused/.test(m)), JSON.stringify(warnings));
    assert.ok(warnings.every((m) => !/AgentGateway/.test(m)), "the Guid is a secret");
  } finally {
    setLogger(null);
    await control("POST", "/__sim/config", { setGuidForm: "plain" });
    await agent.signOut().catch(() => {});
  }
});

test("after failed polls the poller waits the jittered retryInMs it reports, 100 ms to backoffMaxMs", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 50 });
  const agent = agentClient("1407");
  const failed = [];
  let recovered;
  const back = new Promise((resolve) => (recovered = resolve));
  agent.onStatus((s) => {
    if (s.type === "pollFailed") failed.push({ at: performance.now(), retry: s.retryInMs });
    if (s.type === "recovered") recovered();
  });
  await agent.signIn({ password: "pw", phonenum: "70007" });
  await control("POST", "/__sim/outage", { ms: 2500, keepSessions: true });
  await back;
  await agent.signOut();
  assert.ok(failed.length >= 8, `${failed.length} failures`);
  for (const { retry } of failed) {
    assert.ok(Number.isInteger(retry) && retry >= 100 && retry <= fast.backoffMaxMs, `retryInMs ${retry}`);
  }
  assert.ok(new Set(failed.map((f) => f.retry)).size >= 3, `retries vary: ${failed.map((f) => f.retry)}`);
  // The next failure comes no sooner than the reported wait, and not much later (a fast-failing poll).
  for (let i = 0; i + 1 < failed.length; i++) {
    const gap = failed[i + 1].at - failed[i].at;
    assert.ok(gap >= failed[i].retry - 2 && gap <= failed[i].retry + 400, `waited ${gap} ms for retryInMs ${failed[i].retry}`);
  }
});
