// A bounded soak: 1,080 calls in waves of 18 concurrent ones, mixing every way a call can end
// (success, list, validation, service error, refused connection, aborted before and during,
// timeout, CMS download). Afterwards no task, await or deadline may be left inside the module,
// the AbortController pool must stay bounded, and the non-idempotent POST must have reached
// the simulator exactly once per call.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as gateway from "cec-agent";
import { CmsClient } from "cec-agent/cms";
// The modules' test hooks are not exported by the package entries: they come from the glue files.
import * as gatewayGlue from "./node_modules/cec-agent/cec_agent.js";
import * as cmsGlue from "./node_modules/cec-agent/cec_agent_cms.js";
import { SIM, control, requests, reset, signIn } from "./sim.mjs";

const WAVES = 60;

/** Both modules' resources in use, added up (the CMS calls run in the CC-CMS module). */
const __internals = () => {
  const [g, c] = [gatewayGlue.__internals(), cmsGlue.__internals()];
  return Object.fromEntries(Object.keys(g).map((k) => [k, g[k] + c[k]]));
};
const pkg = { ...gateway, CmsClient, __internals };

test("a mixed soak and a restarted poller leave no task, await or deadline behind; every POST is sent once", { timeout: 120_000 }, async () => {
  await reset();
  const client = async (id) => new pkg.AgentClient({ baseUrl: SIM, agentId: id, guid: await signIn(id), allowInsecureHttp: true });
  const agent = await client("1501");
  await control("POST", "/__sim/agents/1501/conference");
  const slow = await client("1502");
  const closed = new pkg.AgentClient({ baseUrl: "http://127.0.0.1:9", agentId: "1503", guid: "g.AgentGateway1", allowInsecureHttp: true });
  const cms = new pkg.CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });

  const kinds = {
    resolved: () => agent.thirdPartyConfTransmitNum(),
    list: () => agent.queryCallInfoBeforeAnswer(),
    validation: () => agent.intercept({ workNo: "x y" }),
    service: () => agent.intercept({ workNo: "1999" }),
    network: () => closed.queryCallInfoBeforeAnswer(),
    abortedBefore: () => agent.queryCallInfoBeforeAnswer({ signal: AbortSignal.abort() }),
    abortedDuring: () => {
      const c = new AbortController();
      const call = agent.queryCallInfoBeforeAnswer({ signal: c.signal });
      c.abort();
      return call;
    },
    timeout: () => slow.queryCallInfoBeforeAnswer({ timeoutMs: 50 }),
    cms: () => cms.downloadRecordFile({ callID: "1700000000-1" }),
  };
  const expected = {
    resolved: "resolved", list: "resolved", validation: "validation", service: "service", network: "network",
    abortedBefore: "aborted", abortedDuring: "aborted", timeout: "timeout", cms: "resolved",
  };
  const seen = Object.fromEntries(Object.keys(kinds).map((k) => [k, new Map()]));
  for (let wave = 0; wave < WAVES; wave++) {
    // Only `slow`'s calls are held: 300 ms, past their 50 ms timeout.
    await control("POST", "/__sim/faults", { pathContains: "/calldata/1502/", kind: "delay", delayMs: 300, count: 2 });
    const names = [...Object.keys(kinds), ...Object.keys(kinds)];
    const settled = await Promise.allSettled(names.map((k) => kinds[k]()));
    settled.forEach((s, i) => {
      const outcome = s.status === "fulfilled" ? "resolved" : pkg.isAgentApiError(s.reason) ? s.reason.kind : `not an AgentApiError: ${s.reason}`;
      const counts = seen[names[i]];
      counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    });
  }

  for (const [kind, counts] of Object.entries(seen)) {
    assert.deepEqual([...counts], [[expected[kind], 2 * WAVES]], `${kind}: every call ended as ${expected[kind]}`);
  }
  const posts = await requests("/voicecall/1501/thirdPartyConfTransmitNum");
  assert.equal(posts.length, 2 * WAVES, "each POST reached the simulator exactly once");

  // The poller too: started and stopped ten times, each time mid-poll.
  for (let i = 0; i < 10; i++) {
    agent.startEvents();
    assert.equal(pkg.__internals().tasks, 1, "the poller runs as one task");
    await new Promise((r) => setTimeout(r, 30));
    agent.stopEvents();
    await new Promise((r) => setTimeout(r, 30));
  }

  const left = pkg.__internals();
  const { tasks, awaits, deadlines, timersAndListeners } = left;
  assert.deepEqual({ tasks, awaits, deadlines, timersAndListeners }, { tasks: 0, awaits: 0, deadlines: 0, timersAndListeners: 0 }, "nothing left inside the module");
  assert.ok(left.idleControllers <= 8, `the controller pool stays bounded: ${left.idleControllers}`);
});
