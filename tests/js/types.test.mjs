// What the TypeScript declarations promise, held at run time (tests/js/types/strict.ts checks
// the same promises at compile time): typed handlers get only decoded events, unknown names are
// refused, a freed client fails with kind "state" as each method's declared type says, a
// session resumes from its token, and the unions (`OperationName`) cover what errors carry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as pkg from "cec-agent";
import { CmsClient } from "cec-agent/cms";
import { SIM, control, rejection, reset, signIn } from "./sim.mjs";

const { AgentClient, isAgentApiError, setLogger } = pkg;
const fast = { idleDelayMs: 20, backoffInitialMs: 50, backoffMaxMs: 200, pollTimeoutMs: 5000 };
const client = (agentId, extra = {}) => new AgentClient({ baseUrl: SIM, agentId, allowInsecureHttp: true, events: fast, ...extra });
const until = async (what, check) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(check(), what);
};

/** The installed package's generated declarations. */
const dts = ["cec_agent.d.ts", "cec_agent_cms.d.cts"]
  .map((file) => readFileSync(new URL(`./node_modules/cec-agent/${file}`, import.meta.url), "utf8"))
  .join("\n");
/** `name -> declared to return a promise` for the members of `class` in the .d.ts (getters as `get`). */
function declared(cls) {
  const body = dts.slice(dts.indexOf(`export class ${cls} {`)).split("\n}")[0];
  const members = new Map();
  for (const line of body.split("\n").map((l) => l.trim()).filter((l) => !l.startsWith("*") && !l.startsWith("/**"))) {
    const method = /^(\w+)\(.*\): (.*);$/.exec(line);
    if (method && method[1] !== "free" && method[1] !== "constructor") members.set(method[1], method[2].startsWith("Promise<"));
    const getter = /^readonly (\w+):/.exec(line);
    if (getter) members.set(getter[1], "get");
  }
  return members;
}
/** The string literals of `export type <name> = ...;` in the .d.ts. */
const union = (name) => new Set([...dts.match(new RegExp(`export type ${name} =([^;]*);`))[1].matchAll(/"(\w+)"/g)].map((m) => m[1]));

test("a typed handler never gets an undecoded event: those go to onUnknownEvent and \"*\"", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 100 });
  const agent = client("1501");
  const typed = [], unknown = [], all = [];
  agent.on("AgentEvent_Ringing", (e) => typed.push(e));
  agent.onUnknownEvent((e) => unknown.push(e));
  agent.on("*", (e) => all.push(e.eventType));
  await agent.signIn({ password: "pw", phonenum: "70001" });
  const push = (eventType, content) => control("POST", "/__sim/agents/1501/events", { eventType, content });
  await push("AgentEvent_Ringing", { callid: { not: "a string" }, caller: "1" }); // does not decode
  await push("AgentEvent_Ringing", "not an object");
  await push("AgentEvent_Vendor_New", { x: 1 }); // a type this version does not know
  await push("AgentEvent_Ringing", { callid: "1700000000-7", caller: "13800000000" });
  await until("all four delivered", () => all.filter((t) => t !== "AgentOther_InService" && t !== "AgentState_Ready").length === 4);
  assert.deepEqual(typed.map((e) => [e.known, e.content.callid]), [[true, "1700000000-7"]]);
  assert.deepEqual(unknown.map((e) => [e.eventType, e.known]), [["AgentEvent_Ringing", false], ["AgentEvent_Ringing", false], ["AgentEvent_Vendor_New", false]]);
  assert.match(unknown[0].problem, /callid/);
  assert.deepEqual(unknown[0].content, { callid: { not: "a string" }, caller: "1" }, "the raw content, as sent");
  assert.equal(unknown[2].problem, undefined, "an unknown type is not a problem");
  await agent.signOut();
});

