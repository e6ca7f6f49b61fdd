// Types for the Node entry: the same API as the browser entry, already initialised on import.
export * from "./cec_agent.js";

/** Resolves at once: the Node entry initialises on import. Kept for code shared with browsers. */
export function initAsync(): Promise<void>;
