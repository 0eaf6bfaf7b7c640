// The build as `npm run build` runs it, writing to the given file instead of dist/ (the bench must not touch dist/).
//   node -r ./scripts/register-ts.js bench/compiler/build-child.ts OUT_FILE
// Prints JSON: the wall and CPU time the process took to be ready (Node start, loading the compiler) and to build.
import { performance } from "perf_hooks";
import { buildScript } from "../../src/cli/build-script";

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
  const result = buildScript({ outFile });
  const buildMs = performance.now() - loadedMs;
  const buildCpu = process.cpuUsage(loadedCpu);
  if (!result.ok) {
    process.stderr.write(result.diagnostics.join("\n") + "\n");
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
