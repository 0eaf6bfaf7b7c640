import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { asciiJson } from "./ascii-json";
import { giveBack, IdleProcess, takeIdle } from "./host-pool";
import { DEFAULT_TWILIO_VERSION } from "./javaDoubles";
import type {
  AuthenticateReply,
  AuthenticateRequest,
  CacheEntry,
  Command,
  FaultSpec,
  ParallelReply,
  ParallelRequest,
  ScriptOutcome,
  TwilioRequestRecord,
  WorldInfo,
  WorldSpec,
} from "./protocol";
import { poolKey, type WorldJvmOptions } from "./world-launch";
import { spawnWorldProcess } from "./world-process";
import { ReplyPipe } from "./reply-pipe";

export const REPLY_PREFIX = "@@gamatech-driver@@ ";

type Reply = Record<string, unknown>;

/** The driver waits up to 3 s for the last use's threads to end (driver.py's RECYCLE_WAIT_MS); beyond that the JVM is quit. */
const RECYCLE_TIMEOUT_MS = 30_000;

export interface JythonScriptHostOptions extends WorldJvmOptions {
  /** How long one command may take before the process is killed; default 120 s. */
  timeoutMs?: number;
  /**
   * Take an idle JVM started with the same twilioVersion, extraJars, jvmOptions and jit from this Jest worker's pool, and
   * give this one back at close() (the driver's recycle command returns it to the state of a fresh start) instead of
   * quitting it: a JVM start costs seconds. Off by default, so the CLI and any caller that looks at the process itself
   * (its pid, its stderr, its exit) gets a JVM of its own.
   */
  reuse?: boolean;
}

/**
 * The one client of the Jython world: a long-lived JVM running driver.py, which loads Janssen ROPC scripts and runs them
 * against the Janssen doubles, the real twilio-java SDK of one version and the fake Twilio API. Every call blocks until
 * the driver answers (so synchronous callers such as the attack suites can use it, and `await host.x()` works the same);
 * a command that takes longer than timeoutMs kills the process. The JVM takes seconds to start, so a test file starts one
 * host per SDK version and reuses it (reset between cases); with `reuse`, later test files of the same Jest worker reuse
 * it too (host-pool.ts).
 *
 * Transport: commands and replies travel through two named pipes (world-process.ts); the reply pipe is polled.
 */
export class JythonScriptHost {
  /** Lines the process wrote to stdout outside the protocol (a double or script writing to the real stdout). */
  readonly strayOutput: string[] = [];
  readonly twilioVersion: string;
  /** The JVM's process id. */
  readonly pid: number;
  private readonly folder: string;
  private readonly commands: number;
  private readonly replies: number;
  private readonly replyPipe: ReplyPipe;
  private readonly timeoutMs: number;
  /** Set when the JVM may go back to the pool at close(); null for a JVM of the caller's own. */
  private readonly poolKey: string | null;
  private nextId = 1;
  private closed = false;
  /** Killed (a command was late): never pooled. */
  private suspect = false;

  private constructor(
    options: JythonScriptHostOptions,
    poolKey: string | null,
    adopted: IdleProcess | undefined,
  ) {
    this.twilioVersion = options.twilioVersion ?? DEFAULT_TWILIO_VERSION;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.poolKey = poolKey;
    if (adopted !== undefined) {
      ({ pid: this.pid, folder: this.folder, commands: this.commands, replies: this.replies } = adopted);
      this.nextId = adopted.nextId;
      this.replyPipe = new ReplyPipe(this.replies);
      // The child appends to it, so emptying it leaves stderrTail() with this use's output only.
      fs.truncateSync(path.join(this.folder, "stderr.log"), 0);
      return;
    }
    this.folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-world-"));
    try {
      ({
        pid: this.pid,
        commands: this.commands,
        replies: this.replies,
      } = spawnWorldProcess(this.folder, {
        ...options,
        twilioVersion: this.twilioVersion,
      }));
    } catch (error) {
      fs.rmSync(this.folder, { recursive: true, force: true });
      throw error;
    }
    this.replyPipe = new ReplyPipe(this.replies);
  }

  /** Builds the doubles, fetches the SDK jars and makes the certificates when needed, and starts the driver. */
  static start(options: JythonScriptHostOptions = {}): JythonScriptHost {
    if (options.reuse !== true) return new JythonScriptHost(options, null, undefined);
    const key = poolKey(options);
    return new JythonScriptHost(options, key, takeIdle(key));
  }

  reset(world: WorldSpec = {}): void {
    this.send({ cmd: "reset", ...world });
  }

  /** Loads a script file as a fresh module; throws with the traceback when loading it raises. Returns a script handle. */
  load(scriptPath: string): string {
    const reply = this.send({ cmd: "load", path: path.resolve(scriptPath) });
    return handleOrThrow(reply, "script", `loading ${scriptPath}`);
  }

  /** Loads a script file and returns the outcome (a failed import is an outcome here, not an error). */
  tryLoad(scriptPath: string): ScriptOutcome<null> & { script?: string } {
    return this.send({ cmd: "load", path: path.resolve(scriptPath) }) as unknown as ScriptOutcome<null> & {
      script?: string;
    };
  }

  /** `ResourceOwnerPasswordCredentials(currentTimeMillis)`, as Janssen builds it; instances are cluster nodes. */
  create(script: string): string {
    const reply = this.send({ cmd: "create", script });
    return handleOrThrow(reply, "instance", `creating an instance of ${script}`);
  }

  getApiVersion(instance: string): ScriptOutcome<number> {
    return this.send({ cmd: "getApiVersion", instance }) as unknown as ScriptOutcome<number>;
  }

  init(instance: string, properties: Record<string, string | null>): ScriptOutcome<boolean> {
    return this.send({ cmd: "init", instance, properties }) as unknown as ScriptOutcome<boolean>;
  }

