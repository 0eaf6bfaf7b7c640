// Loading a login session for a later step and the limits every step shares.

import { INVALID_SESSION, SERVER_ERROR, SESSION_EXPIRED } from "./error-codes";
import type { FlowContext, LoginValue } from "./flow-types";
import { ipHash, loginHash } from "./otp";
import { retryAfterSeconds, secondsUntil } from "./rate-limits";
import { parseState, serializeState } from "./session-state";
import type { SessionState } from "./session-state";

export interface LoadedSession {
  state: SessionState | null;
  /** The error to answer with when state is null. */
  errorCode: number;
  detail: string;
}

function refused(errorCode: number, detail: string): LoadedSession {
  return { state: null, errorCode: errorCode, detail: detail };
}

/**
 * The session `sessionId` if it is alive, was started by this client for this login value, and waits for `expectedStep` (S3).
 * Binding is checked before the step so that another client's session says nothing about its progress.
 */
export function loadSession(
  context: FlowContext,
  sessionId: string,
  login: LoginValue,
  expectedStep: number,
): LoadedSession {
  const text = context.ports.sessions.get(sessionId);
  if (text === null) {
    return refused(SESSION_EXPIRED, "unknown session");
  }
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
  return { state: state, errorCode: 0, detail: "" };
}

export function secondsLeft(context: FlowContext, state: SessionState): number {
  return secondsUntil(state.expiresAt, context.now);
}

export function saveSession(context: FlowContext, sessionId: string, state: SessionState): void {
  context.ports.sessions.update(sessionId, serializeState(state), secondsLeft(context, state));
}

export function sendsByLoginKey(context: FlowContext, login: LoginValue): string {
  return "gamatech-ropc:sends:login:" + loginHash(context.ports.hash, context.hashKey, login.normalised);
}

export function sendsByIpKey(context: FlowContext): string {
  return "gamatech-ropc:sends:ip:" + ipHash(context.ports.hash, context.hashKey, context.request.ipAddress);
}

export function failuresKey(context: FlowContext, login: LoginValue): string {
  return "gamatech-ropc:failures:login:" + loginHash(context.ports.hash, context.hashKey, login.normalised);
}

/** Seconds until this login value may try again after too many failures (S4), or 0. */
export function lockoutSeconds(context: FlowContext, login: LoginValue): number {
  return retryAfterSeconds(
    context.ports.counters,
    failuresKey(context, login),
    context.config.maxFailuresPerUserPerHour,
    context.now,
  );
}

/** Seconds until a code may be sent for this login value from this address (S8), or 0. */
export function sendLimitSeconds(context: FlowContext, login: LoginValue): number {
  const lockout = lockoutSeconds(context, login);
  const byLogin = retryAfterSeconds(
    context.ports.counters,
    sendsByLoginKey(context, login),
    context.config.maxSendsPerUserPerHour,
    context.now,
  );
  const byIp = retryAfterSeconds(
    context.ports.counters,
    sendsByIpKey(context),
    context.config.maxSendsPerIpPerHour,
    context.now,
  );
  return Math.max(lockout, byLogin, byIp);
}
