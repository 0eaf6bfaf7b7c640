// The response header: key=value pairs joined by ";", always starting with status=.

import { errorName } from "./error-codes";

export interface HeaderPair {
  key: string;
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
