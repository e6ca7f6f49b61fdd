// What every consumer does with the package it installed, whatever loaded it (a Vite or
// webpack bundle in Chromium, Node ESM, Node CJS): initialise, call the simulator, and
// report what came back. The consumer passes in the module it imported or required, so the
// module resolution under test is the consumer's own.
export async function check(cec, { baseUrl, agentId, guid }) {
  await cec.initAsync();
  const agent = new cec.AgentClient({ baseUrl, agentId, guid, allowInsecureHttp: true });
  const calls = await agent.queryCallInfoBeforeAnswer();
  let error = null;
  try {
    await agent.beginNetPlay({ fileName: "", ccId: 1 });
  } catch (e) {
    error = { isError: e instanceof Error, isAgentApiError: cec.isAgentApiError(e), name: e.name, kind: e.kind, field: e.field };
  }
  return { version: cec.version(), callids: calls.map((c) => c.callid), callers: calls.map((c) => c.caller), error };
}
