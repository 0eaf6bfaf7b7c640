// The database cache (NATIVE_PERSISTENCE over a real PostgreSQL, src/world/servers.ts) when a claim's row has expired but
// Janssen's clean-up has not removed it yet: claims for that key on two nodes at once must leave exactly one winner. A node
// that removed the expired row unconditionally could remove the row another node had just put in its place, and both
// would hold the claim.

import { JythonScriptHost } from "../../src/world/JythonScriptHost";
import type { CacheBackendSpec } from "../../src/world/protocol";
import { PostgresServer, startPostgres } from "../../src/world/servers";
import { claimOps, claimsOnBoth, CONFIG, node, returned, startNodePair } from "./two-jvms";

jest.setTimeout(600_000);

let postgres: PostgresServer;
let nodeA: JythonScriptHost;
let nodeB: JythonScriptHost;
const scripts = new Map<JythonScriptHost, string>();

beforeAll(async () => {
  postgres = await startPostgres();
  [nodeA, nodeB] = startNodePair(scripts);
});

afterAll(async () => {
  for (const host of [nodeA, nodeB]) host?.close();
  await postgres?.stop();
});

const database = (): CacheBackendSpec => ({
  kind: "database",
  jdbcUrl: postgres.jdbcUrl,
  user: postgres.user,
});
const KEYS = Array.from({ length: 8 }, (_, i) => `expired:${i}`);
const PER_KEY_PER_NODE = 6;

test.each([0, 2])(
  "an expired row replaced by %i-ms-latency claims on two JVMs at once has exactly one winner, whose value stays",
  (latencyMs) => {
    const a = node(nodeA, scripts.get(nodeA) ?? "", database(), CONFIG, { latencyMs });
    const b = node(nodeB, scripts.get(nodeB) ?? "", database(), CONFIG, { latencyMs, flush: false });
    const first = returned(
      nodeA.send({ cmd: "claims", instance: a.instance, ops: claimOps(KEYS, 1, 1) }).results as never,
    );
    expect(first).toEqual(KEYS.map(() => true));
    // Both worlds' clocks move past the rows' expiry; the rows stay in the table, as until Janssen's clean-up runs.
    for (const host of [nodeA, nodeB]) host.advanceClock(2000);
    const ops = (suffix: string) =>
      claimOps(KEYS, PER_KEY_PER_NODE).map((op) => ({ ...op, value: `${op.value}@${suffix}` }));
    const [opsA, opsB] = [ops("a"), ops("b")];
    const [wonA = [], wonB = []] = claimsOnBoth(
      [
        [nodeA, a.instance],
        [nodeB, b.instance],
      ],
      [opsA, opsB],
    ).map(returned);
    const after = returned(
      nodeA.send({
        cmd: "claims",
        instance: a.instance,
        ops: KEYS.map((key) => ({ op: "get" as const, key })),
      }).results as never,
    );
    for (const [index, key] of KEYS.entries()) {
      const from = index * PER_KEY_PER_NODE;
      const winners = [opsA, opsB].flatMap((sent, n) =>
        [wonA, wonB]
          [n]!.slice(from, from + PER_KEY_PER_NODE)
          .flatMap((won, i) => (won === true ? [sent[from + i]?.value] : [])),
      );
      expect({ key, winners: winners.length }).toEqual({ key, winners: 1 });
      // The one winner's row is the one left: no loser removed it after it was written.
      expect({ key, value: after[index] }).toEqual({ key, value: winners[0] });
    }
  },
);
