// Types for the browser / bundler entry. The generated declarations are re-exported as they
// are, so every request, response and error type comes from the Rust definitions; only the
// loader below is written by hand.
export * from "./cec_agent.js";


/** Loads the WebAssembly module; call once before using the clients (memoised). */
export function initAsync(input?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
