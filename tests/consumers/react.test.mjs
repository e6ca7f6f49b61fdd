// React on agent.state: the consumer in react/ (React 18, the packed tarball installed as a
// user would) renders `useSyncExternalStore(agent.subscribe, () => agent.state)` with no
// adapter against the simulator, and its strict TypeScript check (@types/react) compiles.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { promisify } from "node:util";
import { ROOT, startSim } from "../browser/harness.mjs";

const run = promisify(execFile);
const here = (path) => new URL(path, import.meta.url).pathname;
let sim;

before(async () => {
  const dir = new URL("target/consumers/", ROOT).pathname;
  mkdirSync(dir, { recursive: true });
  sim = await startSim({ staticDir: dir });
});
after(() => sim?.stop());

test("a React component re-renders on agent.state changes, and only then", async () => {
  const { stdout } = await run("node", [here("react/app.mjs")], {
    env: { ...process.env, CEC_SIM_URL: sim.url, CEC_AGENT_ID: "1701" },
    timeout: 60_000,
  });
  const result = JSON.parse(stdout.trim().split("\n").at(-1));
  assert.ok(result.ok, result.message);
  assert.deepEqual(result.texts, ["out signedOut", "in idle", "in idle ringing 70009", "in talking talking 70009", "out signedOut"]);
  assert.equal(result.forTalking, 1, "the duplicate Ringing rendered nothing; the Talking once");
});

test("useSyncExternalStore(agent.subscribe, () => agent.state) compiles under strict TypeScript", async () => {
  const tsc = new URL(".ci/node_modules/.bin/tsc", ROOT).pathname;
  await run(tsc, ["-p", here("react/tsconfig.json")], { timeout: 120_000 });
});
