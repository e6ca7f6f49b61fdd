// Driver of `bash .ci/bench`: sizes, call overhead, local per-call cost and init time, in
// Node and in headless Chromium (playwright-core), against the simulator at CEC_SIM_URL, for
// the package as it is ("after") and, when BENCH_BEFORE_DIR is set, as it was at the revision
// `.ci/bench` built there ("before"), side by side in one run on one machine.
// Run from a folder where the packed cec-agent is installed (BENCH_DIR).
import { createServer } from "node:http";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { callOverhead, callPhases, localCost, prepareCost, median } from "./bench-core.mjs";

const SIM = process.env.CEC_SIM_URL;
const DIR = process.env.BENCH_DIR;
const CALLS = Number(process.env.BENCH_CALLS ?? 10000);
// Loopback round trips dominate; keep the whole run near five minutes per package on two cores.
const BUDGET_MS = Number(process.env.BENCH_BUDGET_S ?? 100) * 1000;
const log = (m) => process.stderr.write(`  ${m}\n`);
const f = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : "n/a");
const out = [];
const print = (line = "") => { out.push(line); console.log(line); };

/** The packages measured: `dir` has it installed in node_modules, `shipped` its files as
 * shipped (without the benchmark hook), `rev` what it was built from. */
const PACKAGES = [
  ...(process.env.BENCH_BEFORE_DIR
    ? [{ label: "before", dir: process.env.BENCH_BEFORE_DIR, shipped: process.env.BENCH_BEFORE_SHIPPED, rev: process.env.BENCH_BEFORE_REV }]
    : []),
  { label: "after", dir: DIR, shipped: process.env.BENCH_SHIPPED, rev: process.env.BENCH_AFTER_REV },
].map((p) => ({ ...p, path: join(p.dir, "node_modules", "cec-agent") }));
const hasCms = (p) => existsSync(join(p.path, "cms.js"));

// The benchmarks' `pkg`: the main entry with CmsClient (from the CMS module's own entry where
// the package has one; in Chromium its glue file, loaded by path as the softphone demo does).
const nodePkg = async (p) => {
  const main = await import(join(p.path, "node.js"));
  return { ...main, CmsClient: hasCms(p) ? (await import(join(p.path, "cms.js"))).CmsClient : main.CmsClient };
};
const loadPkg = (p) => `const gateway = await import("/pkg/${p.label}/index.js"); await gateway.initAsync(); ` +
  (hasCms(p)
    ? `const cms = await import("/pkg/${p.label}/cec_agent_cms.js"); await cms.default({ module_or_path: "/pkg/${p.label}/cec_agent_cms_bg.wasm" }); ` +
      `const pkg = { ...gateway, CmsClient: cms.CmsClient };`
    : `const pkg = gateway;`);

function sizes() {
  print("## Size (as shipped, gzip -9)");
  print("| package | file | raw bytes | gzipped bytes | budget |");
  print("|---|---|---|---|---|");
  for (const p of PACKAGES) {
    const files = [
      ["cec_agent_bg.wasm", hasCms(p) ? "browser/Node module, CC-Gateway" : "the one module, CC-Gateway and CC-CMS"],
      ["cec_agent.js", "wasm-bindgen glue"],
      ["index.js", "browser loader"],
      ["cec_agent_cms_bg.wasm", "cec-agent/cms module, Node"],
      ["cec_agent_cms.js", "wasm-bindgen glue"],
      ["cms.js", "Node loader"],
    ];
    for (const [name, what] of files) {
      const file = join(p.shipped ?? p.path, name);
      if (!existsSync(file)) continue;
      const b = readFileSync(file);
      const gz = gzipSync(b, { level: 9 }).length;
      const budget = name === "cec_agent_bg.wasm" ? `102400 (100 KB gz): ${gz <= 102400 ? "within" : `over by ${gz - 102400}`}` : name === "cec_agent_cms_bg.wasm" ? "as small as it can be" : "";
      print(`| ${p.label} | ${name} (${what}) | ${b.length} | ${gz} | ${budget} |`);
    }
  }
  print();
}

