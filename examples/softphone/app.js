// Softphone page for cec-agent: plain HTML and one ES module, no framework.
// Everything the agent sees (state, calls, which buttons work) is drawn from `agent.state`,
// redrawn by `agent.subscribe`; the buttons only call operations. `bash .ci/demo` serves it from
// the simulator (`cec-sim --static`) with the package beside it in ./cec-agent/ (the packed npm
// package); in an app, `import ... from "cec-agent"` instead.
import { initAsync, AgentClient, isAgentApiError, version } from "./cec-agent/index.js";

const $ = (id) => /** @type {HTMLInputElement} */ (document.getElementById(id));
const value = (id) => $(id).value.trim();

/** @type {AgentClient | null} */
let agent = null;
/** @type {AgentClient | null} */
let supervisor = null;
/** @type {(() => void) | null} */
let unsubscribe = null;

// ---- page helpers -------------------------------------------------------------------------

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

/** Runs a button's action: logs the result or the error. The button's enabled state is the
 * render's business (from `agent.state`); only a click already running blocks a second one. */
function action(id, run) {
  $(id).addEventListener("click", async (ev) => {
    ev.preventDefault();
    const button = $(id);
    if (button.dataset.busy) return;
    button.dataset.busy = "1";
    $("last-error").textContent = "";
    try {
      const result = await run(button);
      if (result !== undefined) log("result", `${id}: ${typeof result === "string" ? result : JSON.stringify(result)}`);
    } catch (e) {
      $("last-error").textContent = describe(e);
      log("error", describe(e));
    } finally {
      delete button.dataset.busy;
    }
  });
}

const connection = (url) => ({ baseUrl: url, allowInsecureHttp: new URL(url).protocol === "http:" });
const time = (ms) => new Date(ms).toLocaleTimeString();

// ---- drawing the state --------------------------------------------------------------------

/** What the header shows: the call that matters most, else the agent's state. */
function headline(state) {
  if (!state.signedIn) return ["signed-out", "signed out"];
  const calls = state.calls;
  const has = (s) => calls.some((c) => c.state === s);
  if (has("ringing")) return ["ringing", "ringing"];
  if (has("dialing")) return ["ringing", "calling out"];
  if (has("conference")) return ["talking", "in a conference"];
  if (has("talking")) return ["talking", "talking"];
  if (has("held")) return ["held", "call held"];
  const s = state.status;
  switch (s.state) {
    case "idle": return ["ready", "ready"];
    case "busy": return ["busy", s.reason ? `busy (reason ${s.reason})` : "busy"];
    case "rest": return ["rest", `rest${s.until ? ` until ${time(s.until)}` : ""}${s.restTimedOut ? ", time is up" : ""}`];
    case "preRest": return ["busy", "rest after this call"];
    case "wrapUp": return ["wrap-up", "wrap-up"];
    case "talking": return ["talking", "occupied"];
    default: return ["signed-in", s.state];
  }
}

/** Which buttons work in `state` (the gateway would refuse the others). */
function enabledButtons(state) {
  const on = new Set();
  if (!state.signedIn) return on;
  const calls = state.calls;
  const some = (s) => calls.some((c) => c.state === s);
  const active = calls.find((c) => c.state === "talking" || c.state === "conference");
  const held = calls.find((c) => c.state === "held");
  const s = state.status.state;
  on.add("sign-out");
  if (["busy", "rest", "wrapUp", "preRest"].includes(s)) on.add("ready");
  if (["idle", "busy"].includes(s) && calls.length === 0) on.add("busy").add("rest");
  if (s === "wrapUp") on.add("wrap-up-done");
  if (some("ringing")) on.add("answer");
  if (active || held || some("dialing")) on.add("hang-up");
  if (active && !held) on.add("hold").add("transfer").add("consult");
  if (active) for (const key of DTMF_KEYS) on.add(dtmfId(key));
  if (active) on.add(active.muted ? "unmute" : "mute");
  if (held && !active) on.add("unhold");
  if (held && active) on.add("conference").add("complete-transfer");
  if (calls.length === 0 && ["idle", "busy"].includes(s)) on.add("call-out");
  return on;
}

