// Helpers for the JS tests: the simulator started by .ci/test (CEC_SIM_URL) and its control API.
export const SIM = process.env.CEC_SIM_URL;
if (!SIM) throw new Error("CEC_SIM_URL is not set: run these tests through .ci/test");

/** Calls the simulator's control API. */
export async function control(method, path, body) {
  const res = await fetch(SIM + path, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export async function reset() {
  await control("POST", "/__sim/reset");
  await control("DELETE", "/__sim/faults");
}

/** Signs an agent in on the simulator; returns its Guid. */
export async function signIn(agentId) {
  return (await control("POST", "/__sim/agents", { agentId })).guid;
}

export const requests = (needle) => control("GET", `/__sim/requests?pathContains=${encodeURIComponent(needle)}`);
export const fault = (pathContains, kind, delayMs = 0) => control("POST", "/__sim/faults", { pathContains, kind, delayMs, count: 1 });

/** Awaits `promise`, expecting an AgentApiError of `kind` from `operation`; returns it. */
export async function rejection(promise, kind, operation, isAgentApiError) {
  try {
    await promise;
  } catch (e) {
    if (!(e instanceof Error)) throw new Error(`rejected with a non-Error: ${e}`);
    if (!isAgentApiError(e)) throw new Error(`not an AgentApiError: ${e.stack}`);
    if (e.kind !== kind || e.operation !== operation) throw new Error(`expected ${kind}/${operation}, got ${e.kind}/${e.operation}: ${e.message}`);
    return e;
  }
  throw new Error(`expected a ${kind} error, but the call succeeded`);
}

/** Runs `body(stray)` with every uncaught exception and unhandled rejection of the process
 * collected into `stray`, so a test can assert that nothing escaped. */
export async function collectingStrayErrors(body) {
  const stray = [];
  const record = (e) => stray.push(e);
  process.on("uncaughtException", record);
  process.on("unhandledRejection", record);
  try {
    return await body(stray);
  } finally {
    process.off("uncaughtException", record);
    process.off("unhandledRejection", record);
  }
}
