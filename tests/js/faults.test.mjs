// Fault injection through the simulator's control API, against the packed package (Node).
// Every case asserts the typed error (or the documented recovery) and that the simulator saw
// exactly one request per call: nothing dropped silently, nothing retried or duplicated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { AgentClient, isAgentApiError } from "cec-agent";
import { CmsClient } from "cec-agent/cms";
import { SIM, control, rejection, requests, reset, signIn } from "./sim.mjs";

const agentFor = async (agentId) =>
  new AgentClient({ baseUrl: SIM, agentId, guid: await signIn(agentId), allowInsecureHttp: true });
const cms = () => new CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });
const arm = (pathContains, kind, extra = {}) => control("POST", "/__sim/faults", { pathContains, kind, count: 1, ...extra });

/** Runs `call` against a cleared request log; returns its outcome and the requests seen for `needle`. */
async function once(needle, call) {
  await control("DELETE", "/__sim/requests");
  let outcome;
  try {
    outcome = { value: await call() };
  } catch (error) {
    outcome = { error };
  }
  const seen = await requests(needle);
  assert.equal(seen.length, 1, `exactly one request for ${needle}, got ${seen.length}`);
  return outcome;
}

async function expectKind(needle, call, kind, operation) {
  let thrown;
  await once(needle, async () => {
    thrown = await rejection(call(), kind, operation, isAgentApiError);
  });
  return thrown;
}

test("connection refused is a network error", async () => {
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
  const agent = new AgentClient({ baseUrl: `http://127.0.0.1:${port}`, agentId: "1001", guid: "g.AgentGateway1", allowInsecureHttp: true });
  const e = await rejection(agent.beginNetPlay({ fileName: "a.V3", ccId: 1 }), "network", "beginNetPlay", isAgentApiError);
  assert.match(e.message, /ECONNREFUSED|fetch failed/);
});

test("a fetch that resolves to something other than a Response is a network error", async () => {
  const real = globalThis.fetch;
  const unhandled = [];
  const onUnhandled = (reason) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  // A wrapper that hands back a plain object: the package reads the body off the real
  // Response prototype, so that read fails too, but the error names the actual fault.
  globalThis.fetch = async () => ({ status: 200, headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0) });
  try {
    const agent = new AgentClient({ baseUrl: "http://127.0.0.1:9", agentId: "1001", guid: "g.AgentGateway1", allowInsecureHttp: true });
    const e = await rejection(agent.queryCallInfoBeforeAnswer(), "network", "queryCallInfoBeforeAnswer", isAgentApiError);
    assert.match(e.message, /not a Response/);
    // A fetch that rejects: its own error is the one reported.
    globalThis.fetch = async () => { throw new TypeError("fetch failed"); };
    const f = await rejection(agent.queryCallInfoBeforeAnswer(), "network", "queryCallInfoBeforeAnswer", isAgentApiError);
    assert.match(f.message, /fetch failed/);
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(unhandled, [], "no rejection left unhandled");
  } finally {
    globalThis.fetch = real;
    process.off("unhandledRejection", onUnhandled);
  }
});