const CONTROLS = ["sign-out", "ready", "busy", "rest", "wrap-up-done", "answer", "hang-up", "hold", "unhold", "mute", "unmute",
  "transfer", "consult", "conference", "complete-transfer", "call-out"];
const DTMF_KEYS = [..."123456789*0#"];
const dtmfId = (key) => `dtmf-${key === "*" ? "star" : key === "#" ? "hash" : key}`;

function callRow(call) {
  const li = document.createElement("li");
  li.dataset.state = call.state;
  li.dataset.callId = call.callId;
  const parties = [call.caller, call.called].filter(Boolean).join(" → ");
  const partners = call.partners.length ? ` with ${call.partners.join(", ")}` : "";
  li.textContent = `${call.state}${call.muted ? " (muted)" : ""} · ${call.direction} · ${parties}${partners} · since ${time(call.since)} · ${call.callId}`;
  return li;
}

function render(state) {
  const [dot, text] = headline(state);
  $("status").dataset.state = dot;
  $("status-text").textContent = `${text}${agent ? ` (agent ${agent.agentId})` : ""}`;
  $("agent-state").textContent = state.signedIn ? `${state.status.state} (code ${state.status.code}) since ${time(state.status.since)}` : "signed out";
  $("agent-state").dataset.state = state.status.state;
  $("calls").replaceChildren(...state.calls.map(callRow));
  $("no-call").hidden = state.calls.length > 0;
  const on = enabledButtons(state);
  for (const id of [...CONTROLS, ...DTMF_KEYS.map(dtmfId)]) $(id).disabled = !on.has(id);
  $("sign-in").disabled = state.signedIn;
  document.body.dataset.revision = String(state.revision);
}

const SIGNED_OUT = { signedIn: false, status: { state: "signedOut", code: 2, reason: null, since: Date.now(), until: null, restTimedOut: false }, calls: [], revision: 0 };

// ---- agent: session and state -------------------------------------------------------------

const need = () => {
  if (!agent) throw new Error("sign in first");
  return agent;
};
/** The call the buttons act on: the one talking, else the held one, else the first. */
const currentCall = () => {
  const calls = need().state.calls;
  return calls.find((c) => c.state === "talking" || c.state === "conference") ?? calls.find((c) => c.state === "held") ?? calls[0];
};
const heldCall = () => need().state.calls.find((c) => c.state === "held");

action("sign-in", async () => {
  agent = new AgentClient({ ...connection(value("gateway-url")), agentId: value("agent-id") });
  agent.on("*", (e) => log("event", `${e.eventType} ${e.content == null ? "" : JSON.stringify(e.content)}`));
  agent.onUnknownEvent((e) => log("event", `${e.eventType} (unknown type)`));
  agent.onStatus((s) => log("status", `poller ${s.type}${"reason" in s ? `: ${s.reason}` : ""}`));
  unsubscribe = agent.subscribe(() => render(agent.state));
  render(agent.state);
  try {
    await agent.signIn(
      { password: value("agent-password"), phonenum: value("agent-phone"), autoanswer: false, autoenteridle: $("auto-idle").checked },
      { forceIfSignedIn: true },
    );
  } catch (e) {
    unsubscribe();
    agent = null;
    render(SIGNED_OUT);
    throw e;
  }
  return "signed in, following events";
});

action("sign-out", async () => {
  for (const client of [agent, supervisor]) await client?.signOut();
  unsubscribe?.();
  agent = supervisor = unsubscribe = null;
  $("listen").disabled = $("intercept").disabled = true;
  render(SIGNED_OUT);
  return "signed out";
});

action("ready", async () => {
  const a = need();
  const s = a.state.status.state;
  if (s === "rest") await a.cancelRest();
  else if (s === "wrapUp") await a.cancelWork();
  else await a.sayFree();
  return "ready";
});
action("busy", async () => {
  const reason = Number(value("busy-reason")) || undefined;
  await need().sayBusy(reason === undefined ? {} : { reason });
  return "busy";
});
action("rest", async () => {
  const done = await need().restAndWait({ seconds: Number(value("rest-seconds")), cause: Number(value("rest-cause")) || 0 });
  return `rest granted (${done.eventType})`;
});
action("wrap-up-done", async () => {
  await need().cancelWork();
  return "wrap-up done";
});

