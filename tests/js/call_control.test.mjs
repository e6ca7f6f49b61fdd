// Call control (issue 16) through the packed package against the simulator: answer, hold,
// getHold, mute, secondDial, release, disconnect, transfer, cancelTransfer, callOut,
// callInner, callInnerSkill, innerHelp, confJoin, connectHold, and their ...AndWait forms;
// every request validated before the network.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AgentClient, isAgentApiError } from "cec-agent";
import { SIM, control, rejection, requests, reset, signIn } from "./sim.mjs";

const client = (agentId, guid) => new AgentClient({ baseUrl: SIM, agentId, guid, allowInsecureHttp: true });
const simAgent = (id) => control("GET", `/__sim/agents/${id}`);
const ring = (id, body = {}) => control("POST", `/__sim/agents/${id}/call`, body);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Signed-in agents whose events are polled; each has `seen`, the events it received. */
async function polledAgents(...ids) {
  await control("POST", "/__sim/config", { pollHoldMs: 200, asyncEventDelayMs: 50 });
  const agents = [];
  for (const id of ids) {
    const agent = client(id, await signIn(id));
    agent.seen = [];
    agent.on("*", (e) => agent.seen.push(e));
    agent.startEvents();
    agents.push(agent);
  }
  return agents;
}

/** Waits until `agent` has received an event of `type` (for `callid`, when given); returns it. */
async function until(agent, type, callid, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const e = agent.seen.find((e) => e.eventType === type && (callid === undefined || callId(e) === callid));
    if (e) return e;
    if (Date.now() > end) throw new Error(`no ${type} within ${ms} ms; saw ${agent.seen.map((e) => e.eventType).join(", ")}`);
    await sleep(20);
  }
}

/** The call ID an event names (a bare string content, or `callid` / `callId`). */
const callId = (e) => (typeof e.content === "string" ? e.content : e.content?.callid ?? e.content?.callId);

/** The simulator's view of agent `id`'s call `callid`. */
async function simCall(id, callid) {
  return (await simAgent(id)).calls.find((c) => c.callid === callid);
}

const stopAll = (...agents) => agents.forEach((a) => a.stopEvents());

/** The URLs the package fetched (the simulator's request log keeps no query). */
const urls = [];
const realFetch = globalThis.fetch;
/** Answers whose URL contains a key reach the package that many ms late. */
const lateAnswers = new Map();
globalThis.fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  urls.push(url);
  const response = await realFetch(input, init);
  for (const [needle, ms] of lateAnswers) if (url.includes(needle)) await sleep(ms);
  return response;
};
const lastUrl = (needle) => urls.filter((u) => u.includes(needle)).at(-1);

test("a customer call: answerAndWait, holdAndWait, getHoldAndWait, mute, DTMF, release", async () => {
  await reset();
  const [a] = await polledAgents("1301");
  try {
    const { callid } = await ring("1301");
    const talking = await a.answerAndWait({ callId: callid });
    assert.equal(talking.eventType, "AgentEvent_Talking");
    assert.equal(talking.content.callid, callid);
    assert.equal((await simCall("1301", callid)).state, "talking");
    const [answered] = (await requests("/voicecall/1301/answer")).slice(-1);
    assert.equal(answered.method, "PUT");
    assert.equal(answered.path, "/agentgateway/resource/voicecall/1301/answer");
    assert.ok(lastUrl("/voicecall/1301/answer").endsWith(`/answer?callid=${callid}`));

    const held = await a.holdAndWait();
    assert.deepEqual([held.eventType, held.content], ["AgentEvent_Hold", callid]);
    assert.equal((await simCall("1301", callid)).state, "held");
    const back = await a.getHoldAndWait({ callId: callid });
    assert.equal(back.content.callid, callid);
    assert.equal((await simCall("1301", callid)).state, "talking");

    assert.deepEqual(Object.keys(await a.beginMute()), ["message"]);
    assert.equal((await simCall("1301", callid)).muted, true);
    await a.endMute();
    assert.equal((await simCall("1301", callid)).muted, false);

    // `#` and `*` travel percent-encoded: a raw `#` would cut the query off.
    await a.secondDial({ number: "12#*0" });
    assert.equal((await simCall("1301", callid)).dtmf, "12#*0");
    assert.ok(lastUrl("/seconddialex").endsWith("/voicecall/1301/seconddialex?number=12%23%2A0"));

    await a.release();
    await until(a, "AgentEvent_Call_Release", callid);
    assert.deepEqual((await simAgent("1301")).calls, []);

    // Wrong state: the documented codes.
    assert.equal((await rejection(a.answer(), "service", "answer", isAgentApiError)).retcode, "200-002");
    assert.equal((await rejection(a.release(), "service", "release", isAgentApiError)).retcode, "200-017");
    const e = await rejection(a.hold(), "service", "hold", isAgentApiError);
    assert.equal(e.retcode, "100-007");
    assert.ok(e.meaning, "documented meaning");
  } finally {
    stopAll(a);
  }
});

