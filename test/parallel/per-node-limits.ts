// Issue 12 §3: two script instances (cluster nodes) sharing the world's in-memory store, K = 50 requests at once,
// alternating between the nodes, every store operation answering after 2 ms, for either built script. Per-node locks
// cannot see the other node, so each limit holds within limit × 2; the real Redis, memcached and database backends make
// it exact (exact-across-nodes.ts, test/backends/).

import { LIMITS } from "./attacks";
import type { Wire } from "../conformance/challenge-wire";
import { parallelSuite } from "./suite";

const TWO_NODES = { k: 50, latencyMs: 2, nodes: 2 } as const;
const NODES = TWO_NODES.nodes;

export function perNodeLimits(script: Wire): void {
  const attack = parallelSuite("in-memory", script);

  it("50 wrong codes: at most 10 evaluated", async () => {
    const result = await attack("wrong-codes", TWO_NODES);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.codes * NODES);
  });

  it("50 wrong passwords: at most 6 evaluated", async () => {
    const result = await attack("wrong-passwords", TWO_NODES);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords * NODES);
  });

  it("50 starts for one user: at most 10 SMS", async () => {
    const result = await attack("one-user-many-addresses", TWO_NODES);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerUser * NODES);
  });

  it("50 users from one address: at most 40 SMS", async () => {
    const result = await attack("many-users-one-address", TWO_NODES);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerIp * NODES);
  });

  it("50 resends at once, three times: at most 2 SMS per cooldown and 6 per session", async () => {
    const result = await attack("resends", TWO_NODES);
    for (const sent of result.perRound) expect(sent).toBeLessThanOrEqual(NODES);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerSession * NODES);
  });

  it("50 codes with one right, in each of 5 sessions: no session evaluates more than 10", async () => {
    const result = await attack("right-code-among-many", { ...TWO_NODES, sessions: 5 });
    for (const evaluated of result.perRound) expect(evaluated).toBeLessThanOrEqual(LIMITS.codes * NODES);
  });

  it("50 passwords with one right: at most 6 evaluated and at most one token", async () => {
    const result = await attack("right-password-among-many", TWO_NODES);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords * NODES);
    expect(result.tokens).toBeLessThanOrEqual(1);
  });

  describe("password_first", () => {
    it("50 wrong passwords: at most 20 judged, no SMS", async () => {
      const result = await attack("password-first-wrong-passwords", TWO_NODES);
      expect(result.evaluated).toBeGreaterThanOrEqual(1);
      expect(result.evaluated).toBeLessThanOrEqual(LIMITS.failuresPerUser * NODES);
      expect(
        Object.keys(result.answers).filter((name) => !["invalid_credentials", "rate_limited"].includes(name)),
      ).toEqual([]);
      expect(result.sms).toBe(0);
      expect(result.tokens).toBe(0);
    });

    it("50 passwords with one right: at most 20 judged and at most one SMS", async () => {
      const result = await attack("password-first-right-among-many", TWO_NODES);
      expect(result.answers["proceed"] ?? 0).toBeLessThanOrEqual(1);
      // Each node remembers the failure slots it holds, so the right password's give-back on one node cannot free a slot the
      // other node took for a wrong guess (test/backends/claims.test.ts › IN_MEMORY): limit × nodes, right answer included.
      expect(result.evaluated).toBeLessThanOrEqual(LIMITS.failuresPerUser * NODES);
      expect(result.sms).toBe(result.answers["proceed"] ?? 0);
      expect(result.tokens).toBeLessThanOrEqual(1);
    });

    it("50 users' passwords from one address: at most 40 judged, no SMS", async () => {
      const result = await attack("password-first-spraying", TWO_NODES);
      expect(result.evaluated).toBeGreaterThanOrEqual(1);
      expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwordFailuresPerIp * NODES);
      expect(result.sms).toBe(0);
    });
  });
}
