// A whole shift of two agents on the softphone page (examples/softphone/), in one headless
// Chromium with one page per agent, against one simulator, under the strict CSP: sign in both,
// busy and ready again, a customer call rings A, A answers, holds, unholds, consults B (B
// answers, hangs the consult up), transfers the customer to B, B talks, the customer hangs up
// on B, A finishes wrap-up and takes a rest, both sign out. The page draws only from
// `agent.state` / `agent.subscribe`; every state is checked in the DOM (header dot, state label,
// call rows, enabled buttons), in a screenshot (a PNG of the page, its status dot's colour read
// back from the pixels, different from the one before) and against the simulator's own view.
// Timings per step are printed (and written to target/screenshots/shift/timings.json).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { ROOT, STRICT_CSP, colourCount, decodePng, launchChromium, startSim, watch } from "./harness.mjs";

const SHOTS = new URL("target/screenshots/shift/", ROOT).pathname;
/** The status dot's colours (examples/softphone/style.css). */
const DOT = {
  "signed-out": [0x9e, 0x9e, 0x9e],
  ready: [0x2e, 0x7d, 0x32],
  ringing: [0xef, 0x6c, 0x00],
  talking: [0x15, 0x65, 0xc0],
  busy: [0xf9, 0xa8, 0x25],
  rest: [0x5d, 0x40, 0x37],
  "wrap-up": [0x00, 0x83, 0x8f],
  held: [0xad, 0x14, 0x57],
};
const A = { id: "1001", phone: "70001" };
const B = { id: "1003", phone: "70003" };

