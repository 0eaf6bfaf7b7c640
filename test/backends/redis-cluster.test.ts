// The claim store of the BUILT script (dist/GamatechRopc.py in Jython) on Janssen's REDIS provider of type CLUSTER, whose
// delegate is a real redis.clients.jedis.JedisCluster (Jedis 3.9.0, Janssen's version) over a real three-master Redis
// Cluster on loopback (src/world/redis-cluster.ts). Init must recognise the JedisCluster; claims made together on real
// threads of two script instances in two JVMs stay exact although their keys live on different nodes; a release gives a
// slot back; a node lost mid-test makes the claims of its keys fail closed, and the flow answer 10001 without an SMS.

import type { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { CacheBackendSpec, ClaimOpSpec, ParallelRequest } from "../../src/world/protocol";
import { RedisCluster, startRedisCluster } from "../../src/world/redis-cluster";
import {
  ALICE,
  claims,
  claimsOnBoth,
  CONFIG,
  node as nodeOn,
  requestsOnBoth,
  returned,
  startNodePair,
} from "./two-jvms";

jest.setTimeout(300_000);

/** What RedisClaimStore puts before every claim key (src/host/per-node-claims.ts CLAIM_PREFIX). */
const CLAIM_PREFIX = "gamatech-ropc:claim:";
const MODE = "GamatechRopc. INFO claims=redis (atomic across nodes: SET NX EX, cluster)";
const LOGIN = { clientId: "app-1", ip: "198.51.100.7" };

let cluster: RedisCluster;
let nodeA: JythonScriptHost;
let nodeB: JythonScriptHost;
const scripts = new Map<JythonScriptHost, string>();

beforeAll(async () => {
  cluster = await startRedisCluster();
  [nodeA, nodeB] = startNodePair(scripts);
});

afterAll(async () => {
  for (const host of [nodeA, nodeB]) host?.close();
  await cluster?.stop();
});

/**
 * Janssen's redisConfiguration.soTimeout, lowered from its 3000 ms default: Jedis retries a lost node for soTimeout x 5
 * attempts (with backoff) before it throws, and the outage test would otherwise wait 15 s for each answer.
 */
const SO_TIMEOUT_MS = 500;

const spec = (): CacheBackendSpec => ({
  kind: "redisCluster",
  ports: cluster.ports,
  soTimeoutMs: SO_TIMEOUT_MS,
});

function node(
  host: JythonScriptHost,
  options: { flush?: boolean; properties?: Record<string, string> } = {},
): { instance: string; logs: string[] } {
  return nodeOn(host, scripts.get(host) ?? "", spec(), options.properties ?? CONFIG, {
    flush: options.flush ?? true,
  });
}

/** Both JVMs on the cluster (the first flushes it), each with its own script instance. */
function pair(properties: Record<string, string> = CONFIG): [string, string] {
  const a = node(nodeA, { properties });
  const b = node(nodeB, { properties, flush: false });
  return [a.instance, b.instance];
}

/** `count` keys named `<prefix><n>` whose owners are `port`, in order of n. */
function keysOwnedBy(port: number, prefix: string, count: number): string[] {
  const keys: string[] = [];
  for (let n = 1; keys.length < count; n++) {
    if (cluster.ownerOf(CLAIM_PREFIX + `${prefix}${n}`) === port) keys.push(`${prefix}${n}`);
  }
  return keys;
}

test("init on a REDIS provider of type CLUSTER finds the JedisCluster and logs the cluster mode, on both JVMs", () => {
  const a = node(nodeA);
  const b = node(nodeB, { flush: false });
  expect(a.logs).toContain(MODE);
  expect(b.logs).toContain(MODE);
});

test("the key slots: our CRC16 agrees with CLUSTER KEYSLOT, and the three nodes each own a share of the slots", () => {
  const keys = ["limit:a:1", "limit:b:7", "{user}:x", CLAIM_PREFIX + "send:1", "k".repeat(300)];
  for (const key of keys)
    expect({ key, slot: cluster.slotOf(key) }).toEqual({ key, slot: cluster.serverSlotOf(key) });
  const owners = new Set(Array.from({ length: 60 }, (_, n) => cluster.ownerOf(`${CLAIM_PREFIX}spread:${n}`)));
  expect([...owners].sort()).toEqual([...cluster.ports].sort());
});

test("200 claims of two limits from two JVMs at once: one winner per slot key, each key stored on its own node", () => {
  const [a, b] = pair();
  // Two limits of 5 slots each, as rate-limits.ts numbers them (`<prefix>:<n>`); 20 claims per slot key, 10 per JVM.
  const keys = [1, 2, 3, 4, 5].flatMap((n) => [`limit:a:${n}`, `limit:b:${n}`]);
  const owners = new Set(keys.map((key) => cluster.ownerOf(CLAIM_PREFIX + key)));
  expect(owners.size).toBe(3);
  const opsFor = (jvm: string): ClaimOpSpec[] =>
    keys.flatMap((key) =>
      Array.from({ length: 10 }, (_, i) => ({
        op: "claim" as const,
        key,
        value: `${jvm}-${key}#${i}`,
        ttlSeconds: 60,
      })),
    );
  const [fromA, fromB] = claimsOnBoth(
    [
      [nodeA, a],
      [nodeB, b],
    ],
    [opsFor("a"), opsFor("b")],
  ).map(returned);
  const wonA = fromA ?? [];
  const wonB = fromB ?? [];
  expect(wonA.length + wonB.length).toBe(200);
  for (const [index, key] of keys.entries()) {
    const won = [...wonA.slice(index * 10, index * 10 + 10), ...wonB.slice(index * 10, index * 10 + 10)];
    expect({ key, won: won.filter((w) => w === true).length }).toEqual({ key, won: 1 });
  }
  const total = [...wonA, ...wonB].filter((w) => w === true).length;
  expect(total).toBe(10);
  // Each winner's value is on the node that owns its key's slot, and on no other node.
  const values = returned(
    claims(
      nodeA,
      a,
      keys.map((key) => ({ op: "get", key })),
    ),
  );
  for (const [index, key] of keys.entries()) {
    expect(values[index]).toMatch(new RegExp(`^[ab]-${key}#\\d$`));
    const holders = cluster.ports.filter((port) => cluster.keysOn(port, CLAIM_PREFIX + key).length > 0);
    expect({ key, holders }).toEqual({ key, holders: [cluster.ownerOf(CLAIM_PREFIX + key)] });
  }
});

test("200 starts of one login on two JVMs at once: exactly max_sends_per_user_per_hour codes go out, its slots on several nodes", () => {
  const limit = 12;
  const [a, b] = pair({
    ...CONFIG,
    max_sends_per_user_per_hour: String(limit),
    max_sends_per_ip_per_hour: "0",
  });
  const starts = (instance: string): ParallelRequest[] =>
    Array.from({ length: 100 }, () => ({
      ...LOGIN,
      instance,
      parameters: { __step: "1", username: ALICE.uid, password: "" },
    }));
  const replies = requestsOnBoth([nodeA, nodeB], [starts(a), starts(b)]);
  const results = replies.flatMap((reply) => reply.results);
  expect(results).toHaveLength(200);
  const headers = results.map((result) => result.headers["X-ROPC-TWO-FA"] ?? "");
  const proceeded = headers.filter((header) => header.startsWith("status=proceed")).length;
  const limited = headers.filter((header) => header.includes("error_code=10010")).length;
  const sms = replies
    .flatMap((reply) => [...reply.results.flatMap((result) => result.sms), ...reply.unattributed.sms])
    .filter((record) => record.sid !== undefined).length;
  expect({ proceeded, limited, sms }).toEqual({ proceeded: limit, limited: 200 - limit, sms: limit });
  // The login's send slots `<prefix>:1..12` are real keys of the cluster, on the nodes their slots belong to.
  const pattern = `${CLAIM_PREFIX}gamatech-ropc:sends:login:*`;
  const byNode = cluster.ports.map((port) =>
    cluster.keysOn(port, pattern).filter((key) => /:\d+$/.test(key)),
  );
  const slotKeys = byNode.flat();
  expect(slotKeys).toHaveLength(limit);
  expect(new Set(slotKeys.map((key) => key.replace(/:\d+$/, ""))).size).toBe(1);
  expect(byNode.filter((keys) => keys.length > 0).length).toBeGreaterThanOrEqual(2);
  for (const [index, port] of cluster.ports.entries()) {
    for (const key of byNode[index] ?? [])
      expect({ key, owner: cluster.ownerOf(key) }).toEqual({ key, owner: port });
  }
});

test("release gives a slot back, on every node, and another JVM may then take it", () => {
  const [a, b] = pair();
  const keys = cluster.ports.map((port) => keysOwnedBy(port, "slot:", 1)[0] ?? "");
  for (const key of keys) {
    const taken = returned(claims(nodeA, a, [{ op: "claim", key, value: "a", ttlSeconds: 60 }]));
    const refused = returned(
      claims(nodeB, b, [
        { op: "claim", key, value: "b", ttlSeconds: 60 },
        { op: "get", key },
      ]),
    );
    const released = returned(
      claims(nodeA, a, [
        { op: "release", key },
        { op: "get", key },
      ]),
    );
    const retaken = returned(
      claims(nodeB, b, [
        { op: "claim", key, value: "b", ttlSeconds: 60 },
        { op: "get", key },
      ]),
    );
    expect({ key, steps: [...taken, ...refused, ...released, ...retaken] }).toEqual({
      key,
      steps: [true, false, "a", null, null, true, "b"],
    });
  }
});

// Last: the cluster stays one node short.
test("a node killed mid-test: claims of its keys fail closed, the others' go on, and a start answers 10001 with no SMS", async () => {
  const [a, b] = pair();
  const first = nodeA.authenticate(a, {
    ...LOGIN,
    parameters: { __step: "1", username: ALICE.uid, password: "" },
  });
  expect(first.headers["X-ROPC-TWO-FA"]).toContain("status=proceed");
  // The login's hash, from the send slot the start took; every start reads this login's failure slot 1 first.
  const sendSlot = cluster.ports
    .flatMap((port) => cluster.keysOn(port, `${CLAIM_PREFIX}gamatech-ropc:sends:login:*:1`))
    .at(0);
  expect(sendSlot).toBeDefined();
  const failureSlot = (sendSlot ?? "").replace(":sends:login:", ":failures:login:");
  const victim = cluster.ownerOf(failureSlot);
  const survivors = cluster.ports.filter((port) => port !== victim);
  const deadKeys = keysOwnedBy(victim, "outage:", 2);
  const liveKeys = survivors.map((port) => keysOwnedBy(port, "outage:", 1)[0] ?? "");

  await cluster.kill(victim);
  expect(cluster.running).toEqual(survivors);

  const onDead = claims(
    nodeB,
    b,
    deadKeys.flatMap((key) => [
      { op: "claim", key, value: "v", ttlSeconds: 60 },
      { op: "get", key },
    ]),
    { parallel: true },
  );
  // Jedis's own failure (no reachable node, attempts used up), not some error of the claim store's code.
  for (const result of onDead) {
    expect(result).toMatchObject({
      outcome: "raised",
      exception: { type: expect.stringMatching(/^redis\.clients\.jedis\.exceptions\.Jedis/) },
    });
  }
  const onLive = returned(
    claims(
      nodeB,
      b,
      liveKeys.map((key) => ({ op: "claim", key, value: "v", ttlSeconds: 60 })),
    ),
  );
  expect(onLive).toEqual(liveKeys.map(() => true));
  const again = nodeB.authenticate(b, {
    ...LOGIN,
    parameters: { __step: "1", username: ALICE.uid, password: "" },
  });
  expect(again).toMatchObject({ outcome: "returned", value: false });
  expect(again.headers["X-ROPC-TWO-FA"]).toContain("error_code=10001");
  expect(again.sms).toEqual([]);
});