test("answer without a call ID, and answerAndWait armed before the request", async () => {
  await reset();
  const [a] = await polledAgents("1302");
  try {
    const { callid } = await ring("1302");
    await until(a, "AgentEvent_Ringing", callid);
    const talking = await a.answerAndWait();
    assert.equal(talking.content.callid, callid);
    assert.ok(lastUrl("/voicecall/1302/answer").endsWith("/voicecall/1302/answer"));
  } finally {
    stopAll(a);
  }
});

test("callOutAndWait: answered, busy (Call_Out_Fail), no answer (Connect_Fail); callOut returns the call ID", async () => {
  await reset();
  const [a] = await polledAgents("1311");
  try {
    const talking = await a.callOutAndWait({ called: "88001", callAppData: "order 7", skillId: 1 });
    assert.equal(talking.eventType, "AgentEvent_Talking");
    const out = (await simAgent("1311")).calls[0];
    assert.equal(out.callid, talking.content.callid, "the Talking of the new call");
    assert.equal(out.appData, "order 7");
    const [sent] = (await requests("/voicecall/1311/callout")).slice(-1);
    assert.equal(sent.method, "PUT");
    assert.deepEqual(JSON.parse(sent.body), { called: "88001", skillid: 1, callappdata: "order 7" });
    await a.release();
    await until(a, "AgentEvent_Call_Release", out.callid);

    await control("POST", "/__sim/numbers/88002", { outcome: "busy" });
    const busy = await rejection(a.callOutAndWait({ called: "88002" }), "outcome", "callout", isAgentApiError);
    assert.equal(busy.eventType, "AgentEvent_Call_Out_Fail");

    await control("POST", "/__sim/numbers/88003", { outcome: "noAnswer" });
    const started = await a.callOut({ called: "88003" });
    assert.deepEqual(Object.keys(started).sort(), ["callId", "message"]);
    assert.match(started.callId, /^\d+-\d+$/);
    const fail = await until(a, "AgentEvent_Connect_Fail", started.callId);
    assert.equal(callId(fail), started.callId);
    const noAnswer = await rejection(a.callOutAndWait({ called: "88003" }), "outcome", "callout", isAgentApiError);
    assert.equal(noAnswer.eventType, "AgentEvent_Connect_Fail");
  } finally {
    stopAll(a);
  }
});

test("callOutAndWait settles only on its own call's events", async () => {
  await reset();
  const [a] = await polledAgents("1312");
  try {
    // A held customer call whose Talking comes back while the outbound call rings.
    const { callid: customer } = await ring("1312");
    await a.answerAndWait({ callId: customer });
    await a.holdAndWait();
    await control("POST", "/__sim/config", { asyncEventDelayMs: 400 });
    const pending = a.callOutAndWait({ called: "88010" }, { outcomeTimeoutMs: 5000 });
    // An event of the waited-for type, for another call, before the outbound call connects.
    await control("POST", "/__sim/agents/1312/events", {
      eventType: "AgentEvent_Talking",
      content: { callid: customer, caller: "70001", called: "10086" },
    });
    const talking = await pending;
    assert.notEqual(talking.content.callid, customer);
    assert.equal(talking.content.called, "88010");
  } finally {
    stopAll(a);
  }
});

