// End-to-end test of the softphone demo page (examples/softphone/) in headless Chromium,
// served by `cec-sim --static` with the packed package beside it and a strict CSP
// (no 'unsafe-eval'). Every state the page shows is screenshotted to
// target/screenshots/softphone/ and checked: DOM state, a non-blank PNG, and the colour of
// the status dot read back from the PNG's pixels.
// SOFTPHONE_URL points it at a running server (`.ci/demo`); otherwise it starts its own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { ROOT, STRICT_CSP, colourCount, controlOf, decodePng, launchChromium, startSim, watch } from "./harness.mjs";

const SHOTS = new URL("target/screenshots/softphone/", ROOT).pathname;
/** The status dot's colours (examples/softphone/style.css). */
const DOT = {
  "signed-out": [0x9e, 0x9e, 0x9e],
  ready: [0x2e, 0x7d, 0x32],
  ringing: [0xef, 0x6c, 0x00],
  talking: [0x15, 0x65, 0xc0],
  "wrap-up": [0x00, 0x83, 0x8f],
};

test("softphone page: sign-in, ringing, net play, transmit, listen, intercept, download, under a strict CSP", { timeout: 120_000 }, async () => {
  mkdirSync(SHOTS, { recursive: true });
  const own = process.env.SOFTPHONE_URL ? null : await startSim({ staticDir: new URL("target/softphone", ROOT).pathname });
  const url = process.env.SOFTPHONE_URL ?? own.url;
  const control = controlOf(url);
  const browser = await launchChromium();
  try {
    await control("POST", "/__sim/reset");
    await control("POST", "/__sim/config", { pollHoldMs: 1000 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    const watcher = await watch(page);
    let shot = 0;

    /** Screenshots the page as `name`, then checks the dot shows `state` and the shot is not blank. */
    const expectState = async (name, state) => {
      await page.waitForSelector(`#status[data-state="${state}"]`).catch(async (e) => {
        const seen = await page.evaluate(() => [document.getElementById("status-text").textContent, document.getElementById("agent-state").textContent]);
        throw new Error(`${name}: expected ${state}, the page shows ${JSON.stringify(seen)}`, { cause: e });
      });
      await page.evaluate(() => window.scrollTo(0, 0)); // a click may have scrolled the header away
      const png = await page.screenshot({ path: `${SHOTS}${String(++shot).padStart(2, "0")}-${name}.png` });
      const image = decodePng(png);
      assert.deepEqual([image.width, image.height], [1280, 900], name);
      assert.ok(png.length > 10_000 && colourCount(image) > 12, `${name}: the screenshot shows a rendered page`);
      const box = await page.locator("#status-dot").boundingBox();
      const [r, g, b] = image.pixel(Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2));
      const want = DOT[state];
      assert.ok(
        Math.abs(r - want[0]) + Math.abs(g - want[1]) + Math.abs(b - want[2]) <= 12,
        `${name}: status dot is rgb(${r},${g},${b}), expected rgb(${want})`,
      );
    };
    const logged = (text) => page.waitForSelector(`#log li:has-text("${text}")`);

    const response = await page.goto(`${url}/`);
    assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page is served with the strict CSP");
    await page.waitForSelector("body[data-ready=true]");
    assert.match(await page.textContent("#status-text"), /signed out · cec-agent \d+\.\d+\.\d+/);
    await expectState("loaded", "signed-out");

    await page.click("#sign-in");
    await logged("signed in, following events");
    await logged("AgentState_Ready");
    await expectState("signed-in", "ready");

    await page.click("#sim-ring");
    // The call row comes from agent.state (the AgentEvent_Ringing the poller delivered).
    const row = page.locator('#calls li[data-state="ringing"]');
    await row.waitFor();
    assert.match(await row.textContent(), /^ringing · inbound · 13800000000 → 10086 · since /);
    await expectState("ringing-call-info", "ringing");

    await page.click("#net-play");
    await logged("net-play: playing (AgentMediaEvent_Play_Succ)");
    await expectState("net-play", "ringing");
    await page.click("#stop-play");
    await logged("stop-play: stopped");

    await page.click("#transmit"); // no IVR in the call yet: a service error, shown
    await page.waitForFunction(() => /thirdPartyConfTransmitNum: retcode/.test(document.getElementById("last-error").textContent));
    await page.click("#sim-conference");
    await logged("simulator added an IVR");
    await page.click("#transmit");
    await logged("transmit:");
    assert.equal(await page.textContent("#last-error"), "");
    await expectState("transmit", "ringing");

    await page.click("#supervisor-sign-in");
    await logged("supervisor 1002 signed in");
    await page.click("#listen");
    await logged("listening to 1001");
    await page.click("#intercept");
    await logged("intercept: supervisor 1002 talking with 13800000000");
    // The supervisor took the call: the page's agent has none left.
    await page.waitForSelector("#no-call:not([hidden])");
    await expectState("listen-intercept", "wrap-up"); // signed in without auto-idle

    await page.fill("#record-call-id", "1700000000-2");
    await page.click("#download");
    const link = page.locator("#download-link");
    await link.waitFor();
    assert.match(await link.textContent(), /^1700000000-2\.zip \(zip, \d+ bytes\)$/);
    assert.match(await link.getAttribute("href"), /^blob:/);
    await expectState("download", "wrap-up");

    await page.click("#sign-out");
    await logged("signed out");
    await expectState("signed-out", "signed-out");

    assert.deepEqual(watcher.problems(), [], "no console error, page error or CSP violation");
    // The CSP is in force and the watch sees violations: page code (a timer, not the
    // debugger's own evaluation, which Chromium exempts) may not eval nor run inline scripts.
    const refused = await page.evaluate(
      () =>
        new Promise((resolve) =>
          setTimeout(() => {
            let evalResult;
            try {
              evalResult = (0, eval)("'eval ran'");
            } catch (e) {
              evalResult = e.name;
            }
            const inline = document.createElement("script");
            inline.textContent = "window.inlineRan = true";
            document.head.append(inline);
            resolve([evalResult, globalThis.inlineRan ?? false]);
          }),
        ),
    );
    assert.deepEqual(refused, ["EvalError", false], "no 'unsafe-eval', no inline scripts");
    await page.waitForTimeout(200);
    const seen = watcher.problems().filter((p) => p.startsWith("csp: script-src"));
    assert.equal(seen.length, 2, `both violations are reported: ${watcher.problems()}`);
  } finally {
    await browser.close();
    own?.stop();
  }
});
