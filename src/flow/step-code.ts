// Step 2: check the code. Single use, within its ttl, a bounded number of tries (S3, S4, S5), through the reserved-attempt
// skeleton; the right code moves the session to step 3, or grants when the password came first.

import { INVALID_OTP, INVALID_SESSION, OTP_EXPIRED } from "./error-codes";
import { verifyApproves } from "./delivery";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { details } from "./answer";
import { codeHash, isWellFormedCode, withoutSpaces } from "./otp";
import { facts, failure, granted, lostWriteAnswer, proceed } from "./outcome";
import { checkReservedAttempt } from "./reserved-attempt";
import type { AttemptLimits, AttemptRules } from "./reserved-attempt";
import { codeStep, saveSession, secondsLeft } from "./session-access";
import { STEP_FINAL_CODE, STEP_PASSWORD } from "./session-state";
import type { SessionState } from "./session-state";

class CodeRules implements AttemptRules {
  refuseBeforeClaims(context: FlowContext, what: EventFacts, state: SessionState): FlowOutcome | null {
    return null;
  }

  /** After the lockout, so a locked-out user learns nothing about the code's age. */
  refuseAfterLockout(
    context: FlowContext,
    what: EventFacts,
    sessionId: string,
    state: SessionState,
  ): FlowOutcome | null {
    if (context.now >= state.codeIssuedAt + context.config.otpTtlSeconds * 1000) {
      return failure(context, what, OTP_EXPIRED, details(sessionId));
    }
    return null;
  }

  /** A code replaced by a resend while this one was checked is no longer the session's code. */
  stillCurrent(seen: SessionState, state: SessionState): boolean {
    return state.codeIssuedAt === seen.codeIssuedAt && state.codeHash === seen.codeHash;
  }

  passed(context: FlowContext, what: EventFacts, sessionId: string, state: SessionState): FlowOutcome {
    if (state.step === STEP_FINAL_CODE) {
      // As after a password: removed before granting, and the pass claim is held, so the session cannot be replayed.
      context.ports.sessions.remove(sessionId);
      return granted(context, what, state.userId ?? "");
    }
    state.step = STEP_PASSWORD;
    state.codeHash = "";
    if (!saveSession(context, sessionId, state)) {
      return lostWriteAnswer(context, what);
    }
    const said = details(sessionId);
    said.step = STEP_PASSWORD;
    said.expiresIn = secondsLeft(context, state);
    return proceed(context, what, said);
  }

  passedAlready(context: FlowContext, what: EventFacts): FlowOutcome {
    what.detail = "code already accepted";
    return failure(context, what, INVALID_SESSION, details(null));
  }

  recordFailure(state: SessionState): void {
    state.otpFailures = state.otpFailures + 1;
  }

  failuresCounted(state: SessionState): number {
    return state.otpFailures;
  }
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

export function checkCode(
  context: FlowContext,
  login: LoginValue,
  sessionId: string,
  code: string,
): FlowOutcome {
  const what = facts("code", login.normalised);
  what.sessionId = sessionId;
  const limits: AttemptLimits = {
    step: codeStep(context.config),
    attemptClaim: ":code",
    passClaim: ":step3",
    maxAttempts: context.config.maxOtpAttempts,
    wrongAnswerCode: INVALID_OTP,
  };
  return checkReservedAttempt(context, what, login, sessionId, limits, new CodeRules(), (state) =>
    codeMatches(context, sessionId, state, code),
  );
}
