// Step 1: start a login, or send a new code in a live one (resend). The session holding the new code is written and read
// back before the code is sent; the send slots are taken before the provider call and given back only when the call was
// never attempted. The provider call runs outside the session lock.

import { OTP_NOT_SENT, RATE_LIMITED } from "./error-codes";
import { deliverCode } from "./delivery";
import type { Delivery } from "./delivery";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import type { HeaderPair } from "./header";
import { pair } from "./header";
import { codeHash, generateCode, loginHash } from "./otp";
import { facts, failure, lostWriteAnswer, proceed } from "./outcome";
import { decoyPhoneHint, maskPhone, phoneHint } from "./phone";
import { claimOnce, claimSlot, heldSeconds, releaseAll } from "./rate-limits";
import { findRecipient } from "./recipient";
import type { Recipient } from "./recipient";
import {
  claimSends,
  createSession,
  loadSession,
  removeQuietly,
  saveSession,
  secondsLeft,
  sessionClaimPrefix,
  sessionLockKey,
} from "./session-access";
import { STATE_VERSION } from "./session-state";
import type { SessionState } from "./session-state";
import { SESSION_ID_BYTES } from "./params";

/** A new code for a recipient: its hash is stored before the send; "" for a decoy or with Twilio Verify. */
interface NewCode {
  code: string;
  codeHash: string;
}

function newCode(context: FlowContext, sessionId: string, recipient: Recipient): NewCode {
  const config = context.config;
  if (recipient.phone === null || config.sender === "verify") {
    return { code: "", codeHash: "" };
  }
  const code = generateCode(context.ports.random, config.otpLength);
  return { code: code, codeHash: codeHash(context.ports.hash, context.hashKey, sessionId, code) };
}

/** Sends the code, outside any lock. A decoy sends nothing and counts as delivered. */
function send(context: FlowContext, recipient: Recipient, code: NewCode): Delivery {
  if (recipient.phone === null) {
    return { delivered: true, attempted: true, detail: "decoy: " + recipient.decoyReason };
  }
  return deliverCode(context.config, context.ports.otp, recipient.phone, code.code);
}

/** What claimCooldown answers when a send of this session happened less than the cooldown ago. */
const COOLDOWN_HELD = "-";

function cooldownKey(context: FlowContext, sessionId: string): string {
  return sessionClaimPrefix(context, sessionId) + ":cooldown";
}

/**
 * Besides the hourly slots and its per-session send slot, each send takes the session's cooldown: one claim that lives for
 * resend_cooldown_seconds. Answers its key, "" when there is no cooldown (0 s), or COOLDOWN_HELD.
 */
function claimCooldown(context: FlowContext, sessionId: string, ttlSeconds: number): string {
  const seconds = context.config.resendCooldownSeconds;
  if (seconds === 0) {
    return "";
  }
  const key = cooldownKey(context, sessionId);
  return claimOnce(context.ports.claims, key, Math.min(seconds, ttlSeconds), context.now)
    ? key
    : COOLDOWN_HELD;
}

function hintPairs(context: FlowContext, login: LoginValue, recipient: Recipient): HeaderPair[] {
  const config = context.config;
  const hint =
    recipient.phone === null
      ? decoyPhoneHint(
          config.phoneHint,
          loginHash(context.ports.hash, context.hashKey, "hint:" + login.normalised),
          config.allowedCountryCodes,
        )
      : phoneHint(config.phoneHint, recipient.phone);
  return hint === null ? [] : [pair("phone_number", hint)];
}

function proceedPairs(
  context: FlowContext,
  sessionId: string,
  expiresIn: number,
  login: LoginValue,
  recipient: Recipient,
): HeaderPair[] {
  const pairs = [
    pair("session_id", sessionId),
    pair("step", "2"),
    pair("expires_in", String(expiresIn)),
    pair("resend_after", String(context.config.resendCooldownSeconds)),
    pair("code_length", String(context.config.otpLength)),
  ];
  for (const item of hintPairs(context, login, recipient)) {
    pairs.push(item);
  }
  return pairs;
}

