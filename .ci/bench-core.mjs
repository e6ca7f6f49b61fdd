// Benchmark measurements shared by Node and headless Chromium (.ci/bench). Plain ESM, no
// dependencies: `pkg` is the cec-agent module namespace, `sim` the simulator's URL.

const now = () => performance.now();
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function control(sim, method, path, body) {
  const res = await fetch(sim + path, { method, headers: { "Content-Type": "application/json" }, body: body && JSON.stringify(body) });
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

/** Signs agents in and sets up the state every documented operation needs to succeed. */
async function setUp(sim, pkg) {
  await control(sim, "POST", "/__sim/reset");
  await control(sim, "DELETE", "/__sim/faults");
  const guid = async (id) => (await control(sim, "POST", "/__sim/agents", { agentId: id })).guid;
  const client = async (agentId) => new pkg.AgentClient({ baseUrl: sim, agentId, guid: await guid(agentId), allowInsecureHttp: true });
  // One agent per operation, so that no operation's state stands in another's way.
  const agent = await client("1001"); // a call ringing: queryCallInfoBeforeAnswer has one to return
  await control(sim, "POST", "/__sim/agents/1001/call", {});
  const player = await client("1004"); // beginNetPlay
  const conferee = await client("1003"); // in a three-party call: thirdPartyConfTransmitNum
  await control(sim, "POST", "/__sim/agents/1003/conference");
  const target = await client("1005"); // the agent whose call the supervisor intercepts
  const supervisor = await client("1002");
  const cms = new pkg.CmsClient({ baseUrl: sim, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });
  return { sim, agent, player, conferee, target, supervisor, cms };
}

/**
 * The five documented operations through the package, each on its success path. `arm`, where
 * present, restores (untimed, before every timed call, on both sides) the state a repeated
 * call needs: playback stopped for `beginNetPlay` (the gateway refuses a second one while the
 * first plays), a call for the target and the supervisor listening to it for `intercept`
 * (which takes the call away).
 */
export function operations({ sim, agent, player, conferee, supervisor, cms }) {
  return {
    beginNetPlay: {
      call: () => player.beginNetPlay({ fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1 }),
      arm: () => player.stopPlay().catch(() => {}),
    },
    queryCallInfoBeforeAnswer: { call: () => agent.queryCallInfoBeforeAnswer() },
    thirdPartyConfTransmitNum: { call: () => conferee.thirdPartyConfTransmitNum() },
    intercept: {
      call: () => supervisor.intercept({ workNo: "1005" }),
      arm: async () => {
        await control(sim, "POST", "/__sim/agents/1005/call", { answered: true });
        await control(sim, "POST", "/__sim/qc", { inspector: "1002", target: "1005", mode: "listen" });
      },
    },
    downloadRecordFile: { call: () => cms.downloadRecordFile({ callID: "1700000000-1" }) },
  };
}

/** Records the exact request (URL, method, headers, body) one package call sends. */
async function capture({ call, arm }) {
  await arm?.();
  const real = globalThis.fetch;
  let seen;
  globalThis.fetch = (url, init) => {
    const headers = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    // The package sends a JSON body as UTF-8 bytes; a hand-written call sends the same text.
    const body = init.body instanceof Uint8Array ? new TextDecoder().decode(init.body) : init.body;
    seen = { url: String(url), method: init.method, headers, body };
    return real(url, init);
  };
  try {
    await call().catch(() => {});
  } finally {
    globalThis.fetch = real;
  }
  return seen;
}

/** How a hand-written call reads the answer: bytes (a recording), JSON the way a caller
 * would (`res.json()`), or JSON read as bytes first, the way the package reads it. */
const result = (json) => {
  if (json.retcode !== "0") throw new Error(json.retcode);
  return json.result;
};
const READ = {
  bytes: async (res) => new Uint8Array(await res.arrayBuffer()),
  json: async (res) => result(await res.json()),
  bytesAsJson: async (res) => result(JSON.parse(new TextDecoder().decode(await res.arrayBuffer()))),
};

/** A minimal hand-written fetch of `req`, reading the answer with `read`. With `timeoutMs`,
 * it also cancels on a timeout the way the package does (an AbortController whose signal
 * goes to fetch, a timer that aborts it), so the cost of that is seen apart. */
const rawCall = (req, read, timeoutMs) => async () => {
  let controller, timer;
  if (timeoutMs) {
    controller = new AbortController();
    timer = setTimeout(() => controller.abort(), timeoutMs);
  }
  try {
    return await read(await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, signal: controller?.signal }));
  } finally {
    clearTimeout(timer);
  }
};

/** The package's default per-call timeouts (CC-Gateway, CC-CMS), for the raw baseline. */
const DEFAULT_TIMEOUT_MS = { gateway: 30000, cms: 120000 };

