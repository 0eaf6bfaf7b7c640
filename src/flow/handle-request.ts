// The one entry point: a request in, the decision, the answer and the events out.

import { details } from "./answer";
import { clientAddress } from "./client-address";
import type { Config } from "./config";
import { SERVER_ERROR } from "./error-codes";
import type { FlowContext, FlowOutcome, FlowRequest } from "./flow-types";
import { hashKeyFor } from "./otp";
import { facts, failure, invalid } from "./outcome";
import {
  isSessionIdFormat,
  loginProblem,
  loginValue,
  READ_PARAMETERS,
  readParams,
  repeatedParameter,
} from "./params";
import type { Ports } from "./ports";
import { abandonLogin } from "./step-abandon";
import { checkCode } from "./step-code";
import { checkPassword } from "./step-password";
import { resendCode } from "./step-resend";
import { routeChallenge, startInOrder } from "./challenge-route";

function eventOf(step: string | null, sessionId: string | null): string {
  switch (step) {
    case "1":
      return sessionId === null ? "start" : "resend";
    case "2":
      return "code";
    case "3":
      return "password";
    case "abandon":
      return "abandon";
    default:
      return "request";
  }
}

function route(context: FlowContext): FlowOutcome {
  const params = context.request.params;
  const repeated = repeatedParameter(params, READ_PARAMETERS);
  if (repeated !== null) {
    return invalid(context, "request", "repeated parameter " + repeated);
  }
  const read = readParams(params);
  const event = eventOf(read.step, read.sessionId);
  if (event === "request") {
    return invalid(context, event, read.step === null ? "missing __step" : "unknown __step");
  }
  const problem = loginProblem(read.username);
  if (problem !== "") {
    return invalid(context, event, problem);
  }
  const login = loginValue(read.username ?? "");
  const sessionId = read.sessionId;
  if (sessionId !== null && !isSessionIdFormat(sessionId)) {
    return invalid(context, event, "malformed __session_id");
  }
  if (event === "start") {
    return startInOrder(context, event, login, read.password);
  }
  if (sessionId === null) {
    return invalid(context, event, "missing __session_id");
  }
  if (event === "abandon") {
    return abandonLogin(context, login, sessionId);
  }
  if (event === "resend") {
    return resendCode(context, login, sessionId);
  }
  if (event === "code") {
    const code = read.otpCode ?? read.password;
    return code === null
      ? invalid(context, event, "missing code")
      : checkCode(context, login, sessionId, code);
  }
  if (context.config.loginOrder === "password_first") {
    // The password came at step 1: no step 3 exists in this order.
    return invalid(context, event, "no step 3 with login_order=password_first");
  }
  const password = read.password ?? "";
  return password === ""
    ? invalid(context, event, "missing password")
    : checkPassword(context, login, sessionId, password);
}

/** The request's context before anything is read: the steps fill in the clock, the hash key and the client address. */
function newContext(request: FlowRequest, config: Config, ports: Ports): FlowContext {
  return {
    request: request,
    config: config,
    ports: ports,
    now: 0,
    hashKey: "",
    clientIp: request.ipAddress,
  };
}

/** Everything a request needs before its route: a failure here is a server_error like any other. */
function prepare(context: FlowContext): void {
  context.clientIp = clientAddress(context.request, context.config.trustedProxyCount);
  context.now = context.ports.clock.nowMillis();
  context.hashKey = hashKeyFor(context.config, context.ports.hash);
}

function serverError(context: FlowContext): FlowOutcome {
  const what = facts("request", null);
  what.detail = "exception";
  return failure(context, what, SERVER_ERROR, details(null));
}

/**
 * Decides one token request (the ROPC script's wire: the step in `__step`). Never throws: any failure of a port ends in
 * server_error (10001) without a token (S12). The flow keeps nothing between calls; all state is in the ports' shared
 * stores (S11).
 */
export function decideRequest(request: FlowRequest, config: Config, ports: Ports): FlowOutcome {
  const context = newContext(request, config, ports);
  try {
    prepare(context);
    return route(context);
  } catch (e) {
    return serverError(context);
  }
}

/**
 * Decides one Authorization Challenge request (challenge-route.ts: the step comes from the session's state), with the same
 * steps, limits and logging as decideRequest, and the same guarantee: it never throws.
 */
export function decideChallenge(request: FlowRequest, config: Config, ports: Ports): FlowOutcome {
  const context = newContext(request, config, ports);
  try {
    prepare(context);
    return routeChallenge(context);
  } catch (e) {
    return serverError(context);
  }
}
