// @ts-check
// `require("cec-agent/cms")`, Node CommonJS: the CC-CMS module through wasm-bindgen's
// `--target nodejs` glue (cec_agent_cms.cjs), instantiated on require.
"use strict";

module.exports = {
  ...require("./public.cjs")(require("./cec_agent_cms.cjs")),
  /** Already initialised on require; kept so code shared with the main entry can call it. */
  initAsync: () => Promise.resolve(),
};
