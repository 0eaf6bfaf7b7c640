// The scenarios are written in the ROPC wire's terms (`__step`, `__session_id`, `__otp_code`); this module says what the
// same request is on the Authorization Challenge wire, and reads a challenge answer back into the ROPC vocabulary the
// observations use. Both directions are strict: a request or an answer outside the spec fails the scenario.

import type { Scenario } from "./scenario";

export type Wire = "ropc" | "challenge";

/** An answer in the ROPC vocabulary (status, error_code, step, session_id, ...), and the keys the app saw, in order. */
export interface DecodedAnswer {
  /** Null for a grant, which has no answer of the flow's own (ROPC: no header; challenge: the server's 200). */
  pairs: Record<string, string> | null;
  keys: string[];
}

const ROPC_PARAMETERS = new Set(["__step", "__session_id", "__otp_code", "username", "password"]);

function present(values: string[] | undefined): values is string[] {
  return values !== undefined && values.length > 0;
}

/** An optional ROPC parameter sent empty counts as absent (params.ts `optional`). */
function given(values: string[] | undefined): values is string[] {
  return present(values) && !(values.length === 1 && values[0] === "");
}

/** The login order the challenge script runs a scenario with: the scenario's, else the ROPC default, stated. */
export function challengeConfig(scenario: Scenario): Record<string, string> {
  return { login_order: "code_first", ...scenario.config };
}

/**
 * The challenge request for a ROPC request: start (username [+password with password_first]), code (otp), password,
 * resend and abandon (action), each with auth_session once a session exists. A `__step` the challenge wire cannot say
 * (absent, repeated, unknown) must be marked in the scenario; it is refused here rather than guessed.
 */
export function challengeParams(
  params: Record<string, string[]>,
  loginOrder: string,
): Record<string, string[]> {
  for (const name of Object.keys(params)) {
    if (!ROPC_PARAMETERS.has(name)) throw new Error(`no challenge translation for parameter ${name}`);
  }
  const steps = params.__step ?? [];
  if (steps.length !== 1) throw new Error(`no challenge translation for __step=${JSON.stringify(steps)}`);
  const step = steps[0];
  const session = params.__session_id;
  const out: Record<string, string[]> = {};
  if (present(params.username)) out.username = params.username;
  if (given(session)) out.auth_session = session;
  switch (step) {
    case "1":
      if (given(session)) out.action = ["resend"];
      else if (loginOrder === "password_first" && present(params.password)) out.password = params.password;
      return out;
    case "2": {
      // The ROPC script takes the code from __otp_code, else from password.
      const code = given(params.__otp_code) ? params.__otp_code : params.password;
      if (present(code)) out.otp = code;
      return out;
    }
    case "3":
      if (present(params.password)) out.password = params.password;
      return out;
    case "abandon":
      out.action = ["abandon"];
      return out;
    default:
      throw new Error(`no challenge translation for __step=${String(step)}`);
  }
}

/** The spec's names and HTTP statuses of the error codes on the challenge wire. */
const ERRORS: Record<number, { name: string; status: number }> = {
  10001: { name: "server_error", status: 500 },
  10002: { name: "user_not_found", status: 400 },
  10003: { name: "phone_not_found", status: 400 },
  10004: { name: "otp_not_sent", status: 503 },
  10005: { name: "invalid_otp", status: 400 },
  10006: { name: "invalid_session", status: 400 },
  10007: { name: "invalid_session", status: 400 },
  10008: { name: "invalid_credentials", status: 400 },
  10009: { name: "too_many_attempts", status: 400 },
  10010: { name: "rate_limited", status: 429 },
  10011: { name: "invalid_request", status: 400 },
  10012: { name: "otp_expired", status: 400 },
};

type FieldKind = "session" | "next" | "whole" | "text";

