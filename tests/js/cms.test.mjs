// CC-CMS downloadRecordFile through the packed package (a backend use).
import { test } from "node:test";
import assert from "node:assert/strict";
import { CmsClient, isAgentApiError } from "cec-agent/cms";
import { SIM, rejection, requests } from "./sim.mjs";

const cms = (secretKey = "SK_EXAMPLE_SECRET") =>
  new CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey, allowInsecureHttp: true });

test("one recording arrives as bytes with its name and kind", async () => {
  const file = await cms().downloadRecordFile({ callID: "1700000000-1" });
  assert.ok(file.bytes instanceof Uint8Array);
  assert.equal(Buffer.from(file.bytes.subarray(0, 4)).toString(), "RIFF");
  assert.deepEqual([file.kind, file.fileName, file.size], ["recording", "1700000000-1.wav", file.bytes.length]);
});

test("several recordings arrive as a ZIP", async () => {
  const zip = await cms().downloadRecordFile({ callID: "1700000000-2", beginTime: "20250530153059" });
  assert.equal(zip.kind, "zip");
  assert.deepEqual([...zip.bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  // The end-of-central-directory record says how many files are inside.
  const eocd = Buffer.from(zip.bytes).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.equal(Buffer.from(zip.bytes).readUInt16LE(eocd + 10), 2);
});

test("a JSON failure rejects instead of being handed over as bytes", async () => {
  const e = await rejection(cms().downloadRecordFile({ callID: "1748587841-77268" }), "service", "downloadRecordFile", isAgentApiError);
  assert.deepEqual([e.retcode, e.serverMessage], ["1", "Record List is empty"]);
});

test("a wrong SK gets 401 and no key appears anywhere", async () => {
  const e = await rejection(cms("SK_NOT_THE_ONE").downloadRecordFile({ callID: "1700000000-1" }), "http", "downloadRecordFile", isAgentApiError);
  assert.equal(e.status, 401);
  for (const text of [e.message, e.stack, JSON.stringify(e)]) {
    assert.ok(!text.includes("SK_NOT_THE_ONE") && !text.includes("AK_EXAMPLE_0001"));
  }
});

test("an impossible beginTime is rejected before signing or sending", async () => {
  const before = (await requests("downloadRecordFile")).length;
  const e = await rejection(cms().downloadRecordFile({ callID: "1-1", beginTime: "20250230000000" }), "validation", "downloadRecordFile", isAgentApiError);
  assert.deepEqual([e.field, e.rule], ["beginTime", "format"]);
  assert.equal((await requests("downloadRecordFile")).length, before);
});
