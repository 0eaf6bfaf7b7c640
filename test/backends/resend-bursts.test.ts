// Bursts of parallel resends of one login session, half on each of two JVMs (two cluster nodes) sharing a real server, with
// a store round trip on every session operation: on Redis (SET NX EX) and on the database cache (PostgreSQL's unique
// key), the resend cooldown lets exactly one send through per cooldown and max_sends_per_session holds cluster-wide, the
// first send included. Per-node locks alone would let each node send once per cooldown (test/parallel/two-nodes.test.ts).

import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { CacheBackendSpec, ParallelReply, ParallelRequest } from "../../src/world/protocol";
import { CacheServer, PostgresServer, startPostgres, startRedis } from "../../src/world/servers";
import { ALICE, CONFIG, node, requestsOnBoth, sleepMs, startNodePair } from "./two-jvms";

jest.setTimeout(900_000);

let redis: CacheServer;
let postgres: PostgresServer;
let nodeA: JythonScriptHost;
let nodeB: JythonScriptHost;
const scripts = new Map<JythonScriptHost, string>();

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  [nodeA, nodeB] = startNodePair(scripts);
});

afterAll(async () => {
  for (const host of [nodeA, nodeB]) host?.close();
  await Promise.all([redis?.stop(), postgres?.stop()]);
});

/**
 * Redis's EX runs in real time, so each round waits one cooldown: long enough that the start and a burst (1.6 to 1.9 s on
 * 2 idle cores) end well within one, short enough not to hold a test worker for minutes. Each burst's duration is checked
 * against it, so a machine too slow for it fails with that reason rather than with a miscount.
 */
const COOLDOWN_SECONDS = 8;
const SENDS_PER_SESSION = 3;
const PER_NODE = 20;
const LATENCY_MS = 2;
const LOGIN = { clientId: "app-1", ip: "198.51.100.7" };

interface Backend {
  name: string;
  spec: () => CacheBackendSpec;
  /** Lets `seconds` pass for the claims: Redis expires them in real time, the database on the world's clock. */
  realWait: boolean;
}

const BACKENDS: Backend[] = [
  { name: "redis", spec: () => ({ kind: "redis", port: redis.port }), realWait: true },
  {
    name: "database",
    spec: () => ({ kind: "database", jdbcUrl: postgres.jdbcUrl, user: postgres.user }),
    realWait: false,
  },
];

function sent(replies: ParallelReply[]): number {
  return replies
    .flatMap((reply) => [...reply.results.flatMap((result) => result.sms), ...reply.unattributed.sms])
    .filter((record) => record.sid !== undefined).length;
}

/** The error codes answered, and how many proceeded, over both nodes' replies. */
function answers(replies: ParallelReply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of replies.flatMap((reply) => reply.results)) {
    const header = result.headers["X-ROPC-TWO-FA"] ?? "";
    const answer = header.includes("status=proceed")
      ? "proceed"
      : (/error_code=(\d+)/.exec(header)?.[1] ?? "no-header");
    counts[answer] = (counts[answer] ?? 0) + 1;
  }
  return counts;
}

/** Two nodes on `backend` with these properties, and a login started on the first: its session id and first SMS. */
function startOnTwoNodes(backend: Backend, properties: Record<string, string>) {
  const options = { latencyMs: LATENCY_MS };
  const a = node(nodeA, scripts.get(nodeA) ?? "", backend.spec(), properties, options);
  const b = node(nodeB, scripts.get(nodeB) ?? "", backend.spec(), properties, { ...options, flush: false });
  const start = nodeA.authenticate(a.instance, {
    ...LOGIN,
    parameters: { __step: "1", username: ALICE.uid, password: "" },
  });
  const header = start.headers["X-ROPC-TWO-FA"] ?? "";
  expect(header).toContain("status=proceed");
  const sessionId = /session_id=([0-9a-f]+)/.exec(header)?.[1] ?? "";
  const burst = (): ParallelReply[] => {
    const resend = (instance: string): ParallelRequest[] =>
      Array.from({ length: PER_NODE }, () => ({
        ...LOGIN,
        instance,
        parameters: { __step: "1", username: ALICE.uid, __session_id: sessionId },
      }));
    return requestsOnBoth([nodeA, nodeB], [resend(a.instance), resend(b.instance)]);
  };
  return { firstSms: start.sms.filter((record) => record.sid !== undefined).length, burst };
}

describe.each(BACKENDS)("resend bursts on two JVMs sharing a real $name", (backend) => {
  test("one SMS per cooldown, and max_sends_per_session in all, the first send included", () => {
    const properties = {
      ...CONFIG,
      resend_cooldown_seconds: String(COOLDOWN_SECONDS),
      max_sends_per_session: String(SENDS_PER_SESSION),
    };
    const { firstSms, burst } = startOnTwoNodes(backend, properties);
    expect(firstSms).toBe(1);
    const perBurst: number[] = [];
    const refusals: Record<string, number>[] = [];
    // One burst within the first cooldown, then one after each cooldown until the session's cap is used up, and one more.
    for (let round = 0; round <= SENDS_PER_SESSION; round++) {
      if (round > 0) {
        if (backend.realWait) sleepMs(COOLDOWN_SECONDS * 1000 + 500);
        for (const host of [nodeA, nodeB]) host.advanceClock(COOLDOWN_SECONDS * 1000);
      }
      const began = Date.now();
      const replies = burst();
      expect({ round, burstWithinCooldown: Date.now() - began < COOLDOWN_SECONDS * 1000 }).toEqual({
        round,
        burstWithinCooldown: true,
      });
      perBurst.push(sent(replies));
      refusals.push(answers(replies));
    }
    expect(perBurst).toEqual([0, 1, 1, 0]);
    expect(firstSms + perBurst.reduce((a, b) => a + b, 0)).toBe(SENDS_PER_SESSION);
    // Everything else was refused as rate limited (10010), not failed: the cooldown and the cap refuse, nothing broke.
    for (const [round, counts] of refusals.entries()) {
      expect({ round, counts }).toEqual({
        round,
        counts: {
          ...(perBurst[round] === 1 ? { proceed: 1 } : {}),
          "10010": 2 * PER_NODE - perBurst[round]!,
        },
      });
    }
  });

  test("without a cooldown, one burst sends at most the session's remaining sends", () => {
    const properties = {
      ...CONFIG,
      resend_cooldown_seconds: "0",
      max_sends_per_session: String(SENDS_PER_SESSION),
    };
    const { firstSms, burst } = startOnTwoNodes(backend, properties);
    const replies = burst();
    const counts = answers(replies);
    expect(firstSms + sent(replies)).toBeLessThanOrEqual(SENDS_PER_SESSION);
    expect(counts["proceed"] ?? 0).toBeLessThanOrEqual(SENDS_PER_SESSION - 1);
    // A second burst finds the cap used up or the session ended: no SMS at all.
    expect(sent(burst())).toBe(0);
  });
});
