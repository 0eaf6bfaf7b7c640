// The claim store of the BUILT script (dist/GamatechRopc.py in Jython), as init builds it for the server's cache backend,
// against real servers: redis-server, memcached and PostgreSQL (Debian packages, started on loopback ports by
// src/world/servers.ts) with the client libraries Janssen uses (Jedis 3.9.0, spymemcached 2.12.3, from Maven Central).
// A claim is exclusive under many parallel Java threads; two script instances in two JVMs sharing one server never both
// win; a claim expires after its ttl; a stopped server makes claims throw, and the flow then answers 10001.

import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { CacheBackendSpec, ParallelRequest, ParallelResult } from "../../src/world/protocol";
import {
  CacheServer,
  PostgresServer,
  startMemcached,
  startPostgres,
  startRedis,
} from "../../src/world/servers";
import {
  ALICE,
  claimOps,
  claims,
  CONFIG,
  node as nodeOn,
  returned,
  sleepMs,
  startNodePair,
} from "./two-jvms";
import type { ClaimResult } from "./two-jvms";

jest.setTimeout(600_000);

let redis: CacheServer;
let memcached: CacheServer;
let postgres: PostgresServer;
let nodeA: JythonScriptHost;
let nodeB: JythonScriptHost;
const scripts = new Map<JythonScriptHost, string>();

beforeAll(async () => {
  [redis, memcached, postgres] = await Promise.all([startRedis(), startMemcached(), startPostgres()]);
  [nodeA, nodeB] = startNodePair(scripts);
});

afterAll(async () => {
  for (const host of [nodeA, nodeB]) host?.close();
  await Promise.all([redis?.stop(), memcached?.stop(), postgres?.stop()]);
});

interface Backend {
  name: string;
  spec: () => CacheBackendSpec;
  server: () => CacheServer;
  mode: string;
  /** Waits until a claim made now has expired: real seconds on Redis and memcached, the world's clock on the database. */
  outlive: (host: JythonScriptHost, ttlSeconds: number) => void;
}

const BACKENDS: Backend[] = [
  {
    name: "redis",
    spec: () => ({ kind: "redis", port: redis.port }),
    server: () => redis,
    mode: "claims=redis (atomic across nodes: SET NX EX)",
    outlive: (_host, ttl) => sleepMs(ttl * 1000 + 300),
  },
  {
    name: "memcached",
    spec: () => ({ kind: "memcached", port: memcached.port }),
    server: () => memcached,
    mode: "claims=memcached (atomic across nodes: add)",
    // memcached counts expiry in whole seconds of its own clock: up to one more second.
    outlive: (_host, ttl) => sleepMs(ttl * 1000 + 1300),
  },
  {
    name: "database",
    spec: () => ({ kind: "database", jdbcUrl: postgres.jdbcUrl, user: postgres.user }),
    server: () => postgres,
    mode: "claims=database (atomic across nodes: unique DN, sql)",
    outlive: (host, ttl) => void host.advanceClock(ttl * 1000 + 1),
  },
];

/** A fresh world on `backend` (flushed unless `flush` is false) and an initialised script instance on it. */
function node(
  host: JythonScriptHost,
  backend: CacheBackendSpec,
  flush = true,
): { instance: string; logs: string[] } {
  return nodeOn(host, scripts.get(host) ?? "", backend, CONFIG, { flush });
}

