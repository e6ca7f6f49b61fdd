// A panic inside the module must not poison it: the next call builds on a fresh instance.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as gateway from "cec-agent";
// The modules' test hooks are not exported by the package entries: they come from the glue files.
import { __panicForTest } from "./node_modules/cec-agent/cec_agent.js";
import { SIM, collectingStrayErrors, fault, reset, signIn } from "./sim.mjs";

const pkg = { ...gateway, __panicForTest };

test("after a panic, a new client works and old clients fail loudly instead of using stale memory", async () => {
  await reset();
  const client = async () => new pkg.AgentClient({ baseUrl: SIM, agentId: "1201", guid: await signIn("1201"), allowInsecureHttp: true });
  const before = await client();
  assert.deepEqual(await before.queryCallInfoBeforeAnswer(), []);

  assert.equal(typeof pkg.__panicForTest, "function", "the hidden test trigger is in the glue");
  assert.throws(() => pkg.__panicForTest(), (e) => e instanceof WebAssembly.RuntimeError);

  const after = await client();
  assert.deepEqual(await after.queryCallInfoBeforeAnswer(), []);
  assert.equal(pkg.retcodeMeaning("500-007").startsWith("start play"), true);
  assert.throws(() => before.queryCallInfoBeforeAnswer(), /stale object from previous Wasm instance/);

  // Errors still work on the fresh instance, and a second panic recovers the same way.
  assert.throws(() => new pkg.AgentClient({ baseUrl: "http://x", agentId: "1" }), (e) => pkg.isAgentApiError(e) && e.kind === "validation");
  assert.throws(() => pkg.__panicForTest(), WebAssembly.RuntimeError);
  assert.deepEqual(await (await client()).queryCallInfoBeforeAnswer(), []);
});

test("a panic in a promise reaction rejects every pending call with kind 'internal', and leaves nothing behind to throw", { timeout: 20000 }, async () => {
  await collectingStrayErrors(async (stray) => {
    await reset();
    const agent = new pkg.AgentClient({ baseUrl: SIM, agentId: "1202", guid: await signIn("1202"), allowInsecureHttp: true });
    await fault("/calldata/1202/", "delay", 1000);
    await fault("/calldata/1202/", "delay", 1000);
    // Pending when the panic strikes: one with a per-call deadline (a timer), one listening to
    // the caller's signal. Their responses arrive after the instance has been replaced.
    const timed = agent.queryCallInfoBeforeAnswer({ timeoutMs: 600 });
    const caller = new AbortController();
    const signalled = agent.queryCallInfoBeforeAnswer({ signal: caller.signal });
    // And an events() iterator waiting in next() (events are not polled, so none arrives).
    const waitingNext = agent.events().next();
    const panicked = pkg.__panicForTest(true);
    const outcomes = await Promise.allSettled([panicked, timed, signalled, waitingNext]);
    const operations = ["__panicForTest", "queryCallInfoBeforeAnswer", "queryCallInfoBeforeAnswer", "getAgentEvent"];
    outcomes.forEach((o, i) => {
      assert.equal(o.status, "rejected", `${operations[i]} settled`);
      assert.ok(pkg.isAgentApiError(o.reason), String(o.reason));
      assert.equal(o.reason.kind, "internal");
      assert.equal(o.reason.operation, operations[i]);
      assert.match(o.reason.message, /internal error in cec-agent; the module restarted/);
    });
    // The old instance's deadline (600 ms) passes, its abort listener is fired, and the delayed
    // responses reach its promise handlers: none of it may throw where nobody catches.
    caller.abort();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(stray.map(String), []);
    const fresh = new pkg.AgentClient({ baseUrl: SIM, agentId: "1202", guid: await signIn("1202"), allowInsecureHttp: true });
    assert.deepEqual(await fresh.queryCallInfoBeforeAnswer(), []);
  });
});
