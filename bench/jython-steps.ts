// Section 3: the per-request cost of the built script in warm Jython against Janssen's 2FA sample (the script users run
// today), both loaded in one Jython process and their logins interleaved, so that both meet the same JVM, doubles, SDK
// jar (7.17.0, what Janssen ships) and machine load.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runChild } from "./child";
import type { JythonSteps, StepCost, StepFigures, SubjectSteps } from "./results";
import { benchLaunch, SAMPLE_SCRIPT } from "./sample-world";
import { median, percentile } from "./stats";

export const RESULT_PREFIX = "@@gamatech-bench@@ ";
// The JIT compiles a method after some thousands of calls; the first logins also load every class the scripts touch.
// Only what comes after is measured.
const WARMUP_LOGINS = 2000;
const LOGINS_EACH = 4000;
// Logins of one subject in a row; which subject goes first alternates from block to block.
const BLOCK_LOGINS = 50;
const STEPS = ["start", "code", "password"] as const;
const MIB = 1024 * 1024;

type Subject = "ours" | "sample";
interface CallSamples {
  wallNs: number[];
  cpuNs: number[];
}
interface StepBenchOutput {
  samples: Record<Subject, Record<string, CallSamples>>;
  blocks: Record<Subject, { logins: number; cpuNs: number }>;
  peakRssBytes: number;
  liveHeapBytes: number;
}

export function benchJythonSteps(builtScript: string, sampleJar: string, quick: boolean): JythonSteps {
  const loadStart = os.loadavg();
  const [warmup, logins] = quick ? [WARMUP_LOGINS / 2, LOGINS_EACH / 4] : [WARMUP_LOGINS, LOGINS_EACH];
  const args = [builtScript, SAMPLE_SCRIPT, String(warmup), String(logins), String(BLOCK_LOGINS)];
  const { output, wallS } = runBenchDriver<StepBenchOutput>(sampleJar, "step_bench.py", args);
  const ours = subjectSteps(path.basename(builtScript), output, "ours");
  const sample = subjectSteps(path.basename(SAMPLE_SCRIPT), output, "sample");
  const ratio = {
    cpu: {} as Record<string, number>,
    wall: {} as Record<string, number>,
    processCpuPerLogin: NaN,
  };
  for (const step of Object.keys(ours.steps)) {
    const [mine, theirs] = [ours.steps[step] as StepCost, sample.steps[step] as StepCost];
    ratio.cpu[step] = mine.cpu.medianUs / theirs.cpu.medianUs;
    ratio.wall[step] = mine.wall.medianUs / theirs.wall.medianUs;
  }
  ratio.processCpuPerLogin = ours.processCpuPerLoginUs / sample.processCpuPerLoginUs;
  return {
    warmupLogins: warmup,
    loginsEach: logins,
    blockLogins: BLOCK_LOGINS,
    ours,
    sample,
    ratio,
    peakRssMiB: output.peakRssBytes / MIB,
    liveHeapMiB: output.liveHeapBytes / MIB,
    wallS,
    loadAverage: { start: loadStart, end: os.loadavg() },
  };
}

function subjectSteps(script: string, output: StepBenchOutput, subject: Subject): SubjectSteps {
  const calls = output.samples[subject];
  const steps: Record<string, StepCost> = {};
  for (const step of STEPS) {
    const samples = calls[step] as CallSamples;
    steps[step] = { wall: figures(samples.wallNs), cpu: figures(samples.cpuNs) };
  }
  const all = (kind: keyof CallSamples) => STEPS.flatMap((step) => (calls[step] as CallSamples)[kind]);
  steps.all = { wall: figures(all("wallNs")), cpu: figures(all("cpuNs")) };
  const blocks = output.blocks[subject];
  return { script, steps, processCpuPerLoginUs: blocks.cpuNs / blocks.logins / 1000 };
}

export function figures(nanos: number[]): StepFigures {
  if (nanos.length === 0) return { medianUs: NaN, p99Us: NaN, samples: 0 };
  return { medianUs: median(nanos) / 1000, p99Us: percentile(nanos, 99) / 1000, samples: nanos.length };
}

/** Runs a driver of bench/jython in the bench's world and parses its one result line. */
export function runBenchDriver<T>(
  sampleJar: string,
  script: string,
  args: string[],
  jvmOptions: string[] = [],
): { output: T; wallS: number } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-bench-"));
  try {
    const launch = benchLaunch(folder, sampleJar, script, args, jvmOptions);
    const run = runChild(launch.command, launch.args, {
      cwd: path.join(__dirname, "jython"),
      env: launch.env,
    });
    const line = run.stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
    if (line === undefined) throw new Error(`${script} printed no result:\n${run.stdout.slice(-2000)}`);
    return { output: JSON.parse(line.slice(RESULT_PREFIX.length)) as T, wallS: run.wallMs / 1000 };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