test("callOutAndWait keeps its call's events that arrive before the answer", async () => {
  await reset();
  const [a] = await polledAgents("1313");
  lateAnswers.set("/voicecall/1313/callout", 800);
  try {
    const talking = await a.callOutAndWait({ called: "88020" });
    const out = (await simAgent("1313")).calls[0];
    assert.equal(talking.content.callid, out.callid);
    const early = a.seen.findIndex((e) => e.eventType === "AgentEvent_Talking");
    assert.ok(early >= 0, "Talking came through the poller");
    assert.ok(urls.filter((u) => u.includes("/agentevent/1313")).length > 1);
  } finally {
    lateAnswers.clear();
    stopAll(a);
  }
});

test("transfer to another agent: success mode waits for SuccTransResult; release mode for Call_Release", async () => {
  await reset();
  const [a, b] = await polledAgents("1321", "1322");
  b.on("AgentEvent_Ringing", (e) => b.answer({ callId: e.content.callid }).catch(() => {}));
  try {
    const { callid } = await ring("1321");
    await a.answerAndWait({ callId: callid });
    const done = await a.transferAndWait({ deviceType: 2, address: "1322", mode: 2, callAppData: "vip" });
    assert.equal(done.eventType, "AgentEvent_SuccTransResult");
    assert.equal(done.content.callId, callid);
    await until(b, "AgentEvent_Talking", callid);
    assert.equal((await simCall("1322", callid)).state, "talking");
    const [sent] = (await requests("/voicecall/1321/transfer")).slice(-1);
    assert.deepEqual(JSON.parse(sent.body), { devicetype: 2, address: "1322", mode: 2, callappdata: "vip" });
    await b.release();
    await until(b, "AgentEvent_Call_Release", callid);

    const { callid: second } = await ring("1321");
    await a.answerAndWait({ callId: second });
    const released = await a.transferAndWait({ deviceType: 2, address: "1322", mode: 0 });
    assert.deepEqual([released.eventType, released.content], ["AgentEvent_Call_Release", second]);
    await until(b, "AgentEvent_Talking", second);

    // To an agent who is not there: Connect_Fail.
    const { callid: third } = await ring("1321");
    await a.answerAndWait({ callId: third });
    const failed = await rejection(
      a.transferAndWait({ deviceType: 2, address: "1399", mode: 2 }),
      "outcome",
      "transfer",
      isAgentApiError,
    );
    assert.equal(failed.eventType, "AgentEvent_Connect_Fail");
  } finally {
    stopAll(a, b);
  }
});

test("talk transfer to an external number, then cancelTransfer", async () => {
  await reset();
  const [a] = await polledAgents("1325");
  try {
    const { callid } = await ring("1325");
    await a.answerAndWait({ callId: callid });
    // (The simulator sends the transferring agent no Talking when the number answers, so
    // this uses the plain call and waits for the number's alerting.)
    await a.transfer({ deviceType: 5, address: "8800A*#", mode: 3, caller: "70001" });
    await until(a, "AgentEvent_Customer_Alerting", callid);
    await sleep(200);
    const [sent] = (await requests("/voicecall/1325/transfer")).slice(-1);
    assert.deepEqual(JSON.parse(sent.body), { devicetype: 5, address: "8800A*#", mode: 3, caller: "70001" });
    const parties = (await simCall("1325", callid)).parties.length;
    await a.cancelTransfer();
    assert.ok((await simCall("1325", callid)).parties.length < parties, "the external party left");
    assert.equal(
      (await rejection(a.cancelTransfer(), "service", "cancelTransfer", isAgentApiError)).retcode,
      "100-007",
    );
  } finally {
    stopAll(a);
  }
});

