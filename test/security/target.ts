// What an attack suite needs from the thing under attack. The TypeScript flow implements it in flow-target.ts; the conformance
// runner can implement it for dist/GamatechRopc.py in Jython, and every suite in suites/ then runs unchanged against both.

import type { TestUser } from "../flow/doubles/ports";

export type { TestUser };

/** One token request as the host hands it to the script. */
export interface AttackRequest {
  /** Every value of every parameter, as the servlet request has them. */
  params: Record<string, string[]>;
  clientId: string;
  ipAddress: string;
  /** The cluster node that handles it (0 when absent); all nodes share the stores and the SMS provider. */
  node?: number;
}

export interface AttackAnswer {
  /** The response header's value, or null when the script set none. */
  header: string | null;
  headerName: string | null;
  /** The user handed to setUser, i.e. a token was issued; null otherwise. */
  grantedUserId: string | null;
  /** The message of an exception that escaped the script's entry point; null when none did. */
  escaped: string | null;
}

/** A message the provider accepted: an SMS, or a Twilio Verify start (body ""). */
export interface SentMessage {
  to: string;
  body: string;
}

export type StoreName = "sessions" | "counters";

export type Fault =
  /** The provider answers with this Twilio error code (the SDK's ApiException). */
  | { kind: "provider-refuses"; errorCode: number }
  /** The provider call throws: a timeout, a connection failure, an unexpected runtime exception. */
  | { kind: "provider-throws"; message: string }
  /** One method of a shared store throws. */
  | { kind: "store-throws"; store: StoreName; method: string }
  /** The store answers null to every read, as after an eviction or a cache restart. */
  | { kind: "store-forgets"; store: StoreName }
  | { kind: "directory-throws" }
  | { kind: "passwords-throw" }
  | { kind: "log-throws" }
  /**
   * The next request on `node` reads both stores as they are now, whatever other nodes write meanwhile, and its own writes land:
   * two nodes that both read before either wrote (a lost update).
   */
  | { kind: "stale-reads"; node: number };

export interface Target {
  request(request: AttackRequest): AttackAnswer;
  /** Every message accepted by the provider so far, oldest first. */
  messages(): SentMessage[];
  advanceSeconds(seconds: number): void;
  /** Every log line written so far. */
  logLines(): string[];
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Sessions alive in the shared store: what a later request could still use. */
  liveSessions(): number;
}

export interface TargetSetup {
  users: TestUser[];
  /** The script's custom properties; null leaves one out. */
  properties: Record<string, string | null>;
}

export type TargetFactory = (setup: TargetSetup) => Target;

/** The header's pairs; an absent header gives {}. */
export function headerFields(answer: AttackAnswer): Record<string, string> {
  const out: Record<string, string> = {};
  if (answer.header === null) {
    return out;
  }
  for (const part of answer.header.split(";")) {
    const at = part.indexOf("=");
    out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}
