// Issue 12 §2: the limits hold when K requests arrive at once. dist/GamatechRopc.py in Jython, K requests on K real Java
// threads released by one latch (the driver's `parallel` command), the store answering after a real round trip. On one
// node every limit is exact; on two nodes sharing the in-memory store, per-node locks bound each by limit × nodes.
// The matrix is the smallest that proves each claim: K = 200 at 10 ms for one attack per limit, K = 50 at 2 ms for the
// rest and for two nodes. `npm run security-figures` runs the wider sweep that SECURITY.md quotes.

import { AttackName, AttackResult, AttackSetup, LIMITS, ParallelWorld, runAttack } from "./attacks";

jest.setTimeout(180_000);

let world: ParallelWorld;

beforeAll(() => {
  world = ParallelWorld.start();
});

afterAll(async () => {
  await world.close();
});

async function attack(name: AttackName, setup: AttackSetup): Promise<AttackResult> {
  const result = await runAttack(world, name, setup);
  // The figures behind a failure: what was answered, per burst or session.
  if (process.env.PARALLEL_VERBOSE !== undefined) console.log(JSON.stringify(result));
  return result;
}

const ONE_NODE_HEAVY = { k: 200, latencyMs: 10, nodes: 1 } as const;
const ONE_NODE_LIGHT = { k: 50, latencyMs: 2, nodes: 1 } as const;
const TWO_NODES = { k: 50, latencyMs: 2, nodes: 2 } as const;

describe("one node: every limit is exact", () => {
  it("200 wrong codes at once in one session: 5 evaluated, then the right code gives no token", async () => {
    const result = await attack("wrong-codes", ONE_NODE_HEAVY);
    expect(result.evaluated).toBe(LIMITS.codes);
    expect(result.tokens).toBe(0);
    expect(result.rightAccepted).toBe("no");
  });

  it("200 wrong passwords at once: 3 evaluated, then the right password gives no token", async () => {
    const result = await attack("wrong-passwords", ONE_NODE_HEAVY);
    expect(result.evaluated).toBe(LIMITS.passwords);
    expect(result.tokens).toBe(0);
    expect(result.rightAccepted).toBe("no");
  });

  it("200 starts for one user from 200 addresses: exactly 5 SMS", async () => {
    const result = await attack("one-user-many-addresses", ONE_NODE_HEAVY);
    expect(result.sms).toBe(LIMITS.smsPerUser);
  });

  it("200 users from one address: at most 20 SMS", async () => {
    const result = await attack("many-users-one-address", ONE_NODE_HEAVY);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerIp);
    expect(result.sms).toBeGreaterThan(0);
  });

  it("200 resends at once, three times a cooldown apart: one SMS per cooldown, 3 per session", async () => {
    const result = await attack("resends", ONE_NODE_HEAVY);
    expect(result.perRound).toEqual([1, 1, 0]);
    expect(result.sms).toBe(LIMITS.smsPerSession);
  });

  it("50 codes at once with one right, over 10 sessions: no session evaluates more than 5", async () => {
    const result = await attack("right-code-among-many", { ...ONE_NODE_LIGHT, sessions: 10 });
    for (const evaluated of result.perRound) expect(evaluated).toBeLessThanOrEqual(LIMITS.codes);
    expect(result.answers.proceed ?? 0).toBeLessThanOrEqual(10);
  });

  it("50 passwords at once with one right: at most 3 evaluated and at most one token", async () => {
    const result = await attack("right-password-among-many", ONE_NODE_LIGHT);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords);
    expect(result.tokens).toBeLessThanOrEqual(1);
  });
});

describe("two nodes sharing the in-memory store: each limit within limit × 2", () => {
  const nodes = TWO_NODES.nodes;

  it("50 wrong codes: at most 10 evaluated", async () => {
    const result = await attack("wrong-codes", TWO_NODES);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.codes * nodes);
  });

  it("50 wrong passwords: at most 6 evaluated", async () => {
    const result = await attack("wrong-passwords", TWO_NODES);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords * nodes);
  });

  it("50 starts for one user: at most 10 SMS", async () => {
    const result = await attack("one-user-many-addresses", TWO_NODES);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerUser * nodes);
  });

  it("50 users from one address: at most 40 SMS", async () => {
    const result = await attack("many-users-one-address", TWO_NODES);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerIp * nodes);
  });

  it("50 resends at once, three times: at most 2 SMS per cooldown and 6 per session", async () => {
    const result = await attack("resends", TWO_NODES);
    for (const sent of result.perRound) expect(sent).toBeLessThanOrEqual(nodes);
    expect(result.sms).toBeLessThanOrEqual(LIMITS.smsPerSession * nodes);
  });

  it("50 codes with one right, over 5 sessions: no session evaluates more than 10", async () => {
    const result = await attack("right-code-among-many", { ...TWO_NODES, sessions: 5 });
    for (const evaluated of result.perRound) expect(evaluated).toBeLessThanOrEqual(LIMITS.codes * nodes);
  });

  it("50 passwords with one right: at most 6 evaluated and at most one token", async () => {
    const result = await attack("right-password-among-many", TWO_NODES);
    expect(result.evaluated).toBeLessThanOrEqual(LIMITS.passwords * nodes);
    expect(result.tokens).toBeLessThanOrEqual(1);
  });
});