/**
 * Package vs raw fetch (with and without a timeout), per operation: warm-up, then interleaved
 * batches of `batch` calls (package, raw, raw with timeout, ...) until `calls` of each or the
 * time budget runs out. A batch is timed as a whole (Chromium's clock is coarsened to 0.1 ms,
 * too coarse for single calls); for an operation with an `arm` step, each call is timed on its
 * own and summed, the arming left out (the coarse clock's jitter averages out over a batch).
 * The figures are medians of the per-call batch means; failed calls are counted per side.
 */
export async function callOverhead(sim, pkg, { calls, budgetMs, batch = 50, log = () => {} }) {
  const clients = await setUp(sim, pkg);
  const ops = operations(clients);
  const rows = [];
  const perOpBudget = budgetMs / Object.keys(ops).length;
  for (const [name, op] of Object.entries(ops)) {
    const req = await capture(op);
    const binary = name === "downloadRecordFile";
    const read = binary ? READ.bytes : READ.json;
    const sides = { pkg: op.call, raw: rawCall(req, read), rawTimeout: rawCall(req, read, binary ? DEFAULT_TIMEOUT_MS.cms : DEFAULT_TIMEOUT_MS.gateway) };
    const means = { pkg: [], raw: [], rawTimeout: [] };
    const errors = { pkg: 0, raw: 0, rawTimeout: 0 };
    let done = 0;
    const attempt = async (which) => {
      try {
        await sides[which]();
      } catch {
        errors[which]++;
      }
    };
    const timed = async (which) => {
      let spent = 0;
      if (op.arm) {
        for (let i = 0; i < batch; i++) {
          await op.arm();
          const t0 = now();
          await attempt(which);
          spent += now() - t0;
        }
      } else {
        const t0 = now();
        for (let i = 0; i < batch; i++) await attempt(which);
        spent = now() - t0;
      }
      means[which].push(spent / batch);
    };
    const round = async () => { for (const which of Object.keys(sides)) await timed(which); };
    for (let i = 0; i < 3; i++) await round();
    for (const k in means) means[k].length = 0;
    for (const k in errors) errors[k] = 0;
    const start = now();
    while (done < calls && now() - start < perOpBudget) {
      await round();
      done += batch;
    }
    const [p, r, rt] = [median(means.pkg), median(means.raw), median(means.rawTimeout)];
    rows.push({ op: name, calls: done, pkgMs: p, rawMs: r, rawTimeoutMs: rt, ratio: p / r, ratioTimeout: p / rt, errors });
    log(`${name}: ${done} calls each`);
  }
  return rows;
}

/**
 * Where a real call's time goes: `fetch` and `Response.prototype.arrayBuffer` are wrapped to
 * timestamp each step of a package call and of the hand-written fetch with a timeout (which
 * reads the body the same way), interleaved in batches. Means, not medians: Chromium's clock
 * is coarsened (with jitter) to 0.1 ms, so only averages over many calls resolve microseconds.
 */
export async function callPhases(sim, pkg, { calls = 2000, batch = 50 } = {}) {
  // Must run before the package's first call in this realm: the package takes
  // `Response.prototype.arrayBuffer` once, at that call (see `.ci/bench.mjs --phases`).
  const clients = await setUp(sim, pkg);
  const ops = operations(clients);
  const realFetch = globalThis.fetch;
  const realArrayBuffer = Response.prototype.arrayBuffer;
  const steps = ["beforeFetch", "fetchCall", "awaitResponse", "toBodyRead", "bodyRead", "afterBody", "total"];
  const rows = [];
  let t;
  try {
    globalThis.fetch = (url, init) => {
      t.f0 = now();
      const p = realFetch(url, init);
      t.f1 = now();
      p.then(() => (t.f2 = now()), () => {});
      return p;
    };
    Response.prototype.arrayBuffer = function () {
      t.a0 = now();
      const p = realArrayBuffer.call(this);
      p.then(() => (t.a1 = now()), () => {});
      return p;
    };
    for (const name of ["queryCallInfoBeforeAnswer", "thirdPartyConfTransmitNum"]) {
      const req = await capture(ops[name]);
      // Reading the body as bytes, as the package does, so both sides pass the same timestamps.
      const sides = { package: ops[name].call, "raw fetch + timeout": rawCall(req, READ.bytesAsJson, DEFAULT_TIMEOUT_MS.gateway) };
      const sums = Object.fromEntries(Object.keys(sides).map((k) => [k, { n: 0, ...Object.fromEntries(steps.map((s) => [s, 0])) }]));
      for (let b = 0; b < calls / batch + 2; b++) {
        for (const [which, call] of Object.entries(sides)) {
          for (let i = 0; i < batch; i++) {
            t = {};
            const t0 = now();
            await call();
            const t9 = now();
            if (b < 2) continue; // warm-up
            const s = sums[which];
            s.n++;
            s.beforeFetch += t.f0 - t0;
            s.fetchCall += t.f1 - t.f0;
            s.awaitResponse += t.f2 - t.f1;
            s.toBodyRead += t.a0 - t.f2;
            s.bodyRead += t.a1 - t.a0;
            s.afterBody += t9 - t.a1;
            s.total += t9 - t0;
          }
        }
      }
      for (const [which, s] of Object.entries(sums)) {
        rows.push({ op: name, side: which, calls: s.n, ...Object.fromEntries(steps.map((k) => [k, (s[k] / s.n) * 1000])) });
      }
    }
  } finally {
    globalThis.fetch = realFetch;
    Response.prototype.arrayBuffer = realArrayBuffer;
  }
  return rows;
}