  destroy(instance: string): ScriptOutcome<boolean> {
    return this.send({ cmd: "destroy", instance }) as unknown as ScriptOutcome<boolean>;
  }

  authenticate(instance: string, request: AuthenticateRequest): AuthenticateReply {
    return this.send({ cmd: "authenticate", instance, ...request }) as unknown as AuthenticateReply;
  }

  /**
   * Runs the requests (1 to 200) at once, each on its own Java thread, all released together by one latch, and waits
   * for every answer. Each result is that request's own: headers, user, SMS and Verify records, logs.
   */
  parallel(requests: ParallelRequest[], options: { timeoutMs?: number } = {}): ParallelReply {
    return this.send({ cmd: "parallel", requests, ...options }) as unknown as ParallelReply;
  }

  /** Moves the clock the scripts (System.currentTimeMillis) and the cache ttls see; returns the new time. */
  advanceClock(ms: number): number {
    return this.send({ cmd: "advanceClock", ms }).nowMs as number;
  }

  fault(spec: FaultSpec): void {
    this.send({ cmd: "fault", ...spec });
  }

  clearFaults(): void {
    this.send({ cmd: "clearFaults" });
  }

  snapshotForStaleReads(): void {
    this.send({ cmd: "snapshotForStaleReads" });
  }

  /** Live cache entries with their remaining ttl. */
  cache(): Record<string, CacheEntry> {
    return this.send({ cmd: "cache" }).entries as Record<string, CacheEntry>;
  }

  /** Every HTTP request the fake Twilio API received since the last reset, oldest first (retries included). */
  twilioRequests(): TwilioRequestRecord[] {
    return this.send({ cmd: "twilioRequests" }).requests as TwilioRequestRecord[];
  }

  /** The server's own auth_session records, id to attributes: what the challenge endpoint copied into them. */
  serverSessions(): Record<string, Record<string, string>> {
    return this.send({ cmd: "serverSessions" }).sessions as Record<string, Record<string, string>>;
  }

  /** The SDK version the JVM actually loaded and how the fake Twilio API is reached. */
  worldInfo(): WorldInfo {
    return this.send({ cmd: "worldInfo" }) as unknown as WorldInfo;
  }

  /**
   * Asks the driver to quit and waits (briefly) for the process to end, or, for a host started with `reuse`, recycles the
   * JVM and leaves it in the pool (a JVM that was killed, stopped or does not come back clean is quit); idempotent, never
   * throws.
   */
  close(): void {
    if (this.closed) return;
    if (this.poolKey !== null && !this.suspect && this.recycled()) {
      this.closed = true;
      const { pid, folder, commands, replies, nextId } = this;
      giveBack({ key: this.poolKey, pid, folder, commands, replies, nextId });
      return;
    }
    try {
      this.send({ cmd: "quit" }, 10_000);
    } catch {
      // already gone or stuck: killed below
    }
    this.closed = true;
    fs.closeSync(this.commands);
    this.waitForExit(5_000);
    fs.closeSync(this.replies);
    fs.rmSync(this.folder, { recursive: true, force: true });
  }

  /** True when the driver is back in the state of a fresh start, with no thread of this use left running. */
  private recycled(): boolean {
    try {
      return this.send({ cmd: "recycle" }, RECYCLE_TIMEOUT_MS).clean === true && this.replyPipe.drained;
    } catch {
      return false;
    }
  }

  /** Sends one command and blocks for its reply; throws when the driver reports an error, dies or is late. */
  send(command: Command, timeoutMs: number = this.timeoutMs): Reply {
    if (this.closed) throw new Error("the Jython world is closed");
    const id = this.nextId++;
    fs.writeSync(this.commands, asciiJson({ id, ...command }) + "\n");
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.readLine(deadline, command.cmd);
      if (!line.startsWith(REPLY_PREFIX)) {
        this.strayOutput.push(line);
        continue;
      }
      const reply = JSON.parse(line.slice(REPLY_PREFIX.length)) as Reply;
      if (reply.id !== id) continue;
      if (reply.ok !== true) {
        throw new Error(
          `driver: ${command.cmd} failed: ${String(reply.error)}\n${String(reply.traceback ?? "")}`,
        );
      }
      delete reply.id;
      delete reply.ok;
      return reply;
    }
  }

  private readLine(deadline: number, what: string): string {
    const read = this.replyPipe.nextLine(deadline);
    if ("line" in read) return read.line;
    if ("late" in read) {
      this.kill();
      throw new Error(
        `no reply to ${what} within ${this.timeoutMs} ms; the Jython world was killed${this.stderrTail()}`,
      );
    }
    this.closed = true;
    throw new Error(`the Jython world stopped (during ${what})${this.stderrTail()}`);
  }

  private kill(): void {
    this.suspect = true;
    try {
      process.kill(this.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  /** Waits until the reply pipe reaches end of file (the process ended), killing it after `ms`. */
  private waitForExit(ms: number): void {
    if (!this.replyPipe.waitForEnd(ms)) this.kill();
  }

  /** The end of what the JVM wrote to stderr (SLF4J notices, Java stack traces). */
  stderrTail(): string {
    let text = "";
    try {
      text = fs.readFileSync(path.join(this.folder, "stderr.log"), "utf8");
    } catch {
      return "";
    }
    return text === "" ? "" : `; stderr:\n${text.slice(-4000)}`;
  }
}

function handleOrThrow(reply: Reply, field: "script" | "instance", what: string): string {
  if (reply.outcome === "raised") {
    const exception = reply.exception as { type: string; message: string; traceback: string };
    throw new Error(`${what} raised ${exception.type}: ${exception.message}\n${exception.traceback}`);
  }
  return reply[field] as string;
}
