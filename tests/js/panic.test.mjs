// A panic inside the module must not poison it: the next call builds on a fresh instance.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as pkg from "cec-agent";
import { SIM, reset, signIn } from "./sim.mjs";

test("after a panic, a new client works and old clients fail loudly instead of using stale memory", async () => {
  await reset();
  const client = async () => new pkg.AgentClient({ baseUrl: SIM, agentId: "1201", guid: await signIn("1201"), allowInsecureHttp: true });
  const before = await client();
  assert.deepEqual(await before.queryCallInfoBeforeAnswer(), []);

  assert.equal(typeof pkg.__panicForTest, "function", "the hidden test trigger is exported");
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
