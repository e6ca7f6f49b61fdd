// @ts-check
// Browser / bundler entry: `await initAsync()` once, then use the clients.
// The .wasm is found next to this file through `new URL(..., import.meta.url)`, which Vite and
// webpack 5 turn into an emitted asset without plugins. Only loading lives here: every export
// is the generated one, guarded so that a use before `initAsync()` says what to call.
import init, * as api from "./cec_agent.js";

/** @type {Promise<void> | null} */
let ready = null;
let loaded = false;

/**
 * Loads the WebAssembly module (memoised: later calls return the same promise).
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [input] where to load the .wasm from
 */
export function initAsync(input) {
  ready ??= init({ module_or_path: input ?? new URL("./cec_agent_bg.wasm", import.meta.url) }).then(
    () => {
      loaded = true;
    },
    (e) => {
      ready = null; // a failed load (offline, wrong URL) may be retried
      throw e;
    },
  );
  return ready;
}

/**
 * Instantiates the module synchronously from its bytes (workers, tests).
 * @param {{ module: BufferSource | WebAssembly.Module }} options
 */
export function initSync(options) {
  api.initSync(options);
  loaded = true;
  ready ??= Promise.resolve();
}

/** @param {string} what */
function assertReady(what) {
  if (!loaded) {
    throw new Error(`cec-agent is not initialised: call \`await initAsync()\` (from "cec-agent") before ${what}`);
  }
}

/**
 * @template {(...args: any[]) => any} F
 * @param {F} fn
 * @param {string} name
 * @returns {F}
 */
const guarded = (fn, name) =>
  /** @type {F} */ (
    (/** @type {any[]} */ ...args) => {
      assertReady(`calling ${name}()`);
      return fn(...args);
    }
  );

export class AgentClient extends api.AgentClient {
  /** @param {import("./cec_agent.js").AgentClientConfig} config */
  constructor(config) {
    assertReady("new AgentClient()");
    super(config);
  }
}

export class CmsClient extends api.CmsClient {
  /** @param {import("./cec_agent.js").CmsClientConfig} config */
  constructor(config) {
    assertReady("new CmsClient()");
    super(config);
  }
}

/**
 * `false` until initialised: no error of this package can exist before that.
 * @type {typeof api.isAgentApiError}
 */
export const isAgentApiError = (value) => loaded && api.isAgentApiError(value);
export const retcodeMeaning = guarded(api.retcodeMeaning, "retcodeMeaning");
export const setLogger = guarded(api.setLogger, "setLogger");
export const version = guarded(api.version, "version");
export const install_panic_recovery = guarded(api.install_panic_recovery, "install_panic_recovery");
// Test-only panic trigger, hidden from the declarations (see src/bindings/error.rs).
export const __panicForTest = guarded(/** @type {any} */ (api).__panicForTest, "__panicForTest");
// Diagnostics for the soak test, hidden from the declarations (see src/bindings/mod.rs).
export const __internals = guarded(/** @type {any} */ (api).__internals, "__internals");
