// The CC-Gateway operations through the packed package, imported by its npm name (Node entry).
import { test } from "node:test";
import assert from "node:assert/strict";
import { AgentClient, isAgentApiError, retcodeMeaning, version } from "cec-agent";
import { SIM, control, fault, rejection, requests, reset, signIn } from "./sim.mjs";

const client = (agentId, guid) => new AgentClient({ baseUrl: SIM, agentId, guid, allowInsecureHttp: true });

test("the package reports its version and the documented retcode table", async () => {
  const pkg = (await import("cec-agent/package.json", { with: { type: "json" } })).default;
  assert.equal(version(), pkg.version);
  assert.match(retcodeMeaning("500-007"), /start play/);
  assert.equal(retcodeMeaning("0"), null, "null, as an error's meaning");
});

test("a supervisor's call flow: call info, net play, transmit numbers, listen and intercept", async () => {
  await reset();
  const agentGuid = await signIn("1001");
  const agent = client("1001", agentGuid);
  await control("POST", "/__sim/agents/1001/call", { callid: "1700000000-9", caller: "13800000000", called: "10086" });

  const [call, ...rest] = await agent.queryCallInfoBeforeAnswer();
  assert.equal(rest.length, 0);
  assert.equal(call.callid, "1700000000-9");
  assert.equal(call.caller, "13800000000");
  assert.equal(typeof call.begintime, "number");
  assert.equal(Object.keys(call).length, 17);

  assert.deepEqual(await agent.beginNetPlay({ fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1, playTime: 7 }), { message: "success" });
  const [sent] = await requests("/recordplay/1001/netplay");
  assert.deepEqual(JSON.parse(sent.body), { fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1, playTime: 1 }, "playTime 7 is sent as 1");

  await control("POST", "/__sim/agents/1001/conference");
  assert.deepEqual(await agent.thirdPartyConfTransmitNum(), { message: "" });

  const supervisor = client(1002, await signIn("1002"));
  const denied = await rejection(supervisor.intercept({ workNo: "1001" }), "service", "intercept", isAgentApiError);
  assert.equal(denied.retcode, "900-002");
  assert.equal(denied.meaning, "quality control: no permission");
  await control("POST", "/__sim/qc", { inspector: "1002", target: "1001", mode: "listen" });
  await supervisor.intercept({ workNo: 1001 });
  const state = await control("GET", "/__sim/agents/1002");
  assert.match(JSON.stringify(state), /AgentEvent_Talking/);
});

test("errors are real Errors, typed, and never carry the Guid", async () => {
  await reset();
  const guid = await signIn("1003");
  const agent = client("1003", guid);
  const bad = await rejection(agent.beginNetPlay({ fileName: "x".repeat(101), ccId: 1 }), "validation", "beginNetPlay", isAgentApiError);
  assert.equal(bad.name, "AgentApiError");
  assert.deepEqual([bad.field, bad.rule, bad.value], ["fileName", "maxLength", "101 characters"]);
  assert.equal((await requests("/1003/")).length, 0, "nothing was sent");

  const stale = client("1003", "stale-guid.AgentGateway1");
  const e = await rejection(stale.thirdPartyConfTransmitNum(), "service", "thirdPartyConfTransmitNum", isAgentApiError);
  assert.equal(e.retcode, "100-006");
  for (const text of [e.message, e.stack, JSON.stringify(e), String(e)]) {
    assert.ok(!text.includes("stale-guid"), "the Guid leaked");
  }
  assert.throws(() => new AgentClient({ baseUrl: "http://127.0.0.1:1", agentId: "1003" }), (err) => isAgentApiError(err) && err.field === "baseUrl" && err.rule === "https");
  assert.equal(isAgentApiError(new Error("x")), false);
  assert.equal(isAgentApiError("AgentApiError"), false);
});

