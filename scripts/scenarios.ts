// npm run scenarios -- FILE...: runs scenario files against the TypeScript flow and dist/GamatechRopc.py in Jython and
// prints a per-step table for each. Exits 1 when a scenario fails on either side or the sides disagree.
import * as path from "path";
import { closeJythonConformance, JythonConformance } from "../test/conformance/jython-side";
import { runOnNode } from "../test/conformance/node-side";
import { loadScenario } from "../test/conformance/scenario";
import { judge, table } from "../test/conformance/verdict";

async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write("usage: npm run scenarios -- SCENARIO.json...\n");
    return 2;
  }
  const jython = JythonConformance.start();
  let failures = 0;
  try {
    for (const file of files) {
      const scenario = loadScenario(path.resolve(file));
      const verdicts = judge(scenario, await runOnNode(scenario), await jython.run(scenario));
      const failed = verdicts.some((verdict) => verdict.problems.length > 0);
      if (failed) failures += 1;
      process.stdout.write(`${table(scenario, verdicts)}\n${failed ? "FAILED" : "passed"}: ${file}\n\n`);
    }
  } finally {
    closeJythonConformance();
  }
  process.stdout.write(`${files.length - failures} passed, ${failures} failed\n`);
  return failures === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
