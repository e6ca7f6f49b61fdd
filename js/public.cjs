// @ts-check
// The exports of a wasm-bindgen CommonJS glue module (cec_agent.cjs, cec_agent_cms.cjs) that
// are API: all but its test hooks (the panic hook, `__panicForTest`, `__internals`), which the
// package's own tests reach through the glue file itself.
"use strict";

const HIDDEN = new Set(["install_panic_recovery", "__panicForTest", "__internals"]);

/**
 * @template {object} T
 * @param {T} glue
 * @returns {T}
 */
module.exports = (glue) => /** @type {T} */ (Object.fromEntries(Object.entries(glue).filter(([name]) => !HIDDEN.has(name))));
