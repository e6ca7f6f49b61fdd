// The browser consumers' page script: runs the shared check against the origin that served
// the page (cec-sim --static) with the agent and Guid from the query string, and shows the
// outcome as JSON in #result for the test to read.
import { check } from "./check.mjs";

export function runInPage(cec) {
  const q = new URLSearchParams(location.search);
  check(cec, { baseUrl: location.origin, agentId: q.get("agent"), guid: q.get("guid") })
    .then(
      (result) => ({ ok: true, ...result }),
      (e) => ({ ok: false, message: String(e?.stack ?? e) }),
    )
    .then((outcome) => {
      document.getElementById("result").textContent = JSON.stringify(outcome);
    });
}
