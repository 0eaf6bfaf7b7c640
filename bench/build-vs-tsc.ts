// Section 1: the build against TypeScript's type-check of the same guest sources, runs interleaved so that a change in
// the machine's load falls on both alike.
import * as path from "path";
import type { BuildChildReport } from "./compiler/build-child";
import { runChild } from "./child";
import type { BuildVsTsc } from "./results";
import { median } from "./stats";

const PROJECT_ROOT = path.resolve(__dirname, "..");
const RUNS = 5;

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** Builds into outFile (the script the Jython section then measures) and returns the medians and their ratios. */
export function benchBuildVsTsc(outFile: string): BuildVsTsc {
  const node = process.execPath;
  const build = (): Sample & BuildChildReport => {
    const args = ["-r", "./scripts/register-ts.js", "bench/compiler/build-child.ts", outFile];
    const run = runChild(node, args, { cwd: PROJECT_ROOT });
    return { wallMs: run.wallMs, cpuMs: run.cpuMs, ...(JSON.parse(run.stdout) as BuildChildReport) };
  };
  const tsc = (): Sample => {
    const args = [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.guest.json"];
    return runChild(node, args, { cwd: PROJECT_ROOT });
  };
  // One unrecorded round first: it fills the file cache for both.
  build();
  tsc();
  const builds: (Sample & BuildChildReport)[] = [];
  const checks: Sample[] = [];
  for (let round = 0; round < RUNS; round++) {
    // Alternating which goes first keeps either from always running just after the other.
    if (round % 2 === 0) {
      builds.push(build());
      checks.push(tsc());
    } else {
      checks.push(tsc());
      builds.push(build());
    }
  }
  const buildFigures = {
    wallMs: median(builds.map((b) => b.wallMs)),
    cpuMs: median(builds.map((b) => b.cpuMs)),
    loadMs: median(builds.map((b) => b.loadMs)),
    loadCpuMs: median(builds.map((b) => b.loadCpuMs)),
    buildMs: median(builds.map((b) => b.buildMs)),
    buildCpuMs: median(builds.map((b) => b.buildCpuMs)),
  };
  const tscFigures = {
    wallMs: median(checks.map((c) => c.wallMs)),
    cpuMs: median(checks.map((c) => c.cpuMs)),
  };
  return {
    runsEach: RUNS,
    build: buildFigures,
    tsc: tscFigures,
    ratio: { wall: buildFigures.wallMs / tscFigures.wallMs, cpu: buildFigures.cpuMs / tscFigures.cpuMs },
  };
}
