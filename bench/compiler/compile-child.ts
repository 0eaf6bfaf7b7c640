// Compiles one generated guest program in a fresh process, so its peak memory is the compiler's alone.
//   node -r ./scripts/register-ts.js bench/compiler/compile-child.ts ROOT ENTRY
// Prints JSON: the compile call's wall and CPU time, the process's peak resident set and the size of the output.
import { performance } from "perf_hooks";
import { compile, formatDiagnostic } from "../../src/compiler";

export interface CompileChildReport {
  compileMs: number;
  compileCpuMs: number;
  peakRssBytes: number;
  pythonLines: number;
}

function main(root: string, entry: string): void {
  const started = performance.now();
  const startedCpu = process.cpuUsage();
  const result = compile([entry], { root });
  const compileMs = performance.now() - started;
  const cpu = process.cpuUsage(startedCpu);
  if (result.diagnostics.length > 0) {
    process.stderr.write(result.diagnostics.slice(0, 20).map(formatDiagnostic).join("\n") + "\n");
    process.exitCode = 1;
    return;
  }
  const report: CompileChildReport = {
    compileMs,
    compileCpuMs: (cpu.user + cpu.system) / 1000,
    // resourceUsage reports kilobytes.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    pythonLines: result.python.split("\n").length,
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

main(process.argv[2] ?? "", process.argv[3] ?? "");
