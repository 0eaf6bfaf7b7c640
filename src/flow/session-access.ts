// Loading and writing a login session, the claim keys every step shares, and the limits per login value and address.

import { INVALID_SESSION, SERVER_ERROR, SESSION_EXPIRED } from "./error-codes";
import type { FlowContext, LoginValue } from "./flow-types";
import { ipHash, loginHash, sessionClaimHash } from "./otp";
import {
  claimSlot,
  fullFor,
  HOUR_SECONDS,
  LIMIT_IP_HOUR,
  LIMIT_LOCKOUT,
  LIMIT_USER_HOUR,
  releaseAll,
  secondsUntil,
} from "./rate-limits";
import type { SlotClaim } from "./rate-limits";
import type { Config } from "./config";
import { parseState, serializeState, STEP_CODE, STEP_FINAL_CODE } from "./session-state";
import type { SessionState } from "./session-state";

export interface LoadedSession {
  state: SessionState | null;
  /** The error to answer with when state is null. */
  errorCode: number;
  detail: string;
  /** The stored text the state was read from ("" when refused). */
  text: string;
}

function refused(errorCode: number, detail: string): LoadedSession {
  return { state: null, errorCode: errorCode, detail: detail, text: "" };
}

/** The step a session waits for while its code is due: the code grants when the password came first. */
export function codeStep(config: Config): number {
  return config.loginOrder === "password_first" ? STEP_FINAL_CODE : STEP_CODE;
}

/** The key of the per-node lock every read-check-write of session `sessionId` holds. */
export function sessionLockKey(sessionId: string): string {
  return "session:" + sessionId;
}

/**
 * The session `sessionId` if it is alive, was started by this client for this login value, and waits for `expectedStep` (S3).
 * Binding is checked before the step so that another client's session says nothing about its progress. `seen` is an
 * accepted load earlier in the same request: the session is read again, but a text that has not changed is not parsed and
 * checked again (the same text with the same request, its `now` included, gives an equal state and the same checks'
 * outcome), so `seen` is returned; its state must not have been changed since.
 */
export function loadSession(
  context: FlowContext,
  sessionId: string,
  login: LoginValue,
  expectedStep: number,
  seen?: LoadedSession,
): LoadedSession {
  const text = context.ports.sessions.get(sessionId);
  if (text === null) {
    return refused(SESSION_EXPIRED, "unknown session");
  }
  if (seen !== undefined && seen.state !== null && text === seen.text) {
    return seen;
  }
  return checkedSession(context, sessionId, login, expectedStep, text);
}

function checkedSession(
  context: FlowContext,
  sessionId: string,
  login: LoginValue,
  expectedStep: number,
  text: string,
): LoadedSession {
  const state = parseState(text);
  if (state === null) {
    return refused(SERVER_ERROR, "unreadable session state");
  }
  if (context.now >= state.expiresAt) {
    context.ports.sessions.remove(sessionId);
    return refused(SESSION_EXPIRED, "session expired");
  }
  if (state.clientId !== context.request.clientId) {
    return refused(INVALID_SESSION, "session of another client");
  }
  if (state.login !== login.normalised) {
    return refused(INVALID_SESSION, "session of another user");
  }
  if (state.step !== expectedStep) {
    return refused(INVALID_SESSION, "session waits for step " + String(state.step));
  }
  return { state: state, errorCode: 0, detail: "", text: text };
}

export function secondsLeft(context: FlowContext, state: SessionState): number {
  return secondsUntil(state.expiresAt, context.now);
}

/**
 * Whether the store now holds exactly `text` for `sessionId`: a cache that swallows writes must not let the flow go on. A
 * store that throws on every failed write needs no read (one round trip less, under the session lock for an update).
 */
function readsBack(context: FlowContext, sessionId: string, text: string): boolean {
  const sessions = context.ports.sessions;
  return sessions.writesAreConfirmed() || sessions.get(sessionId) === text;
}

/** Writes a new session and reads it back; false when the write was lost. */
export function createSession(context: FlowContext, sessionId: string, state: SessionState): boolean {
  const text = serializeState(state);
  context.ports.sessions.create(sessionId, text, context.config.sessionTtlSeconds);
  return readsBack(context, sessionId, text);
}

/** Updates a session and reads it back; false when the write was lost. */
export function saveSession(context: FlowContext, sessionId: string, state: SessionState): boolean {
  const text = serializeState(state);
  context.ports.sessions.update(sessionId, text, secondsLeft(context, state));
  return readsBack(context, sessionId, text);
}

