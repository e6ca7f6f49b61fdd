// events({ signal }) iterators: however one ends (return(), `for await` + break, stopEvents(),
// signOut(), its signal aborting, the poller stopping on its own), it leaves no abort listener
// on the caller's signal and no entry inside the module, and module memory does not grow with
// the number of iterators.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as pkg from "cec-agent";
// The modules' test hooks are not exported by the package entries: they come from the glue files.
import { __internals } from "./node_modules/cec-agent/cec_agent.js";
import { SIM, control, reset, signIn } from "./sim.mjs";

const fast = { idleDelayMs: 20, backoffInitialMs: 50, backoffMaxMs: 200, pollTimeoutMs: 5000 };
const held = () => __internals().timersAndListeners;
const listeners = (signal) => getEventListeners(signal, "abort").length;
const drain = async (it) => {
  while (!(await it.next()).done);
};
const macrotask = () => new Promise((r) => setImmediate(r));

// The module's linear memory: the glue that the package's Node entry initialised (the same
// module URL, so the same instance; `initSync` on an initialised module returns its exports).
const glue = await import(pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("cec-agent")), "cec_agent.js")));
const memoryBytes = () => glue.initSync({ module: new Uint8Array() }).memory.buffer.byteLength;
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
/** Collects garbage, then lets the FinalizationRegistry free the closures of dropped iterators. */
const collect = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await macrotask();
  }
};

/** Runs `body` with the process warnings it causes collected. */
async function collectingWarnings(body) {
  const warnings = [];
  const record = (w) => warnings.push(w);
  process.on("warning", record);
  try {
    await body();
    await macrotask();
  } finally {
    process.off("warning", record);
  }
  return warnings;
}

test("every way an events() iterator ends removes its abort listener and its entry", { timeout: 120_000 }, async (t) => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 50 });
  const agent = new pkg.AgentClient({ baseUrl: SIM, agentId: "1601", allowInsecureHttp: true, events: fast });
  const shared = new AbortController();
  const signal = shared.signal;
  const ended = {};
  const warnings = await collectingWarnings(async () => {
    // return(), with a next() waiting: it resolves done.
    for (let i = 0; i < 3000; i++) {
      const it = agent.events({ signal });
      const waiting = it.next();
      assert.equal(listeners(signal), 1);
      assert.deepEqual(await it.return(), { value: undefined, done: true });
      assert.deepEqual(await waiting, { value: undefined, done: true });
      assert.equal(listeners(signal), 0, `return() #${i} left its listener`);
      assert.equal(held(), 0, `return() #${i} left its entry`);
    }
    ended.return = 3000;

    // Its own signal aborting, while a next() waits; and a signal aborted before events().
    for (let i = 0; i < 3000; i++) {
      const own = new AbortController();
      const it = agent.events({ signal: own.signal });
      const waiting = it.next();
      own.abort();
      assert.deepEqual(await waiting, { value: undefined, done: true });
      assert.equal(listeners(own.signal), 0);
      assert.equal(held(), 0, `abort #${i} left its entry`);
      const early = agent.events({ signal: AbortSignal.abort() });
      assert.deepEqual(await early.next(), { value: undefined, done: true });
      assert.equal(held(), 0, `an already aborted signal #${i} left an entry`);
    }
    ended.aborted = 6000;

    // While polling (its sleeps and calls hold entries of their own, so only the signal's
    // listeners are counted until the poller stops): `for await` + break, then stopEvents().
    await agent.signIn({ password: "pw", phonenum: 70001 });
    ended.break = 0;
    for (let batch = 0; batch < 100; batch++) {
      const loops = Array.from({ length: 10 }, async () => {
        for await (const event of agent.events({ signal })) {
          assert.equal(typeof event.eventType, "string");
          break;
        }
        ended.break++;
      });
      await control("POST", "/__sim/agents/1601/events", { eventType: "AgentState_Busy", content: {} });
      await Promise.all(loops);
      assert.equal(listeners(signal), 0, `break, batch ${batch}`);
    }
    ended.stopEvents = 0;
    for (let batch = 0; batch < 100; batch++) {
      agent.startEvents();
      const drained = Array.from({ length: 10 }, () => drain(agent.events({ signal })));
      agent.stopEvents();
      await Promise.all(drained);
      ended.stopEvents += drained.length;
      assert.equal(agent.polling, false);
      assert.equal(listeners(signal), 0, `stopEvents(), batch ${batch}`);
      assert.equal(held(), 0, `stopEvents(), batch ${batch}`);
    }

    // signOut(), and the poller stopping on its own (the agent signed out elsewhere).
    ended.signOut = 0;
    for (let batch = 0; batch < 10; batch++) {
      // signOut() ends the streams by stopping the poller, so one must be running.
      if (agent.signedIn) agent.startEvents();
      else await agent.signIn({ password: "pw", phonenum: 70001 });
      const drained = Array.from({ length: 10 }, () => drain(agent.events({ signal })));
      await agent.signOut();
      await Promise.all(drained);
      ended.signOut += drained.length;
      assert.equal(listeners(signal), 0, `signOut(), batch ${batch}`);
      assert.equal(held(), 0, `signOut(), batch ${batch}`);
    }
    ended.pollerStopped = 0;
    for (let batch = 0; batch < 10; batch++) {
      const guid = await signIn("1602");
      const polled = new pkg.AgentClient({ baseUrl: SIM, agentId: "1602", guid, allowInsecureHttp: true, events: fast });
      polled.startEvents();
      const drained = Array.from({ length: 10 }, () => drain(polled.events({ signal })));
      await new pkg.AgentClient({ baseUrl: SIM, agentId: "1602", guid, allowInsecureHttp: true }).signOut();
      await Promise.all(drained);
      ended.pollerStopped += drained.length;
      assert.equal(polled.polling, false);
      assert.equal(listeners(signal), 0, `poller stopped, batch ${batch}`);
      assert.equal(held(), 0, `poller stopped, batch ${batch}`);
    }

    // And the shared signal aborting at last, with iterators already ended on it.
    shared.abort();
    await agent.events({ signal }).next();
  });
  t.diagnostic(`iterators ended: ${JSON.stringify(ended)}`);
  assert.equal(listeners(signal), 0);
  assert.equal(held(), 0, "timersAndListeners back to 0");
  assert.deepEqual(__internals().tasks, 0);
  assert.deepEqual(warnings.map(String), [], "no MaxListenersExceededWarning (nor any other)");
});

