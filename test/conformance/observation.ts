// What one step of a scenario showed, in a form both sides produce and that can be compared field by field.

import type { DecodedAnswer } from "./challenge-wire";

export interface StepObservation {
  /** proceed / error / abandoned from the answer, or none when the flow gave none (a grant). */
  status: string;
  errorCode: number | null;
  nextStep: number | null;
  attemptsLeft: number | null;
  retryAfter: number | null;
  /** The code_length of a start or resend answer. */
  codeLength: number | null;
  /** The expires_in of a proceed answer. */
  expiresIn: number | null;
  resendAfter: number | null;
  /** Whether the answer names a session. */
  hasSession: boolean;
  /** The answer's keys in order (the header's or the JSON body's): the shape an app (or an attacker) sees on its wire. */
  answerKeys: string[];
  /** The phone_number value, when the phone hint is on. */
  phoneHint: string | null;
  /** SMS and Verify sends this step made. */
  smsSent: number;
  /** The SMS texts this step sent, each code replaced by {code} (codes are random; the rest must agree). */
  smsTexts: string[];
  /** The user a token is issued for, or null. */
  tokenUser: string | null;
  /** The flow's event line from `event=` on, the session reference (random ids differ per side) as <ref>. */
  logLine: string | null;
  /** The limit= of that line. */
  limit: string | null;
  /** Names of the secrets found in a log line or the header (a code, a password, the auth token, a full phone). */
  leaks: string[];
  /** An exception that escaped the script (Jython) or the flow (Node): never expected. */
  escaped: string | null;
}

export function parseHeaderValue(value: string | null): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (value === null) return pairs;
  for (const part of value.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) pairs[part.slice(0, at)] = part.slice(at + 1);
  }
  return pairs;
}

function numberOrNull(text: string | undefined): number | null {
  return text === undefined ? null : Number(text);
}

/** The ROPC header in the vocabulary both wires are observed in. */
export function decodeRopc(header: string | null): DecodedAnswer {
  if (header === null) return { pairs: null, keys: [] };
  const pairs = parseHeaderValue(header);
  return { pairs, keys: Object.keys(pairs) };
}

export function observe(
  answer: DecodedAnswer,
  smsSent: number,
  smsTexts: string[],
  tokenUser: string | null,
  logLine: string | null,
  leaks: string[],
  escaped: string | null,
): StepObservation {
  const pairs = answer.pairs ?? {};
  return {
    status: answer.pairs === null ? "none" : (pairs.status ?? "malformed"),
    errorCode: numberOrNull(pairs.error_code),
    nextStep: numberOrNull(pairs.step),
    attemptsLeft: numberOrNull(pairs.attempts_left),
    retryAfter: numberOrNull(pairs.retry_after),
    codeLength: numberOrNull(pairs.code_length),
    expiresIn: numberOrNull(pairs.expires_in),
    resendAfter: numberOrNull(pairs.resend_after),
    hasSession: pairs.session_id !== undefined,
    answerKeys: answer.keys,
    phoneHint: pairs.phone_number ?? null,
    smsSent,
    smsTexts,
    tokenUser,
    logLine,
    limit: logLine === null ? null : (/ limit=(\S+)/.exec(logLine)?.[1] ?? null),
    leaks,
    escaped,
  };
}

/** The flow's one event line of a request (see formatEventLine), without what differs between sides by chance. */
export function eventLine(logs: readonly string[]): string | null {
  const line = logs.find((text) => text.includes("gamatech-ropc event="));
  if (line === undefined) return null;
  return line.slice(line.indexOf("event=")).replace(/ session=[0-9a-f]{12} /, " session=<ref> ");
}

/** The secrets a scenario knows about: none may appear in what the script writes or answers. */
export class SecretWatch {
  private readonly secrets = new Map<string, string>();

  add(name: string, value: string | undefined): void {
    if (value !== undefined && value.length >= 4) this.secrets.set(value, name);
  }

  found(texts: readonly string[]): string[] {
    const names = new Set<string>();
    for (const text of texts) {
      for (const [value, name] of this.secrets) {
        if (text.includes(value)) names.add(name);
      }
    }
    return [...names].sort();
  }
}
