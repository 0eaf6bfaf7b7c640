// The ROPC wire of the attack suites, said on the challenge wire and read back (challenge-target.ts explains each case):
// which requests cannot be said, the challenge request of one that can, and the ROPC header of a challenge answer.

import { challengeParams, decodeChallenge, decodeGrant } from "../conformance/challenge-wire";
import { errorName } from "../../src/flow/error-codes";
import type { AttackAnswer } from "./target";

export type ExclusionName = "no-step" | "step-without-session" | "other-step-input";

const counts: Record<ExclusionName, number> = {
  "no-step": 0,
  "step-without-session": 0,
  "other-step-input": 0,
};

/** Counts one use of an exclusion: each *.challenge*.test.ts file checks the counts at its end. */
export function countExclusion(name: ExclusionName): void {
  counts[name] += 1;
}

/** How often each exclusion was used in this process (test file) so far. */
export function challengeExclusions(): Record<ExclusionName, number> {
  return { ...counts };
}

function given(values: string[] | undefined): boolean {
  return values !== undefined && values.length > 0 && !(values.length === 1 && values[0] === "");
}

/** The exclusion a request falls under before it is sent, or null when the challenge wire can say it. */
export function unsayable(params: Record<string, string[]>): ExclusionName | null {
  const steps = params.__step ?? [];
  if (steps.length !== 1 || !["1", "2", "3", "abandon"].includes(steps[0]!)) return "no-step";
  if ((steps[0] === "2" || steps[0] === "3") && !given(params.__session_id)) return "step-without-session";
  return null;
}

/** The challenge request of a ROPC request: challengeParams, plus `__otp_code` at step 3 as `otp` (see the top). */
export function challengeRequest(
  params: Record<string, string[]>,
  loginOrder: string,
): Record<string, string[]> {
  const out = challengeParams(params, loginOrder);
  const otp = params.__otp_code;
  if (params.__step?.[0] === "3" && otp !== undefined && otp.length > 0) out.otp = otp;
  return out;
}

/** The ROPC header's order of the answer's pairs (src/host/ropc-header.ts). */
const HEADER_ORDER = [
  "session_id",
  "step",
  "expires_in",
  "resend_after",
  "code_length",
  "phone_number",
  "attempts_left",
  "retry_after",
];

/** Decoded pairs in the ROPC header grammar; values are not escaped, so a value outside the grammar shows. */
export function ropcHeaderOf(pairs: Record<string, string>, extra: string[] = []): string {
  const parts = ["status=" + pairs.status];
  if (pairs.error_code !== undefined) {
    parts.push("error_code=" + pairs.error_code, "error=" + errorName(Number(pairs.error_code)));
  }
  for (const key of HEADER_ORDER) {
    if (pairs[key] !== undefined) parts.push(key + "=" + pairs[key]);
  }
  return [...parts, ...extra].join(";");
}

/** What readAnswer reads of a reply (an AuthenticateReply is one): the script's return and the stored HTTP answer. */
export interface ChallengeReply {
  outcome: string;
  value?: unknown;
  user: { userId: string } | null;
  http?: { status: number; body: string };
}

/** The header name the answers are reported under: the JSON body, read in the ROPC header's grammar. */
export const CHALLENGE_HEADER_NAME = "challenge-body";

export const NOT_SENT_HEADER = "status=error;error_code=10011;error=invalid_request;challenge=not_sent";
const INVALID_CLIENT = '{"error":"invalid_client"}';

/**
 * The ROPC reading of the challenge script's HTTP answer. The script's one answer outside the flow's codes, 401
 * invalid_client (a request without a usable client id; the ROPC script answers 10001 there), reads as
 * "status=error;error=invalid_client", without an error_code.
 */
export function readAnswer(reply: ChallengeReply, step: string): { header: string | null; reread: boolean } {
  const http = reply.http;
  if (http === undefined) throw new Error("challenge reply without an HTTP answer");
  if (reply.outcome === "returned" && reply.value === true) {
    if (reply.user === null) throw new Error("a grant without a user");
    decodeGrant(http.status, http.body);
    return { header: null, reread: false };
  }
  if (http.status === 401 && http.body === INVALID_CLIENT) {
    return { header: "status=error;error=invalid_client", reread: false };
  }
  const pairs = decodeChallenge(http.status, http.body).pairs!;
  const description = pairs.error_description;
  const other = step === "2" ? "missing password" : step === "3" ? "missing otp" : null;
  if (pairs.error_code === "10011" && other !== null && description === other) {
    const reread = { ...pairs, error_code: "10007" };
    return { header: ropcHeaderOf(reread, ["challenge_error_code=10011"]), reread: true };
  }
  return { header: ropcHeaderOf(pairs), reread: false };
}

/**
 * The answer to a request the challenge wire cannot say, counted as its exclusion (the adapter answers it, nothing is
 * sent), or null when the request can be sent.
 */
export function leftOut(params: Record<string, string[]>): AttackAnswer | null {
  const excluded = unsayable(params);
  if (excluded === null) return null;
  countExclusion(excluded);
  return { header: NOT_SENT_HEADER, headerName: CHALLENGE_HEADER_NAME, grantedUserId: null, escaped: null };
}

/**
 * readAnswer of the reply to a sent request, with its re-read counted; a re-read answer must have sent no message
 * (`sentMessage`: whether the request sent one).
 */
export function readCounted(reply: ChallengeReply, step: string, sentMessage: boolean): string | null {
  const { header, reread } = readAnswer(reply, step);
  if (reread) {
    if (sentMessage) throw new Error("a re-read 10011 answer sent a message");
    countExclusion("other-step-input");
  }
  return header;
}
