// Types for the browser / bundler entry. The generated declarations are re-exported as they
// are, so every request, response and error type comes from the Rust definitions; only the
// loader below is written by hand (a local declaration takes precedence over `export *`).
export * from "./cec_agent.js";

/** Loads the WebAssembly module; call once before using the clients (memoised). */
export function initAsync(input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Instantiates the module synchronously from its bytes or a compiled module (workers, tests). */
export function initSync(options: { module: BufferSource | WebAssembly.Module }): void;
