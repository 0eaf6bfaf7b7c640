// Step 3: check the password of the user whose code was accepted in this session, then grant. An attempt slot and a failure
// slot are claimed before the password is checked (outside the session lock), and the grant is a one-shot claim: one token
// per session, however many right passwords arrive together.

import {
  INVALID_CREDENTIALS,
  RATE_LIMITED,
  SERVER_ERROR,
  SESSION_EXPIRED,
  TOO_MANY_ATTEMPTS,
} from "./error-codes";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { pair } from "./header";
import { facts, failure, granted, lostWriteAnswer } from "./outcome";
import { claimOnce, claimSlot, releaseAll } from "./rate-limits";
import {
  claimFailure,
  loadSession,
  saveSession,
  secondsLeft,
  sessionClaimPrefix,
  sessionLockKey,
} from "./session-access";

/** What the locked first part of a password check reserved. */
class PasswordAttempt {
  readonly userId: string;
  readonly slot: number;
  readonly failureKey: string;

  constructor(userId: string, slot: number, failureKey: string) {
    this.userId = userId;
    this.slot = slot;
    this.failureKey = failureKey;
  }
}

function reserveAttempt(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
): PasswordAttempt | FlowOutcome {
  const loaded = loadSession(context, sessionId, login, 3);
  const state = loaded.state;
  if (state === null) {
    what.sessionId = null;
    what.detail = loaded.detail;
    return failure(context, what, loaded.errorCode, []);
  }
  const userId = state.userId;
  what.maskedPhone = state.maskedPhone === "" ? null : state.maskedPhone;
  if (userId === null) {
    // A decoy cannot pass step 2, so this state was not written by the flow.
    what.detail = "decoy session at step 3";
    return failure(context, what, SERVER_ERROR, []);
  }
  what.userId = userId;
  const lockout = claimFailure(context, login);
  if (lockout.slot === 0) {
    return failure(context, what, RATE_LIMITED, [
      pair("session_id", sessionId),
      pair("retry_after", String(lockout.retryAfter)),
    ]);
  }
  const attempt = claimSlot(
    context.ports.claims,
    sessionClaimPrefix(context, sessionId) + ":password",
    context.config.maxPasswordAttempts,
    secondsLeft(context, state),
    context.now,
  );
  if (attempt.slot === 0) {
    releaseAll(context.ports.claims, [lockout.key]);
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    return failure(context, what, TOO_MANY_ATTEMPTS, []);
  }
  return new PasswordAttempt(userId, attempt.slot, lockout.key);
}

function commitAttempt(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
  attempt: PasswordAttempt,
  verified: boolean,
): FlowOutcome {
  const config = context.config;
  const claims = context.ports.claims;
  const loaded = loadSession(context, sessionId, login, 3);
  const state = loaded.state;
  if (state === null) {
    if (verified) {
      releaseAll(claims, [attempt.failureKey]);
    }
    what.sessionId = null;
    what.detail = loaded.detail;
    return failure(context, what, loaded.errorCode, []);
  }
  if (verified) {
    releaseAll(claims, [attempt.failureKey]);
    if (
      !claimOnce(
        claims,
        sessionClaimPrefix(context, sessionId) + ":grant",
        secondsLeft(context, state),
        context.now,
      )
    ) {
      what.sessionId = null;
      what.detail = "session already granted";
      return failure(context, what, SESSION_EXPIRED, []);
    }
    // Removed before granting: if removal fails the exception ends the request without a token, and no session can be
    // replayed (the grant claim is held).
    context.ports.sessions.remove(sessionId);
    return granted(context, what, attempt.userId);
  }
  state.passwordFailures = state.passwordFailures + 1;
  if (attempt.slot >= config.maxPasswordAttempts) {
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    return failure(context, what, TOO_MANY_ATTEMPTS, []);
  }
  if (!saveSession(context, sessionId, state)) {
    return lostWriteAnswer(context, what);
  }
  const left = String(config.maxPasswordAttempts - attempt.slot);
  return failure(context, what, INVALID_CREDENTIALS, [
    pair("session_id", sessionId),
    pair("attempts_left", left),
  ]);
}

export function checkPassword(
  context: FlowContext,
  login: LoginValue,
  sessionId: string,
  password: string,
): FlowOutcome {
  const what = facts("password", login.normalised);
  what.sessionId = sessionId;
  const lock = sessionLockKey(sessionId);
  const serializer = context.ports.serializer;
  const attempt = serializer.exclusive(lock, () => reserveAttempt(context, what, login, sessionId));
  if (!(attempt instanceof PasswordAttempt)) {
    return attempt;
  }
  const verified = context.ports.passwords.verifyPassword(attempt.userId, password);
  return serializer.exclusive(lock, () => commitAttempt(context, what, login, sessionId, attempt, verified));
}
