// The build as `npm run build` runs it (both scripts, from one program), writing the ROPC script to the given file and the
// challenge script beside it instead of dist/ (the bench must not touch dist/).
//   node -r ./scripts/register-ts.js bench/compiler/build-child.ts OUT_FILE
// Prints JSON: the wall and CPU time the process took to be ready (Node start, loading the compiler) and to build.
import { performance } from "perf_hooks";
import { buildScripts } from "../../src/cli/build-script";

export interface BuildChildReport {
  /** From the process's start to the build's start: Node, and transpiling and loading the compiler. */
  loadMs: number;
  loadCpuMs: number;
  buildMs: number;
  buildCpuMs: number;
}

function main(outFile: string): void {
  const loadedMs = performance.now();
  const loadedCpu = process.cpuUsage();
  const results = buildScripts({ ropcFile: outFile });
  const buildMs = performance.now() - loadedMs;
  const buildCpu = process.cpuUsage(loadedCpu);
  const failed = results.filter((result) => !result.ok);
  if (failed.length > 0) {
    process.stderr.write(failed.flatMap((result) => result.diagnostics).join("\n") + "\n");
    process.exitCode = 1;
    return;
  }
  const report: BuildChildReport = {
    loadMs: loadedMs,
    loadCpuMs: (loadedCpu.user + loadedCpu.system) / 1000,
    buildMs,
    buildCpuMs: (buildCpu.user + buildCpu.system) / 1000,
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

main(process.argv[2] ?? "");