test("20,000 iterators on one signal: no listener or entry left, module memory does not grow per iterator", { timeout: 120_000 }, async (t) => {
  const agent = new pkg.AgentClient({ baseUrl: SIM, agentId: "1603", allowInsecureHttp: true });
  const shared = new AbortController();
  const signal = shared.signal;
  const round = async (n) => {
    for (let i = 0; i < n; i++) {
      const it = agent.events({ signal });
      const waiting = it.next();
      await it.return();
      await waiting;
      if (i % 1000 === 999) await macrotask();
    }
  };
  await round(2000); // warm-up: the allocator's and the tables' steady state
  await collect();
  const before = { memory: memoryBytes(), heap: process.memoryUsage().heapUsed };
  const warnings = await collectingWarnings(() => round(20_000));
  const left = { listeners: listeners(signal), timersAndListeners: held() };
  await collect();
  const after = { memory: memoryBytes(), heap: process.memoryUsage().heapUsed };
  t.diagnostic(`20,000 iterators: left ${JSON.stringify(left)}, module memory +${after.memory - before.memory} B, JS heap ${after.heap - before.heap >= 0 ? "+" : ""}${after.heap - before.heap} B`);
  assert.deepEqual(left, { listeners: 0, timersAndListeners: 0 });
  assert.deepEqual(warnings.map(String), []);
  // An ended iterator holds nothing in the module, garbage-collected or not (20,000 that each
  // kept ~60 bytes until collected made it grow by about 1 MB).
  assert.ok(after.memory - before.memory <= 64 * 1024, `module memory grew by ${after.memory - before.memory} B`);
});

const settledWithin = (promise, ms) => Promise.race([promise, new Promise((r) => setTimeout(() => r("still pending"), ms))]);
const until = async (cond) => {
  for (let i = 0; i < 250 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  assert.ok(cond(), "timed out waiting");
};

test("an ended iterator reaches nothing of a later one in its place", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 50 });
  const agent = new pkg.AgentClient({ baseUrl: SIM, agentId: "1604", allowInsecureHttp: true, events: fast });
  const old = agent.events();
  await old.return();
  const later = agent.events(); // takes the slot `old` left
  const waiting = later.next();
  assert.deepEqual(await settledWithin(old.next(), 200), { value: undefined, done: true });
  await old.return();
  await agent.signIn({ password: "pw", phonenum: 70004 });
  const first = await settledWithin(waiting, 5000);
  assert.equal(first.value?.eventType, "AgentOther_InService", "the later iterator still runs");
  await later.return();
  await agent.signOut();
});

test("events buffered before the stream ended are still delivered, then done", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 50 });
  const agent = new pkg.AgentClient({ baseUrl: SIM, agentId: "1605", allowInsecureHttp: true, events: fast });
  await agent.signIn({ password: "pw", phonenum: 70005 });
  const buffered = agent.events();
  let busy = 0;
  agent.on("AgentState_Busy", () => busy++);
  for (let i = 0; i < 2; i++) await control("POST", "/__sim/agents/1605/events", { eventType: "AgentState_Busy", content: {} });
  await until(() => busy === 2);
  await agent.signOut();
  const types = [];
  for await (const event of buffered) types.push(event.eventType);
  assert.deepEqual(types.filter((t) => t === "AgentState_Busy"), ["AgentState_Busy", "AgentState_Busy"], types.join());
  assert.deepEqual(await buffered.next(), { value: undefined, done: true });
  assert.equal(held(), 0);
});
