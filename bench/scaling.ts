// Section 2: how the compiler's time and memory grow with the program, on generated programs of 1, 10 and 100 flows.
// The sizes are compiled in rounds, one of each per round, so that a change in the machine's load falls on all of them.
import * as path from "path";
import { runChild } from "./child";
import type { CompileChildReport } from "./compiler/compile-child";
import { makeScaledProgram, removeScaledProgram, type ScaledProgram } from "./compiler/scaled-program";
import type { Scaling, ScalingPoint } from "./results";
import { growthExponent, median } from "./stats";

const PROJECT_ROOT = path.resolve(__dirname, "..");
// 0 copies is the entry module alone: what every compile pays whatever the program's size.
const SIZES = [0, 1, 10, 100];
const RUNS = 3;
const MIB = 1024 * 1024;

type Run = CompileChildReport & { wallMs: number };

export function benchScaling(): Scaling {
  const programs = SIZES.map(makeScaledProgram);
  try {
    const runs: Run[][] = programs.map(() => []);
    for (let round = 0; round < RUNS; round++) {
      programs.forEach((program, i) => runs[i]?.push(compileOnce(program)));
    }
    const [fixed, ...points] = programs.map((program, i) => summarize(program, runs[i] ?? []));
    return fit(fixed as ScalingPoint, points);
  } finally {
    programs.forEach(removeScaledProgram);
  }
}

function compileOnce(program: ScaledProgram): Run {
  const args = [
    "-r",
    "./scripts/register-ts.js",
    "bench/compiler/compile-child.ts",
    program.root,
    program.entry,
  ];
  const run = runChild(process.execPath, args, { cwd: PROJECT_ROOT });
  return { wallMs: run.wallMs, ...(JSON.parse(run.stdout) as CompileChildReport) };
}

function summarize(program: ScaledProgram, runs: readonly Run[]): ScalingPoint {
  return {
    copies: program.copies,
    sourceLines: program.sourceLines,
    sourceBytes: program.sourceBytes,
    pythonLines: runs[0]?.pythonLines ?? 0,
    compileMs: median(runs.map((r) => r.compileMs)),
    compileCpuMs: median(runs.map((r) => r.compileCpuMs)),
    wallMs: median(runs.map((r) => r.wallMs)),
    peakRssMiB: median(runs.map((r) => r.peakRssBytes)) / MIB,
  };
}

function fit(fixed: ScalingPoint, points: readonly ScalingPoint[]): Scaling {
  const smallest = points[0] as ScalingPoint;
  const largest = points[points.length - 1] as ScalingPoint;
  return {
    runsPerSize: RUNS,
    points: [...points],
    fixedCompileCpuMs: fixed.compileCpuMs,
    // CPU time: other processes on the machine stretch the compile's wall time far more than its CPU time.
    timeExponent: growthExponent(points.map((p) => ({ x: p.sourceLines, y: p.compileCpuMs }))),
    // At small sizes the fixed cost hides the growth; without it the exponent is that of the part that grows.
    netTimeExponent: growthExponent(
      points.map((p) => ({ x: p.sourceLines, y: Math.max(p.compileCpuMs - fixed.compileCpuMs, 1) })),
    ),
    // Peak memory starts from a fixed base (Node, TypeScript's lib files), so a log-log fit would understate its growth;
    // the cost of each further copy of the flow says more.
    memoryPerCopyMiB: (largest.peakRssMiB - smallest.peakRssMiB) / (largest.copies - smallest.copies),
  };
}
