// Types for the Node CommonJS entry: the same API as the ESM entries, from the declarations
// wasm-bindgen generates for its `--target nodejs` glue (cec_agent.d.cts).
export * from "./cec_agent.cjs";

/** Resolves at once: the module initialises on `require`. Kept for code shared with browsers. */
export function initAsync(): Promise<void>;
