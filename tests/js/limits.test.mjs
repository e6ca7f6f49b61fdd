// Hostile servers of the test's own on loopback: a redirect to a second server (which must
// see nothing), bodies far past the limits, recordings cut short, and a recording of tens of
// MB that must not pass through the module's memory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { AgentClient } from "cec-agent";
import { CmsClient } from "cec-agent/cms";
// The modules' test hooks are not exported by the package entries: they come from the glue files.
import * as gatewayGlue from "./node_modules/cec-agent/cec_agent.js";
import * as cmsGlue from "./node_modules/cec-agent/cec_agent_cms.js";

/** The memory of both modules (the CC-Gateway and the CC-CMS one). */
const __internals = () => ({ memoryBytes: gatewayGlue.__internals().memoryBytes + cmsGlue.__internals().memoryBytes });

/** Starts an HTTP server on `host` answering with `handler`; returns its URL and a close(). */
async function serve(host, handler) {
  const server = createServer(handler);
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

const agentAt = (baseUrl, extra = {}) => new AgentClient({ baseUrl, agentId: "1001", guid: "secret-guid.AgentGateway1", allowInsecureHttp: true, ...extra });
const cmsAt = (baseUrl, extra = {}) => new CmsClient({ baseUrl, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true, ...extra });

async function kindOf(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

test("a redirect to a second server on another loopback address sends it nothing: no Guid, password or signature", async () => {
  const seen = [];
  const other = await serve("127.0.0.2", (req, res) => { seen.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`); res.end("{}"); });
  let status = 301;
  const gateway = await serve("127.0.0.1", (req, res) => {
    req.resume();
    res.writeHead(status, { Location: `${other.url}/steal?Guid=secret-guid`, "Content-Type": "application/json" });
    res.end('{"retcode":"0"}');
  });
  try {
    const agent = agentAt(gateway.url);
    for (status of [301, 302, 303, 307, 308]) {
      for (const call of [
        () => agent.queryCallInfoBeforeAnswer(),
        () => agent.beginNetPlay({ fileName: "a.V3", ccId: 1 }),
        () => agent.signIn({ password: "Agent#2026", phonenum: "70001" }, { startEvents: false }),
        () => cmsAt(gateway.url).downloadRecordFile({ callID: "1700000000-1" }),
      ]) {
        const e = await kindOf(call());
        assert.equal(e.kind, "http", e.message);
        assert.equal(e.status, status);
        assert.match(e.message, new RegExp(`redirect to "http://127\\.0\\.0\\.2:\\d+" not followed`));
        assert.doesNotMatch(e.message + e.body, /secret-guid|steal/);
      }
    }
    assert.deepEqual(seen, [], "the second server saw a request");
    assert.equal(agent.signedIn, false, "a refused sign-in is not signed in");
  } finally {
    await gateway.close();
    await other.close();
  }
});

/** Answers 200 with `head` and then filler up to `total` bytes (4 GiB: "endless"), chunked
 * (no Content-Length), and ends cleanly: how a body cut short by a closed connection looks. */
function streamed(res, { head, total = 2 ** 32, contentType }) {
  res.writeHead(200, { "Content-Type": contentType });
  let sent = 0;
  let closed = false;
  res.on("close", () => { closed = true; });
  const filler = Buffer.alloc(64 * 1024, 0x78);
  const pump = () => {
    while (!closed && sent < total) {
      const piece = sent === 0 ? head : filler.subarray(0, Math.min(filler.length, total - sent));
      sent += piece.length;
      if (!res.write(piece)) return void res.once("drain", pump);
    }
    if (!closed) res.end();
  };
  pump();
}

const wavHeader = (declaredTotal) => {
  const h = Buffer.alloc(44);
  h.write("RIFF", 0); h.writeUInt32LE(declaredTotal - 8, 4); h.write("WAVEfmt ", 8);
  h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22); h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(16000, 28); h.writeUInt16LE(2, 32); h.writeUInt16LE(16, 34); h.write("data", 36);
  h.writeUInt32LE(declaredTotal - 44, 40);
  return h;
};

test("a one-hour recording (55 MB) downloads without growing the module's memory; other bodies of that size are refused without entering it", async () => {
  const HOUR = 8000 * 2 * 3600 + 44; // 8 kHz, 16-bit mono
  let mode = "wav";
  const server = await serve("127.0.0.1", (req, res) => {
    req.resume();
    if (mode === "wav") streamed(res, { head: wavHeader(HOUR), total: HOUR, contentType: "audio/wav" });
    else if (mode === "html") streamed(res, { head: Buffer.from("<html>"), total: 50 << 20, contentType: "text/html" });
    else if (mode === "json") streamed(res, { head: Buffer.from('{"retcode":"0","message":"'), total: 50 << 20, contentType: "application/json" });
  });
  try {
    const cms = cmsAt(server.url);
    await cms.downloadRecordFile({ callID: "warm-up" }); // the module's own first-call growth
    const before = __internals().memoryBytes;
    const rec = await cms.downloadRecordFile({ callID: "1700000000-1" });
    assert.equal(rec.kind, "recording");
    assert.equal(rec.bytes.length, HOUR);
    assert.equal(rec.size, HOUR);
    assert.equal(rec.bytes.subarray(0, 4).toString(), "82,73,70,70"); // "RIFF"
    const afterRecording = __internals().memoryBytes;

    mode = "html"; // 50 MB that is not a recording: explained from its first bytes only
    const html = await kindOf(cms.downloadRecordFile({ callID: "1700000000-1" }));
    assert.equal(html.kind, "decode", html.message);
    mode = "json"; // 50 MB of gateway JSON: stopped at maxResponseBytes
    const json = await kindOf(agentAt(server.url).queryCallInfoBeforeAnswer());
    assert.equal(json.kind, "decode", json.message);
    assert.match(json.message, /maxResponseBytes/);
    const after = __internals().memoryBytes;
    console.log(`module memory: ${before} B before, ${afterRecording} B after a ${HOUR} B recording, ${after} B after 50 MB HTML and JSON bodies`);
    assert.ok(after - before < 1 << 20, `module memory grew by ${after - before} B`);
  } finally {
    await server.close();
  }
});

test("recordings cut short and endless recordings are refused as decode errors", async () => {
  let mode;
  const zipStart = Buffer.from("PK\x03\x04" + "\0".repeat(26) + "a.wav", "latin1");
  const server = await serve("127.0.0.1", (req, res) => {
    req.resume();
    if (mode === "cutWav") streamed(res, { head: wavHeader(1 << 20), total: 300_000, contentType: "audio/wav" });
    else if (mode === "cutZip") streamed(res, { head: zipStart, total: 300_000, contentType: "application/zip" });
    else streamed(res, { head: wavHeader(1 << 30), contentType: "audio/wav" });
  });
  try {
    const cms = cmsAt(server.url, { maxRecordingBytes: 4 << 20 });
    mode = "cutWav";
    let e = await kindOf(cms.downloadRecordFile({ callID: "1700000000-1" }));
    assert.equal(e.kind, "decode", e.message);
    assert.match(e.message, /cut short: 300000 bytes of the 1048576 its RIFF header declares/);
    mode = "cutZip";
    e = await kindOf(cms.downloadRecordFile({ callID: "1700000000-1" }));
    assert.equal(e.kind, "decode", e.message);
    assert.match(e.message, /no end-of-central-directory record/);
    mode = "endless";
    e = await kindOf(cms.downloadRecordFile({ callID: "1700000000-1" }));
    assert.equal(e.kind, "decode", e.message);
    assert.match(e.message, /longer than maxRecordingBytes \(4194304 bytes\)/);
  } finally {
    await server.close();
  }
});

test("a 4 MB service message and a 10,000-character retcode become a short error", async () => {
  const server = await serve("127.0.0.1", (req, res) => {
    req.resume();
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ retcode: "9".repeat(10_000), message: "m".repeat(4 << 20) }));
  });
  try {
    const e = await kindOf(agentAt(server.url, { maxResponseBytes: 8 << 20 }).queryCallInfoBeforeAnswer());
    assert.equal(e.kind, "service");
    assert.ok(e.message.length < 1_000, `message of ${e.message.length} characters`);
    assert.ok(e.retcode.length <= 25, `retcode of ${e.retcode.length} characters`);
  } finally {
    await server.close();
  }
});

/** Reads a stream to its end; returns the byte count, or throws what the stream errored with. */
async function drain(stream) {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.length;
  return bytes;
}

test("downloadRecordFileStream hands a 55 MB recording over as a stream, errors one cut short at its end, and rejects a JSON failure", async () => {
  const HOUR = 8000 * 2 * 3600 + 44;
  let mode;
  const server = await serve("127.0.0.1", (req, res) => {
    req.resume();
    if (mode === "wav") streamed(res, { head: wavHeader(HOUR), total: HOUR, contentType: "audio/wav" });
    else if (mode === "cut") streamed(res, { head: wavHeader(HOUR), total: 3 << 20, contentType: "audio/wav" });
    else { res.writeHead(200, { "Content-Type": "application/json" }); res.end('{"resultCode":"0200001","resultDesc":"Record List is empty"}'); }
  });
  try {
    const cms = cmsAt(server.url, { maxRecordingBytes: 1024 }); // the stream form is not buffered, so not limited
    mode = "wav";
    await drain((await cms.downloadRecordFileStream({ callID: "warm-up" })).body);
    const before = __internals().memoryBytes;
    const rec = await cms.downloadRecordFileStream({ callID: "1700000000-1" });
    assert.equal(rec.kind, "recording");
    assert.equal(rec.size, null, "no Content-Length was sent");
    assert.ok(rec.body instanceof ReadableStream);
    assert.equal(await drain(rec.body), HOUR);
    assert.ok(__internals().memoryBytes - before < 1 << 20, "module memory grew");

    mode = "cut";
    const cut = await cms.downloadRecordFileStream({ callID: "1700000000-1" });
    const e = await kindOf(drain(cut.body));
    assert.equal(e.kind, "decode", e.message);
    assert.match(e.message, /cut short: 3145728 bytes of the 57600044/);

    mode = "json";
    const failed = await kindOf(cms.downloadRecordFileStream({ callID: "1700000000-1" }));
    assert.equal(failed.kind, "service", failed.message);
    assert.equal(failed.retcode, "0200001");
  } finally {
    await server.close();
  }
});
