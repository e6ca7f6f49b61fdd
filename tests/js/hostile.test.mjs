// Hostile arguments at every entry point: proxies whose traps throw, throwing getters and
// toJSON, cycles, BigInt, symbols, lone surrogates, objects that only look like an AbortSignal.
// Every promise method must return a promise that rejects with an AgentApiError (never throw,
// never hang), a validation rejection must send nothing, synchronous methods may only throw an
// AgentApiError, and the module must keep working afterwards (an exception that unwound through
// it would leave borrows and its shadow stack behind).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as gateway from "cec-agent";
import { CmsClient } from "cec-agent/cms";
import { SIM, collectingStrayErrors, requests, reset, signIn } from "./sim.mjs";

const pkg = { ...gateway, CmsClient };

const trap = () => {
  throw new Error("trap");
};
function hostileValues() {
  const cyclic = {};
  cyclic.self = cyclic;
  const deep = (n) => {
    let v = {};
    for (let i = 0; i < n; i++) v = { d: v };
    return v;
  };
  return {
    true: true,
    nan: NaN,
    infinity: -Infinity,
    huge: 1e300,
    unsafeInteger: 2 ** 53 + 2,
    bigint: 10n,
    emptyString: "",
    loneSurrogate: "\ud800",
    longString: "x".repeat(1 << 20),
    symbol: Symbol("s"),
    function: () => {},
    array: [1, "a"],
    nullPrototype: Object.create(null),
    cyclic,
    deep200: deep(200),
    deep100k: deep(100_000),
    throwingGetters: Object.defineProperties({}, Object.fromEntries(
      ["fileName", "workNo", "password", "timeoutMs", "signal", "callID", "baseUrl", "agentId"].map((k) => [k, { get: trap, enumerable: true }]),
    )),
    throwingToJSON: { toJSON: trap },
    bigintToJSON: { toJSON: () => 1n },
    proxy: new Proxy({}, { get: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap, getPrototypeOf: trap }),
    fakeSignal: { signal: Object.create(AbortSignal.prototype) },
    proxiedSignal: { signal: new Proxy(new AbortController().signal, {}) },
    signalGetterThrows: { get signal() { return trap(); } },
    stringTimeout: { timeoutMs: "5" },
    outcomeTimeoutProxy: { outcomeTimeoutMs: new Proxy({}, { get: trap }) },
  };
}

/** Valid requests of the methods that take one (their options are then the hostile part). */
const VALID_REQUEST = {
  beginNetPlay: { fileName: "Y:/a.V3", ccId: 1 },
  beginNetPlayAndWait: { fileName: "Y:/a.V3", ccId: 1 },
  beginPlay: { voicepath: "Y:/a.V3" },
  foreFastPlay: { time: 5 },
  backFastPlay: { time: 5 },
  intercept: { workNo: "1402" },
  interceptAndWait: { workNo: "1402" },
  addInsert: { workNo: "1402" },
  addSupervise: { workNo: "1402" },
  requestStopWhisperAgent: { workNo: "1402" },
  requestWhisperAgent: { workNo: "1402" },
  stopSupervise: { workNo: "1402" },
  switchSuperviseOrInsert: { workNo: "1402" },
  requestSwitchInsertWhisperAgent: { workNo: "1402", switchType: 1 },
  signIn: { password: "pw", phonenum: "70001" },
  forceSignIn: { password: "pw", phonenum: "70001" },
  signInEx: { password: "pw", phonenum: "70001" },
  downloadRecordFile: { callID: "1700000000-1" },
  downloadRecordFileStream: { callID: "1700000000-1" },
  // Agent state and call data (issue 16).
  sayBusy: { reason: 201 },
  rest: { seconds: 60 },
  restAndWait: { seconds: 60 },
  setAutoEnterIdle: { flag: true },
  queryCallInfo: { isNoContainLastCall: true },
  setCallAppData: { calldata: "x" },
  queryCallAppData: { isEncodeResult: true },
  // Call control (issue 16).
  answer: { callId: "1-1" },
  answerAndWait: { callId: "1-1" },
  disconnect: { number: "70001" },
  getHold: { callId: "1-1" },
  getHoldAndWait: { callId: "1-1" },
  connectHold: { callId: "1-1" },
  transfer: { deviceType: 2, address: "1402", mode: 0 },
  transferAndWait: { deviceType: 2, address: "1402", mode: 0 },
  callOut: { called: "88001" },
  callOutAndWait: { called: "88001" },
  callInner: { called: "1402" },
  callInnerAndWait: { called: "1402" },
  callInnerSkill: { skillId: 1 },
  callInnerSkillAndWait: { skillId: 1 },
  innerHelp: { dstAddress: "1402" },
  innerHelpAndWait: { dstAddress: "1402" },
  confJoin: { callId: "1-1" },
  confJoinAndWait: { callId: "1-1" },
  secondDial: { number: "1#" },
};
const SYNC = new Set(["setGuid", "on", "onStatus", "onUnknownEvent", "startEvents", "stopEvents", "events", "session", "resume"]);

// Not counted: event polls, and the live state's background resync after a sign-in, resume
// or startEvents (getAgentStatus, queryCallInfo of the current call), which may land during
// a later call.
const resync = (path) => path.endsWith("/agentstatus") || path.endsWith("/callinfo"); // the log has no query
const sent = async () => (await requests("/")).filter((r) => !r.path.includes("/agentevent/") && !resync(r.path)).length;

