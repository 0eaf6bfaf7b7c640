import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { answers, HOST, ManagedServer, sleep } from "./managed-server";
import { freePort } from "./servers";

// A real Redis Cluster for the backend tests (Janssen's redisProviderType CLUSTER): three redis-server processes from
// Debian's redis-server package, each with `--cluster-enabled yes`, its own cluster-config file, no persistence and its
// own free client and cluster-bus ports on loopback, formed by `redis-cli --cluster create ... --cluster-replicas 0` and
// ready once every node reports cluster_state:ok. A node can be killed (SIGKILL, no failover: there are no replicas) to
// stand for a node lost mid-traffic; stop() ends every process and removes the folder. Nothing is skipped when a binary
// is missing: the error says what to install.

const INSTALL_HINT =
  "Install Redis (redis-server and redis-cli, from Debian's redis-server and redis-tools): `apt-get install -y redis-server`.";
const READY_TIMEOUT_MS = 30_000;
/** Redis Cluster's hash slots, 0..16383. */
const SLOTS = 16384;

export interface RedisCluster {
  host: string;
  /** The client ports of the nodes, in the order they were started. */
  ports: number[];
  /** The client ports of the nodes still running. */
  readonly running: number[];
  /** The hash slot of `key` as Redis computes it (CRC16 of the key or its {hash tag}, mod 16384). */
  slotOf(key: string): number;
  /** The slot `CLUSTER KEYSLOT` answers on a running node (to check slotOf against the server). */
  serverSlotOf(key: string): number;
  /** The port of the node that owns `key`'s slot, per CLUSTER SLOTS read when the cluster was formed. */
  ownerOf(key: string): number;
  /** The keys matching `pattern` that the node on `port` holds (SCAN). */
  keysOn(port: number, pattern: string): string[];
  /** SIGKILL the node on `port` and wait until its port is closed. */
  kill(port: number): Promise<void>;
  /** Stops every node and removes the cluster's folder. */
  stop(): Promise<void>;
}

