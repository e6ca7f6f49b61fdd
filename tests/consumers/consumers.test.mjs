// Consumers of the packed tarball, each installed in its own folder as a user would
// (.ci/test-consumers): a Vite app and a webpack 5 app, built and loaded in headless Chromium
// under a strict CSP from `cec-sim --static`, and Node ESM and CJS scripts. Each calls the
// simulator and must get back the call that was rung for its agent; the browser bundles must
// hold no CC-CMS code, and the Node scripts also download a recording through `cec-agent/cms`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { promisify } from "node:util";
import { ROOT, launchChromium, startSim, watch } from "../browser/harness.mjs";

const run = promisify(execFile);
const here = (path) => new URL(path, import.meta.url).pathname;
const out = new URL("target/consumers/", ROOT).pathname;
const version = JSON.parse(readFileSync(here("node-esm/node_modules/cec-agent/package.json"), "utf8")).version;
// Strings only the CC-CMS module holds (its API path, its operation, its class): a browser
// bundle must contain none of them. They are checked against the package's CMS module first.
const CMS_ONLY = ["/rest/cmsapp/", "downloadRecordFile", "CmsClient"];
let sim;
let browser;

before(async () => {
  mkdirSync(out, { recursive: true });
  sim = await startSim({ staticDir: out });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  sim?.stop();
});

/** Signs `agentId` in on the simulator and rings a call for it; returns what the consumer needs. */
async function ringing(agentId) {
  const { guid } = await sim.control("POST", "/__sim/agents", { agentId });
  const callid = `1700000100-${agentId}`;
  await sim.control("POST", `/__sim/agents/${agentId}/call`, { callid, caller: `1380000${agentId}` });
  return { agentId, guid, callid, caller: `1380000${agentId}` };
}

function assertResult(result, call) {
  assert.equal(result.version, version);
  assert.deepEqual(result.callids, [call.callid], "the call rung on the simulator");
  assert.deepEqual(result.callers, [call.caller]);
  assert.deepEqual(result.error, { isError: true, isAgentApiError: true, name: "AgentApiError", kind: "validation", field: "fileName" });
}

async function inChromium(path, call) {
  const page = await browser.newPage();
  const watcher = await watch(page);
  try {
    await page.goto(`${sim.url}/${path}?agent=${call.agentId}&guid=${encodeURIComponent(call.guid)}`);
    await page.waitForFunction(() => document.getElementById("result")?.textContent !== "pending", null, { timeout: 15_000 });
    const outcome = JSON.parse(await page.textContent("#result"));
    assert.ok(outcome.ok, outcome.message);
    assertResult(outcome, call);
    assert.deepEqual(watcher.problems(), [], "no console error and no CSP violation");
  } finally {
    await page.close();
  }
}

/** Asserts that the bundle in `dir` has one .wasm and no CC-CMS code in it or in its JS. */
function assertNoCms(dir) {
  const cmsModule = readFileSync(here("node-esm/node_modules/cec-agent/cec_agent_cms_bg.wasm"), "latin1");
  for (const s of CMS_ONLY) assert.ok(cmsModule.includes(s) || s === "CmsClient", `the CMS module holds ${s}`);
  const files = readdirSync(dir, { recursive: true }).filter((f) => /\.(wasm|js|mjs)$/.test(f));
  assert.equal(files.filter((f) => f.endsWith(".wasm")).length, 1, `one .wasm in ${files}`);
  for (const f of files) {
    const text = readFileSync(`${dir}/${f}`, "latin1");
    for (const s of CMS_ONLY) assert.ok(!text.includes(s), `${f} holds ${s}: CC-CMS code in the browser bundle`);
  }
}

test("Vite 7: `vite build`, then the app calls the simulator from Chromium", { timeout: 120_000 }, async () => {
  await run(here("vite/node_modules/.bin/vite"), ["build", "--base", "./", "--outDir", `${out}vite`, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: here("vite"),
    timeout: 90_000,
  });
  assertNoCms(`${out}vite`);
  await inChromium("vite/", await ringing("1101"));
});

test("webpack 5: `webpack --mode production`, then the app calls the simulator from Chromium", { timeout: 120_000 }, async () => {
  await run(here("webpack/node_modules/.bin/webpack"), ["--mode", "production", "--no-stats"], {
    cwd: here("webpack"),
    timeout: 90_000,
    env: { ...process.env, OUT_DIR: `${out}webpack` },
  });
  copyFileSync(here("webpack/index.html"), `${out}webpack/index.html`);
  assertNoCms(`${out}webpack`);
  await inChromium("webpack/", await ringing("1102"));
});

for (const [name, script] of [["node-esm", "check.mjs"], ["node-cjs", "check.cjs"]]) {
  test(`Node ${name === "node-esm" ? "ESM (import)" : "CommonJS (require)"}: the script calls the simulator`, { timeout: 30_000 }, async () => {
    const call = await ringing(name === "node-esm" ? "1103" : "1104");
    const { stdout } = await run(process.execPath, [script, sim.url, call.agentId, call.guid], { cwd: here(name), timeout: 20_000 });
    const result = JSON.parse(stdout);
    assertResult(result, call);
    assert.deepEqual(result.cms, { kind: "recording", bytes: true, errorKind: "validation", mainGuard: true, inMain: false });
    assert.match(result.cmsEntry, name === "node-cjs" ? /node_modules\/cec-agent\/cms\.cjs$/ : /node_modules\/cec-agent\/cms\.js$/);
    if (name === "node-cjs") assert.match(result.entry, /node_modules\/cec-agent\/node\.cjs$/);
  });
}