test("on() refuses an event name outside AgentEventMap", () => {
  const agent = client("1502");
  for (const name of ["AgentEvent_Ringin", "AgentEvent_Vendor_New", "", "agentevent_ringing"]) {
    assert.throws(() => agent.on(name, () => {}), (e) => isAgentApiError(e) && e.kind === "validation" && e.field === "type" && e.rule === "oneOf", name);
  }
  agent.on("AgentEvent_Ringing", () => {})();
  agent.on("*", () => {})();
  agent.free();
});

for (const [cls, make] of [
  ["AgentClient", () => client("1503")],
  ["CmsClient", () => new CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true })],
]) {
  test(`a freed ${cls} fails with kind "state" as each member is declared: promises reject, the rest throw`, async () => {
    const members = declared(cls);
    assert.ok(members.size >= (cls === "AgentClient" ? 35 : 2), `${cls} members read from the .d.ts: ${[...members.keys()]}`);
    const freed = make();
    freed.free();
    freed.free(); // harmless
    const isFreedError = (e, name) => isAgentApiError(e) && e.kind === "state" && e.operation === cls && e.message.includes(`${name}() on a freed client`);
    for (const [name, kind] of members) {
      if (kind === "get") {
        assert.throws(() => freed[name], (e) => isFreedError(e, name), `${cls}.${name} getter`);
        continue;
      }
      let result;
      try {
        result = freed[name]({}, {});
      } catch (e) {
        assert.ok(!kind, `${cls}.${name} is declared to return a promise, but threw: ${e}`);
        assert.ok(isFreedError(e, name), `${cls}.${name} threw ${e?.stack ?? e}`);
        continue;
      }
      assert.ok(kind && result instanceof Promise, `${cls}.${name} neither threw nor returned a promise`);
      const e = await result.then(() => null, (e) => e);
      assert.ok(isFreedError(e, name), `${cls}.${name} rejected with ${e?.stack ?? e}`);
    }
    const live = make();
    assert.equal(typeof Symbol.dispose, "symbol", "Node 20 has Symbol.dispose");
    live[Symbol.dispose]();
    live[Symbol.dispose](); // as free(): harmless twice
  });
}

test("a call before any Guid is kind \"state\" and says to sign in", async () => {
  await reset();
  const agent = client("1504");
  const e = await rejection(agent.queryCallInfoBeforeAnswer(), "state", "queryCallInfoBeforeAnswer", isAgentApiError);
  assert.match(e.message, /sign in/);
  assert.throws(() => agent.startEvents(), (e) => isAgentApiError(e) && e.kind === "state");
  assert.throws(() => agent.session(), (e) => isAgentApiError(e) && e.kind === "state" && /sign in/.test(e.message));
  agent.free();
});

test("a page reload resumes the session from session()'s token; the token is never logged", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 100 });
  const logged = [];
  setLogger((entry) => logged.push(JSON.stringify(entry)));
  try {
    const before = client("1505");
    await before.signIn({ password: "pw", phonenum: "70005" });
    const token = before.session();
    assert.equal(typeof token, "string");
    before.stopEvents(); // the page goes; its client with it
    before.free();

    const after = client("1505");
    assert.ok(!after.signedIn && !after.polling && !after.hasGuid);
    after.resume(token);
    assert.ok(after.signedIn && after.polling && after.hasGuid);
    const busy = new Promise((resolve) => after.on("AgentState_Busy", resolve));
    await control("POST", "/__sim/agents/1505/events", { eventType: "AgentState_Busy", content: {} });
    assert.equal((await busy).workNo, "1505", "the resumed client polls the same session");
    await after.queryCallInfoBeforeAnswer(); // and calls with its Guid

    // Another agent, or the same agent on another gateway, refuses the token.
    for (const other of [client("1506"), new AgentClient({ baseUrl: SIM.replace("127.0.0.1", "localhost"), agentId: "1505", allowInsecureHttp: true })]) {
      assert.throws(() => other.resume(token), (e) => isAgentApiError(e) && e.kind === "validation" && e.field === "token" && e.rule === "match" && !e.message.includes(token.split(" ").pop()));
      assert.ok(!other.hasGuid && !other.signedIn);
      other.free();
    }
    for (const bad of ["", "garbage", 42, token.slice(0, 30)]) {
      assert.throws(() => client("1505").resume(bad), (e) => isAgentApiError(e) && e.kind === "validation" && e.field === "token", String(bad));
    }
    // A raw Set-GUID value is taken too.
    const raw = client("1507");
    raw.resume(`JSESSIONID=${await signIn("1507")}; Path=/`);
    await raw.queryCallInfoBeforeAnswer();
    raw.stopEvents();
    await after.signOut();
    const guid = token.split(" ").pop();
    assert.ok(guid.length > 8 && logged.length > 5, `${logged.length} log entries`);
    assert.deepEqual(logged.filter((l) => l.includes(guid) || l.includes("cec-agent-session")), [], "no log entry holds the token or its Guid");
  } finally {
    setLogger(null);
  }
});