test("softphone: a two-agent shift driven by agent.state", { timeout: 180_000 }, async () => {
  mkdirSync(SHOTS, { recursive: true });
  const sim = await startSim({ staticDir: new URL("target/softphone", ROOT).pathname });
  const browser = await launchChromium();
  const timings = [];
  const t0 = performance.now();
  let last = t0;
  let previousPng = null;
  let shot = 0;
  try {
    await sim.control("POST", "/__sim/reset");
    // Polls held 1 s at most, so that a sign-out (which waits for the poll) is quick.
    await sim.control("POST", "/__sim/config", { pollHoldMs: 1000 });
    const open = async (agent) => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
      page.setDefaultTimeout(15_000);
      const watcher = await watch(page);
      const response = await page.goto(`${sim.url}/?agent=${agent.id}&phone=${agent.phone}`);
      assert.equal(response.headers()["content-security-policy"], STRICT_CSP);
      await page.waitForSelector("body[data-ready=true]");
      return { page, watcher, agent };
    };
    const a = await open(A);
    const b = await open(B);
    const simAgent = (agent) => sim.control("GET", `/__sim/agents/${agent.id}`);

    /**
     * Waits until `who`'s page shows `dot` in its header and `agentState` as its state label
     * (null: any; while a call rings the events leave it as it was, a resync reads 7, occupied),
     * checks its call rows (states, in order) and which buttons are enabled, screenshots it,
     * and records the step's time.
     */
    const expectState = async (who, name, { dot, agentState, calls = [], enabled = [] }) => {
      const { page } = who;
      await page.waitForFunction(
        ([d, s, c]) =>
          document.getElementById("status").dataset.state === d &&
          (s === null || document.getElementById("agent-state").dataset.state === s) &&
          JSON.stringify([...document.querySelectorAll("#calls li")].map((li) => li.dataset.state)) === c,
        [dot, agentState, JSON.stringify(calls)],
      ).catch(async (e) => {
        const seen = await page.evaluate(() => [document.getElementById("status").dataset.state, document.getElementById("agent-state").dataset.state,
          [...document.querySelectorAll("#calls li")].map((li) => li.textContent), document.getElementById("last-error").textContent]);
        throw new Error(`${who.agent.id} ${name}: expected ${dot}/${agentState}/${JSON.stringify(calls)}, page shows ${JSON.stringify(seen)}`, { cause: e });
      });
      const buttons = await page.evaluate(() => [...document.querySelectorAll("#state-panel button, #call > button, #dtmf button, #session button")].filter((x) => !x.disabled).map((x) => x.id));
      for (const id of enabled) assert.ok(buttons.includes(id), `${who.agent.id} ${name}: #${id} enabled (enabled: ${buttons})`);
      assert.equal(await page.textContent("#last-error"), "", `${who.agent.id} ${name}: no error shown`);
      await page.evaluate(() => window.scrollTo(0, 0)); // a click may have scrolled the header away
      const png = await page.screenshot({ path: `${SHOTS}${String(++shot).padStart(2, "0")}-${who.agent.id}-${name}.png` });
      const image = decodePng(png);
      assert.ok(png.length > 10_000 && colourCount(image) > 12, `${name}: the screenshot shows a rendered page`);
      const box = await page.locator("#status-dot").boundingBox();
      const [r, g, bl] = image.pixel(Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2));
      const want = DOT[dot];
      assert.ok(Math.abs(r - want[0]) + Math.abs(g - want[1]) + Math.abs(bl - want[2]) <= 12, `${name}: status dot rgb(${r},${g},${bl}), expected rgb(${want})`);
      assert.ok(!previousPng || !png.equals(previousPng), `${name}: the screenshot differs from the one before`);
      previousPng = png;
      const now = performance.now();
      timings.push({ step: `${who.agent.id} ${name}`, ms: Math.round(now - last) });
      last = now;
    };
    const click = async (who, id) => {
      await who.page.waitForSelector(`#${id}:not([disabled])`);
      await who.page.click(`#${id}`);
    };

    // Sign in both: ready (the simulator signs agents in idle).
    for (const who of [a, b]) {
      await expectState(who, "loaded", { dot: "signed-out", agentState: "signedOut", enabled: ["sign-in"] });
      await click(who, "sign-in");
      await expectState(who, "signed-in", { dot: "ready", agentState: "idle", enabled: ["busy", "rest", "call-out", "sign-out"] });
    }
    // A goes busy with a reason, then ready again.
    await a.page.fill("#busy-reason", "205");
    await click(a, "busy");
    await expectState(a, "busy", { dot: "busy", agentState: "busy", enabled: ["ready", "rest"] });
    assert.match(await a.page.textContent("#status-text"), /busy \(reason 205\)/);
    await click(a, "ready");
    await expectState(a, "ready", { dot: "ready", agentState: "idle" });

    // A customer call rings A; A answers, holds, unholds.
    await click(a, "sim-ring");
    await expectState(a, "ringing", { dot: "ringing", agentState: null, calls: ["ringing"], enabled: ["answer"] });
    const [call] = (await simAgent(A)).calls;
    assert.ok(call, "the simulator has A's call");
    await click(a, "answer");
    await expectState(a, "talking", { dot: "talking", agentState: "talking", calls: ["talking"], enabled: ["hang-up", "hold", "mute", "transfer", "consult", "dtmf-1"] });
    await click(a, "dtmf-1");
    await click(a, "dtmf-hash");
    await a.page.waitForFunction(() => document.getElementById("dtmf-sent").textContent === "1#");
    await click(a, "mute");
    await a.page.waitForSelector("#calls li:has-text('(muted)')");
    await click(a, "unmute");
    await a.page.waitForSelector("#unmute[disabled]");
    await click(a, "hold");
    await expectState(a, "held", { dot: "held", agentState: "talking", calls: ["held"], enabled: ["unhold"] });
    await click(a, "unhold");
    await expectState(a, "unheld", { dot: "talking", agentState: "talking", calls: ["talking"] });

    // A consults B: the customer is held, B rings in a new call and answers; B ends the consult.
    await a.page.fill("#consult-to", B.id);
    await click(a, "consult");
    await expectState(b, "consult-ringing", { dot: "ringing", agentState: null, calls: ["ringing"], enabled: ["answer"] });
    await click(b, "answer");
    await expectState(b, "consult-talking", { dot: "talking", agentState: "talking", calls: ["talking"] });
    await expectState(a, "consulting", { dot: "talking", agentState: "talking", calls: ["held", "talking"], enabled: ["conference", "complete-transfer"] });
    await click(b, "hang-up");
    await expectState(b, "consult-over", { dot: "wrap-up", agentState: "wrapUp", enabled: ["wrap-up-done"] });
    await click(b, "wrap-up-done");
    await expectState(b, "ready-for-transfer", { dot: "ready", agentState: "idle" });
    await expectState(a, "consult-over", { dot: "held", agentState: "talking", calls: ["held"] });
    await click(a, "unhold");
    await expectState(a, "back-to-customer", { dot: "talking", agentState: "talking", calls: ["talking"] });

    // A transfers the customer to B (success transfer): B rings and answers, A is released
    // into wrap-up (signed in without auto-idle).
    await a.page.fill("#transfer-to", B.id);
    await click(a, "transfer");
    await expectState(b, "transfer-ringing", { dot: "ringing", agentState: null, calls: ["ringing"] });
    await click(b, "answer");
    await expectState(b, "talking-with-customer", { dot: "talking", agentState: "talking", calls: ["talking"] });
    await expectState(a, "wrap-up", { dot: "wrap-up", agentState: "wrapUp", enabled: ["wrap-up-done", "ready"] });
    assert.equal((await simAgent(B)).calls[0]?.callid ?? (await simAgent(B)).calls[0]?.callId, call.callid ?? call.callId, "B has the customer's call");

    // The customer hangs up on B; B goes to wrap-up and finishes it.
    await click(b, "sim-hangup");
    await expectState(b, "customer-hung-up", { dot: "wrap-up", agentState: "wrapUp" });
    await click(b, "wrap-up-done");
    await expectState(b, "ready-again", { dot: "ready", agentState: "idle" });

    // A finishes wrap-up and takes a rest.
    await click(a, "wrap-up-done");
    await expectState(a, "ready-after-wrap-up", { dot: "ready", agentState: "idle" });
    await a.page.fill("#rest-seconds", "600");
    await click(a, "rest");
    await expectState(a, "rest", { dot: "rest", agentState: "rest", enabled: ["ready"] });
    assert.match(await a.page.textContent("#status-text"), /rest until \d/);
    assert.equal((await simAgent(A)).agentState, 8, "the simulator has A at rest");

    // Both sign out.
    for (const who of [a, b]) {
      await click(who, "sign-out");
      await expectState(who, "signed-out", { dot: "signed-out", agentState: "signedOut", enabled: ["sign-in"] });
      assert.deepEqual(who.watcher.problems(), [], `${who.agent.id}: no console errors, exceptions or CSP violations`);
    }
    timings.push({ step: "total", ms: Math.round(performance.now() - t0) });
  } finally {
    writeFileSync(`${SHOTS}timings.json`, JSON.stringify(timings, null, 2));
    console.log(timings.map((t) => `${t.step}: ${t.ms} ms`).join("\n"));
    await browser.close();
    sim.stop();
  }
});
