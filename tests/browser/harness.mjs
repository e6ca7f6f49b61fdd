// Shared by the browser-driven tests (consumers, softphone): a simulator serving a folder
// (`cec-sim --static`), headless Debian Chromium through playwright-core, a watch on the
// page's errors and CSP violations, and a small PNG decoder for pixel checks.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";

export const ROOT = new URL("../../", import.meta.url);
/** The policy the pages are tested under: WebAssembly allowed, no `eval`, same origin only. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

/**
 * Starts target/debug/cec-sim on a free loopback port serving `staticDir` with `csp`.
 * @returns {Promise<{ url: string, control: (method: string, path: string, body?: unknown) => Promise<any>, stop: () => void }>}
 */
export async function startSim({ staticDir, csp = STRICT_CSP }) {
  const bin = new URL("target/debug/cec-sim", ROOT).pathname;
  const child = spawn(bin, ["--port", "0", "--max-seconds", "600", "--exit-on-stdin-eof", "--static", staticDir, "--csp", csp], {
    stdio: ["pipe", "pipe", "ignore"],
  });
  const url = await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("cec-sim did not report its URL within 10 s")), 10_000);
    child.on("exit", (code) => reject(new Error(`cec-sim exited with ${code}`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /^CEC_SIM_URL=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  return { url, control: controlOf(url), stop: () => child.kill() };
}

/** A caller of the simulator's `/__sim/` control API at `url`. */
export const controlOf = (url) => async (method, path, body) => {
  const res = await fetch(url + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
};

/** Launches Debian's Chromium headless (never a downloaded browser). */
export async function launchChromium() {
  const require = createRequire(new URL(".ci/node_modules/", ROOT));
  const { chromium } = require("playwright-core");
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    timeout: 30_000,
    args: [
      "--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run",
    ],
  });
}

/**
 * Records what a page reports as going wrong: console errors (failed loads included), uncaught exceptions and
 * Content-Security-Policy violations (from `securitypolicyviolation`, installed before any
 * page script runs). Call `problems()` for the list so far.
 */
export async function watch(page) {
  const seen = [];
  // The browser's own favicon probe is not the page's doing.
  page.on("console", (m) => m.type() === "error" && !m.location().url.endsWith("/favicon.ico") && seen.push(`console: ${m.text()} (${m.location().url})`));
  page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
  await page.exposeFunction("__reportCspViolation", (v) => seen.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      globalThis.__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return { problems: () => [...seen] };
}

/**
 * Decodes an 8-bit RGB/RGBA, non-interlaced PNG (what Chromium's screenshots are).
 * @param {Uint8Array} png
 * @returns {{ width: number, height: number, pixel: (x: number, y: number) => [number, number, number] }}
 */
export function decodePng(png) {
  const buf = Buffer.from(png);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let off = 8;
  let width = 0, height = 0, channels = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off);
    const type = buf.toString("latin1", off + 4, off + 8);
    const data = buf.subarray(off + 8, off + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colour, , , interlace] = data.subarray(8);
      channels = { 2: 3, 6: 4 }[colour];
      if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
    } else if (type === "IDAT") idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? out[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + i] = (line[i] + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => [...out.subarray(y * stride + x * channels, y * stride + x * channels + 3)],
  };
}

/** How many distinct colours a decoded PNG has on a coarse grid (a blank shot has one). */
export function colourCount(image, step = 7) {
  const colours = new Set();
  for (let y = 0; y < image.height; y += step) for (let x = 0; x < image.width; x += step) colours.add(image.pixel(x, y).join());
  return colours.size;
}
