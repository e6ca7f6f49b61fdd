// @ts-check
// Node CommonJS entry (`require("cec-agent")`, Node >= 18): wasm-bindgen's `--target nodejs`
// glue (cec_agent.cjs) reads the same cec_agent_bg.wasm from this folder and instantiates it
// synchronously, so the clients are usable straight away.
"use strict";

const api = require("./cec_agent.cjs");

module.exports = {
  ...api,
  /** Already initialised on require; kept so code shared with browsers can call it. */
  initAsync: () => Promise.resolve(),
};