test("reset mid-body, slow headers, 5xx, HTML and truncated JSON are typed and never retried", async () => {
  await reset();
  const agent = await agentFor("1101");
  const netplay = "/recordplay/1101/netplay";
  const play = () => agent.beginNetPlay({ fileName: "a.V3", ccId: 1 });

  await arm(netplay, "resetMidBody");
  await expectKind(netplay, play, "network", "beginNetPlay");

  await arm(netplay, "delay", { delayMs: 2000 });
  const slow = await expectKind(netplay, () => agent.beginNetPlay({ fileName: "a.V3", ccId: 1 }, { timeoutMs: 200 }), "timeout", "beginNetPlay");
  assert.equal(slow.timeoutMs, 200);

  await arm(netplay, "status500");
  assert.equal((await expectKind(netplay, play, "http", "beginNetPlay")).status, 500);

  await arm(netplay, "html");
  const html = await expectKind(netplay, play, "decode", "beginNetPlay");
  assert.equal(html.path, "body");
  assert.match(html.message, /not a JSON envelope \(text\/html/);

  await arm(netplay, "badJson");
  assert.equal((await expectKind(netplay, play, "decode", "beginNetPlay")).path, "body");

  await arm(netplay, "emptyBody");
  assert.match((await expectKind(netplay, play, "decode", "beginNetPlay")).message, /empty body/);

  await arm(netplay, "drop");
  await expectKind(netplay, play, "network", "beginNetPlay");

  // Every fault was used once and the client recovers on the next call.
  assert.deepEqual((await once(netplay, play)).value, { message: "success" });
});

test("calls in flight keep their own timeouts (one shared timer), and none outlives them", async () => {
  await reset();
  const agent = await agentFor("1103");
  const path = "/calldata/1103/callinfobeforeanswer";
  await control("DELETE", "/__sim/requests");
  await arm(path, "delay", { delayMs: 1500, count: 3 });
  // The longest deadline first, so the shorter ones must re-arm the shared timer earlier.
  const start = performance.now();
  const settled = [];
  const calls = [900, 150, 400].map((timeoutMs) =>
    rejection(agent.queryCallInfoBeforeAnswer({ timeoutMs }), "timeout", "queryCallInfoBeforeAnswer", isAgentApiError).then((e) => {
      settled.push({ timeoutMs: e.timeoutMs, after: performance.now() - start });
    }),
  );
  await Promise.all(calls);
  assert.deepEqual(settled.map((s) => s.timeoutMs), [150, 400, 900], "each call timed out on its own deadline, in order");
  for (const s of settled) {
    assert.ok(s.after >= s.timeoutMs - 5, `${s.timeoutMs} ms call rejected after ${s.after.toFixed(0)} ms`);
    assert.ok(s.after < s.timeoutMs + 400, `${s.timeoutMs} ms call rejected late, after ${s.after.toFixed(0)} ms`);
  }
  assert.equal((await requests(path)).length, 3, "one request per call");
  // A call after them is not cut short by a deadline left over from them.
  assert.deepEqual(await agent.queryCallInfoBeforeAnswer({ timeoutMs: 5000 }), []);
  // The shared timer never holds the process open on its own.
  assert.deepEqual(process.getActiveResourcesInfo().filter((t) => t === "Timeout"), []);
});

test("binary where JSON was expected, and JSON as text/plain", async () => {
  await reset();
  const agent = await agentFor("1102");
  const path = "/calldata/1102/";
  await arm(path, "binary");
  const bin = await expectKind(path, () => agent.queryCallInfoBeforeAnswer(), "decode", "queryCallInfoBeforeAnswer");
  assert.equal(bin.path, "body");
  assert.match(bin.message, /application\/octet-stream|invalid UTF-8/);

  // Documented choice: the body decides, not the Content-Type, so a valid envelope sent as
  // text/plain is accepted.
  await arm("/voicecall/1102/", "textPlainJson");
  await control("POST", "/__sim/agents/1102/conference");
  const ok = await once("/voicecall/1102/", () => agent.thirdPartyConfTransmitNum());
  assert.deepEqual(ok.value, { message: "success" });
});

test("an oversized (5 MB) JSON envelope is refused past maxResponseBytes, and read whole below a raised one", async () => {
  await reset();
  const agent = await agentFor("1103");
  await arm("/recordplay/1103/netplay", "oversizedJson");
  const refused = await once("/recordplay/1103/netplay", () => agent.beginNetPlay({ fileName: "a.V3", ccId: 1 }));
  assert.equal(refused.error?.kind, "decode", String(refused.error));
  assert.match(refused.error.message, /longer than maxResponseBytes \(1048576 bytes\)/);
  const roomy = new AgentClient({ baseUrl: SIM, agentId: "1103", guid: await signIn("1103"), allowInsecureHttp: true, maxResponseBytes: 8 << 20 });
  await arm("/recordplay/1103/netplay", "oversizedJson");
  const big = await once("/recordplay/1103/netplay", () => roomy.beginNetPlay({ fileName: "a.V3", ccId: 1 }));
  assert.equal(big.error, undefined, String(big.error));
  assert.equal(big.value.message.length, 5 * 1024 * 1024);
});

test("CMS: a gateway envelope where recording bytes were expected, reset and 5xx", async () => {
  await reset();
  const path = "/hisindex/downloadRecordFile";
  const download = () => cms().downloadRecordFile({ callID: "1700000000-1" });
  await arm(path, "gatewayEnvelope");
  const e = await expectKind(path, download, "decode", "downloadRecordFile");
  assert.match(e.message, /neither recording bytes nor a \{resultCode, resultDesc\} failure/);
  await arm(path, "resetMidBody");
  await expectKind(path, download, "network", "downloadRecordFile");
  await arm(path, "status500");
  assert.equal((await expectKind(path, download, "http", "downloadRecordFile")).status, 500);
  const file = await once(path, download);
  assert.equal(file.value.kind, "recording");
});

test("gateway restart: calls during the outage fail as network errors, then work again", async () => {
  await reset();
  const agent = await agentFor("1104");
  const path = "/recordplay/1104/netplay";
  await control("POST", "/__sim/outage", { ms: 400, keepSessions: true });
  await expectKind(path, () => agent.beginNetPlay({ fileName: "a.V3", ccId: 1 }), "network", "beginNetPlay");
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual((await once(path, () => agent.beginNetPlay({ fileName: "a.V3", ccId: 1 }))).value, { message: "success" });

  // A restart that loses the sessions: the old Guid is refused with the documented retcode.
  await control("POST", "/__sim/outage", { ms: 1, keepSessions: false });
  await new Promise((r) => setTimeout(r, 20));
  const e = await expectKind(path, () => agent.beginNetPlay({ fileName: "a.V3", ccId: 1 }), "service", "beginNetPlay");
  assert.equal(e.retcode, "100-006");
});