test("a validation error's stack reaches the caller; other errors carry no frames", async () => {
  await reset();
  const agent = client("1007", await signIn("1007"));
  const frames = (e) => e.stack.split("\n").filter((line) => /^\s+at /.test(line));
  const limit = Error.stackTraceLimit;
  const bad = await rejection(agent.beginNetPlay({ fileName: "", ccId: 1 }), "validation", "beginNetPlay", isAgentApiError);
  assert.ok(frames(bad).some((line) => line.includes(import.meta.url)), `the caller's frame is in the stack:\n${bad.stack}`);
  const refused = await rejection(agent.intercept({ workNo: "1001" }), "service", "intercept", isAgentApiError);
  assert.deepEqual(frames(refused), [], "a service error made in a microtask holds no package frames");
  assert.match(refused.stack, /^AgentApiError: intercept: retcode \d{3}-\d{3} /);
  assert.equal(Error.stackTraceLimit, limit, "the page's limit is put back");

  // A limit the page has frozen is left as it is: every error then has that many frames.
  const own = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
  Object.defineProperty(Error, "stackTraceLimit", { value: 3, writable: false, configurable: true });
  try {
    const frozen = await rejection(agent.beginNetPlay({ fileName: "", ccId: 1 }), "validation", "beginNetPlay", isAgentApiError);
    assert.equal(frames(frozen).length, 3);
    assert.equal(frames(await rejection(agent.intercept({ workNo: "1001" }), "service", "intercept", isAgentApiError)).length, 3);
  } finally {
    Object.defineProperty(Error, "stackTraceLimit", own);
  }
});

test("timeout, abort and server faults reject with their kinds", async () => {
  await reset();
  const agent = client("1004", await signIn("1004"));
  const op = "queryCallInfoBeforeAnswer";
  await fault("/calldata/1004/", "delay", 3000);
  const slow = await rejection(agent.queryCallInfoBeforeAnswer({ timeoutMs: 150 }), "timeout", op, isAgentApiError);
  assert.equal(slow.timeoutMs, 150);

  await fault("/calldata/1004/", "delay", 3000);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 50);
  await rejection(agent.queryCallInfoBeforeAnswer({ signal: controller.signal }), "aborted", op, isAgentApiError);

  await fault("/calldata/1004/", "status500");
  assert.equal((await rejection(agent.queryCallInfoBeforeAnswer(), "http", op, isAgentApiError)).status, 500);
  await fault("/calldata/1004/", "html");
  assert.equal((await rejection(agent.queryCallInfoBeforeAnswer(), "decode", op, isAgentApiError)).path, "body");
  await fault("/calldata/1004/", "drop");
  await rejection(agent.queryCallInfoBeforeAnswer(), "network", op, isAgentApiError);
  assert.deepEqual(await agent.queryCallInfoBeforeAnswer(), []);
});

test("the browser entry explains what to call before initAsync, then works", async () => {
  // The exports map routes Node to node.js; load the browser entry by path to test its loader.
  const entry = new URL("./node_modules/cec-agent/index.js", import.meta.url);
  const browser = await import(entry.href);
  assert.throws(() => new browser.AgentClient({ baseUrl: SIM, agentId: "1005", allowInsecureHttp: true }), /call `await initAsync\(\)`/);
  const { readFile } = await import("node:fs/promises");
  await browser.initAsync(await readFile(new URL("./node_modules/cec-agent/cec_agent_bg.wasm", import.meta.url)));
  await browser.initAsync(); // memoised: a second call is harmless
  await reset();
  const agent = new browser.AgentClient({ baseUrl: SIM, agentId: "1005", guid: await signIn("1005"), allowInsecureHttp: true });
  assert.deepEqual(await agent.queryCallInfoBeforeAnswer(), []);
});

test("a call's request goes out before the method returns; failures still reject, never throw", async () => {
  const real = globalThis.fetch;
  const sent = [];
  globalThis.fetch = (url, init) => {
    sent.push(`${init.method} ${new URL(url).pathname}`);
    return Promise.resolve(new Response('{"message":"success","retcode":"0","result":{}}', { headers: { "Content-Type": "application/json" } }));
  };
  try {
    const agent = new AgentClient({ baseUrl: "http://127.0.0.1:9", agentId: "1001", guid: "g.AgentGateway1", allowInsecureHttp: true });
    const pending = agent.thirdPartyConfTransmitNum();
    assert.deepEqual(sent, ["POST /agentgateway/resource/voicecall/1001/thirdPartyConfTransmitNum"], "sent synchronously");
    assert.equal((await pending).message, "success");

    // Invalid input: nothing sent, and the promise rejects (no synchronous throw).
    const invalid = agent.beginNetPlay({ fileName: "", ccId: 1 });
    assert.ok(invalid instanceof Promise);
    await rejection(invalid, "validation", "beginNetPlay", isAgentApiError);
    // A fetch that throws synchronously: a rejected promise too.
    globalThis.fetch = () => { throw new TypeError("blocked by policy"); };
    const blocked = agent.thirdPartyConfTransmitNum();
    assert.ok(blocked instanceof Promise);
    const e = await rejection(blocked, "network", "thirdPartyConfTransmitNum", isAgentApiError);
    assert.match(e.message, /blocked by policy/);
    assert.equal(sent.length, 1);
  } finally {
    globalThis.fetch = real;
  }
});
