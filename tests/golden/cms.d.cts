// Types for `cec-agent/cms` (Node): CmsClient, isAgentApiError, setLogger and version of the
// CC-CMS module, from its `--target nodejs` declarations (no DOM types).
export * from "./cec_agent_cms.cjs";

/** Resolves at once: the module initialises on `require`. */
export function initAsync(): Promise<void>;
