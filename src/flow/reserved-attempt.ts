// The skeleton every checked answer (a code, a password) goes through. Under the session lock an attempt slot and a failure
// slot are reserved before the answer is evaluated, so parallel guesses cannot exceed the limits; the answer is evaluated
// outside the lock (it may call Twilio Verify or the directory); under the lock again it is applied to the session as it is
// now, and a right answer passes through a one-shot claim, so it passes once however many copies arrive together.

import { TOO_MANY_ATTEMPTS } from "./error-codes";
import type { EventFacts, FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { details, retryDetails } from "./answer";
import { failure, lostWriteAnswer, rateLimited } from "./outcome";
import { claimOnce, claimSlot, LIMIT_LOCKOUT, releaseAll } from "./rate-limits";
import {
  claimFailure,
  loadSession,
  saveSession,
  secondsLeft,
  sessionClaimPrefix,
  sessionLockKey,
} from "./session-access";
import type { LoadedSession } from "./session-access";
import type { SessionState } from "./session-state";

/** The fixed facts of one kind of checked answer. */
export interface AttemptLimits {
  /** The step the session must wait for. */
  step: number;
  /** Suffix of the per-session attempt slots, e.g. ":code". */
  attemptClaim: string;
  /** Suffix of the one-shot claim a right answer takes, e.g. ":step3". */
  passClaim: string;
  maxAttempts: number;
  /** The error of a wrong answer that leaves attempts (with session_id and attempts_left). */
  wrongAnswerCode: number;
}

/** What differs between kinds of answers. Each method may set `what.detail` and `what.sessionId` for its own answer. */
export interface AttemptRules {
  /** A refusal before any slot is taken (the state cannot be checked at all), or null. */
  refuseBeforeClaims(context: FlowContext, what: EventFacts, state: SessionState): FlowOutcome | null;
  /** A refusal once the failure slot is held (the skeleton gives it back), or null. */
  refuseAfterLockout(
    context: FlowContext,
    what: EventFacts,
    sessionId: string,
    state: SessionState,
  ): FlowOutcome | null;
  /** Whether a matching answer still belongs to the session as it is now (`seen` is the state it was checked against). */
  stillCurrent(seen: SessionState, state: SessionState): boolean;
  /** The answer when the right answer got the one-shot claim. */
  passed(context: FlowContext, what: EventFacts, sessionId: string, state: SessionState): FlowOutcome;
  /** The answer when a parallel copy of the right answer took the one-shot claim first. */
  passedAlready(context: FlowContext, what: EventFacts): FlowOutcome;
  /** Counts a wrong answer in the session state (saved by the skeleton). */
  recordFailure(state: SessionState): void;
  /** The wrong answers the state has counted: each holds one of the session's attempt slots. */
  failuresCounted(state: SessionState): number;
}

/** What the locked first part reserved: the session it saw and the slots it holds. */
class ReservedAttempt {
  /** The load that was accepted; nothing changes its state before commit reloads the session. */
  readonly loaded: LoadedSession;
  readonly state: SessionState;
  /** The attempt slot taken (1..maxAttempts). */
  readonly slot: number;
  readonly failureKey: string;
  /** The session's claim prefix: a keyed hash, so made once per request. */
  readonly claimPrefix: string;

  constructor(
    loaded: LoadedSession,
    state: SessionState,
    slot: number,
    failureKey: string,
    claimPrefix: string,
  ) {
    this.loaded = loaded;
    this.state = state;
    this.slot = slot;
    this.failureKey = failureKey;
    this.claimPrefix = claimPrefix;
  }
}

function refusedSession(
  context: FlowContext,
  what: EventFacts,
  errorCode: number,
  detail: string,
): FlowOutcome {
  what.sessionId = null;
  what.detail = detail;
  return failure(context, what, errorCode, details(null));
}

/** Under the session lock: the session, the kind's own checks, then a failure slot and an attempt slot. */
function reserve(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
  limits: AttemptLimits,
  rules: AttemptRules,
): ReservedAttempt | FlowOutcome {
  const claims = context.ports.claims;
  const loaded = loadSession(context, sessionId, login, limits.step);
  const state = loaded.state;
  if (state === null) {
    return refusedSession(context, what, loaded.errorCode, loaded.detail);
  }
  what.userId = state.userId;
  what.maskedPhone = state.maskedPhone === "" ? null : state.maskedPhone;
  const early = rules.refuseBeforeClaims(context, what, state);
  if (early !== null) {
    return early;
  }
  const lockout = claimFailure(context, login);
  if (lockout.slot === 0) {
    return rateLimited(context, what, LIMIT_LOCKOUT, retryDetails(sessionId, lockout.retryAfter));
  }
  const late = rules.refuseAfterLockout(context, what, sessionId, state);
  if (late !== null) {
    releaseAll(claims, [lockout.key]);
    return late;
  }
  const claimPrefix = sessionClaimPrefix(context, sessionId);
  // Every counted failure holds an attempt slot, taken before it was counted and never given back: the next one is
  // claimed without reading those (one round trip less under the lock when no other request races this one).
  const attempt = claimSlot(
    claims,
    claimPrefix + limits.attemptClaim,
    limits.maxAttempts,
    secondsLeft(context, state),
    context.now,
    rules.failuresCounted(state) + 1,
  );
  if (attempt.slot === 0) {
    releaseAll(claims, [lockout.key]);
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    return failure(context, what, TOO_MANY_ATTEMPTS, details(null));
  }
  return new ReservedAttempt(loaded, state, attempt.slot, lockout.key, claimPrefix);
}

/** Under the session lock again: a right answer gives its failure slot back; a wrong one keeps it and counts. */
function commit(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
  limits: AttemptLimits,
  rules: AttemptRules,
  attempt: ReservedAttempt,
  matched: boolean,
): FlowOutcome {
  const claims = context.ports.claims;
  const loaded = loadSession(context, sessionId, login, limits.step, attempt.loaded);
  const state = loaded.state;
  if (state === null) {
    if (matched) {
      releaseAll(claims, [attempt.failureKey]);
    }
    return refusedSession(context, what, loaded.errorCode, loaded.detail);
  }
  if (matched && rules.stillCurrent(attempt.state, state)) {
    releaseAll(claims, [attempt.failureKey]);
    const once = attempt.claimPrefix + limits.passClaim;
    if (!claimOnce(claims, once, secondsLeft(context, state), context.now)) {
      return rules.passedAlready(context, what);
    }
    return rules.passed(context, what, sessionId, state);
  }
  rules.recordFailure(state);
  if (attempt.slot >= limits.maxAttempts) {
    context.ports.sessions.remove(sessionId);
    what.sessionId = null;
    return failure(context, what, TOO_MANY_ATTEMPTS, details(null));
  }
  if (!saveSession(context, sessionId, state)) {
    return lostWriteAnswer(context, what);
  }
  const said = details(sessionId);
  said.attemptsLeft = limits.maxAttempts - attempt.slot;
  return failure(context, what, limits.wrongAnswerCode, said);
}

/**
 * Checks one answer of session `sessionId`: reserve, `evaluate` the answer against the state seen (outside the lock, so a
 * slow provider or directory holds no lock), commit. `what` is the event being built for this request.
 */
export function checkReservedAttempt(
  context: FlowContext,
  what: EventFacts,
  login: LoginValue,
  sessionId: string,
  limits: AttemptLimits,
  rules: AttemptRules,
  evaluate: (state: SessionState) => boolean,
): FlowOutcome {
  const lock = sessionLockKey(sessionId);
  const serializer = context.ports.serializer;
  const attempt = serializer.exclusive(lock, () => reserve(context, what, login, sessionId, limits, rules));
  if (!(attempt instanceof ReservedAttempt)) {
    return attempt;
  }
  const matched = evaluate(attempt.state);
  return serializer.exclusive(lock, () =>
    commit(context, what, login, sessionId, limits, rules, attempt, matched),
  );
}
