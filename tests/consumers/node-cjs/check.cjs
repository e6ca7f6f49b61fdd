// Node CommonJS consumer: `require` resolves the "node" + "require" branch (node.cjs).
"use strict";
const cec = require("cec-agent");

const [baseUrl, agentId, guid] = process.argv.slice(2);
import("../shared/check.mjs")
  .then(({ check }) => check(cec, { baseUrl, agentId, guid }))
  .then((result) => console.log(JSON.stringify({ ...result, entry: require.resolve("cec-agent") })));
