// Decides whether a scenario passed: each side meets the expectations, the sides agree, and nothing leaked or escaped.

import type { StepObservation } from "./observation";
import type { Scenario, StepExpectation } from "./scenario";

export interface StepVerdict {
  index: number;
  node: StepObservation | null;
  jython: StepObservation | null;
  problems: string[];
}

const EXPECTED_FIELDS: [keyof StepExpectation, keyof StepObservation][] = [
  ["status", "status"],
  ["errorCode", "errorCode"],
  ["nextStep", "nextStep"],
  ["attemptsLeft", "attemptsLeft"],
  ["retryAfter", "retryAfter"],
  ["codeLength", "codeLength"],
  ["expiresIn", "expiresIn"],
  ["smsSent", "smsSent"],
  ["smsTexts", "smsTexts"],
  ["limit", "limit"],
  ["tokenUser", "tokenUser"],
];

function meets(side: string, observed: StepObservation, expected: StepExpectation): string[] {
  const problems: string[] = [];
  for (const [expectedField, observedField] of EXPECTED_FIELDS) {
    const want = expected[expectedField];
    if (want !== undefined && JSON.stringify(observed[observedField]) !== JSON.stringify(want)) {
      problems.push(
        `${side}: ${expectedField} is ${JSON.stringify(observed[observedField])}, expected ${JSON.stringify(want)}`,
      );
    }
  }
  if (observed.leaks.length > 0) problems.push(`${side}: leaked ${observed.leaks.join(", ")}`);
  if (observed.escaped !== null) problems.push(`${side}: exception escaped: ${observed.escaped}`);
  return problems;
}

/** Compares every field but `except`: an app must not be able to tell which side answered. */
function disagreements(
  node: StepObservation,
  jython: StepObservation,
  names = ["node", "jython"],
  except: (keyof StepObservation)[] = [],
): string[] {
  const problems: string[] = [];
  for (const field of Object.keys(node) as (keyof StepObservation)[]) {
    if (except.includes(field)) continue;
    const left = JSON.stringify(node[field]);
    const right = JSON.stringify(jython[field]);
    if (left !== right)
      problems.push(`${names.join("/")} disagree on ${field}: ${names[0]} ${left}, ${names[1]} ${right}`);
  }
  return problems;
}

/**
 * An observation as it must be the same on both wires: the event line without `event=` and `detail=`, which name how the
 * wire's request was read (the ROPC app names its step, the challenge's step comes from the session, so a session that
 * is gone reads as a code; and the invalid_request reasons name each wire's parameters). Every other field of the line
 * (outcome, error code, user, client, ip, session, phone, login, limit) must be equal.
 */
function acrossWires(observation: StepObservation): StepObservation {
  const line = observation.logLine;
  return {
    ...observation,
    logLine: line === null ? null : line.replace(/^event=\S+ /, "").replace(/ detail=.*$/, ""),
  };
}

/**
 * The challenge script's verdicts: both of its sides meet the step's expectations (an override's instead, where the
 * scenario gives one) and agree exactly; and each step observes what the ROPC script's flow (Node) observed, except the
 * answer's keys, which are each wire's own, and except steps with an override.
 */
export function judgeChallenge(
  scenario: Scenario,
  ropc: (StepObservation | null)[],
  node: (StepObservation | null)[],
  jython: (StepObservation | null)[],
): StepVerdict[] {
  return scenario.steps.map((step, index) => {
    const onNode = node[index] ?? null;
    const onJython = jython[index] ?? null;
    const onRopc = ropc[index] ?? null;
    const problems: string[] = [];
    const override = step.challenge;
    const sent = step.request !== undefined && override?.ropcOnly !== true;
    if (sent && (onNode === null || onJython === null)) problems.push("no challenge observation");
    if (onNode !== null && onJython !== null) {
      const expected = override?.expect ?? step.expect ?? {};
      problems.push(...meets("node", onNode, expected), ...meets("jython", onJython, expected));
      problems.push(...disagreements(onNode, onJython));
      if (override === undefined && onRopc !== null) {
        problems.push(
          ...disagreements(acrossWires(onRopc), acrossWires(onNode), ["ropc", "challenge"], ["answerKeys"]),
        );
      }
    }
    return { index, node: onNode, jython: onJython, problems };
  });
}

export function judge(
  scenario: Scenario,
  node: (StepObservation | null)[],
  jython: (StepObservation | null)[],
): StepVerdict[] {
  return scenario.steps.map((step, index) => {
    const onNode = node[index] ?? null;
    const onJython = jython[index] ?? null;
    const problems: string[] = [];
    if (onNode !== null && onJython !== null) {
      const expected = step.expect ?? {};
      problems.push(...meets("node", onNode, expected), ...meets("jython", onJython, expected));
      problems.push(...disagreements(onNode, onJython));
    }
    return { index, node: onNode, jython: onJython, problems };
  });
}

function describe(observation: StepObservation | null): string {
  if (observation === null) return "";
  const parts = [observation.status];
  if (observation.errorCode !== null) parts.push(String(observation.errorCode));
  if (observation.nextStep !== null) parts.push(`step ${observation.nextStep}`);
  if (observation.attemptsLeft !== null) parts.push(`left ${observation.attemptsLeft}`);
  if (observation.smsSent > 0) parts.push(`sms ${observation.smsSent}`);
  if (observation.tokenUser !== null) parts.push(`token ${observation.tokenUser}`);
  return parts.join(" ");
}

function action(step: Scenario["steps"][number]): string {
  if (step.request !== undefined) {
    const marked =
      step.challenge === undefined ? "" : step.challenge.ropcOnly === true ? " (ropc only)" : " (override)";
    const stepParam = step.request.params.__step;
    const shown = Array.isArray(stepParam) ? stepParam.join("+") : (stepParam ?? "-");
    return `__step=${shown}${step.request.node === undefined ? "" : ` @${step.request.node}`}${marked}`;
  }
  if (step.advanceSeconds !== undefined) return `clock +${step.advanceSeconds}s`;
  if (step.fault !== undefined) return `fault ${step.fault.kind}`;
  return "clear faults";
}

/** A per-step table, for `npm run scenarios` and for failure messages. */
export function table(scenario: Scenario, verdicts: StepVerdict[], wire = "ropc"): string {
  const rows = verdicts.map((verdict) => [
    String(verdict.index + 1),
    action(scenario.steps[verdict.index] ?? {}),
    describe(verdict.node),
    describe(verdict.jython),
    verdict.problems.length === 0 ? "ok" : verdict.problems.join(" | "),
  ]);
  const all = [["#", "action", `node (TypeScript, ${wire})`, `jython (dist, ${wire})`, "verdict"], ...rows];
  const widths = all[0]!.map((_, column) => Math.max(...all.map((row) => (row[column] ?? "").length)));
  const lines = all.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd(),
  );
  return [`${scenario.name}`, ...lines].join("\n");
}
