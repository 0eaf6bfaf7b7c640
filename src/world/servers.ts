import { execFileSync } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { answers, HOST, ManagedServer } from "./managed-server";

// Real cache servers for the backend tests, from Debian's packages: redis-server, memcached and PostgreSQL, each on a free
// loopback port with its data in a temporary folder, stopped (and the folder removed) by stop(). A server can be stopped
// and started again on the same port to stand for an outage. Nothing is skipped when a binary is missing: the error says
// what to install.

const INSTALL_HINT =
  "Install the servers the backend tests run against: `apt-get install -y redis-server memcached postgresql`.";

export interface CacheServer {
  kind: "redis" | "memcached" | "postgresql";
  host: string;
  port: number;
  /** Whether the process is running (between start and stop). */
  readonly running: boolean;
  /** Starts it again on the same port after stop(keepData) (an outage that ends). */
  start(): Promise<void>;
  /** Stops the process; keepData leaves the folder for a later start(). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface PostgresServer extends CacheServer {
  kind: "postgresql";
  /** jdbc:postgresql://127.0.0.1:<port>/postgres */
  jdbcUrl: string;
  /** "postgres", trusted without a password on loopback. */
  user: string;
}

/** The path of a server binary, or an error naming the Debian packages. */
function binary(name: string, candidates: string[]): string {
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} was not found (looked at ${candidates.join(", ")}). ${INSTALL_HINT}`);
}

/** The newest /usr/lib/postgresql/<version>/bin that has initdb and postgres. */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((version) => fs.existsSync(path.join(root, version, "bin", "postgres")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) throw new Error(`PostgreSQL was not found under ${root}. ${INSTALL_HINT}`);
  return path.join(root, newest, "bin");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** As root, PostgreSQL refuses to run: its commands then run as the postgres user (memcached needs -u as root). */
const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const SERVICE_USER = "postgres";

function serviceUserExists(user: string): boolean {
  try {
    execFileSync("id", ["-u", user], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** argv run as `user` when we are root (runuser from util-linux), as is otherwise. */
function asUser(user: string, argv: string[]): string[] {
  if (!isRoot()) return argv;
  if (!serviceUserExists(user)) {
    throw new Error(`user ${user} does not exist (the postgresql package creates it). ${INSTALL_HINT}`);
  }
  return ["runuser", "-u", user, "--", ...argv];
}

function tempDir(kind: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `gamatech-${kind}-`));
}

/** redis-server on a free port, no persistence, no protected mode needed on loopback. */
export async function startRedis(): Promise<CacheServer> {
  const redis = binary("redis-server", ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]);
  const port = await freePort();
  const dir = tempDir("redis");
  const argv = [
    redis,
    "--port",
    String(port),
    "--bind",
    HOST,
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
  ];
  const server = new ManagedServer(
    "redis",
    HOST,
    port,
    dir,
    argv,
    () => answers(port, "PING\r\n", "+PONG"),
    INSTALL_HINT,
  );
  await server.start();
  return server;
}

/** memcached on a free port (TCP only); as root it runs as the memcache/nobody user, as memcached demands. */
export async function startMemcached(): Promise<CacheServer> {
  const memcached = binary("memcached", ["/usr/bin/memcached", "/usr/local/bin/memcached"]);
  const port = await freePort();
  const dir = tempDir("memcached");
  const user = ["memcache", "nobody"].find(serviceUserExists) ?? "nobody";
  const argv = [
    memcached,
    "-p",
    String(port),
    "-l",
    HOST,
    "-U",
    "0",
    "-m",
    "64",
    ...(isRoot() ? ["-u", user] : []),
  ];
  const ready = () => answers(port, "version\r\n", "VERSION");
  const server = new ManagedServer("memcached", HOST, port, dir, argv, ready, INSTALL_HINT);
  await server.start();
  return server;
}

/**
 * Whether the postmaster of `data` accepts sessions on `port`, from its own postmaster.pid (port on line 4, status on
 * line 8). Something answering on the port is not enough: PostgreSQL answers while it is still starting up (and then
 * refuses sessions), and a port another test's server took in the meantime answers too, until that test stops it.
 */
function postmasterReady(data: string, port: number): boolean {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return false;
  }
  return lines[3]?.trim() === String(port) && lines[7]?.trim() === "ready";
}

/**
 * PostgreSQL in a fresh cluster (initdb, trust authentication on loopback, fsync off) on a free port; the data folder
 * belongs to the postgres user when we are root, since initdb and postgres refuse to run as root.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const port = await freePort();
  const dir = tempDir("postgres");
  const data = path.join(dir, "data");
  if (isRoot()) {
    asUser(SERVICE_USER, []);
    execFileSync("chown", ["-R", `${SERVICE_USER}:${SERVICE_USER}`, dir]);
  }
  const [initdb, ...initArgs] = asUser(SERVICE_USER, [
    path.join(bin, "initdb"),
    "-D",
    data,
    "-A",
    "trust",
    "-U",
    "postgres",
    "--no-sync",
    "-E",
    "UTF8",
  ]);
  try {
    execFileSync(initdb ?? "initdb", initArgs, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C" },
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${stderr}\n${INSTALL_HINT}`);
  }
  const argv = asUser(SERVICE_USER, [
    path.join(bin, "postgres"),
    "-D",
    data,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    `listen_addresses=${HOST}`,
    "-c",
    "fsync=off",
    "-c",
    "max_connections=300",
  ]);
  const ready = () => Promise.resolve(postmasterReady(data, port));
  const server = new ManagedServer(
    "postgresql",
    HOST,
    port,
    dir,
    argv,
    ready,
    INSTALL_HINT,
  ) as ManagedServer & PostgresServer;
  await server.start();
  // Give it the fields of a PostgresServer.
  return Object.assign(server, { jdbcUrl: `jdbc:postgresql://${HOST}:${port}/postgres`, user: "postgres" });
}
