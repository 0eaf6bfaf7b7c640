// What the figures were measured on, collected by the bench itself so the record cannot drift from the run.
import { spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { jythonEnvironment, jythonExecutable } from "../src/world/jython";
import type { Machine } from "./results";

const PROJECT_ROOT = path.resolve(__dirname, "..");

export function describeMachine(): Machine {
  const status = output("git", ["status", "--porcelain"]);
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    cpus: os.availableParallelism(),
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    typescript: ts.version,
    java: firstLine(output("java", ["-version"])),
    jython: firstLine(output(jythonExecutable(), ["--version"], jythonEnvironment())),
    commit: output("git", ["rev-parse", "--short", "HEAD"]).trim(),
    dirty: status.trim() !== "",
  };
}

/** stdout and stderr together: java and jython print their versions on stderr. */
function output(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, encoding: "utf8", env });
  if (result.error !== undefined) return "unavailable";
  return `${result.stdout}${result.stderr}`;
}

function firstLine(text: string): string {
  return text.trim().split("\n")[0] ?? "";
}