function describe(what: EventFacts, recipient: Recipient, detail: string | null): void {
  what.userId = recipient.userId;
  what.maskedPhone = recipient.phone === null ? null : maskPhone(recipient.phone);
  what.detail = detail;
}

function lostWrite(context: FlowContext, what: EventFacts, claimed: string[]): FlowOutcome {
  releaseAll(context.ports.claims, claimed);
  what.sessionId = null;
  return lostWriteAnswer(context, what);
}

/** After a send that did not go through: the session dies, and a call never attempted gives its slots back. */
function notSent(
  context: FlowContext,
  what: EventFacts,
  sessionId: string,
  delivery: Delivery,
  claimed: string[],
): FlowOutcome {
  context.ports.serializer.exclusive(sessionLockKey(sessionId), () => {
    context.ports.sessions.remove(sessionId);
    return true;
  });
  if (!delivery.attempted) {
    releaseAll(context.ports.claims, claimed);
  }
  what.sessionId = null;
  return failure(context, what, OTP_NOT_SENT, []);
}

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

export function startLogin(context: FlowContext, login: LoginValue): FlowOutcome {
  const config = context.config;
  const what = facts("start", login.normalised);
  const sends = claimSends(context, login);
  if (sends.retryAfter > 0) {
    return failure(context, what, RATE_LIMITED, [pair("retry_after", String(sends.retryAfter))]);
  }
  const recipient = findRecipient(context, login);
  describe(what, recipient, null);
  if (recipient.errorCode !== 0) {
    releaseAll(context.ports.claims, sends.keys);
    what.detail = recipient.decoyReason;
    return failure(context, what, recipient.errorCode, []);
  }
  const sessionId = context.ports.random.randomHex(SESSION_ID_BYTES);
  const code = newCode(context, sessionId, recipient);
  const state: SessionState = {
    version: STATE_VERSION,
    clientId: context.request.clientId,
    login: login.normalised,
    userId: recipient.userId,
    step: 2,
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
    return lostWrite(context, what, sends.keys);
  }
  const delivery = send(context, recipient, code);
  describe(what, recipient, delivery.detail);
  if (!delivery.delivered) {
    return notSent(context, what, sessionId, delivery, sends.keys);
  }
  return proceed(context, what, proceedPairs(context, sessionId, config.otpTtlSeconds, login, recipient));
}

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

function waitAnswer(context: FlowContext, what: EventFacts, sessionId: string, wait: number): ResendPlan {
  return refuse(
    failure(context, what, RATE_LIMITED, [pair("session_id", sessionId), pair("retry_after", String(wait))]),
  );
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
  const loaded = loadSession(context, sessionId, login, 2);
  const state = loaded.state;
  if (state === null) {
    what.sessionId = null;
    what.detail = loaded.detail;
    return refuse(failure(context, what, loaded.errorCode, []));
  }
  what.userId = state.userId;
  const left = secondsLeft(context, state);
  const cooldown = claimCooldown(context, sessionId, left);
  if (cooldown === COOLDOWN_HELD) {
    return waitAnswer(
      context,
      what,
      sessionId,
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
    return waitAnswer(context, what, sessionId, left);
  }
  const sends = claimSends(context, login);
  if (sends.retryAfter > 0) {
    releaseAll(claims, [cooldown, slot.key]);
    return waitAnswer(context, what, sessionId, sends.retryAfter);
  }
  const recipient = resendRecipient(context, state, login);
  if (recipient.errorCode !== 0) {
    releaseAll(claims, sends.keys);
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    what.detail = recipient.decoyReason;
    return refuse(failure(context, what, recipient.errorCode, []));
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
    expiresIn: Math.min(config.otpTtlSeconds, left),
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
  const delivery = send(context, recipient, plan.code);
  describe(what, recipient, delivery.detail);
  if (!delivery.delivered) {
    return notSent(context, what, sessionId, delivery, plan.claimed);
  }
  return proceed(context, what, proceedPairs(context, sessionId, plan.expiresIn, login, recipient));
}
