// @ts-check
// `cec-agent/cms`, Node ESM: the CC-CMS module (its own .wasm, without CC-Gateway), read from
// disk and instantiated synchronously on import. Its errors are `AgentApiError`s like the
// main entry's; either entry's `isAgentApiError` recognises both.
import { readFileSync } from "node:fs";
import { initSync } from "./cec_agent_cms.js";

initSync({ module: readFileSync(new URL("./cec_agent_cms_bg.wasm", import.meta.url)) });

export { CmsClient, isAgentApiError, setLogger, version } from "./cec_agent_cms.js";

/** Already initialised on import; kept so code shared with the main entry can call it. */
export function initAsync() {
  return Promise.resolve();
}
