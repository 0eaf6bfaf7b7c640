// Step 2: check the code. Single use, within its ttl, a bounded number of tries (S3, S4, S5).

import { INVALID_OTP, OTP_EXPIRED, RATE_LIMITED, TOO_MANY_ATTEMPTS } from "./error-codes";
import { verifyApproves } from "./delivery";
import type { FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { pair } from "./header";
import { codeHash, isWellFormedCode } from "./otp";
import { facts, failure, proceed } from "./outcome";
import { countEvent } from "./rate-limits";
import { failuresKey, loadSession, lockoutSeconds, saveSession, secondsLeft } from "./session-access";
import type { SessionState } from "./session-state";

/** Decoys and malformed codes never match; a malformed code still costs a try, like any wrong one. */
function codeMatches(context: FlowContext, sessionId: string, state: SessionState, code: string): boolean {
  const config = context.config;
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
  const config = context.config;
  const what = facts("code", login.normalised);
  what.sessionId = sessionId;
  const loaded = loadSession(context, sessionId, login, 2);
  const state = loaded.state;
  if (state === null) {
    what.sessionId = null;
    what.detail = loaded.detail;
    return failure(context, what, loaded.errorCode, []);
  }
  what.userId = state.userId;
  what.maskedPhone = state.maskedPhone === "" ? null : state.maskedPhone;
  const lockout = lockoutSeconds(context, login);
  if (lockout > 0) {
    return failure(context, what, RATE_LIMITED, [
      pair("session_id", sessionId),
      pair("retry_after", String(lockout)),
    ]);
  }
  if (context.now >= state.codeIssuedAt + config.otpTtlSeconds * 1000) {
    return failure(context, what, OTP_EXPIRED, [pair("session_id", sessionId)]);
  }
  if (!codeMatches(context, sessionId, state, code)) {
    state.otpFailures = state.otpFailures + 1;
    countEvent(context.ports.counters, failuresKey(context, login), context.now);
    if (state.otpFailures >= config.maxOtpAttempts) {
      context.ports.sessions.remove(sessionId);
      return failure(context, what, TOO_MANY_ATTEMPTS, []);
    }
    saveSession(context, sessionId, state);
    const left = String(config.maxOtpAttempts - state.otpFailures);
    return failure(context, what, INVALID_OTP, [pair("session_id", sessionId), pair("attempts_left", left)]);
  }
  state.step = 3;
  state.codeHash = "";
  saveSession(context, sessionId, state);
  return proceed(context, what, [
    pair("session_id", sessionId),
    pair("step", "3"),
    pair("expires_in", String(secondsLeft(context, state))),
  ]);
}
