// The package's entry points as installed from the packed tarball: the exports map, the
// browser entry's guard before `initAsync`, and the Node CommonJS entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { SIM, reset, signIn } from "./sim.mjs";

const installed = new URL("./node_modules/cec-agent/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", installed), "utf8"));
const require = createRequire(import.meta.url);

test("package.json: types first on every exports branch, files and side effects as shipped", () => {
  const branches = [];
  const walk = (node, where) => {
    if (typeof node !== "object") return;
    const keys = Object.keys(node);
    if (Object.values(node).some((v) => typeof v === "string")) branches.push([where, keys]);
    for (const k of keys) walk(node[k], `${where}.${k}`);
  };
  walk(manifest.exports["."], "exports['.']");
  assert.ok(branches.length >= 3, "node import, node require and default branches");
  for (const [where, keys] of branches) assert.equal(keys[0], "types", `${where} lists types first`);
  assert.deepEqual(readdirSync(installed).sort(), [...manifest.files, "package.json"].sort(), "the tarball holds exactly `files`");
  assert.equal(manifest.engines.node, ">=18");
});

// Runs before anything imports the Node ESM entry, which would initialise the shared glue.
test("the browser entry guards every export until initAsync, then exports the same API", async () => {
  const generated = await import(new URL("cec_agent.js", installed).href);
  const browser = await import(new URL("index.js", installed).href);
  const names = Object.keys(generated).filter((n) => n !== "default");
  assert.deepEqual(Object.keys(browser).sort(), [...names, "initAsync"].sort(), "index.js exports what the generated module exports");
  assert.equal(browser.isAgentApiError(new Error("x")), false);
  for (const name of names.filter((n) => !["initSync", "isAgentApiError"].includes(n))) {
    const use = () => (/^[A-Z]/.test(name) ? new browser[name]({ baseUrl: SIM, agentId: "1001", accessKey: "a", secretKey: "s" }) : browser[name]("x"));
    assert.throws(use, /cec-agent is not initialised: call `await initAsync\(\)`/, `${name} before init`);
  }
  await assert.rejects(browser.initAsync(new Uint8Array([0, 1, 2])), WebAssembly.CompileError);
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
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).filter((n) => n !== "initSync").sort());
  await cjs.initAsync();
  await reset();
  const agent = new cjs.AgentClient({ baseUrl: SIM, agentId: "1006", guid: await signIn("1006"), allowInsecureHttp: true });
  assert.deepEqual(await agent.queryCallInfoBeforeAnswer(), []);
  const err = await agent.intercept({ workNo: "42" }).catch((e) => e);
  assert.equal(cjs.version(), manifest.version);
  assert.ok(err instanceof Error && cjs.isAgentApiError(err) && esm.isAgentApiError(err), "errors are recognised by both entries");
  assert.equal(err.kind, "validation");
});
