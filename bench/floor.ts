// The floor under our script's steps (bench/jython/floor_bench.py): the Java calls each step makes, counted on one login,
// each timed alone in the bench's world and summed, and the Python functions each step calls, beside both scripts' whole
// steps in the same process.
//   node -r ./scripts/register-ts.js bench/floor.ts [SCRIPT.py] [--warmup N] [--logins N]
// Without a script it measures dist/GamatechRopc.py. Prints a Markdown table; writes nothing.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runBenchDriver } from "./jython-steps";
import { buildSampleDoubles, SAMPLE_SCRIPT } from "./sample-world";

const STEPS = ["start", "code", "password"] as const;
const USAGE = "usage: bench/floor.ts [SCRIPT.py] [--warmup N] [--logins N]";

interface FloorOutput {
  counts: Record<string, Record<string, number>>;
  costsNs: Record<string, number>;
  medianNs: Record<"ours" | "sample", Record<string, number>>;
  samplePythonCalls: Record<string, number>;
}

const PYTHON_CALL = "Python call";

function option(argv: string[], name: string, fallback: number): number {
  const at = argv.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(USAGE);
  argv.splice(at, 2);
  return value;
}

function main(argv: string[]): void {
  const warmup = option(argv, "--warmup", 2000);
  const logins = option(argv, "--logins", 2000);
  if (argv.length > 1) throw new Error(USAGE);
  const script = path.resolve(argv[0] ?? path.join(__dirname, "..", "dist", "GamatechRopc.py"));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-floor-"));
  try {
    const load = os.loadavg()[0]!.toFixed(1);
    const jar = buildSampleDoubles(work);
    const args = [script, SAMPLE_SCRIPT, String(warmup), String(logins)];
    const { output } = runBenchDriver<FloorOutput>(jar, "floor_bench.py", args);
    const us = (ns: number) => (ns / 1000).toFixed(1);
    const calls = Object.keys(output.costsNs);
    const lines = [
      `load ${load} → ${os.loadavg()[0]!.toFixed(1)}; ${warmup} logins of warm-up each, medians over ${logins} logins each`,
      "",
      `| call | alone, µs | ${STEPS.join(" | ")} |`,
      `| --- | --- | ${STEPS.map(() => "---").join(" | ")} |`,
      ...calls.map(
        (call) =>
          `| ${call} | ${us(output.costsNs[call]!)} | ${STEPS.map((s) => output.counts[s]?.[call] ?? 0).join(" | ")} |`,
      ),
    ];
    const sum = (step: string, included: readonly string[]) =>
      included.reduce((total, call) => total + (output.counts[step]?.[call] ?? 0) * output.costsNs[call]!, 0);
    const javaCalls = calls.filter((call) => call !== PYTHON_CALL);
    const row = (label: string, cells: readonly string[]) => `| ${label} | | ${cells.join(" | ")} |`;
    lines.push(
      row(
        "**floor: the Java calls**, µs",
        STEPS.map((step) => us(sum(step, javaCalls))),
      ),
      row(
        "floor with every Python call at its least, µs",
        STEPS.map((step) => us(sum(step, calls))),
      ),
      row(
        "the sample's Python calls",
        STEPS.map((step) => String(output.samplePythonCalls[step])),
      ),
      row(
        "our whole step (median), µs",
        STEPS.map((step) => us(output.medianNs.ours[step]!)),
      ),
      row(
        "the sample's whole step (median), µs",
        STEPS.map((step) => us(output.medianNs.sample[step]!)),
      ),
      row(
        "3× the sample's step (the target), µs",
        STEPS.map((step) => us(3 * output.medianNs.sample[step]!)),
      ),
    );
    process.stdout.write(lines.join("\n") + "\n");
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