test("consult (innerHelpAndWait), confJoinAndWait, disconnect, connectHold", async () => {
  await reset();
  const [a, b] = await polledAgents("1331", "1332");
  b.on("AgentEvent_Ringing", (e) => b.answer({ callId: e.content.callid }).catch(() => {}));
  try {
    const { callid: customer } = await ring("1331");
    await a.answerAndWait({ callId: customer });
    const consult = await a.innerHelpAndWait({ dstAddress: "1332", callAppData: "question" });
    assert.equal(consult.eventType, "AgentEvent_Talking");
    assert.notEqual(consult.content.callid, customer, "the consultation is a call of its own");
    await until(a, "AgentEvent_Hold", customer);
    assert.equal((await simCall("1331", customer)).state, "held");

    const conference = await a.confJoinAndWait({ callId: customer });
    assert.equal(conference.eventType, "AgentEvent_Conference");
    assert.equal(conference.content.callid, customer);
    await until(b, "AgentEvent_Conference", customer);
    const [joined] = (await requests("/voicecall/1331/confjoin")).slice(-1);
    assert.deepEqual(JSON.parse(joined.body), { callid: customer });

    // B leaves the three-party call; A and the customer talk on.
    await a.disconnect({ number: "1332" });
    await until(b, "AgentEvent_Call_Release", customer);
    assert.equal((await simCall("1331", customer)).state, "talking");
    assert.equal(
      (await rejection(a.disconnect({ number: "99999" }), "service", "disconnect", isAgentApiError)).retcode,
      "200-023",
    );

    // Consult again, then hand the customer over: A leaves both calls.
    const again = await a.innerHelpAndWait({ dstAddress: "1332" });
    await a.connectHold({ callId: customer });
    await until(a, "AgentEvent_Call_Release", customer);
    await until(b, "AgentEvent_Talking", customer);
    assert.deepEqual((await simAgent("1331")).calls, []);
    assert.ok(again.content.callid);
    assert.equal(
      (await rejection(a.connectHold({ callId: customer }), "service", "connectHold", isAgentApiError)).retcode,
      "200-013",
    );
  } finally {
    stopAll(a, b);
  }
});

test("three-party help, internal calls, and their failure events", async () => {
  await reset();
  const [a, b] = await polledAgents("1341", "1342");
  b.on("AgentEvent_Ringing", (e) => b.answer({ callId: e.content.callid }).catch(() => {}));
  try {
    const { callid: customer } = await ring("1341");
    await a.answerAndWait({ callId: customer });
    const conf = await a.innerHelpAndWait({ dstAddress: "1342", mode: 2 });
    assert.equal(conf.eventType, "AgentEvent_Conference");
    assert.equal(conf.content.callid, customer);
    await a.release();
    await until(a, "AgentEvent_Call_Release", customer);
    await b.release().catch(() => {});
    await sleep(100);

    const inner = await a.callInnerAndWait({ called: "1342" });
    assert.equal(inner.eventType, "AgentEvent_Talking");
    const [sent] = (await requests("/voicecall/1341/callinner")).slice(-1);
    assert.deepEqual(JSON.parse(sent.body), { called: "1342" });
    await a.release();
    await until(b, "AgentEvent_Call_Release", inner.content.callid);
    await sleep(100);

    const bySkill = await a.callInnerSkillAndWait({ skillId: 1 });
    assert.equal(bySkill.eventType, "AgentEvent_Talking");
    const [skillSent] = (await requests("/voicecall/1341/callinnerskill")).slice(-1);
    assert.deepEqual(JSON.parse(skillSent.body), { skillId: 1 });
    await a.release();
    await until(b, "AgentEvent_Call_Release", bySkill.content.callid);

    const nobody = await rejection(a.callInnerAndWait({ called: "1349" }), "outcome", "callInner", isAgentApiError);
    assert.equal(nobody.eventType, "AgentEvent_Inside_Call_Fail");
    const { callid: next } = await ring("1341");
    await a.answerAndWait({ callId: next });
    const noHelp = await rejection(a.innerHelpAndWait({ dstAddress: "1349" }), "outcome", "innerHelp", isAgentApiError);
    assert.equal(noHelp.eventType, "AgentEvent_Consult_Fail");
  } finally {
    stopAll(a, b);
  }
});

