// Section 3 alone, for comparing builds of the script: each given script runs in turn, interleaved with the 2FA sample
// in its own Jython process, at the --quick size (1,000 logins of warm-up, then 1,000). Prints one line per script and
// records nothing. Build each script first, e.g. with an older compiler:
//   node -r ./scripts/register-ts.js bench/compiler/build-child.ts /tmp/before.py
//   node -r ./scripts/register-ts.js bench/compare-steps.ts /tmp/before.py /tmp/after.py /tmp/before.py /tmp/after.py
// Compare runs made close together: a login's cost also grows with the logins before it (send slots fill up).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { benchJythonSteps } from "./jython-steps";
import type { SubjectSteps } from "./results";
import { buildSampleDoubles } from "./sample-world";

const STEPS = ["start", "code", "password", "all"] as const;

function cpuMedians(subject: SubjectSteps): string {
  return STEPS.map((step) => (subject.steps[step]?.cpu.medianUs ?? NaN).toFixed(0)).join(" / ");
}

function main(scripts: readonly string[]): void {
  if (scripts.length === 0) throw new Error("usage: bench/compare-steps.ts SCRIPT.py [SCRIPT.py...]");
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "gamatech-compare-"));
  try {
    const sampleJar = buildSampleDoubles(work);
    for (const script of scripts) {
      const run = benchJythonSteps(path.resolve(script), sampleJar, true);
      const load = run.loadAverage.end.map((l) => l.toFixed(1)).join(" ");
      process.stdout.write(
        `${script}: CPU medians start / code / password / all, µs: ours ${cpuMedians(run.ours)}, ` +
          `sample ${cpuMedians(run.sample)}; all-steps ratio ${(run.ratio.cpu.all ?? NaN).toFixed(1)}; load ${load}\n`,
      );
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
