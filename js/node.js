// @ts-check
// Node entry (Node >= 18, global fetch): the .wasm is read from disk and instantiated
// synchronously on import, so the clients are usable straight away. CC-CMS is the separate
// `cec-agent/cms` entry; the glue's test hooks are not exported.
import { readFileSync } from "node:fs";
import { initSync } from "./cec_agent.js";

initSync({ module: readFileSync(new URL("./cec_agent_bg.wasm", import.meta.url)) });

export { AgentClient, isAgentApiError, retcodeMeaning, setLogger, version } from "./cec_agent.js";

/** Already initialised on import; kept so code shared with browsers can call it. */
export function initAsync() {
  return Promise.resolve();
}
