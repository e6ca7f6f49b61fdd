// Runs every ```js block of README.md and pkg-template/README.md against the simulator, each in its own Node process
// with the installed package: the example URLs become the simulator's (with
// `allowInsecureHttp: true`), and the names a block uses without defining them (`password`,
// `accessKey`, `secretKey`, `signal`, `agent`) are defined before it, `agent` being agent
// 1001 with a ringing call (with an IVR in it for `thirdPartyConfTransmitNum`). `require`
// blocks run as CommonJS.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { SIM, control, reset } from "./sim.mjs";

const run = promisify(execFile);
// The repository README, then the npm one (pkg-template/README.md).
const jsBlocks = (path) => [...readFileSync(new URL(path, import.meta.url), "utf8").matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
const blocks = jsBlocks("../../README.md");
const npmBlocks = jsBlocks("../../pkg-template/README.md");
const esmEntry = import.meta.resolve("cec-agent");
const cjsEntry = createRequire(import.meta.url).resolve("cec-agent");
const esmCmsEntry = import.meta.resolve("cec-agent/cms");
const cjsCmsEntry = createRequire(import.meta.url).resolve("cec-agent/cms");
const dir = new URL("../../target/readme/", import.meta.url);
mkdirSync(dir, { recursive: true });

/** Names a block declares (`const x`, `const { a, b }`). */
const declared = (code) =>
  new Set(
    [...code.matchAll(/\b(?:const|let|var)\s+(?:\{([^}]*)\}|\[([^\]]*)\]|(\w+))/g)].flatMap((m) =>
      (m[1] ?? m[2] ?? m[3]).split(",").map((n) => n.trim().split(/\s*:\s*/).pop()),
    ),
  );

/** Agent 1001 signed in, with a ringing call (with an IVR in it if `ivr`); returns its Guid. */
async function agentInACall(ivr) {
  const { guid } = await control("POST", "/__sim/agents", { agentId: "1001" });
  await control("POST", "/__sim/agents/1001/call", { callid: "1700000000-9", caller: "13800000000", called: "10086" });
  if (ivr) await control("POST", "/__sim/agents/1001/conference");
  return guid;
}

test("README.md has an example for every domain", () => {
  assert.ok(blocks.length >= 9 && npmBlocks.length >= 3, `${blocks.length} + ${npmBlocks.length} js blocks`);
  for (const call of ["signIn", "queryCallInfoBeforeAnswer", "beginNetPlay", "thirdPartyConfTransmitNum", "interceptAndWait", "downloadRecordFile", "isAgentApiError", "setLogger", "initAsync", "require("]) {
    assert.ok(blocks.some((b) => b.includes(call)), `an example uses ${call}`);
  }
  // Agent state and call data (issue 16).
  for (const call of ["getAgentStatus", "sayBusy", "restAndWait", "cancelRest", "sayWork", "cancelWork", "setAutoEnterIdle", "queryCallInfo(", "setCallAppData", "queryCallAppData"]) {
    assert.ok(blocks.some((b) => b.includes(call)), `an example uses ${call}`);
  }
  // Call control (issue 16).
  for (const call of ["answerAndWait", "holdAndWait", "getHoldAndWait", "beginMute", "secondDial", "release()", "callOutAndWait", "callOut(", "innerHelpAndWait", "confJoinAndWait", "disconnect", "transferAndWait"]) {
    assert.ok(blocks.some((b) => b.includes(call)), `an example uses ${call}`);
  }
});

[...blocks, ...npmBlocks].forEach((block, i) => {
  const name = i < blocks.length ? `README example ${i + 1}` : `npm README example ${i + 1 - blocks.length}`;
  test(`${name}: ${block.split("\n").find((l) => l && !l.startsWith("import"))}`, { timeout: 60_000 }, async () => {
    await reset();
    await control("POST", "/__sim/config", { pollHoldMs: 200 });
    const code = block
      .replaceAll(/baseUrl: "https:\/\/10\.0\.0\.1:(8043|28443)"/g, `baseUrl: ${JSON.stringify(SIM)}, allowInsecureHttp: true`)
      .replaceAll('from "cec-agent/cms"', `from ${JSON.stringify(esmCmsEntry)}`)
      .replaceAll('require("cec-agent/cms")', `require(${JSON.stringify(cjsCmsEntry)})`)
      .replaceAll('from "cec-agent"', `from ${JSON.stringify(esmEntry)}`)
      .replaceAll('require("cec-agent")', `require(${JSON.stringify(cjsEntry)})`);
    assert.ok(!code.includes("10.0.0.1"), "every URL is substituted");
    const own = declared(block);
    const outsideStrings = block.replace(/"[^"\n]*"/g, '""').replaceAll("cec-agent", "");
    const uses = (name) => new RegExp(`\\b${name}\\b(?!\\s*:)`).test(outsideStrings) && !own.has(name); // not as a key
    const prelude = [];
    if (uses("password")) prelude.push('const password = "Agent#2026";');
    if (uses("accessKey")) prelude.push('const accessKey = "AK_EXAMPLE_0001";');
    if (uses("secretKey")) prelude.push('const secretKey = "SK_EXAMPLE_SECRET";');
    if (uses("signal")) prelude.push("const signal = AbortSignal.timeout(20_000);");
    const guid = block.includes('agentId: "1001"') ? null : await agentInACall(block.includes("thirdPartyConfTransmitNum"));
    const epilogue = [];
    if (uses("agent")) {
      prelude.push(
        `import { AgentClient as ReadmeAgentClient } from ${JSON.stringify(esmEntry)};`,
        `const agent = new ReadmeAgentClient({ baseUrl: ${JSON.stringify(SIM)}, allowInsecureHttp: true, agentId: "1001", guid: ${JSON.stringify(guid)} });`,
        "agent.startEvents();",
      );
      epilogue.push("agent.stopEvents();");
    }
    const cjs = code.includes("require(");
    assert.ok(!(cjs && prelude.length), "CommonJS examples stand alone");
    const file = new URL(`example-${i + 1}.${cjs ? "cjs" : "mjs"}`, dir);
    writeFileSync(file, [...prelude, code, ...epilogue].join("\n"));
    const { stdout } = await run(process.execPath, [file.pathname], { timeout: 45_000 });
    if (/console\.log/.test(code)) assert.notEqual(stdout.trim(), "", "the example printed its results");
    if (/await \w+\.\w+\(/.test(code)) {
      const requests = await control("GET", "/__sim/requests");
      assert.ok(requests.length > 0, "the example reached the simulator");
    }
  });
});
