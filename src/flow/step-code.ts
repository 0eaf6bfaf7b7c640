// Step 2: check the code. Single use, within its ttl, a bounded number of tries (S3, S4, S5). An attempt slot and a failure
// slot are claimed before the code is evaluated, so parallel guesses cannot exceed the limits; the right code moves the
// session to step 3 through a one-shot claim, so it passes once however many copies arrive together.

import { INVALID_OTP, INVALID_SESSION, OTP_EXPIRED, RATE_LIMITED, TOO_MANY_ATTEMPTS } from "./error-codes";
import { verifyApproves } from "./delivery";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { pair } from "./header";
import { codeHash, isWellFormedCode, withoutSpaces } from "./otp";
import { facts, failure, proceed } from "./outcome";
import { claimOnce, claimSlot, releaseAll } from "./rate-limits";
import {
  claimFailure,
  loadSession,
  saveSession,
  secondsLeft,
  sessionClaimPrefix,
  sessionLockKey,
} from "./session-access";
import type { SessionState } from "./session-state";
import { lostWriteAnswer } from "./outcome";

/** What the locked first part of a code check reserved: the state it saw and the slots it holds. */
class CodeAttempt {
  readonly state: SessionState;
  /** The attempt slot taken (1..max_otp_attempts). */
  readonly slot: number;
  readonly failureKey: string;

  constructor(state: SessionState, slot: number, failureKey: string) {
    this.state = state;
    this.slot = slot;
    this.failureKey = failureKey;
  }
}

/** Under the session lock: the session, the lockout, the code's age, then a failure slot and an attempt slot. */
function reserveAttempt(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
): CodeAttempt | FlowOutcome {
  const config = context.config;
  const loaded = loadSession(context, sessionId, login, 2);
  const state = loaded.state;
  if (state === null) {
    what.sessionId = null;
    what.detail = loaded.detail;
    return failure(context, what, loaded.errorCode, []);
  }
  what.userId = state.userId;
  what.maskedPhone = state.maskedPhone === "" ? null : state.maskedPhone;
  const lockout = claimFailure(context, login);
  if (lockout.slot === 0) {
    return failure(context, what, RATE_LIMITED, [
      pair("session_id", sessionId),
      pair("retry_after", String(lockout.retryAfter)),
    ]);
  }
  if (context.now >= state.codeIssuedAt + config.otpTtlSeconds * 1000) {
    releaseAll(context.ports.claims, [lockout.key]);
    return failure(context, what, OTP_EXPIRED, [pair("session_id", sessionId)]);
  }
  const attempt = claimSlot(
    context.ports.claims,
    sessionClaimPrefix(context, sessionId) + ":code",
    config.maxOtpAttempts,
    secondsLeft(context, state),
    context.now,
  );
  if (attempt.slot === 0) {
    releaseAll(context.ports.claims, [lockout.key]);
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    return failure(context, what, TOO_MANY_ATTEMPTS, []);
  }
  return new CodeAttempt(state, attempt.slot, lockout.key);
}

/** Decoys and malformed codes never match; a malformed code still costs a try, like any wrong one. Outside the lock. */
function codeMatches(context: FlowContext, sessionId: string, state: SessionState, typed: string): boolean {
  const config = context.config;
  const code = withoutSpaces(typed);
  if (state.userId === null || !isWellFormedCode(code, config.otpLength)) {
    return false;
  }
  if (config.sender === "verify") {
    return verifyApproves(config, context.ports.otp, state.verifyTo, code);
  }
  const hash = context.ports.hash;
  return hash.constantTimeEquals(codeHash(hash, context.hashKey, sessionId, code), state.codeHash);
}

/** Under the session lock again: the answer is applied to the session as it is now, not as it was before the check. */
function commitAttempt(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
  attempt: CodeAttempt,
  matched: boolean,
): FlowOutcome {
  const config = context.config;
  const claims = context.ports.claims;
  const seen = attempt.state;
  const loaded = loadSession(context, sessionId, login, 2);
  const state = loaded.state;
  if (state === null) {
    if (matched) {
      releaseAll(claims, [attempt.failureKey]);
    }
    what.sessionId = null;
    what.detail = loaded.detail;
    return failure(context, what, loaded.errorCode, []);
  }
  // A code replaced by a resend while this one was checked is no longer the session's code.
  const current = matched && state.codeIssuedAt === seen.codeIssuedAt && state.codeHash === seen.codeHash;
  if (current) {
    releaseAll(claims, [attempt.failureKey]);
    if (
      !claimOnce(
        claims,
        sessionClaimPrefix(context, sessionId) + ":step3",
        secondsLeft(context, state),
        context.now,
      )
    ) {
      what.detail = "code already accepted";
      return failure(context, what, INVALID_SESSION, []);
    }
    state.step = 3;
    state.codeHash = "";
    if (!saveSession(context, sessionId, state)) {
      return lostWriteAnswer(context, what);
    }
    return proceed(context, what, [
      pair("session_id", sessionId),
      pair("step", "3"),
      pair("expires_in", String(secondsLeft(context, state))),
    ]);
  }
  state.otpFailures = state.otpFailures + 1;
  if (attempt.slot >= config.maxOtpAttempts) {
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    return failure(context, what, TOO_MANY_ATTEMPTS, []);
  }
  if (!saveSession(context, sessionId, state)) {
    return lostWriteAnswer(context, what);
  }
  const left = String(config.maxOtpAttempts - attempt.slot);
  return failure(context, what, INVALID_OTP, [pair("session_id", sessionId), pair("attempts_left", left)]);
}

export function checkCode(
  context: FlowContext,
  login: LoginValue,
  sessionId: string,
  code: string,
): FlowOutcome {
  const what = facts("code", login.normalised);
  what.sessionId = sessionId;
  const lock = sessionLockKey(sessionId);
  const serializer = context.ports.serializer;
  const attempt = serializer.exclusive(lock, () => reserveAttempt(context, what, login, sessionId));
  if (!(attempt instanceof CodeAttempt)) {
    return attempt;
  }
  const matched = codeMatches(context, sessionId, attempt.state, code);
  return serializer.exclusive(lock, () => commitAttempt(context, what, login, sessionId, attempt, matched));
}
