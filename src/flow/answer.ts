// What the flow answers a request, free of any host's wire format: the ROPC host renders it as its response header, an
// Authorization Challenge host as JSON bodies. Numbers stay numbers so a JSON rendering needs no parsing.

/**
 * proceed: the login goes on (the session waits for `step`); error: refused (`errorCode`); abandoned: the session is gone at
 * the app's request; granted: the user is authenticated (the host issues its token or authorization code).
 */
export type AnswerKind = "proceed" | "error" | "abandoned" | "granted";

/** What an answer may say besides its kind; null means the answer does not say it. */
export interface AnswerDetails {
  sessionId: string | null;
  /** The step the session now waits for (proceed only). */
  step: number | null;
  /** Seconds the code (step 2) or the session (step 3) stays valid. */
  expiresIn: number | null;
  /** Seconds before a resend may be asked for. */
  resendAfter: number | null;
  codeLength: number | null;
  /** The phone hint phone_hint allows (masked or full), or null. */
  phoneHint: string | null;
  attemptsLeft: number | null;
  /** Seconds before the refused request may succeed. */
  retryAfter: number | null;
}

export interface FlowAnswer {
  kind: AnswerKind;
  /** The protocol error code (error-codes.ts) of an error; null otherwise. */
  errorCode: number | null;
  details: AnswerDetails;
}

/** Details naming only the session (or nothing); the caller sets what else its answer says. */
export function details(sessionId: string | null): AnswerDetails {
  return {
    sessionId: sessionId,
    step: null,
    expiresIn: null,
    resendAfter: null,
    codeLength: null,
    phoneHint: null,
    attemptsLeft: null,
    retryAfter: null,
  };
}

/** Details of a refusal that may succeed after `seconds`. */
export function retryDetails(sessionId: string | null, seconds: number): AnswerDetails {
  const out = details(sessionId);
  out.retryAfter = seconds;
  return out;
}
