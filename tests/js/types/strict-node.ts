// The Node entry under the strictest settings (tsconfig.strict-node.json), with lib
// esnext.disposable: `using` frees a client, and a downloaded recording is a `BlobPart`.
import { AgentClient } from "cec-agent";
import { CmsClient } from "cec-agent/cms";
import type { RecordingDownload } from "cec-agent/cms";

export async function strictNode(): Promise<Blob> {
  {
    using agent = new AgentClient({ baseUrl: "https://10.0.0.1:8043", agentId: "1001" });
    const [call] = await agent.queryCallInfoBeforeAnswer();
    if (call !== undefined) void call.caller;
  } // freed here
  using cms = new CmsClient({ baseUrl: "https://10.0.0.1:28443", accessKey: "ak", secretKey: "sk" });
  const file: RecordingDownload = await cms.downloadRecordFile({ callID: "1-1" });
  const bytes: Uint8Array<ArrayBuffer> = file.bytes;
  return new Blob([bytes], { type: file.contentType ?? "application/octet-stream" });
}