describe.each(BACKENDS)("claims on a real $name", (backend) => {
  test("init detects the backend and logs that claims are atomic across nodes", () => {
    const { logs } = node(nodeA, backend.spec());
    expect(logs).toContain(`GamatechRopc. INFO ${backend.mode}`);
  });

  test("one claim of a key wins among 100 threads released together, for each of 4 keys", () => {
    const { instance } = node(nodeA, backend.spec());
    const keys = ["k1", "k2", "k3", "k4"];
    const values = returned(claims(nodeA, instance, claimOps(keys, 25), { parallel: true }));
    for (const [index, key] of keys.entries()) {
      const mine = values.slice(index * 25, index * 25 + 25);
      expect({ key, won: mine.filter((won) => won === true).length }).toEqual({ key, won: 1 });
    }
  });

  test("get answers the winner's value; release gives the key back", () => {
    const { instance } = node(nodeA, backend.spec());
    const results = returned(
      claims(nodeA, instance, [
        { op: "claim", key: "send:1", value: "first", ttlSeconds: 60 },
        { op: "claim", key: "send:1", value: "second", ttlSeconds: 60 },
        { op: "get", key: "send:1" },
        { op: "get", key: "send:2" },
        { op: "release", key: "send:1" },
        { op: "get", key: "send:1" },
        { op: "claim", key: "send:1", value: "third", ttlSeconds: 60 },
        { op: "get", key: "send:1" },
      ]),
    );
    expect(results).toEqual([true, false, "first", null, null, null, true, "third"]);
  });

  test("two script instances in two JVMs sharing the server never both win a claim", () => {
    const a = node(nodeA, backend.spec());
    const b = node(nodeB, backend.spec(), false);
    expect(b.logs).toContain(`GamatechRopc. INFO ${backend.mode}`);
    const keys = Array.from({ length: 10 }, (_, i) => `race:${i}`);
    const ops = claimOps(keys, 8);
    const startAtMs = Date.now() + 1500;
    const common = { cmd: "claims" as const, ops, parallel: true, detach: true, startAtMs };
    const ticketA = nodeA.send({ ...common, instance: a.instance }).ticket as number;
    const ticketB = nodeB.send({ ...common, instance: b.instance }).ticket as number;
    const wonA = returned(nodeA.send({ cmd: "claimResults", ticket: ticketA }).results as ClaimResult[]);
    const wonB = returned(nodeB.send({ cmd: "claimResults", ticket: ticketB }).results as ClaimResult[]);
    for (const [index, key] of keys.entries()) {
      const slice = (won: unknown[]) => won.slice(index * 8, index * 8 + 8).filter((w) => w === true).length;
      expect({ key, won: slice(wonA) + slice(wonB) }).toEqual({ key, won: 1 });
    }
  });

  test("a claim expires after its ttl and can then be claimed again", () => {
    const { instance } = node(nodeA, backend.spec());
    const first = returned(
      claims(nodeA, instance, [
        { op: "claim", key: "ttl", value: "old", ttlSeconds: 1 },
        { op: "claim", key: "ttl", value: "early", ttlSeconds: 1 },
      ]),
    );
    expect(first).toEqual([true, false]);
    backend.outlive(nodeA, 1);
    const after = returned(
      claims(nodeA, instance, [
        { op: "get", key: "ttl" },
        { op: "claim", key: "ttl", value: "new", ttlSeconds: 60 },
        { op: "get", key: "ttl" },
      ]),
    );
    expect(after).toEqual([null, true, "new"]);
  });

  test("a login started on one JVM goes on in the other: the session, the counters and the claims are shared", () => {
    const a = node(nodeA, backend.spec());
    const b = node(nodeB, backend.spec(), false);
    const login = { clientId: "app-1", ip: "198.51.100.7" };
    const start = nodeA.authenticate(a.instance, {
      ...login,
      parameters: { __step: "1", username: "alice", password: "" },
    });
    const header = start.headers["X-ROPC-TWO-FA"] ?? "";
    expect(header).toContain("status=proceed");
    const sessionId = /session_id=([0-9a-f]+)/.exec(header)?.[1] ?? "";
    const code = /(\d{6})/.exec(start.sms[0]?.body ?? "")?.[1] ?? "";
    expect(code).toHaveLength(6);
    const wrong = code === "000000" ? "111111" : "000000";
    const step2 = { __step: "2", __session_id: sessionId, username: "alice" };
    const miss = nodeB.authenticate(b.instance, { ...login, parameters: { ...step2, password: wrong } });
    expect(miss.headers["X-ROPC-TWO-FA"]).toContain("error_code=10005");
    const hit = nodeB.authenticate(b.instance, { ...login, parameters: { ...step2, password: code } });
    expect(hit.headers["X-ROPC-TWO-FA"]).toContain("step=3");
    const step3 = { __step: "3", __session_id: sessionId, username: "alice", password: ALICE.password };
    const granted = nodeA.authenticate(a.instance, { ...login, parameters: step3 });
    expect(granted).toMatchObject({ outcome: "returned", value: true, user: { userId: "alice" } });
  });

  test("20 wrong codes on each JVM at once: each code attempt is evaluated once cluster-wide, the right code then fails", () => {
    const a = node(nodeA, backend.spec());
    const b = node(nodeB, backend.spec(), false);
    const login = { clientId: "app-1", ip: "198.51.100.7" };
    const start = nodeA.authenticate(a.instance, {
      ...login,
      parameters: { __step: "1", username: "alice", password: "" },
    });
    const sessionId = /session_id=([0-9a-f]+)/.exec(start.headers["X-ROPC-TWO-FA"] ?? "")?.[1] ?? "";
    const code = /(\d{6})/.exec(start.sms[0]?.body ?? "")?.[1] ?? "";
    const wrong = code === "000000" ? "111111" : "000000";
    const step2 = { __step: "2", __session_id: sessionId, username: "alice" };
    const guesses = (instance: string): ParallelRequest[] =>
      Array.from({ length: 20 }, () => ({ ...login, instance, parameters: { ...step2, password: wrong } }));
    const startAtMs = Date.now() + 2000;
    const ticketA = nodeA.send({ cmd: "parallelDetached", requests: guesses(a.instance), startAtMs })
      .ticket as number;
    const ticketB = nodeB.send({ cmd: "parallelDetached", requests: guesses(b.instance), startAtMs })
      .ticket as number;
    const results = [
      ...(nodeA.send({ cmd: "parallelResults", ticket: ticketA }).results as ParallelResult[]),
      ...(nodeB.send({ cmd: "parallelResults", ticket: ticketB }).results as ParallelResult[]),
    ];
    const headers = results.map((result) => result.headers["X-ROPC-TWO-FA"] ?? "");
    expect(headers.filter((header) => header.includes("status=proceed"))).toEqual([]);
    // Every evaluated wrong code that leaves attempts tells how many: a number two nodes both handed out would repeat.
    const left = headers
      .filter((header) => header.includes("error_code=10005"))
      .map((header) => /attempts_left=(\d+)/.exec(header)?.[1]);
    expect(left.length).toBeLessThanOrEqual(4);
    expect(new Set(left).size).toBe(left.length);
    // The guess holding the last slot answers too_many_attempts. It may end the session before the guesses holding the
    // earlier slots report back, and those then find no session: zero 10005 answers is a legal interleaving, but the limit
    // must have been reached, so at least one too_many_attempts.
    const exhausted = headers.filter((header) => header.includes("error_code=10009")).length;
    expect(exhausted).toBeGreaterThanOrEqual(1);
    const late = nodeA.authenticate(a.instance, { ...login, parameters: { ...step2, password: code } });
    expect(late.headers["X-ROPC-TWO-FA"]).not.toContain("status=proceed");
    expect(late).toMatchObject({ outcome: "returned", value: false });
  });

  test("a key of any length, spaces included, is one claim (memcached refuses such keys: they are hashed)", () => {
    const { instance } = node(nodeA, backend.spec());
    const key = `a key with spaces ${"x".repeat(300)}`;
    const results = returned(
      claims(nodeA, instance, [
        { op: "claim", key, value: "long", ttlSeconds: 60 },
        { op: "claim", key, value: "again", ttlSeconds: 60 },
        { op: "get", key },
        { op: "get", key: `${key}y` },
      ]),
    );
    expect(results).toEqual([true, false, "long", null]);
  });

  test("a ttl below one second is refused: Redis would reject it, memcached keep the claim for ever", () => {
    const { instance } = node(nodeA, backend.spec());
    const [result] = claims(nodeA, instance, [{ op: "claim", key: "no-ttl", value: "v", ttlSeconds: 0 }]);
    expect(result?.outcome).toBe("raised");
  });

  test("with the server stopped every claim throws (fail closed) and a start answers 10001 without an SMS", async () => {
    const { instance } = node(nodeA, backend.spec());
    await backend.server().stop({ keepData: true });
    try {
      const results = claims(nodeA, instance, [
        { op: "claim", key: "outage", value: "v", ttlSeconds: 60 },
        { op: "get", key: "outage" },
      ]);
      for (const result of results) expect(result.outcome).toBe("raised");
      const reply = nodeA.authenticate(instance, {
        parameters: { __step: "1", username: "alice", password: "" },
        clientId: "app-1",
        ip: "198.51.100.7",
      });
      expect(reply).toMatchObject({ outcome: "returned", value: false });
      expect(reply.headers["X-ROPC-TWO-FA"]).toContain("error_code=10001");
      expect(reply.sms).toEqual([]);
    } finally {
      await backend.server().start();
    }
  });

  // After the outage test, whose restart leaves broken pooled connections behind: this one needs no flush.
  test("init with the server down falls back to per-node claims and logs why", async () => {
    await backend.server().stop({ keepData: true });
    try {
      const { logs } = nodeOn(nodeA, scripts.get(nodeA) ?? "", backend.spec(), CONFIG, { flush: false });
      expect(logs).toContain(
        `GamatechRopc. INFO claims=per-node (CacheService, limits hold per node; the ${backend.name} probe claim failed)`,
      );
    } finally {
      await backend.server().start();
    }
  });
});