function binary(name: string): string {
  const candidates = [`/usr/bin/${name}`, `/usr/local/bin/${name}`];
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} was not found (looked at ${candidates.join(", ")}). ${INSTALL_HINT}`);
}

/** CRC16-CCITT (XMODEM), the checksum Redis Cluster hashes keys with. */
function crc16(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** Redis's key hash slot: only the part inside the first non-empty {...} counts, when there is one. */
export function keySlot(key: string): number {
  const bytes = Buffer.from(key, "utf8");
  const open = bytes.indexOf("{");
  if (open >= 0) {
    const close = bytes.indexOf("}", open + 1);
    if (close > open + 1) return crc16(bytes.subarray(open + 1, close)) % SLOTS;
  }
  return crc16(bytes) % SLOTS;
}

interface ClusterNode {
  port: number;
  busPort: number;
  server: ManagedServer;
}

class ManagedCluster implements RedisCluster {
  readonly host = HOST;
  private owners: { from: number; to: number; port: number }[] = [];

  constructor(
    private readonly cli: string,
    private readonly dir: string,
    private readonly nodes: ClusterNode[],
  ) {}

  get ports(): number[] {
    return this.nodes.map((node) => node.port);
  }

  get running(): number[] {
    return this.nodes.filter((node) => node.server.running).map((node) => node.port);
  }

  /** redis-cli against one node; its output, or an error with redis-cli's own. */
  cliOn(port: number, args: string[], timeoutMs = 10_000): string {
    try {
      return execFileSync(this.cli, ["-h", HOST, "-p", String(port), ...args], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        timeout: timeoutMs,
      });
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(
        `redis-cli -p ${port} ${args.join(" ")} failed: ${failure.message}\n${failure.stdout ?? ""}${failure.stderr ?? ""}`,
      );
    }
  }

  slotOf(key: string): number {
    return keySlot(key);
  }

  serverSlotOf(key: string): number {
    const port = this.running[0];
    if (port === undefined) throw new Error("no node of the cluster is running");
    return Number(this.cliOn(port, ["CLUSTER", "KEYSLOT", key]).trim());
  }

  ownerOf(key: string): number {
    const slot = keySlot(key);
    const owner = this.owners.find((range) => range.from <= slot && slot <= range.to);
    if (owner === undefined) throw new Error(`no node owns slot ${slot}`);
    return owner.port;
  }

  keysOn(port: number, pattern: string): string[] {
    return this.cliOn(port, ["--scan", "--pattern", pattern])
      .split("\n")
      .filter((line) => line !== "");
  }

  /** Reads which node owns which slots (redis-cli without --no-raw prints CLUSTER SLOTS as nested lines). */
  readOwners(): void {
    const port = this.running[0];
    if (port === undefined) throw new Error("no node of the cluster is running");
    const lines = this.cliOn(port, ["CLUSTER", "SLOTS"])
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    // Each range: from, to, then per node host, port, id (Redis 7 adds a hostname map, which may print nothing).
    const owners: { from: number; to: number; port: number }[] = [];
    for (let i = 0; i + 3 < lines.length;) {
      const from = Number(lines[i]);
      const to = Number(lines[i + 1]);
      const host = lines[i + 2];
      const owner = Number(lines[i + 3]);
      if (!Number.isInteger(from) || !Number.isInteger(to) || host !== HOST || !this.ports.includes(owner)) {
        throw new Error(`unexpected CLUSTER SLOTS output:\n${lines.join("\n")}`);
      }
      owners.push({ from, to, port: owner });
      i += 4;
      // Skip the node id (and, with replicas, further nodes) up to the next range's two numbers.
      while (i < lines.length && !/^\d+$/.test(lines[i] ?? "")) i++;
    }
    const covered = owners.reduce((sum, range) => sum + range.to - range.from + 1, 0);
    if (covered !== SLOTS) throw new Error(`CLUSTER SLOTS covers ${covered} of ${SLOTS} slots`);
    this.owners = owners;
  }

  async waitUntilOk(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let last = "";
    while (Date.now() < deadline) {
      const states = this.ports.map((port) => {
        try {
          const info = this.cliOn(port, ["CLUSTER", "INFO"]);
          return /cluster_state:(\w+)/.exec(info)?.[1] ?? "?";
        } catch (error) {
          return (error as Error).message.split("\n")[0] ?? "?";
        }
      });
      if (states.every((state) => state === "ok")) return;
      last = states.map((state, index) => `${this.ports[index]}: ${state}`).join(", ");
      await sleep(100);
    }
    throw new Error(`the Redis Cluster did not reach cluster_state:ok (${last}):\n${this.logTail()}`);
  }

  logTail(): string {
    return this.nodes
      .map((node) => `--- node ${node.port}\n${node.server.outputTail().slice(-3000)}`)
      .join("\n");
  }

  async kill(port: number): Promise<void> {
    const node = this.nodes.find((candidate) => candidate.port === port);
    if (node === undefined) throw new Error(`no cluster node on port ${port}`);
    await node.server.stop({ keepData: true, signal: "SIGKILL" });
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.server.stop()));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A cluster node: redis-server with cluster mode on, its own config file and folder, no persistence. */
function clusterNode(server: string, dir: string, port: number, busPort: number): ClusterNode {
  const nodeDir = path.join(dir, `node-${port}`);
  fs.mkdirSync(nodeDir);
  const argv = [
    server,
    "--port",
    String(port),
    "--cluster-port",
    String(busPort),
    "--bind",
    HOST,
    "--cluster-enabled",
    "yes",
    "--cluster-config-file",
    path.join(nodeDir, "nodes.conf"),
    // A node lost is marked failed after 2 s; the others keep serving their own slots.
    "--cluster-node-timeout",
    "2000",
    "--cluster-require-full-coverage",
    "no",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    nodeDir,
  ];
  const ready = () => answers(port, "PING\r\n", "+PONG");
  return {
    port,
    busPort,
    server: new ManagedServer("redis", HOST, port, nodeDir, argv, ready, INSTALL_HINT),
  };
}

/** Two distinct free ports per node: the client port and the cluster bus port (Redis 7's cluster-port). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

/**
 * A formed Redis Cluster of `size` masters (no replicas) on loopback, every node reporting cluster_state:ok. Throws with
 * what to install when redis-server or redis-cli is missing; on any failure the nodes already started are stopped.
 */
export async function startRedisCluster(size = 3): Promise<RedisCluster> {
  const server = binary("redis-server");
  const cli = binary("redis-cli");
  const ports = await freePorts(size * 2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-redis-cluster-"));
  const nodes = Array.from({ length: size }, (_, index) =>
    clusterNode(server, dir, ports[index * 2] ?? 0, ports[index * 2 + 1] ?? 0),
  );
  const cluster = new ManagedCluster(cli, dir, nodes);
  try {
    await Promise.all(nodes.map((node) => node.server.start()));
    const addresses = nodes.map((node) => `${HOST}:${node.port}`);
    const first = nodes[0]?.port ?? 0;
    cluster.cliOn(
      first,
      ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"],
      60_000,
    );
    await cluster.waitUntilOk();
    cluster.readOwners();
    return cluster;
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