/** The methods of a client class, as JS sees them (hidden `__` hooks and `free` left out). */
const methods = (cls) =>
  Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))
    .filter(([name, d]) => typeof d.value === "function" && name !== "constructor" && name !== "free" && !name.startsWith("__"))
    .map(([name]) => name);

function assertAgentApiError(e, where) {
  assert.ok(pkg.isAgentApiError(e), `${where}: not an AgentApiError: ${e?.stack ?? String(e)}`);
  assert.equal(typeof e.kind, "string", where);
  if (e.kind === "validation") assert.ok(e.field && e.rule, `${where}: a validation error names field and rule`);
}

/** Runs one promise method call; returns its outcome, checking the invariants. */
async function promiseCall(where, call) {
  const before = await sent();
  let promise;
  try {
    promise = call();
  } catch (e) {
    assert.fail(`${where} threw synchronously: ${e?.stack ?? String(e)}`);
  }
  assert.ok(promise instanceof Promise, `${where} returns a promise`);
  let timer;
  const outcome = await Promise.race([
    promise.then(() => "resolved", (e) => e),
    new Promise((r) => (timer = setTimeout(() => r("hung"), 5000))),
  ]);
  clearTimeout(timer);
  assert.notEqual(outcome, "hung", `${where} settled`);
  if (outcome !== "resolved") {
    assertAgentApiError(outcome, where);
    if (outcome.kind === "validation") assert.equal(await sent(), before, `${where}: a rejected input was sent`);
  }
  // A call that succeeded may start background requests (the live state's resync after a
  // sign-in): let them land before the next call counts what it sends.
  if (outcome === "resolved") await quiet();
  return outcome === "resolved" ? "resolved" : outcome.kind;
}

/** Waits until no request has reached the simulator for 100 ms. */
async function quiet() {
  for (let n = await sent(), i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await sent();
    if (now === n) return;
    n = now;
  }
}

test("hostile arguments at every entry point reject with AgentApiErrors and leave the module working", async () => {
  await collectingStrayErrors(async (uncaught) => {
    try {
      await reset();
      const agent = new pkg.AgentClient({ baseUrl: SIM, agentId: "1401", guid: await signIn("1401"), allowInsecureHttp: true, events: { pollTimeoutMs: 2000 } });
      const cms = new pkg.CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });
      const values = Object.entries(hostileValues());
      const kinds = new Map();
      const count = (k) => kinds.set(k, (kinds.get(k) ?? 0) + 1);
      let calls = 0;

      for (const [client, cls] of [[agent, pkg.AgentClient], [cms, pkg.CmsClient]]) {
        const names = methods(cls);
        assert.ok(names.length >= (client === agent ? 30 : 1), `${cls.name} methods found: ${names}`);
        for (const name of names.filter((n) => !SYNC.has(n))) {
          const takesRequest = client[name].length === 2;
          if (takesRequest) assert.ok(name in VALID_REQUEST, `a valid request for ${name} (a new method? add it above)`);
          for (const [label, value] of values) {
            const where = `${cls.name}.${name}(${label})`;
            count(await promiseCall(where, () => client[name](value)));
            if (takesRequest) count(await promiseCall(`${where} as options`, () => client[name](VALID_REQUEST[name], value)));
            calls += takesRequest ? 2 : 1;
          }
        }
      }
      agent.stopEvents();

      // Synchronous entry points: return, or throw an AgentApiError.
      const sync = {
        "new AgentClient": (v) => new pkg.AgentClient(v),
        "new CmsClient": (v) => new pkg.CmsClient(v),
        "AgentClient config field": (v) => new pkg.AgentClient({ baseUrl: SIM, agentId: v }),
        setGuid: (v) => agent.setGuid(v),
        "on(type)": (v) => agent.on(v, () => {}),
        "on(handler)": (v) => agent.on("*", v),
        onStatus: (v) => agent.onStatus(v),
        startEvents: (v) => agent.startEvents(v),
        events: (v) => agent.events(v),
        setLogger: (v) => pkg.setLogger(v),
        retcodeMeaning: (v) => pkg.retcodeMeaning(v),
        isAgentApiError: (v) => pkg.isAgentApiError(v),
      };
      let thrown = 0;
      for (const [name, f] of Object.entries(sync)) {
        for (const [label, value] of values) {
          try {
            const r = f(value);
            if (name === "events") await r.return?.();
          } catch (e) {
            assertAgentApiError(e, `${name}(${label})`);
            thrown++;
          }
          agent.stopEvents();
          calls++;
        }
      }
      pkg.setLogger(null);

      assert.ok(calls > 1000, `${calls} hostile calls`);
      assert.ok(kinds.get("validation") > 500 && thrown > 100, `most were refused: ${[...kinds]} and ${thrown} thrown`);
      assert.deepEqual(uncaught, [], "nothing escaped as an uncaught exception or unhandled rejection");

      // Still working: validation, a real call, and thousands of calls more (a shadow stack or
      // borrow left behind by an unwound call would show here).
      await reset();
      const after = new pkg.AgentClient({ baseUrl: SIM, agentId: "1403", guid: await signIn("1403"), allowInsecureHttp: true });
      for (let i = 0; i < 3000; i++) {
        const e = await after.intercept({ workNo: "x y" }).catch((e) => e);
        assert.ok(pkg.isAgentApiError(e) && e.kind === "validation" && e.field === "workNo");
      }
      assert.deepEqual(await after.queryCallInfoBeforeAnswer(), []);
    } finally {
      pkg.setLogger(null);
    }
  });
});