/** Rows of `tables[label]` side by side: `key` names the row, `cells(row)` its cells. */
function sideBySide(results, key, cells) {
  const [first] = Object.values(results);
  return first.map((row) => [row[key], ...PACKAGES.flatMap((p) => cells(results[p.label].find((r) => r[key] === row[key]) ?? {}))]);
}
const labels = (names) => PACKAGES.flatMap((p) => names.map((n) => `${p.label}: ${n}`));
const ratioAfterBefore = (results, key, field) =>
  PACKAGES.length > 1 ? (op) => {
    const b = results.before.find((r) => r[key] === op)?.[field];
    const a = results.after.find((r) => r[key] === op)?.[field];
    return a / b;
  } : null;

function table(title, notes, header, rows) {
  print(`## ${title}`);
  for (const n of notes) print(n);
  if (notes.length) print();
  print(`| ${header.join(" | ")} |`);
  print(`|${header.map(() => "---").join("|")}|`);
  for (const r of rows) print(`| ${r.join(" | ")} |`);
  print();
}

function overheadTable(runtime, results) {
  const ab = ratioAfterBefore(results, "op", "pkgMs");
  table(`Call overhead, ${runtime} (median per call, package vs hand-written fetch, loopback)`, [
    "The package cancels every call on a timeout (an AbortSignal given to fetch; 30 s by default, 120 s for CMS); the",
    "\"+ timeout\" ratio compares it with a hand-written fetch that does the same. Goal: a real call within 10 % of before",
    "(after/before of the package column). Every call is on its success path: failed calls (package/raw) should be 0/0.",
  ], ["operation", ...labels(["calls", "package ms", "raw fetch ms", "ratio", "ratio to raw + timeout", "failed"]), ...(ab ? ["after/before", "goal <= 1.10"] : [])],
  sideBySide(results, "op", (r) => [r.calls, f(r.pkgMs), f(r.rawMs), f(r.ratio), f(r.ratioTimeout), r.errors ? `${r.errors.pkg}/${r.errors.raw}` : ""])
    .map((row) => (ab ? [...row, f(ab(row[0])), ab(row[0]) <= 1.1 ? "met" : "missed"] : row)));
}

function prepareTable(runtime, results) {
  table(`Build + validate + JS conversion alone, ${runtime} (median per call)`, [],
    ["operation", ...labels(["µs"]), "goal < 2 µs (after)"],
    sideBySide(results, "op", (r) => [f(r.us, 2)]).map((row) => {
      const after = results.after.find((r) => r.op === row[0])?.us;
      return [...row, String(row[0]).includes("baseline") ? "" : after < 2 ? "met" : "missed"];
    }));
}

function phasesTable(runtime, rows) {
  table(`Where a real call's time goes, ${runtime} (mean µs per call, loopback)`, [
    "Before fetch: from the call to `fetch()`; fetch call: the synchronous `fetch()` itself; await response: until its promise",
    "resolves; to body read: until `arrayBuffer()` is called; body read: until that resolves; after body: until the call resolves.",
  ], ["operation", "side", "calls", "before fetch", "fetch call", "await response", "to body read", "body read", "after body", "total"],
  rows.map((r) => [r.op, r.side, r.calls, ...["beforeFetch", "fetchCall", "awaitResponse", "toBodyRead", "bodyRead", "afterBody", "total"].map((k) => f(r[k], 1))]));
}

function localTable(runtime, results) {
  const ab = ratioAfterBefore(results, "op", "costUs");
  table(`Whole call with the network stubbed, ${runtime} (fetch returns a ready Response; median per call)`, [
    "Cost = package minus the stub alone. Goal: the cost after at most 1.5x the cost before.",
  ], ["operation", ...labels(["package µs", "stub-only µs", "cost µs"]), ...(ab ? ["cost after/before", "goal <= 1.5"] : [])],
  sideBySide(results, "op", (r) => [f(r.pkgUs, 2), f(r.baseUs, 2), f(r.costUs, 2)])
    .map((row) => (ab ? [...row, f(ab(row[0]), 2), ab(row[0]) <= 1.5 ? "met" : "missed"] : row)));
}

