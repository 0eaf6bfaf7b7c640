import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { randomInt } from "crypto";
import { DEFAULT_TWILIO_VERSION, worldClasspath } from "./javaDoubles";
import { javaExecutable, jythonEnvironment, jythonHome, jythonJar } from "./jython";
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
import { twilioTls, TWILIO_HOSTS } from "./tls";

export const DRIVER = path.join(__dirname, "driver.py");
export const REPLY_PREFIX = "@@gamatech-driver@@ ";

type Reply = Record<string, unknown>;

export interface JythonScriptHostOptions {
  /** How long one command may take before the process is killed; default 120 s. */
  timeoutMs?: number;
  /** twilio-java version on the world's classpath (one per process, as on a server); default 7.17.0 (Janssen's). */
  twilioVersion?: string;
  /** More jars for the classpath (e.g. from mavenClasspath), after the SDK's. */
  extraJars?: string[];
  /** More JVM options. */
  jvmOptions?: string[];
  /**
   * "full" (the default) keeps the server JVM's compiler tiers, which pay off over the thousands of requests of a suite.
   * "quick" stops at the first tier: a start and a script load then take 3.3 CPU-seconds instead of 6.3, for a world that
   * serves a few dozen requests.
   */
  jit?: "quick" | "full";
}

/** How a world's JVM is started: `command` and `args` run driver.py; `env` is the environment to give it. */
export interface WorldLaunch {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  classpath: string[];
  /** The loopback address api.twilio.com and verify.twilio.com resolve to inside that JVM (jdk.net.hosts.file). */
  directAddress: string;
}

/**
 * The JVM command line of a world for one twilio-java version: Jython's own jar, the doubles, Janssen's model jar, the
 * SDK jars (fetched from Maven Central on first use) and extraJars on the classpath; the fake Twilio API's key store and
 * the test CA trust store (made with keytool on first use); api.twilio.com / verify.twilio.com resolving to a private
 * loopback address (jdk.net.hosts.file written into `folder`); https.proxyHost=127.0.0.1 (the driver sets the port of
 * the proxy it opens). `script` defaults to driver.py; `scriptArgs` follow it.
 */
