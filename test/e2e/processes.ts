// The CLI as users run it: `serve` and `login` as real child processes, driven through their stdin and read from their output.

import { ChildProcessWithoutNullStreams, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as readline from "readline";
import { jythonExecutable } from "../../src/world/jython";

const BIN = path.resolve(__dirname, "..", "..", "bin", "gamatech-ropc");
/** Jython and the JVM start slowly on a loaded machine; the first run also compiles the Java doubles. */
const SERVER_START_MS = 120_000;
/** Each awaited line may include a CLI start (Node transpiling the TypeScript) on a busy CI machine. */
const WAIT_MS = 60_000;

const CHALLENGE_LINE = "Authorization Challenge endpoint: ";

/** Lines of a stream, with a way to wait for the next line that matches, from a given position on. */
class LineLog {
  readonly lines: string[] = [];
  private listeners: (() => void)[] = [];

  constructor(stream: NodeJS.ReadableStream) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      this.lines.push(line);
      this.listeners.forEach((listener) => listener());
    });
  }

  waitFor(pattern: RegExp, from: number, timeoutMs: number, what: () => string): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        for (let i = from; i < this.lines.length; i++) {
          const match = pattern.exec(this.lines[i] as string);
          if (match !== null) {
            this.listeners = this.listeners.filter((listener) => listener !== onLine);
            clearTimeout(timer);
            resolve(match);
            return true;
          }
        }
        return false;
      };
      const onLine = () => void check();
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((listener) => listener !== onLine);
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; ${what()}`));
      }, timeoutMs);
      if (!check()) this.listeners.push(onLine);
    });
  }
}

function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { stdio: ["pipe", "pipe", "pipe"] });
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    // "close" rather than "exit": it waits for stdout and stderr to be drained, so every line has been seen.
    child.once("close", (code) => resolve(code));
  });
}

export class LocalServer {
  readonly outboxFile: string;
  private readonly stdout: LineLog;
  private readonly stderr: LineLog;
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly directory: string,
    readonly tokenUrl: string,
    readonly challengeUrl: string,
    log: { stdout: LineLog; stderr: LineLog },
    outboxFile: string,
  ) {
    this.outboxFile = outboxFile;
    this.stdout = log.stdout;
    this.stderr = log.stderr;
    this.exited = exitOf(child);
  }

  /**
   * `serve --port 0 --clock-control` plus `args`; resolves once the endpoint is printed. Fails loudly without jython. The
   * outbox is a file of the test's own directory unless `defaultOutbox` (then serve's default for its port, removed at stop).
   */
  static async start(args: string[] = [], options: { defaultOutbox?: boolean } = {}): Promise<LocalServer> {
    jythonExecutable();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-ropc-e2e-"));
    const outbox = options.defaultOutbox === true ? [] : ["--outbox", path.join(directory, "outbox.txt")];
    const child = spawnCli(["serve", "--port", "0", "--clock-control", ...outbox, ...args]);
    const stdout = new LineLog(child.stdout);
    const stderr = new LineLog(child.stderr);
    const describe = () => `serve printed:\n${stdout.lines.join("\n")}\n${stderr.lines.join("\n")}`;
    let started = false;
    const died = exitOf(child).then((code) => {
      if (!started) throw new Error(`serve exited with ${code} before it was ready; ${describe()}`);
      return null;
    });
    try {
      const match = await Promise.race([
        stdout.waitFor(/^Token endpoint: (\S+)$/, 0, SERVER_START_MS, describe),
        died,
      ]);
      started = true;
      const outboxLine = stdout.lines.find((line) => line.startsWith("SMS outbox: "));
      const outboxFile = (outboxLine ?? "").slice("SMS outbox: ".length);
      const tokenUrl = (match as RegExpExecArray)[1] as string;
      const challengeLine = stdout.lines.find((line) => line.startsWith(CHALLENGE_LINE)) ?? "";
      const challengeUrl = challengeLine.slice(CHALLENGE_LINE.length);
      return new LocalServer(child, directory, tokenUrl, challengeUrl, { stdout, stderr }, outboxFile);
    } catch (error) {
      child.kill();
      throw error;
    }
  }

  get output(): string {
    return [...this.stdout.lines, ...this.stderr.lines].join("\n");
  }

  /** Call before the action that sends: resolves with the code of the next SMS the server prints. */
  nextCode(): Promise<string> {
    const from = this.stdout.lines.length;
    return this.stdout
      .waitFor(
        /^\[LOCAL TEST MODE - never in production\] SMS to .*code is ([0-9]{6,10})/,
        from,
        WAIT_MS,
        () => this.output,
      )
      .then((match) => match[1] as string);
  }

  /** Moves the script's clock ahead through the console and waits for the server to confirm it. */
  async advance(seconds: number): Promise<void> {
    const from = this.stdout.lines.length;
    this.child.stdin.write(`advance ${seconds}\n`);
    await this.stdout.waitFor(/^clock control: the script's clock is now/, from, WAIT_MS, () => this.output);
  }

  smsLinesSince(from: number): string[] {
    return this.stdout.lines.slice(from).filter((line) => line.includes("] SMS to "));
  }

  get lineCount(): number {
    return this.stdout.lines.length;
  }

  /** SIGTERM, as a service manager would stop it; resolves with the exit code. */
  async stop(): Promise<number | null> {
    this.child.kill("SIGTERM");
    const code = await this.exited;
    fs.rmSync(this.directory, { recursive: true, force: true });
    fs.rmSync(this.outboxFile, { force: true });
    return code;
  }
}

/** Logins still running, so a failed test cannot leave one behind to keep Jest alive. */
const runningLogins = new Set<ChildProcessWithoutNullStreams>();

export function killRunningLogins(): void {
  runningLogins.forEach((child) => child.kill());
}

export class LoginProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly stdout: LineLog;
  private readonly stderr: LineLog;
  private readonly exited: Promise<number | null>;
  /** How far `expectLine` has read, so each expectation looks only at output that came after the previous one. */
  private position = 0;

  constructor(args: string[]) {
    this.child = spawnCli(["login", ...args]);
    runningLogins.add(this.child);
    this.child.once("close", () => runningLogins.delete(this.child));
    this.stdout = new LineLog(this.child.stdout);
    this.stderr = new LineLog(this.child.stderr);
    this.exited = exitOf(this.child);
  }

  /** One answer to a prompt, as a person would type it (stdin is a pipe, so one line per prompt). */
  type(line: string): void {
    this.child.stdin.write(line + "\n");
  }

  /** Waits for the next stdout line matching `pattern` after the last one expected. */
  async expectLine(pattern: RegExp): Promise<RegExpExecArray> {
    const match = await this.stdout.waitFor(pattern, this.position, WAIT_MS, () => this.output);
    this.position = this.stdout.lines.findIndex((line, i) => i >= this.position && pattern.test(line)) + 1;
    return match;
  }

  get output(): string {
    return `stdout:\n${this.stdout.lines.join("\n")}\nstderr:\n${this.stderr.lines.join("\n")}`;
  }

  get stdoutText(): string {
    return this.stdout.lines.join("\n");
  }

  async finished(): Promise<{ code: number | null; stdout: string; stderr: string }> {
    this.child.stdin.end();
    const code = await this.exited;
    return { code, stdout: this.stdout.lines.join("\n"), stderr: this.stderr.lines.join("\n") };
  }
}
