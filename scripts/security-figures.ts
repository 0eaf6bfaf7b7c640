// Prints the figures SECURITY.md quotes, each measured here through the same suites, targets, seeds and run counts as the tests:
//   node -r ./scripts/register-ts.js scripts/security-figures.ts
// The mutation score is read from the last `npm run mutation` (reports/stryker-incremental.json).

import { existsSync, readdirSync, readFileSync } from "fs";
import fc from "fast-check";
import { flowTarget } from "../test/security/flow-target";
import {
  codeGuessesPerHour,
  codeGuessesPerSession,
  codeGuessesUnderLostUpdates,
  passwordGuessesPerSession,
} from "../test/security/suites/brute-force";
import { faultCatalogue, strike, STRUCK_STEPS } from "../test/security/suites/faults";
import { runCorpus } from "../test/security/suites/hostile";
import { PUMPING_LIMITS, PUMPING_PLANS, runPumping } from "../test/security/suites/pumping";
import {
  FAULTS,
  PROVIDER_FAULTS,
  reached,
  RUNS,
  SEED,
  sequences,
  violations,
} from "../test/security/sequences";

function line(label: string, value: string): void {
  console.log(`${label.padEnd(58)} ${value}`);
}

function bruteForce(): void {
  console.log("Brute force (S4): evaluated guesses against the configured limit");
  for (const limit of [1, 5, 10]) {
    const result = codeGuessesPerSession(flowTarget, limit);
    line(
      `  wrong codes per session, max_otp_attempts=${limit}`,
      `${result.accepted}; right code after: ${result.rightCodeAfter}`,
    );
  }
  for (const limit of [1, 3, 10]) {
    const result = passwordGuessesPerSession(flowTarget, limit);
    line(
      `  wrong passwords per session, max_password_attempts=${limit}`,
      `${result.accepted}; right password after: ${result.rightCodeAfter}`,
    );
  }
  for (const limit of [3, 10, 17]) {
    const result = codeGuessesPerHour(flowTarget, limit);
    line(
      `  wrong codes per login per hour, limit=${limit}`,
      `${result.accepted}; right code when locked: ${result.rightCodeWhenLocked}`,
    );
  }
  const raced = codeGuessesUnderLostUpdates(flowTarget, 5);
  line(
    "  wrong codes per session, 2 nodes losing every update, limit=5",
    `${raced.accepted}; right code after: ${raced.rightCodeAfter}`,
  );
}

function pumping(): void {
  console.log(`SMS pumping (S8), one hour, limits ${JSON.stringify(PUMPING_LIMITS)}`);
  for (const plan of Object.keys(PUMPING_PLANS)) {
    const result = runPumping(flowTarget, plan);
    const most = (map: Map<string, number>) => Math.max(0, ...map.values());
    line(
      `  ${plan}`,
      `SMS ${result.total}; max per phone ${most(result.perPhone)}, per IP ${most(result.perIp)}, per session ` +
        `${most(result.perSession)}; shortest resend gap ${result.shortestResendGap} s`,
    );
  }
}

function corpus(): void {
  const result = runCorpus(flowTarget);
  console.log("Hostile input");
  line("  inputs in the corpus (test/security/hostile-inputs.ts)", String(result.inputs));
  line("  requests sent", String(result.requests));
  line("  requests that broke a rule", String(result.problems.length));
}

function faults(): void {
  const catalogue = faultCatalogue();
  let struck = 0;
  let failedClosed = 0;
  let problems = 0;
  for (const step of STRUCK_STEPS) {
    for (const fault of Object.values(catalogue)) {
      const run = strike(flowTarget, step, fault);
      struck += 1;
      failedClosed += run.failed ? 1 : 0;
      problems += run.problem === "" ? 0 : 1;
    }
  }
  console.log("Faults (S12)");
  line("  kinds of fault", String(Object.keys(catalogue).length));
  line("  (step, fault) cases struck", String(struck));
  line("  cases where the struck request answered an error", String(failedClosed));
  line("  cases with a token, an escaped exception or an exploitable leftover", String(problems));
}

function sequencesRun(): void {
  let failures = 0;
  const runs: [number, typeof FAULTS, number][] = [
    [RUNS.clean, PROVIDER_FAULTS, SEED],
    [RUNS.faulty, FAULTS, SEED + 1],
  ];
  for (const [numRuns, allowed, seed] of runs) {
    const result = fc.check(
      fc.property(sequences(allowed), (commands) => violations(commands).length === 0),
      { numRuns, seed },
    );
    failures += result.failed ? 1 : 0;
  }
  console.log("Property-based invariants (fast-check)");
  line("  random request sequences", String(RUNS.clean + RUNS.faulty));
  line(
    "  sequences that verified a code / got a token / met a limit",
    `${reached.verified} / ${reached.granted} / ${reached.refusedByLimit}`,
  );
  line("  properties that failed", String(failures));
}

interface MutantReport {
  files: Record<string, { mutants: { status: string }[] }>;
}

// The files `npm run mutation` mutates (stryker.config.mjs): every file of src/flow but the three without code.
const NOT_MUTATED = ["flow-types.ts", "index.ts", "ports.ts"];

function scoreOf(counts: Map<string, number>): { detected: number; valid: number; text: string } {
  const count = (status: string) => counts.get(status) ?? 0;
  const detected = count("Killed") + count("Timeout");
  const valid = detected + count("Survived") + count("NoCoverage");
  return {
    detected,
    valid,
    text: valid === 0 ? "no valid mutants" : `${((100 * detected) / valid).toFixed(2)} %`,
  };
}

function tally(mutants: { status: string }[], counts: Map<string, number>): void {
  for (const mutant of mutants) {
    counts.set(mutant.status, (counts.get(mutant.status) ?? 0) + 1);
  }
}

function mutation(): void {
  const path = "reports/stryker-incremental.json";
  console.log("Mutation testing (StrykerJS on src/flow)");
  if (!existsSync(path)) {
    line("  score", "not measured yet: run `npm run mutation`");
    return;
  }
  const report: MutantReport = JSON.parse(readFileSync(path, "utf8"));
  const counts = new Map<string, number>();
  const perFile: [string, string][] = [];
  for (const [name, file] of Object.entries(report.files)) {
    const fileCounts = new Map<string, number>();
    tally(file.mutants, fileCounts);
    tally(file.mutants, counts);
    const score = scoreOf(fileCounts);
    perFile.push([name.replace("src/flow/", ""), `${score.text} (${score.detected}/${score.valid})`]);
  }
  const expected = readdirSync("src/flow").filter(
    (name) => name.endsWith(".ts") && !NOT_MUTATED.includes(name),
  );
  const missing = expected.filter((name) => !perFile.some(([measured]) => measured === name));
  line(`  files mutated (${perFile.length} of ${expected.length})`, "per file below");
  line("  files not measured", missing.length === 0 ? "none" : missing.sort().join(", "));
  line("  mutants by status", JSON.stringify(Object.fromEntries([...counts].sort())));
  const score = scoreOf(counts);
  line(
    "  score (killed + timed out) / (valid mutants)",
    `${score.text} (${score.detected}/${score.valid})${missing.length === 0 ? "" : " of the measured files only"}`,
  );
  for (const [name, text] of perFile.sort((a, b) => a[0].localeCompare(b[0]))) {
    line(`    ${name}`, text);
  }
}

bruteForce();
pumping();
corpus();
faults();
sequencesRun();
mutation();
