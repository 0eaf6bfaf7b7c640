// Builds every outcome of the flow and writes its event as one log line.

import { details } from "./answer";
import type { AnswerDetails, AnswerKind } from "./answer";
import { errorName, INVALID_REQUEST, RATE_LIMITED, SERVER_ERROR } from "./error-codes";
import type { EventFacts, FlowContext, FlowEvent, FlowOutcome } from "./flow-types";
import { logQuoted, logSafe } from "./log-text";
import { sessionRef } from "./otp";
import type { Log } from "./ports";

const MAX_LOGGED_LENGTH = 64;

export function facts(event: string, login: string | null): EventFacts {
  return {
    event: event,
    userId: null,
    sessionId: null,
    maskedPhone: null,
    login: login,
    limit: null,
    detail: null,
  };
}

function field(name: string, value: string | null): string {
  return name + "=" + (value === null ? "-" : logSafe(value, MAX_LOGGED_LENGTH));
}

/** The detail is the flow's own prose: quoted, so it reads and greps as documented (`detail="unknown session"`). */
function quotedField(name: string, value: string | null): string {
  return name + "=" + (value === null ? "-" : logQuoted(value, MAX_LOGGED_LENGTH));
}

export function formatEventLine(event: FlowEvent): string {
  return [
    "gamatech-ropc",
    field("event", event.event),
    field("outcome", event.outcome),
    field("error_code", event.errorCode === null ? null : String(event.errorCode)),
    field("user", event.userId),
    field("client", event.clientId),
    field("ip", event.ipAddress),
    field("session", event.sessionRef),
    field("phone", event.maskedPhone),
    field("login", event.login),
    field("limit", event.limit),
    quotedField("detail", event.detail),
  ].join(" ");
}

/** Logging must never change an outcome: a failing log is ignored. */
export function writeEvent(log: Log, event: FlowEvent): void {
  try {
    if (event.errorCode === null) {
      log.info(formatEventLine(event));
    } else {
      log.warn(formatEventLine(event));
    }
  } catch (e) {
    return;
  }
}

function buildEvent(
  context: FlowContext,
  what: EventFacts,
  outcome: string,
  errorCode: number | null,
): FlowEvent {
  return {
    event: what.event,
    outcome: outcome,
    errorCode: errorCode,
    userId: what.userId,
    clientId: context.request.clientId,
    ipAddress: context.clientIp,
    sessionRef:
      what.sessionId === null ? null : sessionRef(context.ports.hash, context.hashKey, what.sessionId),
    maskedPhone: what.maskedPhone,
    login: what.login,
    limit: what.limit,
    detail: what.detail,
  };
}

function finish(
  context: FlowContext,
  event: FlowEvent,
  kind: AnswerKind,
  errorCode: number | null,
  said: AnswerDetails,
  userId: string | null,
): FlowOutcome {
  writeEvent(context.ports.log, event);
  return {
    grantedUserId: userId,
    answer: { kind: kind, errorCode: errorCode, details: said },
    events: [event],
  };
}

export function proceed(context: FlowContext, what: EventFacts, said: AnswerDetails): FlowOutcome {
  return finish(context, buildEvent(context, what, "proceed", null), "proceed", null, said, null);
}

export function failure(
  context: FlowContext,
  what: EventFacts,
  code: number,
  said: AnswerDetails,
): FlowOutcome {
  return finish(context, buildEvent(context, what, errorName(code), code), "error", code, said, null);
}

/** The answer to an abandon: the same whether or not the session existed (only the log line says which). */
export function abandoned(context: FlowContext, what: EventFacts, sessionId: string): FlowOutcome {
  return finish(
    context,
    buildEvent(context, what, "abandoned", null),
    "abandoned",
    null,
    details(sessionId),
    null,
  );
}

/** A rate_limited answer (10010): its log line names the limit that refused (one of the LIMIT_ names in rate-limits.ts). */
export function rateLimited(
  context: FlowContext,
  what: EventFacts,
  limit: string,
  said: AnswerDetails,
): FlowOutcome {
  what.limit = limit;
  return failure(context, what, RATE_LIMITED, said);
}

export function granted(context: FlowContext, what: EventFacts, userId: string): FlowOutcome {
  return finish(context, buildEvent(context, what, "granted", null), "granted", null, details(null), userId);
}

/** A session write that did not read back: the store lost it, so the flow stops here (fail closed, 10001). */
export function lostWriteAnswer(context: FlowContext, what: EventFacts): FlowOutcome {
  what.detail = "session write lost";
  return failure(context, what, SERVER_ERROR, details(null));
}

/** A request refused before any step ran (invalid_request, 10011): `detail` says which parameter is wrong. */
export function invalid(context: FlowContext, event: string, detail: string): FlowOutcome {
  const what = facts(event, null);
  what.detail = detail;
  return failure(context, what, INVALID_REQUEST, details(null));
}
