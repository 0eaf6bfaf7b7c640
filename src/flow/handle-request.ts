// The one entry point: a request in, the decision, the answer and the events out.

import { details } from "./answer";
import { clientAddress } from "./client-address";
import type { Config } from "./config";
import { INVALID_REQUEST, SERVER_ERROR } from "./error-codes";
import type { FlowContext, FlowOutcome, FlowRequest } from "./flow-types";
import { hashKeyFor } from "./otp";
import { facts, failure } from "./outcome";
import { isSessionIdFormat, loginProblem, loginValue, readParams, repeatedParameter } from "./params";
import type { Ports } from "./ports";
import { abandonLogin } from "./step-abandon";
import { checkCode } from "./step-code";
import { checkPassword } from "./step-password";
import { startWithPassword } from "./step-password-first";
import { resendCode } from "./step-resend";
import { startLogin } from "./step-start";

function invalid(context: FlowContext, event: string, detail: string): FlowOutcome {
  const what = facts(event, null);
  what.detail = detail;
  return failure(context, what, INVALID_REQUEST, details(null));
}

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
  const repeated = repeatedParameter(params);
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
  const passwordFirst = context.config.loginOrder === "password_first";
  if (event === "start") {
    if (!passwordFirst) {
      return startLogin(context, login);
    }
    const given = read.password ?? "";
    return given === ""
      ? invalid(context, event, "missing password")
      : startWithPassword(context, login, given);
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
  if (passwordFirst) {
    // The password came at step 1: no step 3 exists in this order.
    return invalid(context, event, "no step 3 with login_order=password_first");
  }
  const password = read.password ?? "";
  return password === ""
    ? invalid(context, event, "missing password")
    : checkPassword(context, login, sessionId, password);
}

/**
 * Decides one token request. Never throws: any failure of a port ends in server_error (10001) without a token (S12).
 * The flow keeps nothing between calls; all state is in the ports' shared stores (S11).
 */
export function decideRequest(request: FlowRequest, config: Config, ports: Ports): FlowOutcome {
  const context: FlowContext = {
    request: request,
    config: config,
    ports: ports,
    now: 0,
    hashKey: "",
    clientIp: request.ipAddress,
  };
  try {
    context.clientIp = clientAddress(request, config.trustedProxyCount);
    context.now = ports.clock.nowMillis();
    context.hashKey = hashKeyFor(config, ports.hash);
    return route(context);
  } catch (e) {
    const what = facts("request", null);
    what.detail = "exception";
    return failure(context, what, SERVER_ERROR, details(null));
  }
}
