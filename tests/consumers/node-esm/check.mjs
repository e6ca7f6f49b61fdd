// Node ESM consumer: `import` resolves the "node" + "import" branch (node.js, initialised on
// import; cms.js for "cec-agent/cms").
import * as cec from "cec-agent";
import * as cms from "cec-agent/cms";
import { check, checkCms } from "../shared/check.mjs";

const [baseUrl, agentId, guid] = process.argv.slice(2);
const result = await check(cec, { baseUrl, agentId, guid });
console.log(JSON.stringify({ ...result, cms: await checkCms(cms, cec, baseUrl), cmsEntry: import.meta.resolve("cec-agent/cms") }));
