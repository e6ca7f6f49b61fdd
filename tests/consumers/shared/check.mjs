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

// What the Node consumers also do: download a recording through `cec-agent/cms`, and tell
// whether the main entry's guard recognises the CC-CMS module's errors.
export async function checkCms(cms, main, baseUrl) {
  const client = new cms.CmsClient({ baseUrl, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });
  const file = await client.downloadRecordFile({ callID: "1700000000-1" });
  const error = await client.downloadRecordFile({ callID: "" }).catch((e) => e);
  return { kind: file.kind, bytes: file.bytes.length > 0, errorKind: error.kind, mainGuard: main.isAgentApiError(error), inMain: "CmsClient" in main };
}
