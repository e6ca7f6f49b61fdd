// Types for the Node entry: the same API as the browser entry, already initialised on import.
// From the `--target nodejs` declarations, which need no DOM types (no browser loader).
export * from "./cec_agent.cjs";

/** Resolves at once: the Node entry initialises on import. Kept for code shared with browsers. */
export function initAsync(): Promise<void>;
