// Runs a command as a child process and measures what it cost: wall time, and the CPU time of it and its descendants.
import { spawnSync } from "child_process";
import * as fs from "fs";

export interface ChildRun {
  wallMs: number;
  cpuMs: number;
  stdout: string;
}

// Linux counts the CPU time of waited-for descendants in /proc/self/stat (cutime, cstime). Reading it around a
// synchronous spawn gives the child's whole tree, launchers included, without any extra tool. The fields are in USER_HZ
// ticks, which Linux keeps at 100 for user space whatever the kernel's own tick rate.
const TICKS_PER_SECOND = 100;

function childrenCpuMs(): number {
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Runs the command to its end; throws with its stderr when it fails, since a failed run measures nothing. */
export function runChild(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): ChildRun {
  const cpuBefore = childrenCpuMs();
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuMs = childrenCpuMs() - cpuBefore;
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${result.status}:\n${result.stderr.slice(-4000)}`,
    );
  }
  return { wallMs, cpuMs, stdout: result.stdout };
}
