// Event-poller cost in Node: N polls through the package against a simulator that answers at
// once (pollHoldMs 0), versus a hand-written fetch loop doing the same GET in the same run.
// Prints CPU per poll, the idle CPU this means at the real cadence (the gateway holds a poll
// ~10 s; the client waits 300 ms between answers), and heap/RSS samples (heap must not grow).
// Run by `.ci/bench` with CEC_SIM_URL set; `node --expose-gc .ci/bench-poller.mjs [N]`.
import { AgentClient } from "../pkg/node.js";

const SIM = process.env.CEC_SIM_URL;
const N = Number(process.argv[2] ?? 10_000);
const REAL_CADENCE_MS = 10_000 + 300;
const sim = (method, path, body) =>
  fetch(SIM + path, { method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) }).then((r) => r.json());
const gc = () => globalThis.gc?.();
const mib = (b) => (b / 1048576).toFixed(1);

async function measure(label, run) {
  gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const samples = await run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { label, ms, cpuMs, perPollUs: (cpuMs * 1000) / N, samples };
}

await sim("POST", "/__sim/reset");
await sim("POST", "/__sim/config", { pollHoldMs: 0, idleSignoutMs: 0 });
const guid = (await sim("POST", "/__sim/agents", { agentId: "1901" })).guid;

// Baseline: the same GET with the same headers, parsed, in a plain loop.
const raw = await measure("hand-written fetch loop", async () => {
  const url = `${SIM}/agentgateway/resource/agentevent/1901`;
  const headers = { "Content-Type": "application/json; charset=UTF-8", Guid: guid };
  for (let i = 0; i < N; i++) await (await fetch(url, { headers })).json();
  return [];
});

const client = new AgentClient({ baseUrl: SIM, agentId: "1901", guid, allowInsecureHttp: true, events: { idleDelayMs: 0 } });
const pkg = await measure("AgentClient poller", async () => {
  const samples = [];
  client.startEvents();
  let next = 0;
  while (client.pollCount < N) {
    await new Promise((r) => setTimeout(r, 20));
    if (client.pollCount >= next) {
      gc();
      const m = process.memoryUsage();
      samples.push({ polls: client.pollCount, heapUsed: m.heapUsed, rss: m.rss, external: m.external });
      next += N / 10;
    }
  }
  client.stopEvents();
  return samples;
});
await new Promise((r) => setTimeout(r, 100));

console.log(`\nEvent poller, ${N} polls against the simulator (pollHoldMs 0), Node ${process.version}`);
console.log("| loop | wall ms | CPU ms | CPU µs/poll |");
console.log("|---|---|---|---|");
for (const r of [raw, pkg]) console.log(`| ${r.label} | ${r.ms.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${r.perPollUs.toFixed(1)} |`);
console.log(`CPU ratio package/raw: ${(pkg.cpuMs / raw.cpuMs).toFixed(2)}`);
console.log(`Idle CPU at the real cadence (one poll per ${REAL_CADENCE_MS / 1000} s): ${((pkg.perPollUs / 1000 / REAL_CADENCE_MS) * 100).toFixed(5)} % of one core`);
console.log("\nMemory while polling (after GC when --expose-gc):");
console.log("| polls | heapUsed MiB | external MiB | rss MiB |");
console.log("|---|---|---|---|");
for (const s of pkg.samples) console.log(`| ${s.polls} | ${mib(s.heapUsed)} | ${mib(s.external)} | ${mib(s.rss)} |`);
const first = pkg.samples[1] ?? pkg.samples[0];
const last = pkg.samples.at(-1);
console.log(`heap growth from ${first.polls} to ${last.polls} polls: ${((last.heapUsed - first.heapUsed) / 1024).toFixed(0)} KiB`);