export function worldLaunch(
  folder: string,
  options: JythonScriptHostOptions & { script?: string; scriptArgs?: string[] } = {},
): WorldLaunch {
  const classpath = worldClasspath({ twilioVersion: options.twilioVersion, extraJars: options.extraJars });
  const tls = twilioTls();
  const directAddress = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
  const hostsFile = path.join(folder, "hosts");
  fs.writeFileSync(hostsFile, `127.0.0.1 localhost\n${directAddress} ${TWILIO_HOSTS.join(" ")}\n`);
  const args = [
    "-cp",
    [jythonJar(), ...classpath].join(path.delimiter),
    `-Dpython.home=${jythonHome()}`,
    ...(options.jit === "quick" ? ["-XX:TieredStopAtLevel=1"] : []),
    "-Dpython.cachedir.skip=true",
    "-Dpython.console.encoding=UTF-8",
    `-Djdk.net.hosts.file=${hostsFile}`,
    `-Djavax.net.ssl.trustStore=${tls.truststore}`,
    `-Djavax.net.ssl.trustStorePassword=${tls.password}`,
    "-Djavax.net.ssl.trustStoreType=PKCS12",
    "-Dhttps.proxyHost=127.0.0.1",
    `-Dgamatech.twilio.keystore=${tls.keystore}`,
    `-Dgamatech.twilio.keystorePassword=${tls.password}`,
    `-Dgamatech.twilio.directAddress=${directAddress}`,
    ...(options.jvmOptions ?? []),
    "org.python.util.jython",
    options.script ?? DRIVER,
    ...(options.scriptArgs ?? []),
  ];
  return { command: javaExecutable(), args, env: jythonEnvironment(), classpath, directAddress };
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepMs(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/**
 * The one client of the Jython world: a long-lived JVM running driver.py, which loads Janssen ROPC scripts and runs them
 * against the Janssen doubles, the real twilio-java SDK of one version and the fake Twilio API. Every call blocks until
 * the driver answers (so synchronous callers such as the attack suites can use it, and `await host.x()` works the same);
 * a command that takes longer than timeoutMs kills the process. The JVM takes seconds to start, so a test file starts one
 * host per SDK version and reuses it (reset between cases).
 *
 * Transport: commands and replies travel through two named pipes. The reply pipe is read without blocking (polled), so a
 * late reply times out and a dead process is seen at once (end of file); the command pipe's only writer is this object,
 * so the driver sees end of file, and exits, when this process goes away.
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
  private readonly timeoutMs: number;
  private pending = "";
  private nextId = 1;
  private closed = false;

  private constructor(options: JythonScriptHostOptions) {
    this.twilioVersion = options.twilioVersion ?? DEFAULT_TWILIO_VERSION;
    this.timeoutMs = options.timeoutMs ?? 120_000;
    this.folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-world-"));
    try {
      const launch = worldLaunch(this.folder, { ...options, twilioVersion: this.twilioVersion });
      const commandPipe = path.join(this.folder, "commands");
      const replyPipe = path.join(this.folder, "replies");
      execFileSync("mkfifo", [commandPipe, replyPipe]);
      // Opening one end of a FIFO blocks until the other end is open; a temporary read-write descriptor stands in for
      // the other end, so each side gets a plain (blocking for the child) descriptor, then goes away.
      const commandHold = fs.openSync(commandPipe, fs.constants.O_RDWR);
      const childStdin = fs.openSync(commandPipe, fs.constants.O_RDONLY);
      this.commands = fs.openSync(commandPipe, fs.constants.O_WRONLY);
      fs.closeSync(commandHold);
      this.replies = fs.openSync(replyPipe, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
      const childStdout = fs.openSync(replyPipe, fs.constants.O_WRONLY);
      const stderr = fs.openSync(path.join(this.folder, "stderr.log"), "w");
      const child = spawn(launch.command, launch.args, {
        stdio: [childStdin, childStdout, stderr],
        env: launch.env,
      });
      child.on("error", () => undefined);
      child.unref();
      fs.closeSync(childStdin);
      fs.closeSync(childStdout);
      fs.closeSync(stderr);
      if (child.pid === undefined) throw new Error(`${launch.command} could not be started`);
      this.pid = child.pid;
    } catch (error) {
      fs.rmSync(this.folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Builds the doubles, fetches the SDK jars and makes the certificates when needed, and starts the driver. */
  static start(options: JythonScriptHostOptions = {}): JythonScriptHost {
    return new JythonScriptHost(options);
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

  /** The SDK version the JVM actually loaded and how the fake Twilio API is reached. */
  worldInfo(): WorldInfo {
    return this.send({ cmd: "worldInfo" }) as unknown as WorldInfo;
  }

  /** Asks the driver to quit and waits (briefly) for the process to end; idempotent, never throws. */
  close(): void {
    if (this.closed) return;
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
    const buffer = Buffer.alloc(65536);
    let pause = 0.05;
    while (!this.pending.includes("\n")) {
      let count: number;
      try {
        count = fs.readSync(this.replies, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        if (Date.now() > deadline) {
          this.kill();
          throw new Error(
            `no reply to ${what} within ${this.timeoutMs} ms; the Jython world was killed${this.stderrTail()}`,
          );
        }
        sleepMs(pause);
        pause = Math.min(pause * 2, 5);
        continue;
      }
      if (count === 0) {
        this.closed = true;
        throw new Error(`the Jython world stopped (during ${what})${this.stderrTail()}`);
      }
      pause = 0.05;
      this.pending += buffer.toString("utf8", 0, count);
    }
    const at = this.pending.indexOf("\n");
    const line = this.pending.slice(0, at);
    this.pending = this.pending.slice(at + 1);
    return line;
  }

  private kill(): void {
    try {
      process.kill(this.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }

  /** Waits until the reply pipe reaches end of file (the process ended), killing it after `ms`. */
  private waitForExit(ms: number): void {
    const deadline = Date.now() + ms;
    const buffer = Buffer.alloc(4096);
    for (;;) {
      try {
        if (fs.readSync(this.replies, buffer, 0, buffer.length, null) === 0) return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") return;
        if (Date.now() > deadline) {
          this.kill();
          return;
        }
        sleepMs(5);
      }
    }
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

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * JSON with every non-ASCII character escaped, so the bytes on the pipe do not depend on Jython's stdin encoding. A lone
 * UTF-16 surrogate becomes U+FFFD: Jython's unicode cannot hold one, and no HTTP request can carry one either (it has no
 * UTF-8 encoding, so the servlet container decodes it to U+FFFD before a script sees it).
 */
export function asciiJson(value: unknown): string {
  const wellFormed = (_key: string, item: unknown) =>
    typeof item === "string" ? item.replace(LONE_SURROGATE, "\ufffd") : item;
  return JSON.stringify(value, wellFormed).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
