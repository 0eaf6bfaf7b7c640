// npm run bench [-- --quick | --jython]: measures the build, the compiler's scaling, the script's per-request cost and
// throughput in Jython against Janssen's 2FA sample, and the test suites; writes bench/results.json and the figures block
// of BENCHMARKS.md, and prints the table. --quick skips the test suites, shortens the Jython runs and only prints;
// --jython reruns only the Jython sections at full size and records them beside the last run's other sections.
// Nothing here asserts a speed: the targets are reported, not enforced.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { updateBenchmarksMd } from "./benchmarks-md";
import { benchBuildVsTsc } from "./build-vs-tsc";
import { runChild } from "./child";
import { figureRows } from "./figures";
import { benchJythonSteps } from "./jython-steps";
import { buildSampleDoubles } from "./sample-world";
import { benchThroughput } from "./throughput";
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

const USAGE = "usage: npm run bench [-- --quick | --jython]";

async function main(argv: readonly string[]): Promise<void> {
  const modes = argv.filter((arg) => arg === "--quick" || arg === "--jython");
  if (modes.length !== argv.length || modes.length > 1) {
    process.stderr.write(`unexpected arguments ${argv.join(" ")}; ${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const quick = argv.includes("--quick");
  const jythonOnly = argv.includes("--jython");
  const started = Date.now();
  const loadStart = os.loadavg();
  const machine = describeMachine();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-bench-"));
  try {
    const builtScript = path.join(work, "GamatechRopc.py");
    let sections: Pick<Results, "buildVsTsc" | "scaling" | "tests">;
    if (jythonOnly) {
      progress("1-2/4 skipped (--jython): one build of the script");
      buildOnce(builtScript);
      sections = previousResults();
    } else {
      progress("1/4 build vs tsc");
      const buildVsTsc = benchBuildVsTsc(builtScript);
      progress("2/4 compiler scaling");
      sections = { buildVsTsc, scaling: benchScaling(), tests: null };
    }
    const sampleJar = buildSampleDoubles(work);
    progress("3/4 the script in Jython, against the 2FA sample");
    const jython = benchJythonSteps(builtScript, sampleJar, quick);
    progress("3/4 throughput with parallel clients, against the 2FA sample");
    const throughput = benchThroughput(builtScript, sampleJar, quick);
    if (!jythonOnly) {
      progress(quick ? "4/4 test suites: skipped (--quick)" : "4/4 test suites");
      sections.tests = quick ? null : benchTestSuites();
    }
    const results: Results = {
      startedAt: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      quick,
      ...(jythonOnly ? { jythonOnly: true } : {}),
      loadAverage: { start: loadStart, end: os.loadavg() },
      machine,
      ...sections,
      jython,
      throughput,
    };
    const rows = figureRows(results);
    // A quick run is a check: the record (results.json and BENCHMARKS.md) only ever holds full-size figures.
    if (!quick) {
      fs.writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
      await updateBenchmarksMd(BENCHMARKS_MD, markdownBlock(results, rows));
    }
    process.stdout.write(consoleTable(results, rows));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** --jython keeps sections 1, 2 and 4 of the last recorded run: rerunning the Jython sections leaves them as they were. */
function previousResults(): Pick<Results, "buildVsTsc" | "scaling" | "tests"> {
  const previous = JSON.parse(fs.readFileSync(RESULTS_FILE, "utf8")) as Results;
  return { buildVsTsc: previous.buildVsTsc, scaling: previous.scaling, tests: previous.tests };
}

function buildOnce(outFile: string): void {
  runChild(process.execPath, ["-r", "./scripts/register-ts.js", "bench/compiler/build-child.ts", outFile], {
    cwd: PROJECT_ROOT,
  });
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
