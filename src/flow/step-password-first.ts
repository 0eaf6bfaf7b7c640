// Step 1 with login_order=password_first: the password is checked before any code exists, so a caller without it cannot have
// an SMS sent. A wrong password takes a slot of the per-login failure limit (the lockout) and one of the address's
// (max_password_failures_per_ip_per_hour: no SMS stands before this check, so without it one address could try a password
// against every user), and answers invalid_credentials with the login value's failures left; an unknown, inactive or
// phone-less user answers exactly so whatever the password (S7), without a password check (Janssen has no user to check it
// against). A right password gives both slots back, opens the session and sends the code, which then grants (step-code.ts).

import { details, retryDetails } from "./answer";
import { INVALID_CREDENTIALS } from "./error-codes";
import type { FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { facts, failure, rateLimited } from "./outcome";
import { LIMIT_IP_PASSWORDS, LIMIT_LOCKOUT, releaseAll } from "./rate-limits";
import { findRecipient } from "./recipient";
import { describe } from "./send-code";
import { claimFailure, claimIpPasswordFailure, claimSends } from "./session-access";
import { STEP_FINAL_CODE } from "./session-state";
import { openAndSend } from "./step-start";

export function startWithPassword(context: FlowContext, login: LoginValue, password: string): FlowOutcome {
  const what = facts("start", login.normalised);
  const claims = context.ports.claims;
  // Taken before the password is checked, so parallel guesses cannot exceed the limits.
  const lockout = claimFailure(context, login);
  if (lockout.slot === 0) {
    return rateLimited(context, what, LIMIT_LOCKOUT, retryDetails(null, lockout.retryAfter));
  }
  const byIp = claimIpPasswordFailure(context);
  if (byIp !== null && byIp.slot === 0) {
    releaseAll(claims, [lockout.key]);
    return rateLimited(context, what, LIMIT_IP_PASSWORDS, retryDetails(null, byIp.retryAfter));
  }
  const held = byIp === null ? [lockout.key] : [lockout.key, byIp.key];
  const recipient = findRecipient(context, login);
  describe(what, recipient, null);
  if (recipient.errorCode !== 0) {
    releaseAll(claims, held);
    what.detail = recipient.decoyReason;
    return failure(context, what, recipient.errorCode, details(null));
  }
  const userId = recipient.userId;
  if (userId === null || !context.ports.passwords.verifyPassword(userId, password)) {
    what.detail = userId === null ? "decoy: " + recipient.decoyReason : "wrong password";
    const said = details(null);
    said.attemptsLeft = context.config.maxFailuresPerUserPerHour - lockout.slot;
    return failure(context, what, INVALID_CREDENTIALS, said);
  }
  releaseAll(claims, held);
  const sends = claimSends(context, login);
  if (sends.retryAfter > 0) {
    return rateLimited(context, what, sends.limit, retryDetails(null, sends.retryAfter));
  }
  return openAndSend(context, what, login, recipient, sends.keys, STEP_FINAL_CODE);
}
