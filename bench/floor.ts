// The floor under our script's steps (bench/jython/floor_bench.py): the Java calls each step makes, counted on one login,
// each timed alone in the bench's world and summed, and the Python functions each step calls, beside both scripts' whole
// steps in the same process.
//   node -r ./scripts/register-ts.js bench/floor.ts [SCRIPT.py] [--warmup N] [--logins N]
// Without a script it measures dist/GamatechRopc.py. Prints a Markdown table; writes nothing.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { countOption } from "./count-option";
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

function main(argv: string[]): void {
  const warmup = countOption(argv, "--warmup", 2000, USAGE);
  const logins = countOption(argv, "--logins", 2000, USAGE);
  if (argv.length > 1 || argv.some((arg) => arg.startsWith("--"))) throw new Error(USAGE);
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
