import { ChildProcessWithoutNullStreams, spawn } from "child_process";
import * as path from "path";
import * as readline from "readline";
import { jythonEnvironment, jythonExecutable } from "./jython";
import { buildJavaDoubles } from "./javaDoubles";
import {
  AuthenticateReply,
  AuthenticateRequest,
  CacheEntry,
  Command,
  FaultSpec,
  ScriptOutcome,
  WorldSpec,
} from "./protocol";

export const DRIVER = path.join(__dirname, "driver.py");
export const REPLY_PREFIX = "@@gamatech-driver@@ ";

type RawReply = Record<string, unknown> & { id: number; ok: boolean; error?: string; traceback?: string };
type Reply = Omit<RawReply, "id" | "ok">;

interface Waiter {
  resolve: (reply: RawReply) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * One long-lived Jython process running driver.py, which loads Janssen ROPC scripts and runs them against the Java
 * doubles. The JVM takes over a second to start, so a test file starts one host and reuses it (reset between cases).
 */
export class JythonScriptHost {
  /** Lines the process wrote to stdout outside the protocol (a double or script writing to the real stdout). */
  readonly strayOutput: string[] = [];
  private readonly waiters: Waiter[] = [];
  private stderr = "";
  private exited = false;
  private nextId = 1;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly timeoutMs: number,
  ) {
    readline.createInterface({ input: child.stdout }).on("line", (line) => this.onLine(line));
    child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on("exit", (code, signal) => this.failAll(`jython exited (code ${code}, signal ${signal})`));
    child.on("error", (error) => this.failAll(`jython could not run: ${error.message}`));
  }

  /** Builds the doubles if needed and starts the driver; the Twilio shape jars are handed over for per-reset switching. */
  static start(options: { timeoutMs?: number } = {}): JythonScriptHost {
    const child = spawn(jythonExecutable(), driverArguments(), {
      stdio: ["pipe", "pipe", "pipe"],
      env: jythonEnvironment(),
    });
    return new JythonScriptHost(child, options.timeoutMs ?? 60_000);
  }

  async reset(world: WorldSpec = {}): Promise<void> {
    await this.send({ cmd: "reset", ...world });
  }

  /** Loads a script file as a fresh module; throws with the traceback when loading it raises. Returns a script handle. */
  async load(scriptPath: string): Promise<string> {
    const reply = await this.send({ cmd: "load", path: path.resolve(scriptPath) });
    return handleOrThrow(reply, "script", `loading ${scriptPath}`);
  }

  /** `ResourceOwnerPasswordCredentials(currentTimeMillis)`, as Janssen builds it; instances are cluster nodes. */
  async create(script: string): Promise<string> {
    const reply = await this.send({ cmd: "create", script });
    return handleOrThrow(reply, "instance", `creating an instance of ${script}`);
  }

  async getApiVersion(instance: string): Promise<ScriptOutcome<number>> {
    return (await this.send({ cmd: "getApiVersion", instance })) as unknown as ScriptOutcome<number>;
  }

  async init(instance: string, properties: Record<string, string | null>): Promise<ScriptOutcome<boolean>> {
    return (await this.send({ cmd: "init", instance, properties })) as unknown as ScriptOutcome<boolean>;
  }

  async destroy(instance: string): Promise<ScriptOutcome<boolean>> {
    return (await this.send({ cmd: "destroy", instance })) as unknown as ScriptOutcome<boolean>;
  }

  async authenticate(instance: string, request: AuthenticateRequest): Promise<AuthenticateReply> {
    return (await this.send({ cmd: "authenticate", instance, ...request })) as unknown as AuthenticateReply;
  }

  /** Moves the clock the scripts (System.currentTimeMillis) and the cache ttls see; returns the new time. */
  async advanceClock(ms: number): Promise<number> {
    return (await this.send({ cmd: "advanceClock", ms })).nowMs as number;
  }

  async fault(spec: FaultSpec): Promise<void> {
    await this.send({ cmd: "fault", ...spec });
  }

  async clearFaults(): Promise<void> {
    await this.send({ cmd: "clearFaults" });
  }

  /** Live cache entries with their remaining ttl. */
  async cache(): Promise<Record<string, CacheEntry>> {
    return (await this.send({ cmd: "cache" })).entries as Record<string, CacheEntry>;
  }

  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    await this.send({ cmd: "quit" });
    this.child.stdin.end();
    await exited;
  }

  /** Sends one command; rejects when the driver reports an error, the process dies or the reply is late. */
  send(command: Command): Promise<Reply> {
    if (this.exited) return Promise.reject(new Error(`jython is not running${this.stderrTail()}`));
    const line = asciiJson({ id: this.nextId++, ...command });
    return new Promise<RawReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.kill();
        reject(new Error(`no reply to ${command.cmd} within ${this.timeoutMs} ms${this.stderrTail()}`));
      }, this.timeoutMs);
      this.waiters.push({ resolve, reject, timer });
      this.child.stdin.write(line + "\n");
    }).then(({ id: _id, ok, ...reply }) => {
      if (!ok) throw new Error(`driver: ${command.cmd} failed: ${reply.error}\n${reply.traceback ?? ""}`);
      return reply;
    });
  }

  private onLine(line: string): void {
    if (!line.startsWith(REPLY_PREFIX)) {
      this.strayOutput.push(line);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter === undefined) return;
    clearTimeout(waiter.timer);
    waiter.resolve(JSON.parse(line.slice(REPLY_PREFIX.length)) as RawReply);
  }

  private failAll(reason: string): void {
    this.exited = true;
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(`${reason}${this.stderrTail()}`));
    }
  }

  private stderrTail(): string {
    return this.stderr === "" ? "" : `; stderr:\n${this.stderr.slice(-4000)}`;
  }
}

function handleOrThrow(reply: Reply, field: "script" | "instance", what: string): string {
  if (reply.outcome === "raised") {
    const exception = reply.exception as { type: string; message: string; traceback: string };
    throw new Error(`${what} raised ${exception.type}: ${exception.message}\n${exception.traceback}`);
  }
  return reply[field] as string;
}

/**
 * JSON with every non-ASCII character escaped, so the bytes on the pipe do not depend on Jython's stdin encoding. A lone
 * UTF-16 surrogate becomes U+FFFD: Jython's unicode cannot hold one, and no HTTP request can carry one either (it has no
 * UTF-8 encoding, so the servlet container decodes it to U+FFFD before a script sees it).
 */
/** The jython arguments that start driver.py with the doubles built and on its path. */
export function driverArguments(): string[] {
  const jars = buildJavaDoubles();
  // The 7.x shape also sits on the path, as twilio-java 7.17 does on a Janssen server; the driver still loads both
  // shapes itself and gives scripts the one chosen at reset.
  return [`-Dpython.path=${jars.shared}:${jars.twilio7}`, DRIVER, `7=${jars.twilio7}`, `12=${jars.twilio12}`];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function asciiJson(value: unknown): string {
  const wellFormed = (_key: string, item: unknown) =>
    typeof item === "string" ? item.replace(LONE_SURROGATE, "\ufffd") : item;
  return JSON.stringify(value, wellFormed).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