/** Removing a session is best effort where a failure changes nothing that matters (the session holds no usable code). */
export function removeQuietly(context: FlowContext, sessionId: string): void {
  try {
    context.ports.sessions.remove(sessionId);
  } catch (e) {
    return;
  }
}

export function sendsByLoginPrefix(context: FlowContext, login: LoginValue): string {
  return "gamatech-ropc:sends:login:" + loginHash(context.ports.hash, context.hashKey, login.normalised);
}

export function sendsByIpPrefix(context: FlowContext): string {
  return "gamatech-ropc:sends:ip:" + ipHash(context.ports.hash, context.hashKey, context.clientIp);
}

export function failuresPrefix(context: FlowContext, login: LoginValue): string {
  return "gamatech-ropc:failures:login:" + loginHash(context.ports.hash, context.hashKey, login.normalised);
}

export function passwordFailuresByIpPrefix(context: FlowContext): string {
  return "gamatech-ropc:failures:ip:" + ipHash(context.ports.hash, context.hashKey, context.clientIp);
}

/** The prefix of every claim of one session: `:code:<n>`, `:password:<n>`, `:send:<n>`, `:cooldown`, `:step3`, `:grant`. */
export function sessionClaimPrefix(context: FlowContext, sessionId: string): string {
  return "gamatech-ropc:session:" + sessionClaimHash(context.ports.hash, context.hashKey, sessionId);
}

/** Seconds until this login value may try again after too many failures (S4), or 0. Reads only. */
export function lockoutSeconds(context: FlowContext, login: LoginValue): number {
  return fullFor(
    context.ports.claims,
    failuresPrefix(context, login),
    context.config.maxFailuresPerUserPerHour,
    context.now,
  );
}

/** Takes a failure slot before a code or password is evaluated; given back when the answer was right. */
export function claimFailure(context: FlowContext, login: LoginValue): SlotClaim {
  return claimSlot(
    context.ports.claims,
    failuresPrefix(context, login),
    context.config.maxFailuresPerUserPerHour,
    HOUR_SECONDS,
    context.now,
  );
}

/**
 * Takes the address's slot of password_first's wrong-password limit before the password is checked (given back when it
 * was right), so that one address cannot spray a password over many login values; null when the limit is off.
 */
export function claimIpPasswordFailure(context: FlowContext): SlotClaim | null {
  const limit = context.config.maxPasswordFailuresPerIpPerHour;
  if (limit === 0) {
    return null;
  }
  return claimSlot(
    context.ports.claims,
    passwordFailuresByIpPrefix(context),
    limit,
    HOUR_SECONDS,
    context.now,
  );
}

/** The send slots a code holds: one per login value and, unless that limit is off, one per address. */
export interface SendClaims {
  /** The keys taken (empty when refused). */
  keys: string[];
  /** When refused: seconds to wait. 0 when the send may go. */
  retryAfter: number;
  /** When refused: the limit that refused (LIMIT_LOCKOUT, LIMIT_USER_HOUR or LIMIT_IP_HOUR); "" when the send may go. */
  limit: string;
}

/**
 * Takes the hourly send slots of this login value and address (S8), after checking the lockout; on a refusal nothing stays
 * taken. Counted before sending, so a provider that keeps failing cannot be hammered past the limits.
 */
export function claimSends(context: FlowContext, login: LoginValue): SendClaims {
  const lockout = lockoutSeconds(context, login);
  if (lockout > 0) {
    return { keys: [], retryAfter: lockout, limit: LIMIT_LOCKOUT };
  }
  const claims = context.ports.claims;
  const byLogin = claimSlot(
    claims,
    sendsByLoginPrefix(context, login),
    context.config.maxSendsPerUserPerHour,
    HOUR_SECONDS,
    context.now,
  );
  if (byLogin.slot === 0) {
    return { keys: [], retryAfter: byLogin.retryAfter, limit: LIMIT_USER_HOUR };
  }
  if (context.config.maxSendsPerIpPerHour === 0) {
    return { keys: [byLogin.key], retryAfter: 0, limit: "" };
  }
  const byIp = claimSlot(
    claims,
    sendsByIpPrefix(context),
    context.config.maxSendsPerIpPerHour,
    HOUR_SECONDS,
    context.now,
  );
  if (byIp.slot === 0) {
    releaseAll(claims, [byLogin.key]);
    return { keys: [], retryAfter: byIp.retryAfter, limit: LIMIT_IP_HOUR };
  }
  return { keys: [byLogin.key, byIp.key], retryAfter: 0, limit: "" };
}
