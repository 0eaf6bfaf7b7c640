// Section 3: the per-request cost of the built script in warm Jython, against the hand-written floor, each subject in a
// Jython process of its own so that each peak memory figure is that subject's alone.
import * as path from "path";
import * as fs from "fs";
import * as os from "os";
import { worldLaunch } from "../src/world/JythonScriptHost";
import { runChild } from "./child";
import type { JythonSteps, JythonSubject, StepFigures } from "./results";
import { median, percentile } from "./stats";

const BENCH_DRIVER = path.join(__dirname, "jython", "step_bench.py");
const FLOOR_SCRIPT = path.join(__dirname, "floor", "MinimalRopc.py");
const RESULT_PREFIX = "@@gamatech-bench@@ ";
// The JIT compiles a method after some thousands of calls; the first few thousand logins also load every class the
// script touches. Only what comes after is measured.
const WARMUP_ITERATIONS = 3000;
const ITERATIONS = 10_000;
const MIB = 1024 * 1024;

interface StepBenchOutput {
  samplesNs: Record<string, number[]>;
  peakRssBytes: number;
  liveHeapBytes: number;
}

export function benchJythonSteps(builtScript: string): JythonSteps {
  const script = runSubject("login", builtScript);
  const floor = runSubject("password", FLOOR_SCRIPT);
  const floorMedian = floor.steps.password?.medianUs ?? NaN;
  const ratioToFloor: Record<string, number> = {};
  for (const [step, figures] of Object.entries(script.steps))
    ratioToFloor[step] = figures.medianUs / floorMedian;
  return { script, floor, ratioToFloor };
}

function runSubject(subject: "login" | "password", scriptPath: string): JythonSubject {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-bench-"));
  const launch = worldLaunch(folder, {
    script: BENCH_DRIVER,
    scriptArgs: [subject, scriptPath, String(WARMUP_ITERATIONS), String(ITERATIONS)],
  });
  const run = runChild(launch.command, launch.args, { cwd: path.dirname(BENCH_DRIVER), env: launch.env });
  fs.rmSync(folder, { recursive: true, force: true });
  const line = run.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
  if (line === undefined) throw new Error(`step_bench.py printed no result:\n${run.stdout.slice(-2000)}`);
  const output = JSON.parse(line.slice(RESULT_PREFIX.length)) as StepBenchOutput;
  const steps: Record<string, StepFigures> = {};
  for (const [step, nanos] of Object.entries(output.samplesNs)) {
    steps[step] = {
      medianUs: median(nanos) / 1000,
      p99Us: percentile(nanos, 99) / 1000,
      samples: nanos.length,
    };
  }
  return {
    script: path.basename(scriptPath),
    warmupIterations: WARMUP_ITERATIONS,
    steps,
    peakRssMiB: output.peakRssBytes / MIB,
    liveHeapMiB: output.liveHeapBytes / MIB,
    wallS: run.wallMs / 1000,
  };
}
