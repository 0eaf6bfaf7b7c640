// npm run bench [-- --quick]: measures the build, the compiler's scaling, the script's per-request cost in Jython and the
// test suites; writes bench/results.json and the figures block of BENCHMARKS.md, and prints the table.
// --quick skips the test suites, the slowest part, and only prints. Nothing here asserts a speed: the targets are
// reported, not enforced.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { updateBenchmarksMd } from "./benchmarks-md";
import { benchBuildVsTsc } from "./build-vs-tsc";
import { figureRows } from "./figures";
import { benchJythonSteps } from "./jython-steps";
import { describeMachine } from "./machine";
import { consoleTable, markdownBlock } from "./render";
import type { Results } from "./results";
import { benchScaling } from "./scaling";
import { benchTestSuites } from "./test-suites";

const PROJECT_ROOT = path.resolve(__dirname, "..");
const RESULTS_FILE = path.join(__dirname, "results.json");
const BENCHMARKS_MD = path.join(PROJECT_ROOT, "BENCHMARKS.md");

function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(argv: readonly string[]): Promise<void> {
  const unknown = argv.filter((arg) => arg !== "--quick");
  if (unknown.length > 0) {
    process.stderr.write(`unknown argument ${unknown.join(" ")}; usage: npm run bench [-- --quick]\n`);
    process.exitCode = 2;
    return;
  }
  const quick = argv.includes("--quick");
  const started = Date.now();
  const loadStart = os.loadavg();
  const machine = describeMachine();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-bench-"));
  try {
    const builtScript = path.join(work, "GamatechRopc.py");
    progress("1/4 build vs tsc");
    const buildVsTsc = benchBuildVsTsc(builtScript);
    progress("2/4 compiler scaling");
    const scaling = benchScaling();
    progress("3/4 the script in Jython");
    const jython = benchJythonSteps(builtScript);
    progress(quick ? "4/4 test suites: skipped (--quick)" : "4/4 test suites");
    const tests = quick ? null : benchTestSuites();
    const results: Results = {
      startedAt: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      quick,
      loadAverage: { start: loadStart, end: os.loadavg() },
      machine,
      buildVsTsc,
      scaling,
      jython,
      tests,
    };
    const rows = figureRows(results);
    // A quick run is a check: the record (results.json and BENCHMARKS.md) only ever holds complete runs.
    if (!quick) {
      fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
      await updateBenchmarksMd(BENCHMARKS_MD, markdownBlock(results, rows));
    }
    process.stdout.write(consoleTable(results, rows));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
