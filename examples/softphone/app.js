// Softphone demo page for cec-agent: plain HTML and one ES module, no framework.
// `bash .ci/demo` serves it from the simulator (`cec-sim --static`) with the package beside it
// in ./cec-agent/ (the packed npm package); in an app, `import ... from "cec-agent"` instead.
import { initAsync, AgentClient, isAgentApiError, version } from "./cec-agent/index.js";

const $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
const value = (id) => $(id).value.trim();

/** @type {AgentClient | null} */
let agent = null;
/** @type {AgentClient | null} */
let supervisor = null;

// ---- page helpers -------------------------------------------------------------------------

function setStatus(state, text) {
  $("status").dataset.state = state;
  $("status-text").textContent = text;
}

function log(kind, text) {
  const li = document.createElement("li");
  li.dataset.kind = kind;
  li.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  $("log").append(li);
  li.scrollIntoView({ block: "nearest" });
}

function describe(e) {
  if (!isAgentApiError(e)) return String(e);
  if (e.kind === "service") return `${e.operation}: retcode ${e.retcode} (${e.meaning ?? e.serverMessage})`;
  if (e.kind === "validation") return `${e.operation}: ${e.field} broke ${e.rule} (${e.value})`;
  return `${e.operation}: ${e.kind} error: ${e.message}`;
}

/** Runs a button's action: disables the button meanwhile, logs the result or the error. */
function action(id, run) {
  $(id).addEventListener("click", async (ev) => {
    ev.preventDefault();
    const button = $(id);
    button.disabled = true;
    $("last-error").textContent = "";
    try {
      const result = await run();
      if (result !== undefined) log("result", `${id}: ${typeof result === "string" ? result : JSON.stringify(result)}`);
    } catch (e) {
      $("last-error").textContent = describe(e);
      log("error", describe(e));
    } finally {
      button.disabled = false;
    }
  });
}

const connection = (url) => ({ baseUrl: url, allowInsecureHttp: new URL(url).protocol === "http:" });

// ---- agent ------------------------------------------------------------------------------

async function showCall() {
  const [call] = await agent.queryCallInfoBeforeAnswer();
  if (!call) return;
  $("call-id").textContent = call.callid;
  $("call-caller").textContent = call.caller ?? "";
  $("call-called").textContent = call.called ?? "";
  $("call-feature").textContent = String(call.callfeature ?? "");
  $("call").hidden = false;
  $("record-call-id").value = call.callid;
}

action("sign-in", async () => {
  agent = new AgentClient({ ...connection(value("gateway-url")), agentId: value("agent-id") });
  agent.on("*", (e) => log("event", `${e.eventType}${e.known ? "" : " (unknown type)"} ${e.content == null ? "" : JSON.stringify(e.content)}`));
  agent.onStatus((s) => log("status", `poller ${s.type}${"reason" in s ? `: ${s.reason}` : ""}`));
  agent.on("AgentEvent_Ringing", () => {
    setStatus("ringing", `ringing (agent ${agent.agentId})`);
    showCall().catch((e) => log("error", describe(e)));
  });
  try {
    await agent.signIn({ password: value("agent-password"), phonenum: value("agent-phone") }, { forceIfSignedIn: true });
  } catch (e) {
    setStatus("error", "sign-in failed");
    throw e;
  }
  setStatus("ready", `ready (agent ${agent.agentId})`);
  $("sign-out").disabled = false;
  return "signed in, following events";
});

action("sign-out", async () => {
  for (const client of [agent, supervisor]) await client?.signOut();
  agent = supervisor = null;
  $("call").hidden = true;
  $("listen").disabled = $("intercept").disabled = true;
  setStatus("signed-out", "signed out");
  return "signed out";
});

action("net-play", async () => {
  const done = await agent.beginNetPlayAndWait({ fileName: value("play-file"), ccId: 1, locationId: -1 });
  setStatus("playing", "playing a voice file");
  return done.eventType;
});

action("stop-play", async () => {
  await agent.stopPlay();
  setStatus("ringing", `ringing (agent ${agent.agentId})`);
  return "stopped";
});

action("transmit", async () => (await agent.thirdPartyConfTransmitNum()).message || "numbers passed to the IVR");

// ---- supervisor ---------------------------------------------------------------------------

action("supervisor-sign-in", async () => {
  supervisor = new AgentClient({ ...connection(value("gateway-url")), agentId: value("supervisor-id") });
  supervisor.on("*", (e) => log("event", `supervisor: ${e.eventType}`));
  await supervisor.signIn({ password: value("supervisor-password"), phonenum: value("supervisor-phone") }, { forceIfSignedIn: true });
  $("listen").disabled = $("intercept").disabled = false;
  return `supervisor ${supervisor.agentId} signed in`;
});

action("listen", async () => {
  await supervisor.addSupervise({ workNo: value("watch-agent") });
  return `listening to ${value("watch-agent")}`;
});

action("intercept", async () => {
  const talking = await supervisor.interceptAndWait({ workNo: value("watch-agent") });
  setStatus("talking", `supervisor ${supervisor.agentId} talking with ${talking.content.caller ?? "the caller"}`);
  return talking.eventType;
});

// ---- recording (CC-CMS) -------------------------------------------------------------------

// Demo only: CC-CMS is not in the browser module, and `cec-agent/cms` is for Node backends
// (the SK belongs on a backend, never in a page; a real page asks its server). This page loads
// the CMS module's glue file from the package by its path, on the first download.
let cmsModule = null;
const loadCms = () =>
  (cmsModule ??= import("./cec-agent/cec_agent_cms.js").then(async (cms) => {
    await cms.default({ module_or_path: new URL("./cec-agent/cec_agent_cms_bg.wasm", import.meta.url) });
    return cms;
  }));

action("download", async () => {
  const { CmsClient } = await loadCms();
  const cms = new CmsClient({ ...connection(value("cms-url")), accessKey: value("cms-ak"), secretKey: value("cms-sk") });
  const file = await cms.downloadRecordFile({ callID: value("record-call-id") });
  const link = document.createElement("a");
  link.id = "download-link";
  link.href = URL.createObjectURL(new Blob([file.bytes], { type: file.contentType ?? "application/octet-stream" }));
  link.download = file.fileName ?? `${value("record-call-id")}.${file.kind === "zip" ? "zip" : "wav"}`;
  link.textContent = `${link.download} (${file.kind}, ${file.bytes.length} bytes)`;
  $("download-result").replaceChildren(link);
  return { kind: file.kind, fileName: file.fileName, size: file.bytes.length };
});

// ---- simulator controls (only when the page is served by cec-sim) -------------------------

async function sim(path, body) {
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });
  if (!res.ok) throw new Error(`simulator ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

action("sim-ring", async () => {
  const call = await sim(`/__sim/agents/${value("agent-id")}/call`, { caller: value("sim-caller"), called: "10086" });
  return `simulator rang ${call.callid ?? "a call"}`;
});
action("sim-conference", async () => {
  await sim(`/__sim/agents/${value("agent-id")}/conference`);
  return "simulator added an IVR to the call";
});

// ---- start --------------------------------------------------------------------------------

$("gateway-url").value = $("cms-url").value = location.origin;
try {
  await initAsync();
  $("sign-in").disabled = $("supervisor-sign-in").disabled = $("download").disabled = false;
  setStatus("signed-out", `signed out · cec-agent ${version()}`);
  $("simulator").hidden = !(await fetch("/__sim/config").then((r) => r.ok, () => false));
  document.body.dataset.ready = "true";
} catch (e) {
  setStatus("error", "the WebAssembly module did not load");
  $("last-error").textContent = String(e);
}