test("signOut() logs no warning for the poll it ends", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 2000 });
  const entries = [];
  setLogger((e) => entries.push(e));
  try {
    const agent = client("1508");
    await agent.signIn({ password: "pw", phonenum: "70008" });
    await new Promise((r) => setTimeout(r, 100)); // a poll is held by the gateway
    await agent.signOut();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(entries.filter((e) => e.level === "warn").map((e) => e.message), []);
    assert.ok(entries.some((e) => e.level === "debug" && e.operation === "getAgentEvent" && /aborted/.test(e.message)), "the aborted poll is a debug entry");
  } finally {
    setLogger(null);
  }
});

test("agentIdMax: 999999 widens agentId and workNo for that client; other values are refused", async () => {
  await reset();
  const wide = client("654321", { agentIdMax: 999999, guid: "g.AgentGateway1" });
  const e = await wide.intercept({ workNo: "999999" }).catch((e) => e);
  assert.ok(isAgentApiError(e) && e.kind !== "validation", `sent, not refused: ${e?.message}`);
  assert.throws(() => client("654321"), (e) => isAgentApiError(e) && e.field === "agentId" && e.rule === "range");
  const narrow = client("1509", { guid: "g.AgentGateway1" });
  await rejection(narrow.intercept({ workNo: "999999" }), "validation", "intercept", isAgentApiError);
  for (const agentIdMax of [100000, 60000, 0, "max"]) {
    assert.throws(() => client("1509", { agentIdMax }), (e) => isAgentApiError(e) && e.field === "agentIdMax", String(agentIdMax));
  }
});

test("every operation's errors carry an OperationName, and every error kind is in AgentApiErrorKind", async () => {
  const names = union("OperationName");
  const kinds = new Set([...dts.matchAll(/kind: "(\w+)"/g)].map((m) => m[1]));
  assert.ok(names.size > 25 && kinds.size >= 10, `${names.size} names, ${kinds.size} kinds`);
  const agent = client("1510", { guid: "g.AgentGateway1" });
  const cms = new CmsClient({ baseUrl: SIM, accessKey: "AK_EXAMPLE_0001", secretKey: "SK_EXAMPLE_SECRET", allowInsecureHttp: true });
  const seen = new Set();
  for (const [c, cls] of [[agent, "AgentClient"], [cms, "CmsClient"]]) {
    for (const [name, isPromise] of declared(cls)) {
      if (isPromise !== true) continue;
      const e = await c[name](null, { timeoutMs: -1 }).catch((e) => e); // refused before sending
      assert.ok(isAgentApiError(e) && kinds.has(e.kind), `${cls}.${name}: ${e}`);
      assert.ok(names.has(e.operation), `${cls}.${name}'s errors name ${e.operation}, which OperationName lacks`);
      seen.add(e.operation);
    }
  }
  assert.throws(() => new AgentClient({}), (e) => names.has(e.operation));
  assert.throws(() => setLogger(5), (e) => names.has(e.operation));
  assert.ok(seen.size >= 20, `${seen.size} operation names seen`);
  agent.free();
  cms.free();
});
