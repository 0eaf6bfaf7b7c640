// Step 1: start a login. The session holding the code is written and read back before the code is sent; the send slots are
// taken before the provider call and given back only when the call was never attempted. The provider call runs outside the
// session lock.

import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { details, retryDetails } from "./answer";
import { facts, failure, proceed, rateLimited } from "./outcome";
import { claimOnce, releaseAll } from "./rate-limits";
import { findRecipient } from "./recipient";
import type { Recipient } from "./recipient";
import {
  claimCooldown,
  COOLDOWN_HELD,
  describe,
  lostWrite,
  newCode,
  notSent,
  proceedDetails,
  send,
} from "./send-code";
import {
  claimSends,
  createSession,
  removeQuietly,
  sessionClaimPrefix,
  sessionLockKey,
} from "./session-access";
import { STATE_VERSION, STEP_CODE } from "./session-state";
import type { SessionState } from "./session-state";
import { SESSION_ID_BYTES } from "./params";

/** The session of a new login, written with its code and the first send's claims; false when the write was lost. */
function openSession(context: FlowContext, sessionId: string, state: SessionState): boolean {
  const ttl = context.config.sessionTtlSeconds;
  const claims = context.ports.claims;
  if (!createSession(context, sessionId, state)) {
    removeQuietly(context, sessionId);
    return false;
  }
  const first = claimOnce(claims, sessionClaimPrefix(context, sessionId) + ":send:1", ttl, context.now);
  // A fresh session's claims can only be missing when the store lost them: the session is unusable then.
  if (!first || claimCooldown(context, sessionId, ttl) === COOLDOWN_HELD) {
    removeQuietly(context, sessionId);
    return false;
  }
  return true;
}

/**
 * Opens the session of a new login waiting for `step` and sends its first code. `sendKeys` are the hourly send slots already
 * taken for this code (given back when the provider is never called).
 */
export function openAndSend(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  recipient: Recipient,
  sendKeys: string[],
  step: number,
): FlowOutcome {
  const config = context.config;
  const sessionId = context.ports.random.randomHex(SESSION_ID_BYTES);
  const code = newCode(context, sessionId, recipient);
  const state: SessionState = {
    version: STATE_VERSION,
    clientId: context.request.clientId,
    login: login.normalised,
    userId: recipient.userId,
    step: step,
    codeHash: code.codeHash,
    verifyTo: config.sender === "verify" ? (recipient.phone ?? "") : "",
    maskedPhone: what.maskedPhone ?? "",
    createdAt: context.now,
    expiresAt: context.now + config.sessionTtlSeconds * 1000,
    codeIssuedAt: context.now,
    sends: 1,
    lastSendAt: context.now,
    otpFailures: 0,
    passwordFailures: 0,
  };
  what.sessionId = sessionId;
  const opened = context.ports.serializer.exclusive(sessionLockKey(sessionId), () =>
    openSession(context, sessionId, state),
  );
  if (!opened) {
    return lostWrite(context, what, sendKeys);
  }
  // otp_ttl_seconds never exceeds session_ttl_seconds, so a first code lives its whole ttl.
  const delivery = send(context, recipient, code, config.otpTtlSeconds);
  describe(what, recipient, delivery.detail);
  if (!delivery.delivered) {
    return notSent(context, what, sessionId, delivery, sendKeys);
  }
  return proceed(context, what, proceedDetails(context, sessionId, config.otpTtlSeconds, login, recipient));
}

export function startLogin(context: FlowContext, login: LoginValue): FlowOutcome {
  const what = facts("start", login.normalised);
  const sends = claimSends(context, login);
  if (sends.retryAfter > 0) {
    return rateLimited(context, what, sends.limit, retryDetails(null, sends.retryAfter));
  }
  const recipient = findRecipient(context, login);
  describe(what, recipient, null);
  if (recipient.errorCode !== 0) {
    releaseAll(context.ports.claims, sends.keys);
    what.detail = recipient.decoyReason;
    return failure(context, what, recipient.errorCode, details(null));
  }
  return openAndSend(context, what, login, recipient, sends.keys, STEP_CODE);
}
