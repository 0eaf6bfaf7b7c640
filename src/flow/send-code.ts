// What a start and a resend share: making a code, claiming the session's cooldown, sending outside any lock, and the
// answers around a send.

import { OTP_NOT_SENT } from "./error-codes";
import { deliverCode } from "./delivery";
import type { Delivery } from "./delivery";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { details } from "./answer";
import type { AnswerDetails } from "./answer";
import { codeHash, generateCode, loginHash } from "./otp";
import { failure, lostWriteAnswer } from "./outcome";
import { decoyPhoneHint, maskPhone, phoneHint } from "./phone";
import { claimOnce, releaseAll } from "./rate-limits";
import type { Recipient } from "./recipient";
import { sessionClaimPrefix, sessionLockKey } from "./session-access";

/** A new code for a recipient: its hash is stored before the send; "" for a decoy or with Twilio Verify. */
export interface NewCode {
  code: string;
  codeHash: string;
}

export function newCode(context: FlowContext, sessionId: string, recipient: Recipient): NewCode {
  const config = context.config;
  if (recipient.phone === null || config.sender === "verify") {
    return { code: "", codeHash: "" };
  }
  const code = generateCode(context.ports.random, config.otpLength);
  return { code: code, codeHash: codeHash(context.ports.hash, context.hashKey, sessionId, code) };
}

/** Sends the code, valid for `expiresIn` seconds, outside any lock. A decoy sends nothing and counts as delivered. */
export function send(context: FlowContext, recipient: Recipient, code: NewCode, expiresIn: number): Delivery {
  if (recipient.phone === null) {
    return { delivered: true, attempted: true, detail: "decoy: " + recipient.decoyReason };
  }
  return deliverCode(context.config, context.ports.otp, recipient.phone, code.code, expiresIn);
}

/** What claimCooldown answers when a send of this session happened less than the cooldown ago. */
export const COOLDOWN_HELD = "-";

export function cooldownKey(context: FlowContext, sessionId: string): string {
  return sessionClaimPrefix(context, sessionId) + ":cooldown";
}

/**
 * Besides the hourly slots and its per-session send slot, each send takes the session's cooldown: one claim that lives for
 * resend_cooldown_seconds. Answers its key, "" when there is no cooldown (0 s), or COOLDOWN_HELD.
 */
export function claimCooldown(context: FlowContext, sessionId: string, ttlSeconds: number): string {
  const seconds = context.config.resendCooldownSeconds;
  if (seconds === 0) {
    return "";
  }
  const key = cooldownKey(context, sessionId);
  return claimOnce(context.ports.claims, key, Math.min(seconds, ttlSeconds), context.now)
    ? key
    : COOLDOWN_HELD;
}

function hintFor(context: FlowContext, login: LoginValue, recipient: Recipient): string | null {
  const config = context.config;
  return recipient.phone === null
    ? decoyPhoneHint(
        config.phoneHint,
        loginHash(context.ports.hash, context.hashKey, "hint:" + login.normalised),
        config.allowedCountryCodes,
      )
    : phoneHint(config.phoneHint, recipient.phone);
}

export function proceedDetails(
  context: FlowContext,
  sessionId: string,
  expiresIn: number,
  login: LoginValue,
  recipient: Recipient,
): AnswerDetails {
  const said = details(sessionId);
  said.step = 2;
  said.expiresIn = expiresIn;
  said.resendAfter = context.config.resendCooldownSeconds;
  said.codeLength = context.config.otpLength;
  said.phoneHint = hintFor(context, login, recipient);
  return said;
}

export function describe(what: EventFacts, recipient: Recipient, detail: string | null): void {
  what.userId = recipient.userId;
  what.maskedPhone = recipient.phone === null ? null : maskPhone(recipient.phone);
  what.detail = detail;
}

export function lostWrite(context: FlowContext, what: EventFacts, claimed: string[]): FlowOutcome {
  releaseAll(context.ports.claims, claimed);
  what.sessionId = null;
  return lostWriteAnswer(context, what);
}

/** After a send that did not go through: the session dies, and a call never attempted gives its slots back. */
export function notSent(
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
  return failure(context, what, OTP_NOT_SENT, details(null));
}
