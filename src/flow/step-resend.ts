// Step 1 again: a new code in a live login (resend). Under the session lock the cooldown and every send slot are claimed and
// the new code replaces the old one before it is sent; the provider call runs outside the lock.

import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { details, retryDetails } from "./answer";
import { facts, failure, proceed, rateLimited } from "./outcome";
import { maskPhone } from "./phone";
import { claimSlot, heldSeconds, LIMIT_COOLDOWN, LIMIT_SESSION_SENDS, releaseAll } from "./rate-limits";
import { findRecipient } from "./recipient";
import type { Recipient } from "./recipient";
import {
  claimCooldown,
  COOLDOWN_HELD,
  cooldownKey,
  describe,
  lostWrite,
  newCode,
  notSent,
  proceedDetails,
  send,
} from "./send-code";
import type { NewCode } from "./send-code";
import {
  claimSends,
  codeStep,
  loadSession,
  removeQuietly,
  saveSession,
  secondsLeft,
  sessionClaimPrefix,
  sessionLockKey,
} from "./session-access";
import type { SessionState } from "./session-state";

/**
 * The recipient of a resend: the session's user if still usable, else a decoy. A decoy session stays a decoy even if the
 * user appears meanwhile, and a user who became inactive or lost the phone gets no more codes.
 */
function resendRecipient(context: FlowContext, state: SessionState, login: LoginValue): Recipient {
  const current = findRecipient(context, login);
  if (state.userId !== null && current.userId === state.userId) {
    return current;
  }
  const reason = state.userId === null ? "decoy session" : "user no longer usable";
  return { userId: null, phone: null, decoyReason: reason, errorCode: current.errorCode };
}

/**
 * Whole seconds a code stored now stays valid: its ttl, cut by the end of the session, rounded down so that neither
 * expires_in nor the SMS promises more than the code has.
 */
function codeLifeSeconds(context: FlowContext, state: SessionState): number {
  const millis = Math.min(context.config.otpTtlSeconds * 1000, state.expiresAt - context.now);
  return Math.floor(millis / 1000);
}

/** What the locked part of a resend decided: a refusal to answer, or a recipient whose new code is stored. */
interface ResendPlan {
  refusal: FlowOutcome | null;
  recipient: Recipient;
  code: NewCode;
  /** The hourly send slots taken (given back when the provider is never called). */
  claimed: string[];
  expiresIn: number;
}

function refuse(outcome: FlowOutcome): ResendPlan {
  const none: Recipient = { userId: null, phone: null, decoyReason: "", errorCode: 0 };
  return { refusal: outcome, recipient: none, code: { code: "", codeHash: "" }, claimed: [], expiresIn: 0 };
}

function waitAnswer(
  context: FlowContext,
  what: EventFacts,
  sessionId: string,
  limit: string,
  wait: number,
): ResendPlan {
  return refuse(rateLimited(context, what, limit, retryDetails(sessionId, wait)));
}

/** Under the session lock: checks, claims the cooldown and every send slot, and stores the new code. */
function planResend(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
): ResendPlan {
  const config = context.config;
  const claims = context.ports.claims;
  const loaded = loadSession(context, sessionId, login, codeStep(config));
  const state = loaded.state;
  if (state === null) {
    what.sessionId = null;
    what.detail = loaded.detail;
    return refuse(failure(context, what, loaded.errorCode, details(null)));
  }
  what.userId = state.userId;
  const left = secondsLeft(context, state);
  const cooldown = claimCooldown(context, sessionId, left);
  if (cooldown === COOLDOWN_HELD) {
    return waitAnswer(
      context,
      what,
      sessionId,
      LIMIT_COOLDOWN,
      heldSeconds(claims, cooldownKey(context, sessionId), context.now),
    );
  }
  const slot = claimSlot(
    claims,
    sessionClaimPrefix(context, sessionId) + ":send",
    config.maxSendsPerSession,
    left,
    context.now,
  );
  if (slot.slot === 0) {
    // This session will never send again: the app may start a new login once it has expired.
    releaseAll(claims, [cooldown]);
    return waitAnswer(context, what, sessionId, LIMIT_SESSION_SENDS, left);
  }
  const sends = claimSends(context, login);
  if (sends.retryAfter > 0) {
    releaseAll(claims, [cooldown, slot.key]);
    return waitAnswer(context, what, sessionId, sends.limit, sends.retryAfter);
  }
  const recipient = resendRecipient(context, state, login);
  if (recipient.errorCode !== 0) {
    releaseAll(claims, sends.keys);
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    what.detail = recipient.decoyReason;
    return refuse(failure(context, what, recipient.errorCode, details(null)));
  }
  // The old code dies as the new one is stored, before it is sent.
  const code = newCode(context, sessionId, recipient);
  state.codeHash = code.codeHash;
  state.codeIssuedAt = context.now;
  state.sends = state.sends + 1;
  state.lastSendAt = context.now;
  state.userId = recipient.userId;
  state.verifyTo = config.sender === "verify" ? (recipient.phone ?? "") : "";
  state.maskedPhone = recipient.phone === null ? "" : maskPhone(recipient.phone);
  if (!saveSession(context, sessionId, state)) {
    removeQuietly(context, sessionId);
    return refuse(lostWrite(context, what, sends.keys));
  }
  return {
    refusal: null,
    recipient: recipient,
    code: code,
    claimed: sends.keys,
    expiresIn: codeLifeSeconds(context, state),
  };
}

export function resendCode(context: FlowContext, login: LoginValue, sessionId: string): FlowOutcome {
  const what = facts("resend", login.normalised);
  what.sessionId = sessionId;
  const plan = context.ports.serializer.exclusive(sessionLockKey(sessionId), () =>
    planResend(context, what, login, sessionId),
  );
  if (plan.refusal !== null) {
    return plan.refusal;
  }
  const recipient = plan.recipient;
  const delivery = send(context, recipient, plan.code, plan.expiresIn);
  describe(what, recipient, delivery.detail);
  if (!delivery.delivered) {
    return notSent(context, what, sessionId, delivery, plan.claimed);
  }
  return proceed(context, what, proceedDetails(context, sessionId, plan.expiresIn, login, recipient));
}