test("memcached: a ttl beyond 30 days is sent as an absolute time, so the claim lives instead of expiring at once", () => {
  // The script's clock must be memcached's for an absolute time to mean the same to both.
  const { instance } = nodeOn(
    nodeA,
    scripts.get(nodeA) ?? "",
    { kind: "memcached", port: memcached.port },
    CONFIG,
    {
      clockMs: Date.now(),
    },
  );
  const thirtyDaysAndOne = 2_592_001;
  const results = returned(
    claims(nodeA, instance, [
      { op: "claim", key: "long", value: "kept", ttlSeconds: thirtyDaysAndOne },
      { op: "get", key: "long" },
      { op: "claim", key: "long", value: "again", ttlSeconds: 60 },
    ]),
  );
  expect(results).toEqual([true, "kept", false]);
});

describe("claims without an atomic backend (IN_MEMORY)", () => {
  test("fall back to per-node claims over CacheService, logged, exact among parallel threads of one node", () => {
    const { instance, logs } = node(nodeA, { kind: "memory" });
    expect(logs).toContain(
      "GamatechRopc. INFO claims=per-node (CacheService, limits hold per node; cache provider IN_MEMORY)",
    );
    const values = returned(claims(nodeA, instance, claimOps(["p1", "p2"], 40), { parallel: true }));
    expect(values.slice(0, 40).filter((won) => won === true)).toHaveLength(1);
    expect(values.slice(40).filter((won) => won === true)).toHaveLength(1);
  });

  test("another node's give-back never frees a claim this node holds, until its ttl passes", () => {
    // Two script instances (two nodes) on one world's CacheService, which has no insert-if-absent: B's release removes the
    // shared entry A wrote, as a right answer on B would when both took the same slot in a burst.
    const a = node(nodeA, { kind: "memory" }).instance;
    const b = nodeA.create(scripts.get(nodeA) ?? "");
    expect(nodeA.init(b, CONFIG)).toMatchObject({ outcome: "returned", value: true });
    const first = returned(
      claims(nodeA, a, [{ op: "claim", key: "fail:1", value: "a-1", ttlSeconds: 60 }]).concat(
        claims(nodeA, b, [
          { op: "release", key: "fail:1" },
          { op: "get", key: "fail:1" },
        ]),
        claims(nodeA, a, [
          { op: "get", key: "fail:1" },
          { op: "claim", key: "fail:1", value: "a-2", ttlSeconds: 60 },
        ]),
        claims(nodeA, b, [{ op: "claim", key: "fail:1", value: "b-1", ttlSeconds: 60 }]),
      ),
    );
    // A still counts its claim (and reads it back); B, which holds none, may take the freed entry once.
    expect(first).toEqual([true, null, null, "a-1", false, true]);
    nodeA.advanceClock(60_001);
    const later = returned(
      claims(nodeA, a, [{ op: "claim", key: "fail:1", value: "a-3", ttlSeconds: 60 }]).concat(
        claims(nodeA, a, [
          { op: "release", key: "fail:1" },
          { op: "claim", key: "fail:1", value: "a-4", ttlSeconds: 60 },
        ]),
      ),
    );
    expect(later).toEqual([true, null, true]);
  });

  test("claims go on working across the sweep of expired ones a node remembers (over 1,024 held)", () => {
    const { instance } = node(nodeA, { kind: "memory" });
    const keys = Array.from({ length: 1100 }, (_, index) => `old:${index}`);
    returned(
      claims(
        nodeA,
        instance,
        keys.map((key) => ({ op: "claim", key, value: "v", ttlSeconds: 5 })),
      ),
    );
    nodeA.advanceClock(5_001);
    const fresh = Array.from({ length: 1100 }, (_, index) => `new:${index}`);
    const won = returned(
      claims(
        nodeA,
        instance,
        fresh.map((key) => ({ op: "claim", key, value: "v", ttlSeconds: 60 })),
      ),
    );
    expect(won.every((result) => result === true)).toBe(true);
    const again = returned(
      claims(nodeA, instance, [
        { op: "claim", key: "new:0", value: "w", ttlSeconds: 60 },
        { op: "claim", key: "new:1099", value: "w", ttlSeconds: 60 },
        { op: "claim", key: "old:0", value: "w", ttlSeconds: 60 },
      ]),
    );
    expect(again).toEqual([false, false, true]);
  });

  test("a write the cache loses is never reported as a claim held", () => {
    const { instance } = node(nodeA, { kind: "memory" });
    nodeA.fault({ target: "cache.get", effect: "null" });
    const [result] = claims(nodeA, instance, [{ op: "claim", key: "lost", value: "v", ttlSeconds: 60 }]);
    expect(result?.outcome).toBe("raised");
    nodeA.clearFaults();
    nodeA.fault({ target: "cache.put", effect: "throw" });
    const [thrown] = claims(nodeA, instance, [{ op: "claim", key: "thrown", value: "v", ttlSeconds: 60 }]);
    expect(thrown?.outcome).toBe("raised");
  });
});
