// Node ESM consumer: `import` resolves the "node" + "import" branch (node.js, initialised on import).
import * as cec from "cec-agent";
import { check } from "../shared/check.mjs";

const [baseUrl, agentId, guid] = process.argv.slice(2);
console.log(JSON.stringify(await check(cec, { baseUrl, agentId, guid })));
