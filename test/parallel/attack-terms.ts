// What an attack is described by: its name, its setup, the limits it meets and the figures it returns. Kept apart from
// attacks.ts so that the files holding the attacks' runs can use these without importing the file that combines them.

import type { Backend, ParallelWorld } from "./parallel-world";

/**
 * The properties the attacks meet: the defaults (src/flow/config-table.ts), but for max_password_failures_per_ip_per_hour,
 * which the world sets (parallel-world.ts PROPERTIES) below its default of 100 so that a burst of K = 50 exceeds it.
 */
export const LIMITS = {
  codes: 5,
  passwords: 3,
  smsPerUser: 5,
  smsPerIp: 20,
  smsPerSession: 3,
  resendCooldownSeconds: 60,
  failuresPerUser: 10,
  passwordFailuresPerIp: 20,
} as const;

export type AttackName =
  | "wrong-codes"
  | "right-code-among-many"
  | "one-user-many-addresses"
  | "many-users-one-address"
  | "resends"
  | "wrong-passwords"
  | "right-password-among-many"
  | "password-first-wrong-passwords"
  | "password-first-right-among-many"
  | "password-first-spraying";

export const ATTACKS: readonly AttackName[] = [
  "wrong-codes",
  "right-code-among-many",
  "one-user-many-addresses",
  "many-users-one-address",
  "resends",
  "wrong-passwords",
  "right-password-among-many",
  "password-first-wrong-passwords",
  "password-first-right-among-many",
  "password-first-spraying",
];

export interface AttackSetup {
  /** Requests released together (per session for right-code-among-many; per burst for resends). */
  k: number;
  /** Round trip of every store operation, real ms. */
  latencyMs: number;
  /** Script instances sharing the store; requests alternate between them. */
  nodes: 1 | 2;
  /** right-code-among-many: sessions tried, each its own user; default 10. */
  sessions?: number;
}

export interface AttackResult {
  attack: AttackName;
  k: number;
  latencyMs: number;
  nodes: number;
  /** in-memory: the world's own map (IN_MEMORY, per-node claims); redis: a real redis-server (atomic claims). */
  backend: Backend;
  /** Guesses the script judged (see evaluatedOf), the worst session for right-code-among-many; null for SMS attacks. */
  evaluated: number | null;
  /** The limit those guesses are held to (max_otp_attempts / max_password_attempts), or the SMS cap. */
  limit: number;
  /** SMS sent (Twilio accepted the message) during the attack; null where no SMS is at stake. */
  sms: number | null;
  /** Wrong-guess attacks: whether the right code / password afterwards still gave a token. Among-many: how often it passed. */
  rightAccepted: string;
  /** Tokens issued during the attack. */
  tokens: number;
  /** Answers by error name (or "proceed" / "granted"), over all the attack's parallel requests. */
  answers: Record<string, number>;
  /** resends: SMS per burst (the cooldown allows one per burst); right-code-among-many: evaluated per session. */
  perRound: number[];
  /** Real time of the whole attack, ms. */
  elapsedMs: number;
}

/** The figures an attack's run measures; runAttack adds the setup and the elapsed time. */
export type Run = Omit<AttackResult, "attack" | "k" | "latencyMs" | "nodes" | "backend" | "elapsedMs">;

export type AttackRun = (world: ParallelWorld, setup: AttackSetup) => Promise<Run>;
