// Reading and checking request parameters. Only the parameters the flow reads are looked at.

import type { LoginValue } from "./flow-types";
import { containsAnyOf, hasControlCharacter, isLowerHex } from "./text-checks";

export const MAX_LOGIN_LENGTH = 256;
export const SESSION_ID_BYTES = 32;

/** Characters that mean something in an LDAP filter: no login value has them, so they are refused before any look-up. */
const FILTER_CHARACTERS = "*()\\";

export interface RequestParams {
  step: string | null;
  username: string | null;
  password: string | null;
  sessionId: string | null;
  otpCode: string | null;
}

/** The parameters the flow reads: the host copies every value of each of these out of the servlet request. */
export const READ_PARAMETERS: readonly string[] = [
  "__step",
  "username",
  "password",
  "__session_id",
  "__otp_code",
];

/** The single value of a parameter; null when absent. */
export function single(params: Record<string, string[]>, name: string): string | null {
  const values = params[name] ?? [];
  return values[0] ?? null;
}

/** Some apps send optional parameters empty rather than leave them out. */
export function optional(params: Record<string, string[]>, name: string): string | null {
  const value = single(params, name);
  return value === "" ? null : value;
}

/** The name of one of `names` sent more than once (which value counts would be ambiguous), or null. */
export function repeatedParameter(params: Record<string, string[]>, names: readonly string[]): string | null {
  const repeated = names.find((name) => (params[name] ?? []).length > 1);
  return repeated ?? null;
}

export function readParams(params: Record<string, string[]>): RequestParams {
  return {
    step: single(params, "__step"),
    username: single(params, "username"),
    password: single(params, "password"),
    sessionId: optional(params, "__session_id"),
    otpCode: optional(params, "__otp_code"),
  };
}

/** Why a username is refused, or "" when it is acceptable. */
export function loginProblem(username: string | null): string {
  if (username === null || username.trim() === "") {
    return "missing username";
  }
  const typed = username.trim();
  if (typed.length > MAX_LOGIN_LENGTH) {
    return "username too long";
  }
  if (hasControlCharacter(typed) || containsAnyOf(typed, FILTER_CHARACTERS)) {
    return "username has forbidden characters";
  }
  return "";
}

/** Call only after loginProblem returned "". */
export function loginValue(username: string): LoginValue {
  const typed = username.trim();
  return { typed: typed, normalised: typed.toLowerCase() };
}

/** Session ids are 32 random bytes as 64 lower-case hexadecimal characters; anything else cannot be one. */
export function isSessionIdFormat(text: string): boolean {
  return text.length === SESSION_ID_BYTES * 2 && isLowerHex(text);
}
