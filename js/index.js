// @ts-check
// Browser / bundler entry: `await initAsync()` once, then use the clients.
// The .wasm is found next to this file through `import.meta.url`, which Vite and webpack 5
// understand without plugins.
import init, * as api from "./cec_agent.js";

let ready = null;
let loaded = false;

/**
 * Loads the WebAssembly module (memoised: later calls return the same promise).
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [input] where to load the .wasm from
 */
export function initAsync(input) {
  ready ??= init({ module_or_path: input ?? new URL("./cec_agent_bg.wasm", import.meta.url) }).then(() => {
    loaded = true;
  });
  return ready;
}

function assertReady() {
  if (!loaded) {
    throw new Error("cec-agent is not initialised: call `await initAsync()` (from \"cec-agent\") before using it");
  }
}

export class AgentClient extends api.AgentClient {
  /** @param {import("./cec_agent.js").AgentClientConfig} config */
  constructor(config) {
    assertReady();
    super(config);
  }
}

export class CmsClient extends api.CmsClient {
  /** @param {import("./cec_agent.js").CmsClientConfig} config */
  constructor(config) {
    assertReady();
    super(config);
  }
}

/** @type {typeof api.isAgentApiError} */
export const isAgentApiError = (value) => loaded && api.isAgentApiError(value);
/** @type {typeof api.retcodeMeaning} */
export const retcodeMeaning = (retcode) => (assertReady(), api.retcodeMeaning(retcode));
/** @type {typeof api.version} */
export const version = () => (assertReady(), api.version());

/**
 * Instantiates the module synchronously from its bytes (workers, tests).
 * @param {{ module: BufferSource | WebAssembly.Module }} options
 */
export function initSync(options) {
  api.initSync(options);
  loaded = true;
  ready ??= Promise.resolve();
}
