// The ROPC script's rendering of the flow's answer: the response header, key=value pairs joined by ";", always starting
// with status=, in the order wire protocol version 1 documents.

import type { FlowAnswer } from "../flow/answer";
import { errorName } from "../flow/error-codes";
import { consistsOf } from "../flow/text-checks";

// The characters isSafeValueCode accepts.
const SAFE_VALUE_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+*-._";

export interface HeaderPair {
  key: string;
  value: string;
}

export interface ResponseHeader {
  name: string;
  value: string;
}

function isSafeValueCode(code: number): boolean {
  const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  const digit = code >= 48 && code <= 57;
  // '+' (full phone hint), '*' (masked hint), '-', '.', '_'
  return letter || digit || code === 43 || code === 42 || code === 45 || code === 46 || code === 95;
}

/** Values are made by the flow, but the header grammar must hold whatever they contain: anything else becomes "_". */
export function headerSafe(value: string): string {
  // The usual case, every character safe: one pass without building a new string.
  if (consistsOf(value, SAFE_VALUE_CHARACTERS)) {
    return value;
  }
  let out = "";
  let i = 0;
  while (i < value.length) {
    out += isSafeValueCode(value.charCodeAt(i)) ? value.charAt(i) : "_";
    i++;
  }
  return out;
}

export function pair(key: string, value: string): HeaderPair {
  return { key: key, value: value };
}

export function formatHeader(status: string, pairs: HeaderPair[]): string {
  const parts = ["status=" + headerSafe(status)];
  for (const item of pairs) {
    parts.push(item.key + "=" + headerSafe(item.value));
  }
  return parts.join(";");
}

export function errorHeader(code: number, extras: HeaderPair[]): string {
  const pairs = [pair("error_code", String(code)), pair("error", errorName(code))];
  for (const item of extras) {
    pairs.push(item);
  }
  return formatHeader("error", pairs);
}

function addText(pairs: HeaderPair[], key: string, value: string | null): void {
  if (value !== null) {
    pairs.push(pair(key, value));
  }
}

function addNumber(pairs: HeaderPair[], key: string, value: number | null): void {
  if (value !== null) {
    pairs.push(pair(key, String(value)));
  }
}

/** The header value of an answer; null for a grant, which needs none (HTTP 200 with tokens). */
export function ropcHeaderValue(answer: FlowAnswer): string | null {
  if (answer.kind === "granted") {
    return null;
  }
  const said = answer.details;
  const pairs: HeaderPair[] = [];
  addText(pairs, "session_id", said.sessionId);
  addNumber(pairs, "step", said.step);
  addNumber(pairs, "expires_in", said.expiresIn);
  addNumber(pairs, "resend_after", said.resendAfter);
  addNumber(pairs, "code_length", said.codeLength);
  addText(pairs, "phone_number", said.phoneHint);
  addNumber(pairs, "attempts_left", said.attemptsLeft);
  addNumber(pairs, "retry_after", said.retryAfter);
  const code = answer.errorCode;
  return code === null ? formatHeader(answer.kind, pairs) : errorHeader(code, pairs);
}
