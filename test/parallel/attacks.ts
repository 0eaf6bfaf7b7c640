// Attacks released all at once: K requests on K real Java threads in Jython (the driver's `parallel` command) against
// dist/GamatechRopc.py, the store answering after a configurable round trip, on one or two script instances (cluster
// nodes) sharing the world's in-memory store. Each attack returns the numbers issue 12 and SECURITY.md quote; the
// parallel suite asserts them and scripts/parallel-figures.ts prints them. Defaults throughout: 5 codes, 3 passwords, 5 SMS
// per user and 20 per IP per hour, 3 per session, a resend every 60 s, 10 failures per login value per hour. The
// password-first attacks run on instances initialised with login_order=password_first, where the password is checked at
// step 1 before any session exists: the per-login failure limit (the lockout) is then the only one a password guess meets.
// With `script: "challenge"` the same attacks run against dist/GamatechAuthzChallenge.py: each request, written in the ROPC
// wire's terms, is sent as test/conformance/challenge-wire.ts translates it, and each JSON answer (reply.http) is read
// back into the ROPC header's vocabulary (fields, answerOf in replies.ts); an answer outside the challenge spec throws.
// The runs are kept by family in code-runs.ts, sms-runs.ts and password-runs.ts, the world they run in in
// parallel-world.ts; this file combines them and re-exports what the suites and scripts/parallel-figures.ts import.

import type { AttackName, AttackResult, AttackRun, AttackSetup } from "./attack-terms";
import type { ParallelWorld } from "./parallel-world";
import { CODE_RUNS } from "./code-runs";
import { PASSWORD_RUNS } from "./password-runs";
import { SMS_RUNS } from "./sms-runs";

export { ATTACKS, LIMITS } from "./attack-terms";
export type { AttackName, AttackResult, AttackSetup } from "./attack-terms";
export { ParallelWorld } from "./parallel-world";
export type { Backend } from "./parallel-world";

const ATTACK_RUNS: Record<AttackName, AttackRun> = { ...CODE_RUNS, ...SMS_RUNS, ...PASSWORD_RUNS };

export async function runAttack(
  world: ParallelWorld,
  attack: AttackName,
  setup: AttackSetup,
): Promise<AttackResult> {
  const began = Date.now();
  const run = await ATTACK_RUNS[attack](world, setup);
  return {
    attack,
    k: setup.k,
    latencyMs: setup.latencyMs,
    nodes: setup.nodes,
    backend: world.backend,
    ...run,
    elapsedMs: Date.now() - began,
  };
}
