// npm run scenarios -- [--challenge] FILE...: runs scenario files against the TypeScript flow and dist/GamatechRopc.py in
// Jython (with --challenge: the challenge handler and dist/GamatechAuthzChallenge.py, through the strict translation of
// test/conformance/challenge-wire.ts) and prints a per-step table for each. Exits 1 when a scenario fails on either side or
// the sides disagree.
import * as path from "path";
import { closeJythonConformance, JythonConformance } from "../test/conformance/jython-side";
import { runOnNode } from "../test/conformance/node-side";
import { loadScenario } from "../test/conformance/scenario";
import { judge, judgeChallenge, table } from "../test/conformance/verdict";

async function main(argv: string[]): Promise<number> {
  const challenge = argv.includes("--challenge");
  const files = argv.filter((arg) => arg !== "--challenge");
  if (files.length === 0 || files.some((file) => file.startsWith("--"))) {
    process.stderr.write("usage: npm run scenarios -- [--challenge] SCENARIO.json...\n");
    return 2;
  }
  const jython = JythonConformance.start();
  let failures = 0;
  try {
    for (const file of files) {
      const scenario = loadScenario(path.resolve(file));
      const ropc = await runOnNode(scenario);
      const verdicts = challenge
        ? judgeChallenge(
            scenario,
            ropc,
            await runOnNode(scenario, "challenge"),
            await jython.run(scenario, "challenge"),
          )
        : judge(scenario, ropc, await jython.run(scenario));
      const failed = verdicts.some((verdict) => verdict.problems.length > 0);
      if (failed) failures += 1;
      const shown = table(scenario, verdicts, challenge ? "challenge" : "ropc");
      process.stdout.write(`${shown}\n${failed ? "FAILED" : "passed"}: ${file}\n\n`);
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