// ---- agent: calls -------------------------------------------------------------------------

action("answer", async () => {
  const ringing = need().state.calls.find((c) => c.state === "ringing");
  const talking = await need().answerAndWait(ringing ? { callId: ringing.callId } : {});
  return `talking (${talking.eventType})`;
});
action("hang-up", async () => {
  await need().release();
  return "released";
});
action("hold", async () => {
  await need().hold();
  return "held";
});
action("unhold", async () => {
  const held = heldCall();
  await need().getHold(held ? { callId: held.callId } : {});
  return "taken back";
});
action("mute", async () => {
  await need().beginMute();
  return "muted";
});
action("unmute", async () => {
  await need().endMute();
  return "unmuted";
});
action("transfer", async () => {
  // To another agent (device type 2); mode 2, a success transfer: this agent keeps the call
  // until the other one answers.
  await need().transfer({ deviceType: 2, address: value("transfer-to"), mode: 2 });
  return `transferring to ${value("transfer-to")}`;
});
action("consult", async () => {
  const started = await need().innerHelp({ dstAddress: value("consult-to"), deviceType: 2, mode: 1 });
  return `consulting ${value("consult-to")} (${started.callId ?? "call"})`;
});
action("conference", async () => {
  await need().confJoin({ callId: heldCall().callId });
  return "conference";
});
action("complete-transfer", async () => {
  // After a consult: the held customer goes to the consulted agent and this agent leaves.
  await need().connectHold({ callId: heldCall().callId });
  return "held call handed over";
});
for (const key of DTMF_KEYS) {
  action(dtmfId(key), async () => {
    await need().secondDial({ number: key });
    $("dtmf-sent").textContent += key;
    return `DTMF ${key}`;
  });
}
action("call-out", async () => {
  const started = await need().callOut({ called: value("call-out-number") });
  return `calling ${value("call-out-number")} (${started.callId ?? "call"})`;
});

// ---- agent: playback and IVR --------------------------------------------------------------

action("net-play", async () => {
  const done = await need().beginNetPlayAndWait({ fileName: value("play-file"), ccId: 1, locationId: -1 });
  return `playing (${done.eventType})`;
});
action("stop-play", async () => {
  await need().stopPlay();
  return "stopped";
});
action("transmit", async () => (await need().thirdPartyConfTransmitNum()).message || "numbers passed to the IVR");

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
  return `supervisor ${supervisor.agentId} talking with ${talking.content.caller ?? "the caller"}`;
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
  const text = await res.text();
  return text ? JSON.parse(text) : {};
}

action("sim-ring", async () => {
  const call = await sim(`/__sim/agents/${value("agent-id")}/call`, { caller: value("sim-caller"), called: "10086" });
  if (call.callid) $("record-call-id").value = call.callid;
  return `simulator rang ${call.callid ?? "a call"}`;
});
action("sim-hangup", async () => {
  const call = currentCall();
  if (!call) throw new Error("no call to hang up");
  await sim(`/__sim/calls/${encodeURIComponent(call.callId)}/hangup`);
  return `the customer hung up ${call.callId}`;
});
action("sim-conference", async () => {
  await sim(`/__sim/agents/${value("agent-id")}/conference`);
  return "simulator added an IVR to the call";
});

// ---- start --------------------------------------------------------------------------------

// Pages of a two-agent set-up (and the tests) pick the agent with ?agent=ID&phone=N.
const params = new URLSearchParams(location.search);
if (params.get("agent")) $("agent-id").value = params.get("agent");
if (params.get("phone")) $("agent-phone").value = params.get("phone");
$("gateway-url").value = $("cms-url").value = location.origin;
try {
  await initAsync();
  render(SIGNED_OUT);
  $("supervisor-sign-in").disabled = $("download").disabled = false;
  $("status-text").textContent = `signed out · cec-agent ${version()}`;
  $("simulator").hidden = !(await fetch("/__sim/config").then((r) => r.ok, () => false));
  document.body.dataset.ready = "true";
} catch (e) {
  $("status").dataset.state = "error";
  $("status-text").textContent = "the WebAssembly module did not load";
  $("last-error").textContent = String(e);
}