/**
 * Build + validate + JS conversion alone: the operation's argument conversion, validation,
 * request building (URL, headers, body; for CMS the C2 signature) and the `fetch` init,
 * through the package's `__prepareOnly` benchmark hook, which runs the same functions a call
 * runs before it sends. No network, no promise.
 */
export async function prepareCost(sim, pkg, { calls = 20000, batch = 1000 } = {}) {
  const clients = await setUp(sim, pkg);
  const { agent, player, conferee, supervisor, cms } = clients;
  const cases = {
    beginNetPlay: () => player.__prepareOnly("beginNetPlay", { fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1 }),
    queryCallInfoBeforeAnswer: () => agent.__prepareOnly("queryCallInfoBeforeAnswer"),
    thirdPartyConfTransmitNum: () => conferee.__prepareOnly("thirdPartyConfTransmitNum"),
    intercept: () => supervisor.__prepareOnly("intercept", { workNo: "1005" }),
    downloadRecordFile: () => cms.__prepareOnly({ callID: "1700000000-1" }),
    // Baseline: what a hand-written wrapper does before `fetch` for beginNetPlay (URL, headers,
    // JSON body and init object; no validation), to read the figures above against this machine.
    "hand-written beginNetPlay init (baseline)": () => {
      const request = { fileName: "Y:/12/0/20211019/155/1406470.V3", ccId: 1 };
      const url = `${sim}/agentgateway/resource/recordplay/1004/netplay`;
      return [url, { method: "POST", headers: { "Content-Type": "application/json; charset=UTF-8", Guid: "g" }, body: JSON.stringify(request) }];
    },
  };
  // Interleaved: one batch of each operation per round, the order rotating every round, so
  // that warm-up, tier-up and GC fall on every operation alike.
  const entries = Object.entries(cases);
  const per = Object.fromEntries(entries.map(([name]) => [name, []]));
  for (let b = 0; b < calls / batch + 2; b++) {
    for (let j = 0; j < entries.length; j++) {
      const [name, call] = entries[(j + b) % entries.length];
      const t0 = now();
      for (let i = 0; i < batch; i++) call();
      if (b >= 2) per[name].push(((now() - t0) / batch) * 1000);
    }
  }
  return entries.map(([name]) => ({ op: name, us: median(per[name]) }));
}

/**
 * The whole call with the network taken out: `fetch` is a stub that returns a ready
 * `Response`, and the baseline calls the same stub directly and reads the body.
 */
export async function localCost(sim, pkg, { calls = 20000, batch = 1000 } = {}) {
  const clients = await setUp(sim, pkg);
  const ops = operations(clients);
  const real = globalThis.fetch;
  const rows = [];
  try {
    for (const [name, op] of Object.entries(ops)) {
      if (name === "downloadRecordFile") continue; // C2 signing (HMAC-SHA256) is measured apart
      const req = await capture(op);
      // A success answer: the real one for the query, the documented ack for the others.
      const answer = name === "queryCallInfoBeforeAnswer"
        ? await (await real(req.url, { method: req.method, headers: req.headers, body: req.body })).text()
        : '{"message":"success","retcode":"0","result":{}}';
      const init = { status: 200, headers: { "Content-Type": "application/json;charset=UTF-8" } };
      const stub = () => Promise.resolve(new Response(answer, init));
      const direct = async () => (await stub(req.url, req)).arrayBuffer();
      globalThis.fetch = stub;
      const per = { pkg: [], base: [] };
      for (let b = 0; b < calls / batch + 2; b++) {
        for (const [which, f] of [["pkg", op.call], ["base", direct]]) {
          const t0 = now();
          for (let i = 0; i < batch; i++) await f();
          if (b >= 2) per[which].push(((now() - t0) / batch) * 1000);
        }
      }
      globalThis.fetch = real;
      const [p, base] = [median(per.pkg), median(per.base)];
      rows.push({ op: name, pkgUs: p, baseUs: base, costUs: p - base });
    }
  } finally {
    globalThis.fetch = real;
  }
  return rows;
}
