// runJythonFile: a Python file run as a fresh `jython FILE < INPUT` would run it, in a Jython process kept by this Jest
// worker between runs (file_runner.py). A fresh JVM costs about a CPU-second to start, and the compiler's tests run some
// twenty files; the idle runner waits in the worker's pool of JVMs (host-pool.ts) for the next file.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { asciiJson } from "./ascii-json";
import { giveBack, release, takeIdle, type IdleProcess } from "./host-pool";
import { jythonCommand, jythonEnvironment, jythonJar } from "./jython";
import { ReplyPipe } from "./reply-pipe";
import { spawnPiped } from "./world-process";

const RUNNER = path.join(__dirname, "file_runner.py");
const REPLY_PREFIX = "@@gamatech-runner@@ ";

/** What a run gives, as a fresh process would. */
export interface JythonRun {
  status: number;
  stdout: string;
  stderr: string;
}

function runnerKey(): string {
  return JSON.stringify(["file-runner", jythonJar()]);
}

function startRunner(key: string): IdleProcess {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-runner-"));
  try {
    const { command, args } = jythonCommand(["-Dpython.cachedir.skip=true", RUNNER]);
    const started = spawnPiped(folder, { command, args, env: jythonEnvironment() });
    return { key, folder, nextId: 1, ...started };
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs one Python file with `input` on its stdin: its status (a SystemExit's code, 1 for an uncaught exception), stdout
 * and stderr, as from a fresh process. Each file gets its own __main__, and the modules it imports are forgotten after it;
 * Java's static state is the one thing files share. Throws when the run takes longer than `timeoutMs` (the runner is
 * killed) or the runner itself dies.
 */
export function runJythonFile(
  scriptPath: string,
  options: { input?: string; timeoutMs?: number } = {},
): JythonRun {
  const key = runnerKey();
  const runner = takeIdle(key) ?? startRunner(key);
  const id = runner.nextId++;
  const timeoutMs = options.timeoutMs ?? 120_000;
  fs.writeSync(
    runner.commands,
    asciiJson({ id, path: path.resolve(scriptPath), input: options.input ?? "" }) + "\n",
  );
  const replies = new ReplyPipe(runner.replies);
  const deadline = Date.now() + timeoutMs;
  const stray: string[] = [];
  for (;;) {
    const read = replies.nextLine(deadline);
    if (!("line" in read)) {
      const stderr = stderrOf(runner);
      kill(runner);
      const why = "late" in read ? `took longer than ${timeoutMs} ms` : "ended the Jython runner";
      throw new Error(`running ${scriptPath} ${why}${stderr === "" ? "" : `; stderr:\n${stderr}`}`);
    }
    if (!read.line.startsWith(REPLY_PREFIX)) {
      // Written to the JVM's own stdout (System.out) by the file: part of its output.
      stray.push(read.line + "\n");
      continue;
    }
    const reply = JSON.parse(read.line.slice(REPLY_PREFIX.length)) as JythonRun & { id: number };
    if (reply.id !== id) continue;
    if (replies.drained) giveBack(runner);
    else kill(runner);
    return { status: reply.status, stdout: stray.join("") + reply.stdout, stderr: reply.stderr };
  }
}

function stderrOf(runner: IdleProcess): string {
  try {
    return fs.readFileSync(path.join(runner.folder, "stderr.log"), "utf8").slice(-4000);
  } catch {
    return "";
  }
}

function kill(runner: IdleProcess): void {
  try {
    process.kill(runner.pid, "SIGKILL");
  } catch {
    // already gone
  }
  release(runner);
}