/** Each body kind's fields in their only order, what each holds, and its ROPC name. */
const PROCEED_FIELDS: [string, FieldKind, string][] = [
  ["auth_session", "session", "session_id"],
  ["next", "next", "step"],
  ["expires_in", "whole", "expires_in"],
  ["resend_after", "whole", "resend_after"],
  ["code_length", "whole", "code_length"],
  ["phone_number", "text", "phone_number"],
];
const ERROR_FIELDS: [string, FieldKind, string][] = [
  ["error_description", "text", "error_description"],
  ["auth_session", "session", "session_id"],
  ["attempts_left", "whole", "attempts_left"],
  ["retry_after", "whole", "retry_after"],
];
const ABANDON_FIELDS: [string, FieldKind, string][] = [["auth_session", "session", "session_id"]];

function fail(why: string, status: number, body: string): never {
  throw new Error(`challenge answer outside the spec (${why}): HTTP ${status} ${body}`);
}

function valueOf(kind: FieldKind, value: unknown): string | null {
  if (kind === "whole") return Number.isInteger(value) && (value as number) >= 0 ? String(value) : null;
  if (typeof value !== "string") return null;
  if (kind === "session") return /^[0-9a-f]{64}$/.test(value) ? value : null;
  if (kind === "next") return value === "otp" ? "2" : value === "password" ? "3" : null;
  return value;
}

/** Reads the fields after the first ones, in the kind's order, none unknown, none twice. */
function readFields(
  object: Record<string, unknown>,
  rest: string[],
  fields: [string, FieldKind, string][],
  pairs: Record<string, string>,
  status: number,
  body: string,
): void {
  let at = 0;
  for (const key of rest) {
    while (at < fields.length && fields[at]![0] !== key) at += 1;
    const field = fields[at];
    if (field === undefined) fail(`unknown or misplaced field ${key}`, status, body);
    const value = valueOf(field[1], object[key]);
    if (value === null) fail(`bad value of ${key}`, status, body);
    pairs[field[2]] = value;
    at += 1;
  }
}

/** A stored challenge answer in the ROPC vocabulary; anything the spec does not describe throws. */
export function decodeChallenge(status: number, body: string): DecodedAnswer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    fail("not JSON", status, body);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    fail("not an object", status, body);
  const object = parsed as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length !== (body.match(/"[a-z_]+":/g) ?? []).length) fail("repeated field", status, body);
  const pairs: Record<string, string> = {};
  const error = object.error;
  if (keys[0] !== "error" || typeof error !== "string") fail("error is not the first field", status, body);
  if (error === "insufficient_authorization") {
    if (status !== 401) fail("status of insufficient_authorization", status, body);
    pairs.status = "proceed";
    readFields(object, keys.slice(1), PROCEED_FIELDS, pairs, status, body);
    if (pairs.session_id === undefined || pairs.step === undefined)
      fail("proceed without session or next", status, body);
  } else if (error === "abandoned") {
    if (status !== 400) fail("status of abandoned", status, body);
    pairs.status = "abandoned";
    readFields(object, keys.slice(1), ABANDON_FIELDS, pairs, status, body);
  } else {
    const code = object.error_code;
    const known = typeof code === "number" ? ERRORS[code] : undefined;
    if (keys[1] !== "error_code" || known === undefined) fail("unknown error_code", status, body);
    if (known.name !== error || known.status !== status)
      fail("error name or status of the code", status, body);
    pairs.status = "error";
    pairs.error_code = String(code);
    readFields(object, keys.slice(2), ERROR_FIELDS, pairs, status, body);
    if ((pairs.error_description !== undefined) !== (code === 10011)) fail("error_description", status, body);
  }
  return { pairs, keys };
}

/** The server's answer to a grant: 200 with exactly an authorization code. */
export function decodeGrant(status: number, body: string): DecodedAnswer {
  const parsed = JSON.parse(body) as unknown;
  const ok =
    status === 200 &&
    typeof parsed === "object" &&
    parsed !== null &&
    Object.keys(parsed).join(",") === "authorization_code" &&
    typeof (parsed as Record<string, unknown>).authorization_code === "string";
  if (!ok) fail("grant", status, body);
  return { pairs: null, keys: [] };
}
