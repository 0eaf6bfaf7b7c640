// Section 3 alone, for comparing builds of the script close together without touching results.json or BENCHMARKS.md:
//   node -r ./scripts/register-ts.js bench/steps-only.ts SCRIPT.py... [--logins N] [--warmup N]
// Each script runs in its own Jython process against the 2FA sample (bench/jython/step_bench.py), one after the other, and
// its per-step CPU medians (calling thread) are printed beside the sample's of the same process: on a loaded machine, the
// ratio to the sample of the same run is the figure that compares.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { countOption } from "./count-option";
import { figures, runBenchDriver } from "./jython-steps";
import { buildSampleDoubles, SAMPLE_SCRIPT } from "./sample-world";

const STEPS = ["start", "code", "password"] as const;
const USAGE = "usage: bench/steps-only.ts SCRIPT.py... [--logins N] [--warmup N]";

interface CallSamples {
  wallNs: number[];
  cpuNs: number[];
}
type Samples = Record<"ours" | "sample", Record<string, CallSamples>>;

function main(argv: string[]): void {
  const logins = countOption(argv, "--logins", 1000, USAGE);
  const warmup = countOption(argv, "--warmup", 1000, USAGE);
  if (argv.length === 0) throw new Error(USAGE);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-steps-"));
  try {
    const jar = buildSampleDoubles(work);
    for (const script of argv) {
      const load = os.loadavg()[0]!.toFixed(1);
      const args = [path.resolve(script), SAMPLE_SCRIPT, String(warmup), String(logins), "50"];
      const { output } = runBenchDriver<{ samples: Samples }>(jar, "step_bench.py", args);
      const cells = STEPS.map((step) => {
        const ours = figures(output.samples.ours[step]!.cpuNs).medianUs;
        const sample = figures(output.samples.sample[step]!.cpuNs).medianUs;
        return `${step} ${ours.toFixed(0)} µs (sample ${sample.toFixed(0)}, ×${(ours / sample).toFixed(1)})`;
      });
      process.stdout.write(`${script} (load ${load}, ${logins} logins): ${cells.join("; ")}\n`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
