import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import type { CacheServer } from "./servers";

// A server process of the backend tests (servers.ts, redis-cluster.ts): started in its own process group with its output
// in a file, ready once its port answers, stopped by a signal to the whole group.

export const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 30_000;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** A child process in its own process group, so stop() reaches the server behind runuser too. */
export class ManagedServer implements CacheServer {
  private child: ChildProcess | null = null;

  constructor(
    readonly kind: CacheServer["kind"],
    readonly host: string,
    readonly port: number,
    private readonly dataDir: string,
    private readonly argv: string[],
    private readonly isReady: () => Promise<boolean>,
    /** What to install, for the error of a server that does not come up. */
    private readonly installHint: string,
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  /**
   * The server writes its output to a file, not to a pipe of this process: the tests block Node's event loop while they
   * wait for the Jython world, and a pipe nobody drains fills up, after which PostgreSQL stalls every statement whose
   * error it logs (a duplicate key: every lost claim) until the client's socket timeout.
   */
  private get logFile(): string {
    return path.join(this.dataDir, "server.log");
  }

  async start(): Promise<void> {
    if (this.child !== null) return;
    const [command, ...args] = this.argv;
    if (command === undefined) throw new Error("no command");
    const log = fs.openSync(this.logFile, "a");
    let child: ChildProcess;
    try {
      child = spawn(command, args, { detached: true, stdio: ["ignore", log, log] });
    } finally {
      fs.closeSync(log);
    }
    let exited: string | null = null;
    child.once("exit", (code, signal) => {
      exited = `exited (code ${code}, signal ${signal})`;
      if (this.child === child) this.child = null;
    });
    child.once("error", (error) => (exited = `could not start: ${error.message}`));
    this.child = child;
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (exited !== null) break;
      if ((await canConnect(this.port)) && (await this.isReady())) return;
      await sleep(100);
    }
    await this.stop({ keepData: true });
    throw new Error(
      `${this.kind} on port ${this.port} did not become ready (${exited ?? "timed out"}):\n${this.outputTail()}\n${this.installHint}`,
    );
  }

  /** The end of what the server wrote. */
  outputTail(): string {
    try {
      return fs.readFileSync(this.logFile, "utf8").slice(-8000);
    } catch {
      return "";
    }
  }

  /** `signal` SIGKILL stands for a server lost without a shutdown; the default SIGINT shuts it down. */
  async stop(options: { keepData?: boolean; signal?: NodeJS.Signals } = {}): Promise<void> {
    const child = this.child;
    if (child !== null && child.pid !== undefined) {
      const gone = new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", () => resolve());
      });
      // SIGINT is PostgreSQL's fast shutdown; redis-server and memcached stop on it too.
      signalGroup(child.pid, options.signal ?? "SIGINT");
      const killer = setTimeout(() => signalGroup(child.pid ?? 0, "SIGKILL"), 10_000);
      await gone;
      clearTimeout(killer);
      // The port must be free before a restart or the next server binds it.
      while (await canConnect(this.port)) await sleep(50);
    }
    this.child = null;
    if (options.keepData !== true) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Sends `request` and resolves true when the reply starts with `expected`. */
export function answers(port: number, request: string, expected: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("connect", () => socket.write(request));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\n")) done(reply.startsWith(expected));
    });
    socket.once("error", () => done(false));
  });
}
