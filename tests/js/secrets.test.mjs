// With logging on, every operation and failure leaves no Guid, password, AK, SK or
// Authorization value in any log entry or error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { AgentClient, isAgentApiError, setLogger as setGatewayLogger } from "cec-agent";
import { CmsClient, setLogger as setCmsLogger } from "cec-agent/cms";

/** Each module logs through its own logger: both get the same one. */
const setLogger = (logger) => {
  setGatewayLogger(logger);
  setCmsLogger(logger);
};
import { SIM, control, fault, reset } from "./sim.mjs";

const PASSWORD = "Pw-7f3a9c";
const AK = "AK_EXAMPLE_0001";
const SK = "SK_EXAMPLE_SECRET";
const WRONG_SK = "SK-wrong-5b1e";

test("no secret reaches a log entry or an error", async () => {
  await reset();
  await control("POST", "/__sim/config", { pollHoldMs: 100 });
  const entries = [];
  const errors = [];
  setLogger((entry) => entries.push(entry));
  const attempt = async (promise) => {
    try {
      await promise;
    } catch (e) {
      assert.ok(isAgentApiError(e), `not an AgentApiError: ${e}`);
      errors.push(`${e.message}\n${e.stack}\n${JSON.stringify(e)}`);
    }
  };
  try {
    const agent = new AgentClient({ baseUrl: SIM, agentId: "1501", allowInsecureHttp: true, events: { idleDelayMs: 20 } });
    await agent.signIn({ password: PASSWORD, phonenum: "70001" });
    await attempt(agent.signIn({ password: PASSWORD, phonenum: "70001" })); // 100-002
    await attempt(agent.signIn({ password: PASSWORD + "x".repeat(40), phonenum: "1" })); // validation
    const guid = (await control("POST", "/__sim/agents", { agentId: "1502" })).guid;
    const other = new AgentClient({ baseUrl: SIM, agentId: "1502", guid, allowInsecureHttp: true });
    await control("POST", "/__sim/agents/1502/call", {});
    for (const call of [
      () => other.queryCallInfoBeforeAnswer(),
      () => other.beginNetPlay({ fileName: "Y:/a.V3", ccId: 1 }),
      () => other.beginNetPlay({ fileName: "Y:/a.V3", ccId: 1 }), // 500-007
      () => other.thirdPartyConfTransmitNum(), // 10001
      () => other.intercept({ workNo: "1501" }), // 900-00x
      () => other.addSupervise({ workNo: "1501" }),
      () => other.stopPlay(),
      () => other.heartbeat({ serviceToken: "tok_123" }),
    ]) {
      await attempt(call());
    }
    await fault("/calldata/1502/", "html");
    await attempt(other.queryCallInfoBeforeAnswer());
    await fault("/calldata/1502/", "drop");
    await attempt(other.queryCallInfoBeforeAnswer());
    await fault("/calldata/1502/", "delay", 2000);
    await attempt(other.queryCallInfoBeforeAnswer({ timeoutMs: 100 }));
    assert.throws(() => other.setGuid("bad guid with spaces " + guid), (e) => isAgentApiError(e) && !e.message.includes(guid));
    const stale = new AgentClient({ baseUrl: SIM, agentId: "1502", guid: guid + "-stale", allowInsecureHttp: true });
    await attempt(stale.queryCallInfoBeforeAnswer());
    await agent.signOut();

    const cms = (sk) => new CmsClient({ baseUrl: SIM, accessKey: AK, secretKey: sk, allowInsecureHttp: true });
    await cms(SK).downloadRecordFile({ callID: "1700000000-1" });
    await attempt(cms(SK).downloadRecordFile({ callID: "404" }));
    await attempt(cms(WRONG_SK).downloadRecordFile({ callID: "1700000000-1" }));
    assert.throws(() => cms("bad sk " + SK), (e) => isAgentApiError(e) && !e.message.includes(SK));

    const logged = entries.map((e) => JSON.stringify(e)).join("\n");
    assert.ok(entries.length > 30, `expected many log entries, got ${entries.length}`);
    assert.ok(entries.some((e) => e.level === "warn") && entries.some((e) => e.status === 200));
    assert.ok(errors.length >= 10, `expected many errors, got ${errors.length}`);
    for (const secret of [guid, PASSWORD, AK, SK, WRONG_SK, "auth-v2/", "tok_123"]) {
      assert.ok(!logged.includes(secret), `a log entry contains ${secret}`);
      for (const text of errors) assert.ok(!text.includes(secret), `an error contains ${secret}: ${text}`);
    }
  } finally {
    setLogger(null);
  }
});
