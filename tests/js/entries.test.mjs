// The package's entry points as installed from the packed tarball: the exports map, the
// browser entry's guard before `initAsync` and its check of what it loads, the Node CommonJS
// entry, and `cec-agent/cms` (Node ESM and CJS; a module that throws anywhere else).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { SIM, reset, signIn } from "./sim.mjs";

const installed = new URL("./node_modules/cec-agent/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", installed), "utf8"));
const require = createRequire(import.meta.url);
// The glue's test hooks, which no entry exports.
const HIDDEN = ["install_panic_recovery", "__panicForTest", "__internals"];

test("package.json: types first on every exports branch, files and side effects as shipped", () => {
  const branches = [];
  const walk = (node, where) => {
    if (typeof node !== "object") return;
    const keys = Object.keys(node);
    if (Object.values(node).some((v) => typeof v === "string")) branches.push([where, keys]);
    for (const k of keys) walk(node[k], `${where}.${k}`);
  };
  walk(manifest.exports["."], "exports['.']");
  walk(manifest.exports["./cms"], "exports['./cms']");
  assert.ok(branches.length >= 6, "node import, node require and default branches of . and ./cms");
  for (const [where, keys] of branches) assert.equal(keys[0], "types", `${where} lists types first`);
  assert.deepEqual(readdirSync(installed).sort(), [...manifest.files, "package.json"].sort(), "the tarball holds exactly `files`");
  assert.equal(manifest.engines.node, ">=18");
  assert.match(manifest.homepage, /^https:\/\//);
  assert.match(manifest.repository.url, /^git\+https:\/\/.+\.git$/);
});

// Runs before anything imports the Node ESM entry, which would initialise the shared glue.
test("the browser entry guards every export until initAsync, then exports the same API", async () => {
  const generated = await import(new URL("cec_agent.js", installed).href);
  const browser = await import(new URL("index.js", installed).href);
  const names = Object.keys(generated).filter((n) => n !== "default" && !HIDDEN.includes(n));
  assert.deepEqual(HIDDEN.filter((n) => n in generated), HIDDEN, "the glue has the test hooks");
  assert.deepEqual(Object.keys(browser).sort(), [...names, "initAsync"].sort(), "index.js exports what the generated module exports but its test hooks");
  assert.ok(!("CmsClient" in generated), "the browser module has no CC-CMS client");
  assert.equal(browser.isAgentApiError(new Error("x")), false);
  for (const name of names.filter((n) => !["initSync", "isAgentApiError"].includes(n))) {
    const use = () => (/^[A-Z]/.test(name) ? new browser[name]({ baseUrl: SIM, agentId: "1001", accessKey: "a", secretKey: "s" }) : browser[name]("x"));
    assert.throws(use, /cec-agent is not initialised: call `await initAsync\(\)`/, `${name} before init`);
  }
  // Something that is not the .wasm (a dev server's index.html fallback) says what to set up.
  const notWasm = /is not cec_agent_bg\.wasm \(it starts with "<!doctype html>.*dev server's index\.html fallback.*optimizeDeps: \{ exclude: \["cec-agent"\] \}/;
  const page = () => new Response("<!doctype html><html><body>app</body></html>", { headers: { "content-type": "text/html" } });
  await assert.rejects(browser.initAsync(page()), (e) => notWasm.test(e.message) && /HTTP 200, text\/html/.test(e.message));
  await assert.rejects(browser.initAsync(new TextEncoder().encode("<!doctype html>")), notWasm);
  await assert.rejects(browser.initAsync(new Uint8Array([0, 1, 2])), /is not cec_agent_bg\.wasm \(it starts with "\\u0000\\u0001\\u0002"\)/);
  // A failed load is not memoised: the next call loads for real.
  await browser.initAsync(readFileSync(new URL("cec_agent_bg.wasm", installed)));
  assert.equal(browser.version(), manifest.version);
  assert.equal(browser.retcodeMeaning("100-006").length > 0, true);
});

test("require('cec-agent') gives the Node CommonJS entry, initialised, with the ESM entry's API", async () => {
  const resolved = require.resolve("cec-agent");
  assert.ok(resolved.endsWith("node.cjs"), resolved);
  const cjs = require("cec-agent");
  const esm = await import("cec-agent");
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort());
  assert.deepEqual(Object.keys(esm).sort(), ["AgentClient", "initAsync", "isAgentApiError", "retcodeMeaning", "setLogger", "version"], "no CmsClient, no test hooks");
  await cjs.initAsync();
  await reset();
  const agent = new cjs.AgentClient({ baseUrl: SIM, agentId: "1006", guid: await signIn("1006"), allowInsecureHttp: true });
  assert.deepEqual(await agent.queryCallInfoBeforeAnswer(), []);
  const err = await agent.intercept({ workNo: "42" }).catch((e) => e);
  assert.equal(cjs.version(), manifest.version);
  assert.ok(err instanceof Error && cjs.isAgentApiError(err) && esm.isAgentApiError(err), "errors are recognised by both entries");
  assert.equal(err.kind, "validation");
});

test("cec-agent/cms: Node ESM and CJS entries of the CC-CMS module, whose errors either entry recognises", async () => {
  assert.ok(import.meta.resolve("cec-agent/cms").endsWith("/cms.js"));
  assert.ok(require.resolve("cec-agent/cms").endsWith("/cms.cjs"));
  const esm = await import("cec-agent/cms");
  const cjs = require("cec-agent/cms");
  const api = ["CmsClient", "initAsync", "isAgentApiError", "setLogger", "version"];
  assert.deepEqual(Object.keys(esm).sort(), api, "CC-CMS only, no test hooks");
  assert.deepEqual(Object.keys(cjs).sort(), api);
  await esm.initAsync();
  assert.equal(esm.version(), manifest.version);
  const main = await import("cec-agent");
  const cms = new esm.CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });
  assert.equal((await cms.downloadRecordFile({ callID: "1700000000-1" })).kind, "recording");
  const cmsError = await cms.downloadRecordFile({ callID: "" }).catch((e) => e);
  const gatewayError = (() => { try { new main.AgentClient({ baseUrl: "http://x", agentId: "1" }); } catch (e) { return e; } })();
  for (const [e, from] of [[cmsError, "cms"], [gatewayError, "gateway"]]) {
    assert.equal(e.kind, "validation", String(e));
    for (const guard of [esm.isAgentApiError, cjs.isAgentApiError, main.isAgentApiError]) assert.ok(guard(e), `an error of the ${from} module`);
  }
});

test("cec-agent/cms outside Node (the `default` condition: browsers, bundlers) throws on import, naming the reason", async () => {
  const target = manifest.exports["./cms"].default.default;
  assert.equal(target, "./cms-browser.js");
  await assert.rejects(import(new URL(target, installed).href), /^Error: cec-agent\/cms is for Node backends: the secret key must not be shipped to browsers/);
});
