// Issue 12 §3 for login_order=password_first: both script instances on one real redis-server (atomic claims, `SET NX EX`),
// K = 200 wrong passwords at once alternating between the nodes, every store operation answering after 10 ms. Per-node
// claims hold the lockout within 10 × 2 (two-nodes.test.ts); Redis makes it exact across the nodes, with or without the
// right password among the guesses (its release cannot free a slot that another node also believes it holds).

import { LIMITS } from "./attacks";
import { parallelSuite } from "./suite";

const attack = parallelSuite("redis");
const ON_REDIS = { k: 200, latencyMs: 10, nodes: 2 } as const;

it("200 wrong passwords on two nodes: at most 10 judged across both, no SMS, the right one then refused", async () => {
  const result = await attack("password-first-wrong-passwords", ON_REDIS);
  expect(result.backend).toBe("redis");
  expect(result.evaluated).toBeGreaterThanOrEqual(1);
  expect(result.evaluated).toBeLessThanOrEqual(LIMITS.failuresPerUser);
  expect(Object.keys(result.answers).sort()).toEqual(["invalid_credentials", "rate_limited"]);
  expect(result.sms).toBe(0);
  expect(result.rightAccepted).toBe("no");
});

it("200 passwords with one right on two nodes: at most 10 wrong ones judged and at most one SMS", async () => {
  const result = await attack("password-first-right-among-many", ON_REDIS);
  expect(result.evaluated).toBeLessThanOrEqual(LIMITS.failuresPerUser);
  expect(result.answers["proceed"] ?? 0).toBeLessThanOrEqual(1);
  expect(result.sms).toBe(result.answers["proceed"] ?? 0);
  expect(result.tokens).toBeLessThanOrEqual(1);
});
