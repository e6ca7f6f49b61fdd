// @ts-check
// Browser / bundler entry: `await initAsync()` once, then use the client. CC-CMS is not in
// this module (it signs with the secret key: Node only, `cec-agent/cms`).
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
  ready ??= wasmSource(input ?? new URL("./cec_agent_bg.wasm", import.meta.url)).then((source) => init({ module_or_path: source })).then(
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
 * What `init` gets for `input`: a `Response` served as `application/wasm` as it is (streaming
 * compilation), anything else fetched or read as bytes that must start with the WebAssembly
 * magic word; otherwise (a dev server's HTML fallback page) an error that says what to set up.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} input
 * @returns {Promise<Response | BufferSource | WebAssembly.Module>}
 */
async function wasmSource(input) {
  if (input instanceof WebAssembly.Module) return input;
  const bytesOf = (/** @type {BufferSource} */ b) => (ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b));
  if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) return checkedBytes(bytesOf(input), "the bytes given to initAsync()");
  const response = input instanceof Response ? input : await fetch(input);
  const type = response.headers.get("content-type") ?? "";
  if (response.ok && /^application\/wasm\b/i.test(type)) return response;
  const what = `${response.url || "the response given to initAsync()"} (HTTP ${response.status}, ${type || "no content type"})`;
  const bytes = checkedBytes(new Uint8Array(await response.arrayBuffer()), what);
  console.warn(`cec-agent: serve cec_agent_bg.wasm as application/wasm for streaming compilation; ${what} is compiled from its bytes`);
  return bytes;
}

/**
 * @param {Uint8Array} bytes
 * @param {string} what
 */
function checkedBytes(bytes, what) {
  if (bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return bytes;
  const start = JSON.stringify(new TextDecoder().decode(bytes.subarray(0, 16)));
  throw new Error(
    `cec-agent: ${what} is not cec_agent_bg.wasm (it starts with ${start}): the server answered with something else, ` +
      "often a dev server's index.html fallback. Serve node_modules/cec-agent/cec_agent_bg.wasm as it is " +
      '(with Vite\'s dev server: optimizeDeps: { exclude: ["cec-agent"] }), or pass its URL or bytes to initAsync().',
  );
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

/**
 * `false` until initialised: no error of this package can exist before that.
 * @type {typeof api.isAgentApiError}
 */
export const isAgentApiError = (value) => loaded && api.isAgentApiError(value);
export const retcodeMeaning = guarded(api.retcodeMeaning, "retcodeMeaning");
export const setLogger = guarded(api.setLogger, "setLogger");
export const version = guarded(api.version, "version");
// The glue's test hooks (`install_panic_recovery`, `__panicForTest`, `__internals`) are not
// exported: the package's own tests import the glue file (cec_agent.js) for them.