function initTable(rows) {
  table("Init: to the first client ready (median of fresh loads)", [
    "\"import\": from `import` to the first client. \"navigation\": from the frame's navigation start to the first client, the",
    "page's own module and the package loaded as a page would; \"navigation + preload\": the same page with",
    "`<link rel=modulepreload>` for the loader and glue and `<link rel=preload as=fetch crossorigin>` for the .wasm in its head",
    "(README, \"Loading the .wasm early\"). Baseline: the same form with a tiny module instead of the package. Goal: within 5 ms.",
  ], ["runtime", "form", "runs", ...labels(["ms", "minus baseline ms"]), "baseline ms", "goal < 5 ms (after)"],
  rows.map((r) => [r.runtime, r.form, r.runs, ...PACKAGES.flatMap((p) => [f(r[p.label], 2), f(r[p.label] - r.base, 2)]), f(r.base, 2), r.after - r.base < 5 ? "met" : "missed"]));
}

const INIT_RUNS = 15;
const TINY = "export class Client { constructor(c) { this.c = c; } }\n";

function nodeInit() {
  writeFileSync(join(DIR, "tiny.mjs"), TINY);
  const script = (spec) => `const t0 = performance.now(); const m = await import(${JSON.stringify(spec)}); ` +
    `const C = m.AgentClient ?? m.Client; new C({ baseUrl: "https://10.0.0.1:8043", agentId: "1001" }); ` +
    `console.log(performance.now() - t0);`;
  const run = (spec, cwd) => Number(execFileSync(process.execPath, ["--input-type=module", "-e", script(spec)], { cwd }).toString());
  const times = { base: [], ...Object.fromEntries(PACKAGES.map((p) => [p.label, []])) };
  for (let i = 0; i < INIT_RUNS; i++) {
    for (const p of PACKAGES) times[p.label].push(run("cec-agent", p.dir));
    times.base.push(run("./tiny.mjs", DIR));
  }
  return { runtime: "Node " + process.version, form: "import", runs: INIT_RUNS, ...Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) };
}

/** Measurements run in a page with no DevTools protocol attached (see `plainChromium`). */
const plainJobs = new Map();
let plainJobCount = 0;

/** Chromium's flags as root on this kind of machine; each launch adds its headless flag. */
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions"];

/** One timed load in a fresh frame, reported to the parent: see `initTable` for the forms. */
function initFrame(params) {
  const p = PACKAGES.find((x) => x.label === params.get("label"));
  const form = params.get("form");
  const load = p
    ? `const m = await import("/pkg/${p.label}/index.js"); await m.initAsync(); new m.AgentClient({ baseUrl: "https://10.0.0.1:8043", agentId: "1001" });`
    : `const m = await import("/tiny.mjs"); new m.Client({});`;
  const preload = p && form === "preload"
    ? `<link rel="modulepreload" href="/pkg/${p.label}/index.js"><link rel="modulepreload" href="/pkg/${p.label}/cec_agent.js">` +
      `<link rel="preload" href="/pkg/${p.label}/cec_agent_bg.wasm" as="fetch" type="application/wasm" crossorigin>`
    : "";
  // "import" starts the clock at the import; the other forms at navigation start (0).
  const start = form === "import" ? "performance.now()" : "0";
  return `<!doctype html><head>${preload}</head><script type="module">
    const t0 = ${start};
    try { ${load} parent.postMessage({ ms: performance.now() - t0 }, "*"); }
    catch (e) { parent.postMessage({ error: String(e) }, "*"); }
  </script>`;
}

/** Serves the installed packages (/pkg/<label>/), the shared measurement code, a blank page,
 * the init frames, and the pages and result endpoints of `plainChromium`. */
