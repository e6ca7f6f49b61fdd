// A strict CommonJS TypeScript consumer: under `nodenext`, `require("cec-agent")` (and "cec-agent/cms") must resolve
// the "require" branch's declarations (node.d.cts) with the same precise types.
import cec = require("cec-agent");
import cms = require("cec-agent/cms");

export async function commonJs(): Promise<string> {
  await cec.initAsync();
  const agent = new cec.AgentClient({ baseUrl: "https://10.0.0.1:8043", agentId: "1001" });
  const calls: cec.CallInfo[] = await agent.queryCallInfoBeforeAnswer();
  const caller: string | null = calls[0].caller;
  try {
    await agent.thirdPartyConfTransmitNum();
  } catch (e) {
    if (cec.isAgentApiError(e) && e.kind === "service") return e.retcode;
  }
  // @ts-expect-error fileName is required
  await agent.beginNetPlay({ ccId: 1 });
  // @ts-expect-error the CommonJS entry has no browser loader
  cec.initSync;
  const recording: cms.RecordingDownload = await new cms.CmsClient({ baseUrl: "https://10.0.0.1:28443", accessKey: "ak", secretKey: "sk" }).downloadRecordFile({ callID: "1-1" });
  // @ts-expect-error CC-CMS is not in the main entry
  cec.CmsClient;
  return `${cec.version()} ${caller} ${recording.kind}`;
}
