// Issue 12 §3, the part every atomic backend shares: two script instances on one real server, K requests at once
// alternating between them, every store operation paying a round trip, and each limit held exactly across both nodes
// (not limit × nodes, as per-node claims allow: two-nodes.test.ts). The same assertions as one-node.test.ts, with one
// budget for the cluster.

import { LIMITS } from "./attacks";
import type { AttackSetup, Backend } from "./attacks";
import type { Wire } from "../conformance/challenge-wire";
import { parallelSuite } from "./suite";

export interface AcrossNodes {
  backend: Exclude<Backend, "in-memory">;
  setup: AttackSetup;
  /**
   * Whether the resend bursts can run: they move the world's clock past the cooldown, which Redis, expiring keys on its
   * own clock, does not see (test/backends/resend-bursts.test.ts bursts resends on a real Redis in real time).
   */
  resends: boolean;
  /** The built script both nodes run (default the ROPC script). */
  script?: Wire;
}

export function exactAcrossNodes({ backend, setup, resends, script = "ropc" }: AcrossNodes): void {
  const attack = parallelSuite(backend, script);
  const k = setup.k;

  it(`${k} wrong codes in one session: at most ${LIMITS.codes} evaluated across both nodes, then no token`, async () => {
    const result = await attack("wrong-codes", setup);
    expect(result.backend).toBe(backend);
    expect(result.evaluated).toBeGreaterThanOrEqual(1);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.codes);
    expect(result.tokens).toBe(0);
    expect(result.rightAccepted).toBe("no");
  });

  it(`${k} wrong passwords: at most ${LIMITS.passwords} evaluated across both nodes, then no token`, async () => {
    const result = await attack("wrong-passwords", setup);
    expect(result.evaluated).toBeGreaterThanOrEqual(1);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords);
    expect(result.tokens).toBe(0);
    expect(result.rightAccepted).toBe("no");
  });

  it(`${k} starts for one user from ${k} addresses: at most ${LIMITS.smsPerUser} SMS`, async () => {
    const result = await attack("one-user-many-addresses", setup);
    expect(result.sms).toBeGreaterThanOrEqual(1);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerUser);
  });

  it(`${k} users from one address: at most ${LIMITS.smsPerIp} SMS`, async () => {
    const result = await attack("many-users-one-address", setup);
    expect(result.sms).toBeGreaterThanOrEqual(1);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerIp);
  });

  if (resends) {
    it(`${k} resends at once, three times: one SMS per cooldown and ${LIMITS.smsPerSession} per session`, async () => {
      const result = await attack("resends", setup);
      for (const sent of result.perRound) expect(sent).toBeLessThanOrEqual(1);
      expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerSession);
    });
  }

  it(`${k} codes with one right, in each of 5 sessions: no session evaluates more than ${LIMITS.codes}`, async () => {
    const result = await attack("right-code-among-many", { ...setup, sessions: 5 });
    for (const evaluated of result.perRound) expect(evaluated).toBeLessThanOrEqual(LIMITS.codes);
    expect(result.tokens).toBeLessThanOrEqual(5);
  });

  it(`${k} passwords with one right: at most ${LIMITS.passwords} evaluated and at most one token`, async () => {
    const result = await attack("right-password-among-many", setup);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords);
    expect(result.tokens).toBeLessThanOrEqual(1);
  });

  describe("password_first", () => {
    it(`${k} wrong passwords: at most ${LIMITS.failuresPerUser} judged across both nodes, no SMS`, async () => {
      const result = await attack("password-first-wrong-passwords", setup);
      expect(result.evaluated).toBeGreaterThanOrEqual(1);
      expect(result.evaluated).toBeLessThanOrEqual(LIMITS.failuresPerUser);
      expect(Object.keys(result.answers).sort()).toEqual(["invalid_credentials", "rate_limited"]);
      expect(result.sms).toBe(0);
      expect(result.rightAccepted).toBe("no");
    });

    it(`${k} passwords with one right: at most ${LIMITS.failuresPerUser} judged and at most one SMS`, async () => {
      const result = await attack("password-first-right-among-many", setup);
      expect(result.evaluated).toBeLessThanOrEqual(LIMITS.failuresPerUser);
      expect(result.answers["proceed"] ?? 0).toBeLessThanOrEqual(1);
      expect(result.sms).toBe(result.answers["proceed"] ?? 0);
      expect(result.tokens).toBeLessThanOrEqual(1);
    });

    it(`${k} users' passwords from one address: at most ${LIMITS.passwordFailuresPerIp} judged across both nodes, no SMS`, async () => {
      const result = await attack("password-first-spraying", setup);
      expect(result.evaluated).toBeGreaterThanOrEqual(1);
      expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwordFailuresPerIp);
      expect(Object.keys(result.answers).sort()).toEqual(["invalid_credentials", "rate_limited"]);
      expect(result.sms).toBe(0);
      expect(result.rightAccepted).toBe("no");
    });
  });
}
