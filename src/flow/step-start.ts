// Step 1: start a login, or send a new code in a live one (resend).

import { OTP_NOT_SENT, RATE_LIMITED } from "./error-codes";
import { deliverCode } from "./delivery";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import type { HeaderPair } from "./header";
import { pair } from "./header";
import { codeHash, generateCode, loginHash } from "./otp";
import { facts, failure, proceed } from "./outcome";
import { decoyPhoneHint, maskPhone, phoneHint } from "./phone";
import { countEvent, secondsUntil } from "./rate-limits";
import { findRecipient } from "./recipient";
import type { Recipient } from "./recipient";
import {
  loadSession,
  saveSession,
  secondsLeft,
  sendLimitSeconds,
  sendsByIpKey,
  sendsByLoginKey,
} from "./session-access";
import { serializeState, STATE_VERSION } from "./session-state";
import type { SessionState } from "./session-state";
import { SESSION_ID_BYTES } from "./params";

/** A new code for `recipient`, sent unless it is a decoy; "" stands for the code of a decoy or of Twilio Verify. */
interface IssuedCode {
  codeHash: string;
  sent: boolean;
  detail: string | null;
}

function issueCode(context: FlowContext, sessionId: string, recipient: Recipient): IssuedCode {
  const config = context.config;
  if (recipient.phone === null) {
    return { codeHash: "", sent: true, detail: "decoy: " + recipient.decoyReason };
  }
  const code = config.sender === "verify" ? "" : generateCode(context.ports.random, config.otpLength);
  const delivery = deliverCode(config, context.ports.otp, recipient.phone, code);
  const hashed = code === "" ? "" : codeHash(context.ports.hash, context.hashKey, sessionId, code);
  return { codeHash: hashed, sent: delivery.delivered, detail: delivery.detail };
}

/** Counted before sending, so a provider that keeps failing cannot be hammered past the limits. */
function countSend(context: FlowContext, login: LoginValue): void {
  countEvent(context.ports.counters, sendsByLoginKey(context, login), context.now);
  if (context.config.maxSendsPerIpPerHour > 0) {
    countEvent(context.ports.counters, sendsByIpKey(context), context.now);
  }
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
  ];
  for (const item of hintPairs(context, login, recipient)) {
    pairs.push(item);
  }
  return pairs;
}

function describe(what: EventFacts, recipient: Recipient, issued: IssuedCode | null): void {
  what.userId = recipient.userId;
  what.maskedPhone = recipient.phone === null ? null : maskPhone(recipient.phone);
  what.detail = issued === null ? null : issued.detail;
}

export function startLogin(context: FlowContext, login: LoginValue): FlowOutcome {
  const config = context.config;
  const what = facts("start", login.normalised);
  const retryAfter = sendLimitSeconds(context, login);
  if (retryAfter > 0) {
    return failure(context, what, RATE_LIMITED, [pair("retry_after", String(retryAfter))]);
  }
  const recipient = findRecipient(context, login);
  describe(what, recipient, null);
  if (recipient.errorCode !== 0) {
    what.detail = recipient.decoyReason;
    return failure(context, what, recipient.errorCode, []);
  }
  countSend(context, login);
  const sessionId = context.ports.random.randomHex(SESSION_ID_BYTES);
  const issued = issueCode(context, sessionId, recipient);
  describe(what, recipient, issued);
  if (!issued.sent) {
    return failure(context, what, OTP_NOT_SENT, []);
  }
  const state: SessionState = {
    version: STATE_VERSION,
    clientId: context.request.clientId,
    login: login.normalised,
    userId: recipient.userId,
    step: 2,
    codeHash: issued.codeHash,
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
  context.ports.sessions.create(sessionId, serializeState(state), config.sessionTtlSeconds);
  what.sessionId = sessionId;
  return proceed(context, what, proceedPairs(context, sessionId, config.otpTtlSeconds, login, recipient));
}

/** Why a resend in `state` must wait: seconds, or 0 when it may go now. */
function resendWait(context: FlowContext, state: SessionState, login: LoginValue): number {
  const cooldownEnd = state.lastSendAt + context.config.resendCooldownSeconds * 1000;
  if (context.now < cooldownEnd) {
    return secondsUntil(cooldownEnd, context.now);
  }
  if (state.sends >= context.config.maxSendsPerSession) {
    // This session will never send again: the app may start a new login once it has expired.
    return secondsLeft(context, state);
  }
  return sendLimitSeconds(context, login);
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

export function resendCode(context: FlowContext, login: LoginValue, sessionId: string): FlowOutcome {
  const config = context.config;
  const what = facts("resend", login.normalised);
  what.sessionId = sessionId;
  const loaded = loadSession(context, sessionId, login, 2);
  const state = loaded.state;
  if (state === null) {
    what.sessionId = null;
    what.detail = loaded.detail;
    return failure(context, what, loaded.errorCode, []);
  }
  what.userId = state.userId;
  const wait = resendWait(context, state, login);
  if (wait > 0) {
    return failure(context, what, RATE_LIMITED, [
      pair("session_id", sessionId),
      pair("retry_after", String(wait)),
    ]);
  }
  const recipient = resendRecipient(context, state, login);
  if (recipient.errorCode !== 0) {
    context.ports.sessions.remove(sessionId);
    what.detail = recipient.decoyReason;
    return failure(context, what, recipient.errorCode, []);
  }
  countSend(context, login);
  // The old code dies before the new one is sent: if the send and then the removal below fail, no usable code is left.
  state.codeHash = "";
  state.codeIssuedAt = 0;
  saveSession(context, sessionId, state);
  const issued = issueCode(context, sessionId, recipient);
  describe(what, recipient, issued);
  if (!issued.sent) {
    context.ports.sessions.remove(sessionId);
    return failure(context, what, OTP_NOT_SENT, []);
  }
  state.codeHash = issued.codeHash;
  state.codeIssuedAt = context.now;
  state.sends = state.sends + 1;
  state.lastSendAt = context.now;
  state.userId = recipient.userId;
  state.verifyTo = config.sender === "verify" ? (recipient.phone ?? "") : "";
  state.maskedPhone = what.maskedPhone ?? "";
  saveSession(context, sessionId, state);
  const expiresIn = Math.min(config.otpTtlSeconds, secondsLeft(context, state));
  return proceed(context, what, proceedPairs(context, sessionId, expiresIn, login, recipient));
}
