// @ts-check
// Node CommonJS entry (`require("cec-agent")`, Node >= 18): wasm-bindgen's `--target nodejs`
// glue (cec_agent.cjs) reads the same cec_agent_bg.wasm from this folder and instantiates it
// synchronously, so the clients are usable straight away.
"use strict";

module.exports = {
  ...require("./public.cjs")(require("./cec_agent.cjs")),
  /** Already initialised on require; kept so code shared with browsers can call it. */
  initAsync: () => Promise.resolve(),
};
