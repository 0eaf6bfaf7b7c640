// Reading the script's replies: the ROPC header's fields (or, on the challenge wire, the JSON answer read back into the
// header's vocabulary), the answer each reply names, counts of answers over a burst, the guesses those answers show were
// judged, and the SMS a burst sent.

import { decodeChallenge, decodeGrant } from "../conformance/challenge-wire";
import { errorName } from "../../src/flow/error-codes";
import type { AuthenticateReply, ParallelReply } from "../../src/world/protocol";

const HEADER = "X-ROPC-TWO-FA";

/**
 * The challenge script's answer in the ROPC header's vocabulary (status, error_code, error named by code as the ROPC
 * header names it, session_id, step, ...); {} for a grant, which has no answer of the flow's own. Throws on an answer
 * outside the spec.
 */
function challengeFields(reply: AuthenticateReply): Record<string, string> {
  const http = reply.http!;
  if (granted(reply)) {
    decodeGrant(http.status, http.body);
    return {};
  }
  const pairs = { ...decodeChallenge(http.status, http.body).pairs };
  if (pairs.error_code !== undefined) pairs.error = errorName(Number(pairs.error_code));
  return pairs;
}

export function fields(reply: AuthenticateReply): Record<string, string> {
  if (reply.http !== undefined && reply.outcome !== "raised") return challengeFields(reply);
  const header = reply.headers[HEADER] ?? "";
  const result: Record<string, string> = {};
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) result[part.slice(0, at)] = part.slice(at + 1);
  }
  return result;
}

export function granted(reply: AuthenticateReply): boolean {
  return reply.outcome === "returned" && reply.value === true && reply.user !== null;
}

/** What the script answered: "granted", "proceed", an error name, "raised" or "no-header". */
export function answerOf(reply: AuthenticateReply): string {
  if (reply.outcome === "raised") return "raised";
  if (granted(reply)) return "granted";
  const f = fields(reply);
  if (f.status === "proceed") return "proceed";
  return f.error ?? "no-header";
}

export function tally(replies: AuthenticateReply[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const answer = answerOf(reply);
    counts[answer] = (counts[answer] ?? 0) + 1;
  }
  return counts;
}

export function mergeInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value;
}

/**
 * Guesses the script judged, read from its answers: every wrong-guess answer (invalid_otp / invalid_credentials), every
 * success (proceed to step 3 / a token), and the too_many_attempts answers that can have been judged — the one per
 * budget whose wrong guess used it up. A budget is per node where claims are per node, one for the cluster where the
 * backend's claims are atomic (Redis, the database). Further too_many_attempts answers are refusals of a spent session and judge
 * nothing. With `perBudget` (a budget's attempts), a too_many_attempts answer counts only while the other answers leave a
 * slot for it: when a success took a budget's last slot, the refusals after it judged nothing (counting one of them made a
 * right password in the third slot read as 4 of 3). Serially this is exactly the limit once the limit is reached.
 */
export function evaluatedOf(
  answers: Record<string, number>,
  wrong: string,
  success: string,
  budgets: number,
  perBudget = Infinity,
): number {
  const judged = (answers[wrong] ?? 0) + (answers[success] ?? 0);
  const slotsLeft = Math.max(0, budgets * perBudget - judged);
  return judged + Math.min(answers["too_many_attempts"] ?? 0, budgets, slotsLeft);
}

export function sentSms(replies: ParallelReply | AuthenticateReply[]): number {
  const records = Array.isArray(replies)
    ? replies.flatMap((reply) => reply.sms)
    : [...replies.results.flatMap((reply) => reply.sms), ...replies.unattributed.sms];
  return records.filter((record) => record.sid !== undefined).length;
}

export function codeIn(reply: AuthenticateReply): string {
  for (const record of reply.sms) {
    const match = /\b(\d{6})\b/.exec(record.body ?? "");
    if (record.sid !== undefined && match !== null) return match[1]!;
  }
  throw new Error(`no code was sent: ${JSON.stringify(reply.headers)}`);
}
