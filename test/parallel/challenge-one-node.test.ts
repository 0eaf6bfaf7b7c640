// The one-node attacks of one-node.test.ts against dist/GamatechAuthzChallenge.py in Jython: K requests on K real Java
// threads released by one latch, each sent as test/conformance/challenge-wire.ts translates it (the script initialised
// with the attack's login order, code_first unless it says password_first) and each JSON answer read back strictly. One
// attack per limit, at one-node.test.ts's K and latency: the codes (wrong-codes), the passwords (wrong-passwords), SMS per
// user (one-user-many-addresses), SMS per IP (many-users-one-address), the cooldown and SMS per session (resends), and the
// per-login failure limit of password_first (password-first-wrong-passwords). The three attacks that place one right
// guess among wrong ones meet the same limits and run on the ROPC script only.

import { LIMITS } from "./attacks";
import { parallelSuite } from "./suite";

const attack = parallelSuite("in-memory", "challenge");

it("100 wrong codes at once in one session: at most 5 evaluated, then the right code gives no token", async () => {
  const result = await attack("wrong-codes", { k: 100, latencyMs: 2, nodes: 1 });
  expect(result.evaluated).toBeGreaterThanOrEqual(1);
  expect(result.evaluated).toBeLessThanOrEqual(LIMITS.codes);
  expect(result.tokens).toBe(0);
  expect(result.rightAccepted).toBe("no");
});

it("100 wrong passwords at once: at most 3 evaluated, then the right password gives no token", async () => {
  const result = await attack("wrong-passwords", { k: 100, latencyMs: 2, nodes: 1 });
  expect(result.evaluated).toBeGreaterThanOrEqual(1);
  expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords);
  expect(result.tokens).toBe(0);
  expect(result.rightAccepted).toBe("no");
});

it("200 starts for one user from 200 addresses: at most 5 SMS", async () => {
  const result = await attack("one-user-many-addresses", { k: 200, latencyMs: 10, nodes: 1 });
  expect(result.sms).toBeGreaterThanOrEqual(1);
  expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerUser);
});

it("200 users from one address: at most 20 SMS", async () => {
  const result = await attack("many-users-one-address", { k: 200, latencyMs: 10, nodes: 1 });
  expect(result.sms).toBeGreaterThanOrEqual(1);
  expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerIp);
});

it("50 resends at once, three times a cooldown apart: at most one SMS per cooldown and 3 per session", async () => {
  const result = await attack("resends", { k: 50, latencyMs: 2, nodes: 1 });
  for (const sent of result.perRound) expect(sent).toBeLessThanOrEqual(1);
  expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerSession);
});

describe("password_first", () => {
  it("200 wrong passwords at once: at most 10 judged, every other one refused unjudged, no SMS", async () => {
    const result = await attack("password-first-wrong-passwords", { k: 200, latencyMs: 10, nodes: 1 });
    expect(result.evaluated).toBeGreaterThanOrEqual(1);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.failuresPerUser);
    expect(Object.keys(result.answers).sort()).toEqual(["invalid_credentials", "rate_limited"]);
    expect(result.sms).toBe(0);
    expect(result.rightAccepted).toBe("no");
    expect(result.tokens).toBe(0);
  });
});
