// Step 3: check the password of the user whose code was accepted in this session, then grant, through the reserved-attempt
// skeleton: the grant is its one-shot claim, so one token per session however many right passwords arrive together.

import { details } from "./answer";
import { INVALID_CREDENTIALS, SERVER_ERROR, SESSION_EXPIRED } from "./error-codes";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { facts, failure, granted } from "./outcome";
import { checkReservedAttempt } from "./reserved-attempt";
import type { AttemptLimits, AttemptRules } from "./reserved-attempt";
import type { SessionState } from "./session-state";

class PasswordRules implements AttemptRules {
  refuseBeforeClaims(context: FlowContext, what: EventFacts, state: SessionState): FlowOutcome | null {
    if (state.userId === null) {
      // A decoy cannot pass step 2, so this state was not written by the flow.
      what.detail = "decoy session at step 3";
      return failure(context, what, SERVER_ERROR, details(null));
    }
    return null;
  }

  refuseAfterLockout(
    context: FlowContext,
    what: EventFacts,
    sessionId: string,
    state: SessionState,
  ): FlowOutcome | null {
    return null;
  }

  stillCurrent(seen: SessionState, state: SessionState): boolean {
    return true;
  }

  passed(context: FlowContext, what: EventFacts, sessionId: string, state: SessionState): FlowOutcome {
    // Removed before granting: if removal fails the exception ends the request without a token, and no session can be
    // replayed (the grant claim is held).
    context.ports.sessions.remove(sessionId);
    return granted(context, what, state.userId ?? "");
  }

  passedAlready(context: FlowContext, what: EventFacts): FlowOutcome {
    what.sessionId = null;
    what.detail = "session already granted";
    return failure(context, what, SESSION_EXPIRED, details(null));
  }

  recordFailure(state: SessionState): void {
    state.passwordFailures = state.passwordFailures + 1;
  }

  failuresCounted(state: SessionState): number {
    return state.passwordFailures;
  }
}

export function checkPassword(
  context: FlowContext,
  login: LoginValue,
  sessionId: string,
  password: string,
): FlowOutcome {
  const what = facts("password", login.normalised);
  what.sessionId = sessionId;
  const limits: AttemptLimits = {
    step: 3,
    attemptClaim: ":password",
    passClaim: ":grant",
    maxAttempts: context.config.maxPasswordAttempts,
    wrongAnswerCode: INVALID_CREDENTIALS,
  };
  return checkReservedAttempt(context, what, login, sessionId, limits, new PasswordRules(), (state) =>
    context.ports.passwords.verifyPassword(state.userId ?? "", password),
  );
}
