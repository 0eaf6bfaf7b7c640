import { execFileSync, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { jythonEnvironment, jythonExecutable } from "./jython";
import { asciiJson, driverArguments, REPLY_PREFIX } from "./JythonScriptHost";
import type {
  AuthenticateReply,
  AuthenticateRequest,
  CacheEntry,
  Command,
  FaultSpec,
  WorldSpec,
} from "./protocol";

/**
 * The same driver as JythonScriptHost, answered synchronously: callers whose interface is synchronous (the attack suites
 * share one with the TypeScript flow) block on each reply. The commands and replies travel through two named pipes,
 * which Node can read with blocking calls, unlike a child process's stdio.
 */
export class SyncJythonScriptHost {
  private readonly folder: string;
  private readonly commands: number;
  private readonly replies: number;
  private pending = "";
  private nextId = 1;
  private closed = false;

  constructor() {
    this.folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-sync-driver-"));
    const commandPipe = path.join(this.folder, "commands");
    const replyPipe = path.join(this.folder, "replies");
    execFileSync("mkfifo", [commandPipe, replyPipe]);
    const stderr = fs.openSync(path.join(this.folder, "stderr.log"), "w");
    const child = spawn(jythonExecutable(), driverArguments(), {
      stdio: [
        fs.openSync(commandPipe, fs.constants.O_RDWR),
        fs.openSync(replyPipe, fs.constants.O_RDWR),
        stderr,
      ],
      env: jythonEnvironment(),
      detached: false,
    });
    child.unref();
    // O_RDWR opens never block on a pipe without its other end; the child holds its own descriptors.
    this.commands = fs.openSync(commandPipe, fs.constants.O_RDWR);
    this.replies = fs.openSync(replyPipe, fs.constants.O_RDWR);
  }

  reset(world: WorldSpec = {}): void {
    this.send({ cmd: "reset", ...world });
  }

  load(scriptPath: string): string {
    return this.send({ cmd: "load", path: path.resolve(scriptPath) }).script as string;
  }

  create(script: string): string {
    return this.send({ cmd: "create", script }).instance as string;
  }

  init(instance: string, properties: Record<string, string | null>): boolean {
    const reply = this.send({ cmd: "init", instance, properties });
    return reply.outcome === "returned" && reply.value === true;
  }

  authenticate(instance: string, request: AuthenticateRequest): AuthenticateReply {
    return this.send({ cmd: "authenticate", instance, ...request }) as unknown as AuthenticateReply;
  }

  advanceClock(ms: number): void {
    this.send({ cmd: "advanceClock", ms });
  }

  fault(spec: FaultSpec): void {
    this.send({ cmd: "fault", ...spec });
  }

  snapshotForStaleReads(): void {
    this.send({ cmd: "snapshotForStaleReads" });
  }

  clearFaults(): void {
    this.send({ cmd: "clearFaults" });
  }

  cache(): Record<string, CacheEntry> {
    return this.send({ cmd: "cache" }).entries as Record<string, CacheEntry>;
  }

  close(): void {
    if (this.closed) return;
    this.send({ cmd: "quit" });
    this.closed = true;
    fs.closeSync(this.commands);
    fs.closeSync(this.replies);
    fs.rmSync(this.folder, { recursive: true, force: true });
  }

  private send(command: Command): Record<string, unknown> {
    if (this.closed) throw new Error("the Jython driver is closed");
    fs.writeSync(this.commands, asciiJson({ id: this.nextId++, ...command }) + "\n");
    for (;;) {
      const line = this.readLine();
      if (!line.startsWith(REPLY_PREFIX)) continue;
      const reply = JSON.parse(line.slice(REPLY_PREFIX.length)) as Record<string, unknown>;
      if (reply.ok !== true) {
        throw new Error(
          `driver: ${command.cmd} failed: ${String(reply.error)}\n${String(reply.traceback ?? "")}`,
        );
      }
      return reply;
    }
  }

  private readLine(): string {
    const buffer = Buffer.alloc(65536);
    while (!this.pending.includes("\n")) {
      const count = fs.readSync(this.replies, buffer, 0, buffer.length, null);
      if (count === 0) throw new Error(`the Jython driver stopped${this.stderrTail()}`);
      this.pending += buffer.toString("utf8", 0, count);
    }
    const at = this.pending.indexOf("\n");
    const line = this.pending.slice(0, at);
    this.pending = this.pending.slice(at + 1);
    return line;
  }

  private stderrTail(): string {
    const text = fs.readFileSync(path.join(this.folder, "stderr.log"), "utf8");
    return text === "" ? "" : `; stderr:\n${text.slice(-4000)}`;
  }
}
