// Step 3: check the password of the user whose code was accepted in this session, then grant.

import { INVALID_CREDENTIALS, RATE_LIMITED, SERVER_ERROR, TOO_MANY_ATTEMPTS } from "./error-codes";
import type { FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { pair } from "./header";
import { facts, failure, granted } from "./outcome";
import { countEvent } from "./rate-limits";
import { failuresKey, loadSession, lockoutSeconds, saveSession } from "./session-access";

export function checkPassword(
  context: FlowContext,
  login: LoginValue,
  sessionId: string,
  password: string,
): FlowOutcome {
  const config = context.config;
  const what = facts("password", login.normalised);
  what.sessionId = sessionId;
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
  const lockout = lockoutSeconds(context, login);
  if (lockout > 0) {
    return failure(context, what, RATE_LIMITED, [
      pair("session_id", sessionId),
      pair("retry_after", String(lockout)),
    ]);
  }
  if (!context.ports.passwords.verifyPassword(userId, password)) {
    state.passwordFailures = state.passwordFailures + 1;
    countEvent(context.ports.counters, failuresKey(context, login), context.now);
    if (state.passwordFailures >= config.maxPasswordAttempts) {
      context.ports.sessions.remove(sessionId);
      return failure(context, what, TOO_MANY_ATTEMPTS, []);
    }
    saveSession(context, sessionId, state);
    const left = String(config.maxPasswordAttempts - state.passwordFailures);
    return failure(context, what, INVALID_CREDENTIALS, [
      pair("session_id", sessionId),
      pair("attempts_left", left),
    ]);
  }
  // Removed before granting: if removal fails the exception ends the request without a token, and no session can be replayed.
  context.ports.sessions.remove(sessionId);
  return granted(context, what, userId);
}
