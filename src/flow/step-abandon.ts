// Abandoning a login: the app says the user gave up, and the session is removed at once instead of living out its ttl.
// Removal gives nothing back: the session's numbered claims (sends, attempts, cooldown) and the hourly limits stay counted,
// so abandoning and starting again cannot reset any limit.

import { details } from "./answer";
import { INVALID_SESSION, SERVER_ERROR } from "./error-codes";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { abandoned, facts, failure } from "./outcome";
import { sessionLockKey } from "./session-access";
import { parseState } from "./session-state";

/**
 * Under the session lock: removes the session when it is the caller's, in the order loadSession checks (an expired session
 * is gone whoever started it). Answers 0 when the session is gone now, else the error that keeps it.
 */
function removeIfBound(context: FlowContext, what: EventFacts, login: LoginValue, sessionId: string): number {
  const sessions = context.ports.sessions;
  const text = sessions.get(sessionId);
  if (text === null) {
    what.detail = "unknown session";
    return 0;
  }
  const state = parseState(text);
  if (state === null) {
    what.detail = "unreadable session state";
    return SERVER_ERROR;
  }
  if (context.now >= state.expiresAt) {
    sessions.remove(sessionId);
    what.detail = "session expired";
    return 0;
  }
  if (state.clientId !== context.request.clientId) {
    what.detail = "session of another client";
    return INVALID_SESSION;
  }
  if (state.login !== login.normalised) {
    what.detail = "session of another user";
    return INVALID_SESSION;
  }
  what.userId = state.userId;
  what.maskedPhone = state.maskedPhone === "" ? null : state.maskedPhone;
  what.detail = state.userId === null ? "decoy session" : null;
  sessions.remove(sessionId);
  return 0;
}

/**
 * Removes the caller's session. Unknown, expired, already removed and decoy sessions get the same answer as a live one, so
 * the answer says nothing about whether the session existed.
 */
export function abandonLogin(context: FlowContext, login: LoginValue, sessionId: string): FlowOutcome {
  const what = facts("abandon", login.normalised);
  what.sessionId = sessionId;
  const errorCode = context.ports.serializer.exclusive(sessionLockKey(sessionId), () =>
    removeIfBound(context, what, login, sessionId),
  );
  if (errorCode !== 0) {
    what.sessionId = null;
    return failure(context, what, errorCode, details(null));
  }
  return abandoned(context, what, sessionId);
}
