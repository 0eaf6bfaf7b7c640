// The data the entry point takes and returns, and what every step shares.

import type { FlowAnswer } from "./answer";
import type { Config } from "./config";
import type { Ports } from "./ports";

export interface FlowRequest {
  /** Every value of every request parameter, as the servlet request has them. */
  params: Record<string, string[]>;
  clientId: string;
  /** The servlet's remote address. */
  ipAddress: string;
  /** Every X-Forwarded-For header value as received, in order (empty without the header). */
  forwardedFor: string[];
}

/** One authentication event (S10). Holds no code, password, secret, session id or full phone number. */
export interface FlowEvent {
  /** start, resend, code, password, abandon or request (before the step is known). */
  event: string;
  /** proceed, granted, abandoned, or the error name. */
  outcome: string;
  errorCode: number | null;
  userId: string | null;
  clientId: string;
  /** The client address the per-IP limit counts (see client-address.ts). */
  ipAddress: string;
  /** A short hash of the session id. */
  sessionRef: string | null;
  /** Always masked, whatever phone_hint says. */
  maskedPhone: string | null;
  /** The normalised login value (at most 256 characters; the log line shortens and escapes it). */
  login: string | null;
  /** Which limit refused a rate_limited answer (see RateLimit); null otherwise. */
  limit: string | null;
  /** Why, for the administrator: e.g. "decoy: unknown user", "provider error 21211". */
  detail: string | null;
}

export interface FlowOutcome {
  /** The user to pass to context.setUser; null means return False. */
  grantedUserId: string | null;
  /** What to tell the app; each host renders it in its own wire format. */
  answer: FlowAnswer;
  events: FlowEvent[];
}

export interface FlowContext {
  request: FlowRequest;
  config: Config;
  ports: Ports;
  now: number;
  hashKey: string;
  /** The address the per-IP limit counts and the log shows: the servlet's, or the trusted X-Forwarded-For entry. */
  clientIp: string;
}

/** A login value as typed (trimmed) and as compared and counted (lower-cased). */
export interface LoginValue {
  typed: string;
  normalised: string;
}

/** What an outcome's log line says about the request besides the result. */
export interface EventFacts {
  event: string;
  userId: string | null;
  sessionId: string | null;
  maskedPhone: string | null;
  login: string | null;
  limit: string | null;
  detail: string | null;
}
