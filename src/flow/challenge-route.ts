// The Authorization Challenge wire (OAuth 2.0 for First-Party Applications): the same steps as the ROPC wire, but the app
// names no step. Without auth_session a request starts a login; with one, the session's own state says what the request
// must carry (the code while a code is due, else the password), and `action` asks for a resend or an abandon instead.

import type { FlowContext, FlowOutcome, LoginValue } from "./flow-types";
import { facts, failure, invalid } from "./outcome";
import { details } from "./answer";
import { SESSION_EXPIRED } from "./error-codes";
import { isSessionIdFormat, loginProblem, loginValue, optional, repeatedParameter, single } from "./params";
import { parseState, STEP_PASSWORD } from "./session-state";
import type { SessionState } from "./session-state";
import { abandonLogin } from "./step-abandon";
import { checkCode } from "./step-code";
import { checkPassword } from "./step-password";
import { startWithPassword } from "./step-password-first";
import { resendCode } from "./step-resend";
import { startLogin } from "./step-start";

/** The parameters the challenge host copies out of the request; nothing else reaches the flow. */
export const CHALLENGE_PARAMETERS: readonly string[] = [
  "username",
  "password",
  "otp",
  "auth_session",
  "action",
];

const ACTION_RESEND = "resend";
const ACTION_ABANDON = "abandon";

/** Step 1 in the configured order: the password is required, and checked, only with login_order=password_first. */
export function startInOrder(
  context: FlowContext,
  event: string,
  login: LoginValue,
  password: string | null,
): FlowOutcome {
  if (context.config.loginOrder !== "password_first") {
    return startLogin(context, login);
  }
  const given = password ?? "";
  return given === ""
    ? invalid(context, event, "missing password")
    : startWithPassword(context, login, given);
}

/** The login a later request is bound to: the username when the app sends one (the step checks it), else the session's. */
function boundLogin(username: string | null, state: SessionState | null): LoginValue {
  if (username !== null) {
    return loginValue(username);
  }
  const stored = state === null ? "" : state.login;
  return { typed: stored, normalised: stored };
}

function eventOf(action: string | null, state: SessionState | null): string {
  if (action === ACTION_RESEND) {
    return "resend";
  }
  if (action === ACTION_ABANDON) {
    return "abandon";
  }
  return state !== null && state.step === STEP_PASSWORD ? "password" : "code";
}

function continueLogin(context: FlowContext, sessionId: string, username: string | null): FlowOutcome {
  const params = context.request.params;
  const action = optional(params, "action");
  // Read only to route the request: the step loads and checks the session again under its claims.
  const text = context.ports.sessions.get(sessionId);
  const state = text === null ? null : parseState(text);
  const event = eventOf(action, state);
  if (action !== null && action !== ACTION_RESEND && action !== ACTION_ABANDON) {
    return invalid(context, "request", "unknown action");
  }
  const login = boundLogin(username, state);
  if (event === "abandon") {
    return abandonLogin(context, login, sessionId);
  }
  if (text === null && action === null) {
    // Nothing to route by: the same answer the steps give for a session they cannot find.
    const what = facts(event, login.normalised === "" ? null : login.normalised);
    what.detail = "unknown session";
    return failure(context, what, SESSION_EXPIRED, details(null));
  }
  if (event === "resend") {
    return resendCode(context, login, sessionId);
  }
  if (event === "password") {
    if (context.config.loginOrder === "password_first") {
      return invalid(context, event, "no password step with login_order=password_first");
    }
    const password = single(params, "password") ?? "";
    return password === ""
      ? invalid(context, event, "missing password")
      : checkPassword(context, login, sessionId, password);
  }
  const code = optional(params, "otp");
  return code === null ? invalid(context, event, "missing otp") : checkCode(context, login, sessionId, code);
}

export function routeChallenge(context: FlowContext): FlowOutcome {
  const params = context.request.params;
  const repeated = repeatedParameter(params, CHALLENGE_PARAMETERS);
  if (repeated !== null) {
    return invalid(context, "request", "repeated parameter " + repeated);
  }
  const sessionId = optional(params, "auth_session");
  const username = single(params, "username");
  const starting = sessionId === null;
  if (starting || username !== null) {
    const problem = loginProblem(username);
    if (problem !== "") {
      return invalid(context, starting ? "start" : "request", problem);
    }
  }
  if (sessionId === null) {
    if (optional(params, "action") !== null) {
      return invalid(context, "request", "missing auth_session");
    }
    return startInOrder(context, "start", loginValue(username ?? ""), single(params, "password"));
  }
  if (!isSessionIdFormat(sessionId)) {
    return invalid(context, "request", "malformed auth_session");
  }
  return continueLogin(context, sessionId, username);
}