test("every request is validated before anything is sent", async () => {
  await reset();
  const [a] = await polledAgents("1351");
  try {
    const before = (await requests("/voicecall/")).length;
    const cases = [
      [() => a.answer({ callId: "" }), "answer", "callId", "format"],
      [() => a.answer({ callid: "1-2" }), "answer", "callid", "unknownField"],
      [() => a.getHold({ callId: "a/b" }), "getHold", "callId", "format"],
      [() => a.connectHold({}), "connectHold", "callId", "required"],
      [() => a.connectHold({ callId: "../x" }), "connectHold", "callId", "format"],
      [() => a.disconnect({ number: "" }), "disconnect", "number", "format"],
      [() => a.disconnect({ number: "9".repeat(25) }), "disconnect", "number", "format"],
      [() => a.secondDial({ number: "12a" }), "secondDialEx", "number", "format"],
      [() => a.secondDial({ number: "#".repeat(25) }), "secondDialEx", "number", "format"],
      [() => a.transfer({ deviceType: 3, address: "1", mode: 2 }), "transfer", "mode", "oneOf"],
      [() => a.transfer({ deviceType: 6, address: "1", mode: 0 }), "transfer", "deviceType", "oneOf"],
      [() => a.transfer({ deviceType: 1, address: "1A", mode: 0 }), "transfer", "address", "format"],
      [() => a.transfer({ deviceType: 5, address: "F", mode: 2 }), "transfer", "address", "format"],
      [() => a.transfer({ deviceType: 1, address: "1", mode: 0, skillId: 2 }), "transfer", "skillId", "notApplicable"],
      [() => a.transfer({ deviceType: 5, address: "1", mode: 1, caller: "7" }), "transfer", "caller", "notApplicable"],
      [() => a.callOut({ called: "" }), "callout", "called", "format"],
      [() => a.callOut({ called: "1", mediaAbility: 3 }), "callout", "mediaAbility", "oneOf"],
      [() => a.callOut({ called: "1", userVideoDirection: 2 }), "callout", "userVideoDirection", "notApplicable"],
      [() => a.callOut({ called: "1", mediaAbility: 1, userVideoDirection: 5 }), "callout", "userVideoDirection", "range"],
      [() => a.callOut({ called: "1", callAppData: "x".repeat(16 * 1024 + 1) }), "callout", "callAppData", "maxLength"],
      [() => a.callOut({ called: "1", caller: "7a" }), "callout", "caller", "format"],
      [() => a.callOut({ called: "1", skillId: -1 }), "callout", "skillId", "range"],
      [() => a.callInner({ called: "1", mediaAbility: 1, userVideoDirection: 1 }), "callInner", "userVideoDirection", "notApplicable"],
      [() => a.callInnerSkill({ skillId: 2 ** 31 }), "callInnerSkill", "skillId", "range"],
      [() => a.innerHelp({ dstAddress: "100" }), "innerHelp", "dstAddress", "range"],
      [() => a.innerHelp({ dstAddress: "1002", mode: 3 }), "innerHelp", "mode", "oneOf"],
      [() => a.confJoin({ callId: "1 2" }), "confJoin", "callId", "format"],
      [() => a.callOutAndWait({ called: "*".repeat(25) }), "callout", "called", "format"],
      [() => a.transferAndWait({ deviceType: 2, address: "1002", mode: 4 }), "transfer", "mode", "oneOf"],
      [() => a.answerAndWait({ callId: "" }), "answer", "callId", "format"],
    ];
    for (const [call, operation, field, rule] of cases) {
      const e = await rejection(call(), "validation", operation, isAgentApiError);
      assert.deepEqual([e.field, e.rule], [field, rule], `${operation} ${field}: ${e.message}`);
    }
    const mode = await rejection(a.transfer({ deviceType: 1, address: "1", mode: 3 }), "validation", "transfer", isAgentApiError);
    assert.match(mode.message, /mode must be one of 0, 2 for deviceType 1 \(skill queue\): got 3/);
    assert.equal((await requests("/voicecall/")).length, before, "nothing reached the gateway");
  } finally {
    stopAll(a);
  }
});

test("outcome helpers need the poller, and time out", async () => {
  await reset();
  const a = client("1361", await signIn("1361"));
  await rejection(a.holdAndWait(), "state", "hold", isAgentApiError);
  const [b] = await polledAgents("1362");
  try {
    const { callid } = await ring("1362");
    await b.answerAndWait({ callId: callid });
    await b.hold();
    // Already held: getHold's Talking for another call never comes.
    const e = await rejection(
      b.getHoldAndWait({ callId: callid.replace(/\d+$/, "999") }, { outcomeTimeoutMs: 300 }),
      "service",
      "getHold",
      isAgentApiError,
    );
    assert.equal(e.retcode, "100-007");
    const timeout = await rejection(b.holdAndWait({ outcomeTimeoutMs: 1 }), "service", "hold", isAgentApiError);
    assert.equal(timeout.retcode, "100-007", "already held");
    await b.getHold();
    await rejection(b.confJoinAndWait({ callId: callid }, { outcomeTimeoutMs: 300 }), "service", "confJoin", isAgentApiError);
  } finally {
    stopAll(b);
  }
});
