// Node CommonJS consumer: `require` resolves the "node" + "require" branch (node.cjs; cms.cjs
// for "cec-agent/cms").
"use strict";
const cec = require("cec-agent");
const cms = require("cec-agent/cms");

const [baseUrl, agentId, guid] = process.argv.slice(2);
import("../shared/check.mjs")
  .then(async ({ check, checkCms }) => ({ ...(await check(cec, { baseUrl, agentId, guid })), cms: await checkCms(cms, cec, baseUrl) }))
  .then((result) => console.log(JSON.stringify({ ...result, entry: require.resolve("cec-agent"), cmsEntry: require.resolve("cec-agent/cms") })));
