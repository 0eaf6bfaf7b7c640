// The Authorization Challenge script's rendering of the flow's answer: the JSON bodies of OAuth 2.0 for First-Party
// Applications, which the server sends as they are. Field order is fixed, numbers are JSON numbers, absent facts are left
// out rather than null.

import type { FlowAnswer } from "../flow/answer";
import {
  errorName,
  INVALID_REQUEST,
  INVALID_SESSION,
  OTP_NOT_SENT,
  RATE_LIMITED,
  SERVER_ERROR,
  SESSION_EXPIRED,
} from "../flow/error-codes";
import { STEP_PASSWORD } from "../flow/session-state";

/** An answer the script stores with createWebApplicationException: its HTTP status and JSON body. */
export interface ChallengeResponse {
  status: number;
  body: string;
}

/** The draft's answer to a dialogue that goes on: the app must send more (`next` says what). */
export const INSUFFICIENT_AUTHORIZATION = "insufficient_authorization";
/** The status of `insufficient_authorization` (the draft's) and of `invalid_client`. */
export const HTTP_UNAUTHORIZED = 401;
const HTTP_BAD_REQUEST = 400;

/** The draft names one error for a session the server does not know or no longer accepts; the error_code tells which. */
export function challengeErrorName(code: number): string {
  return code === SESSION_EXPIRED || code === INVALID_SESSION ? "invalid_session" : errorName(code);
}

export function challengeErrorStatus(code: number): number {
  switch (code) {
    case SERVER_ERROR:
      return 500;
    case OTP_NOT_SENT:
      return 503;
    case RATE_LIMITED:
      return 429;
    default:
      return HTTP_BAD_REQUEST;
  }
}

/** What the app must send next for a session waiting for `step` (the wire's step numbers). */
export function nextInput(step: number): string {
  return step === STEP_PASSWORD ? "password" : "otp";
}

function text(fields: string[], key: string, value: string | null): void {
  if (value !== null) {
    fields.push(JSON.stringify(key) + ":" + JSON.stringify(value));
  }
}

function whole(fields: string[], key: string, value: number | null): void {
  if (value !== null) {
    fields.push(JSON.stringify(key) + ":" + JSON.stringify(value));
  }
}

/** A body's first field: the error it answers with. */
function named(error: string): string[] {
  return [JSON.stringify("error") + ":" + JSON.stringify(error)];
}

function bodyOf(fields: string[]): string {
  return "{" + fields.join(",") + "}";
}

/** The body of an error: its name, its protocol error code, and then `extra` (already rendered fields). */
export function errorBody(code: number, extra: string[]): string {
  const fields = named(challengeErrorName(code));
  whole(fields, "error_code", code);
  for (const field of extra) {
    fields.push(field);
  }
  return bodyOf(fields);
}

/**
 * The stored answer of a flow answer; null for a grant, which the server answers itself (200 with the code).
 * `description` is the flow's reason for an invalid_request (which parameter is wrong): it becomes error_description,
 * the one reason an answer gives, because no other error's reason may reach the app (a decoy's would name it).
 */
export function challengeResponse(answer: FlowAnswer, description: string | null): ChallengeResponse | null {
  const said = answer.details;
  if (answer.kind === "granted") {
    return null;
  }
  if (answer.kind === "proceed") {
    const fields = named(INSUFFICIENT_AUTHORIZATION);
    text(fields, "auth_session", said.sessionId);
    text(fields, "next", said.step === null ? null : nextInput(said.step));
    whole(fields, "expires_in", said.expiresIn);
    whole(fields, "resend_after", said.resendAfter);
    whole(fields, "code_length", said.codeLength);
    text(fields, "phone_number", said.phoneHint);
    return { status: HTTP_UNAUTHORIZED, body: bodyOf(fields) };
  }
  if (answer.kind === "abandoned") {
    const fields = named("abandoned");
    text(fields, "auth_session", said.sessionId);
    return { status: HTTP_BAD_REQUEST, body: bodyOf(fields) };
  }
  const code = answer.errorCode ?? SERVER_ERROR;
  const extra: string[] = [];
  text(extra, "error_description", code === INVALID_REQUEST ? description : null);
  text(extra, "auth_session", said.sessionId);
  whole(extra, "attempts_left", said.attemptsLeft);
  whole(extra, "retry_after", said.retryAfter);
  return { status: challengeErrorStatus(code), body: errorBody(code, extra) };
}