function staticServer() {
  const types = { js: "text/javascript", mjs: "text/javascript", wasm: "application/wasm", html: "text/html" };
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    const path = url.pathname;
    const job = plainJobs.get(path.split("/")[2]);
    if (job && path.startsWith("/plain/")) {
      res.writeHead(200, { "Content-Type": "text/html", "Cache-Control": "no-store" });
      return res.end(`<!doctype html><title>bench</title><script type="module">
        let out;
        try {
          ${job.load} const core = await import("/core.mjs");
          out = { ok: await (async () => { ${job.code} })() };
        } catch (e) { out = { error: String((e && e.stack) || e) }; }
        await fetch(location.pathname.replace("/plain/", "/result/"), { method: "POST", body: JSON.stringify(out) });
      </script>`);
    }
    if (job && path.startsWith("/result/") && req.method === "POST") {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => { res.end(); job.done(body); });
      return;
    }
    if (path === "/init-frame") {
      res.writeHead(200, { "Content-Type": "text/html", "Cache-Control": "no-store" });
      return res.end(initFrame(url.searchParams));
    }
    let file;
    const pkgPath = path.match(/^\/pkg\/([a-z]+)\/([^/]+)$/);
    if (path === "/" || path === "/index.html") file = null;
    else if (path === "/core.mjs") file = new URL("./bench-core.mjs", import.meta.url);
    else if (path === "/tiny.mjs") file = join(DIR, "tiny.mjs");
    else if (pkgPath && PACKAGES.some((p) => p.label === pkgPath[1]) && !pkgPath[2].startsWith(".")) file = join(PACKAGES.find((p) => p.label === pkgPath[1]).path, pkgPath[2]);
    try {
      const body = file ? readFileSync(file) : "<!doctype html><title>bench</title>";
      res.writeHead(200, { "Content-Type": types[String(file ?? "x.html").split(".").pop()] ?? "application/octet-stream", "Cache-Control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Runs `code` (with `pkg`, loaded by `load`, and `core` in scope) in headless Chromium started
 * directly, with no DevTools protocol session: Playwright's session records every request's
 * initiator stack, which costs a call made from inside the package (wasm frames on the stack)
 * about 50 µs more in `fetch()` than a hand-written one, and users' pages run without it. The
 * page posts its result back; Chromium is killed when it arrives or after `timeoutMs`.
 */
async function plainChromium(origin, load, code, timeoutMs) {
  const id = String(++plainJobCount);
  const profile = mkdtempSync(join(tmpdir(), "cec-bench-chromium-"));
  const result = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no result from Chromium within ${timeoutMs} ms`)), timeoutMs);
    plainJobs.set(id, { load, code, done: (body) => { clearTimeout(timer); resolve(body); } });
  });
  // Its own process group, so that killing it also stops the renderer and helper processes.
  const child = spawn("/usr/bin/chromium", ["--headless=new", ...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `${origin}/plain/${id}`], { stdio: "ignore", detached: true });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const out = JSON.parse(await result);
    if (out.error) throw new Error(`Chromium: ${out.error}`);
    return out.ok;
  } finally {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    plainJobs.delete(id);
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}

/** Init in Chromium: every form, every package and the baseline, interleaved, a fresh frame
 * (its own module map; every file served no-store) per load. */
async function chromiumInit(origin, version) {
  const forms = ["import", "navigation", "preload"];
  const loads = forms.flatMap((form) => [...PACKAGES.map((p) => ({ form, label: p.label })), { form, label: "base" }]);
  const times = await plainChromium(origin, "", `
    const loads = ${JSON.stringify(loads)};
    const times = {};
    for (let i = 0; i < ${INIT_RUNS}; i++) {
      for (const { form, label } of loads) {
        const ms = await new Promise((resolve, reject) => {
          const frame = document.createElement("iframe");
          addEventListener("message", function once(e) {
            if (e.source !== frame.contentWindow) return;
            removeEventListener("message", once);
            frame.remove();
            e.data.error ? reject(new Error(e.data.error)) : resolve(e.data.ms);
          });
          frame.src = "/init-frame?form=" + form + "&label=" + label;
          document.body.append(frame);
        });
        ((times[form] ??= {})[label] ??= []).push(ms);
      }
    }
    return times;`, 300_000);
  const names = { import: "import", navigation: "navigation", preload: "navigation + preload" };
  // The baseline of the preload form is the tiny module without hints (it has nothing to preload).
  return forms.map((form) => ({
    runtime: `Chromium ${version}, no DevTools session`, form: names[form], runs: INIT_RUNS,
    ...Object.fromEntries(Object.entries(times[form]).map(([k, v]) => [k, median(v)])),
  }));
}

async function chromium() {
  const require = createRequire(new URL("./node_modules/", import.meta.url));
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", ...CHROMIUM_FLAGS],
  });
  const server = await staticServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const results = { prepare: {}, local: {}, overhead: {}, phases: [] };
  try {
    const version = browser.version();
    const page = await browser.newPage();
    page.on("console", (m) => log(`[chromium] ${m.text()}`));
    await page.goto(origin + "/");
    for (const p of PACKAGES) {
      // A fresh page per package: each loads its own module.
      await page.goto(origin + "/");
      const load = `${loadPkg(p)} const core = await import("/core.mjs");`;
      log(`Chromium ${p.label}: build + validate + conversion`);
      results.prepare[p.label] = await page.evaluate(`(async () => { ${load} return core.prepareCost(${JSON.stringify(SIM)}, pkg); })()`);
      await page.goto(origin + "/");
      log(`Chromium ${p.label}: local cost`);
      results.local[p.label] = await page.evaluate(`(async () => { ${load} return core.localCost(${JSON.stringify(SIM)}, pkg); })()`);
      log(`Chromium ${p.label} (no DevTools session): call phases`);
      const phases = await plainChromium(origin, loadPkg(p), `return core.callPhases(${JSON.stringify(SIM)}, pkg);`, 300_000);
      results.phases.push(...phases.map((r) => ({ ...r, side: r.side === "package" ? `package (${p.label})` : `${r.side} (${p.label} run)` })));
      log(`Chromium ${p.label} (no DevTools session): call overhead`);
      results.overhead[p.label] = await plainChromium(origin, loadPkg(p), `return core.callOverhead(${JSON.stringify(SIM)}, pkg, { calls: ${CALLS}, budgetMs: ${BUDGET_MS * 1.5} });`, BUDGET_MS * 1.5 + 300_000);
    }
    log("Chromium (no DevTools session): init");
    results.init = await chromiumInit(origin, version);
    return { version, ...results };
  } finally {
    server.close();
    await browser.close();
  }
}

// The call phases patch `fetch` and `Response.prototype.arrayBuffer`, and the package takes
// the latter once, at its first call: they are measured in a process of their own (in Chromium,
// a page of their own), where the patches are in place before that call.
if (process.argv[2] === "--phases") {
  const pkg = await nodePkg(PACKAGES.find((p) => p.label === process.argv[3]));
  process.stdout.write(JSON.stringify(await callPhases(SIM, pkg)));
  process.exit(0);
}

const node = { prepare: {}, local: {}, overhead: {}, phases: [] };
for (const p of PACKAGES) {
  const pkg = await nodePkg(p);
  if (p.label === "after") print(`# cec-agent ${pkg.version()} benchmarks (${new Date().toISOString()}; ${CALLS} calls per operation requested)`);
  log(`Node ${p.label}: build + validate + conversion`);
  node.prepare[p.label] = await prepareCost(SIM, pkg);
  log(`Node ${p.label}: local cost`);
  node.local[p.label] = await localCost(SIM, pkg);
  log(`Node ${p.label}: call phases`);
  const phases = JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--phases", p.label], { stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 }));
  node.phases.push(...phases.map((r) => ({ ...r, side: r.side === "package" ? `package (${p.label})` : `${r.side} (${p.label} run)` })));
  log(`Node ${p.label}: call overhead`);
  node.overhead[p.label] = await callOverhead(SIM, pkg, { calls: CALLS, budgetMs: BUDGET_MS, log });
}
print();
print(PACKAGES.map((p) => `- ${p.label}: ${p.rev ?? "this checkout"}`).join("\n"));
print();
log("Node: init");
const nodeInitRow = nodeInit();
const browser = await chromium();
sizes();
const nodeName = "Node " + process.version;
const chromeName = `Chromium ${browser.version}`;
overheadTable(nodeName, node.overhead);
overheadTable(`${chromeName}, page without a DevTools session`, browser.overhead);
phasesTable(nodeName, node.phases);
phasesTable(`${chromeName}, page without a DevTools session`, browser.phases);
prepareTable(nodeName, node.prepare);
prepareTable(chromeName, browser.prepare);
localTable(nodeName, node.local);
localTable(chromeName, browser.local);
initTable([nodeInitRow, ...browser.init]);
const capped = [...Object.values(node.overhead), ...Object.values(browser.overhead)].flat().some((r) => r.calls < CALLS);
if (capped) print(`Note: the time budget (BENCH_BUDGET_S=${BUDGET_MS / 1000} s per runtime and package for Node, 1.5x for Chromium) capped some operations below ${CALLS} calls; the counts used are in the tables.`);
writeFileSync(join(DIR, "bench.md"), out.join("\n") + "\n");
process.exit(0);
