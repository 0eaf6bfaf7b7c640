// The address the per-IP send limit counts (S8). Behind proxies the servlet's address is a proxy's, and a Jetty with the
// `forwarded` module reports the left-most X-Forwarded-For value, which the client chooses. Only the entries that the
// trusted proxies appended (counted from the right) are believed.

import type { FlowRequest } from "./flow-types";
import { isDigits, isLowerHex } from "./text-checks";

/** One bucket for every request whose forwarded address cannot be believed, so forged values cannot spread over counters. */
export const UNTRUSTED_FORWARDED_FOR = "untrusted-forwarded-for";

const MAX_ADDRESS_LENGTH = 45;

/** Dotted-quad IPv4: four decimal numbers 0..255, without leading zeros (so none has more than three digits). */
export function isIpv4Literal(text: string): boolean {
  const parts = text.split(".");
  if (parts.length !== 4) {
    return false;
  }
  return parts.every(
    (part) => isDigits(part) && (part.length === 1 || part.charAt(0) !== "0") && parseInt(part, 10) <= 255,
  );
}

/** An IPv6 literal (lower-case, no brackets, no zone): hex groups of 1 to 4, at most one "::", an optional IPv4 tail. */
export function isIpv6Literal(text: string): boolean {
  // The longest literal ("ffff:…:ffff:255.255.255.255") has 45 characters: this only bounds a hostile value's cost.
  if (text.length > MAX_ADDRESS_LENGTH) {
    return false;
  }
  const halves = text.split("::");
  if (halves.length > 2) {
    return false;
  }
  const compressed = halves.length === 2;
  const groups: string[] = [];
  for (const half of halves) {
    if (half === "") {
      continue;
    }
    for (const group of half.split(":")) {
      groups.push(group);
    }
  }
  let units = 0;
  let index = 0;
  for (const group of groups) {
    index++;
    if (index === groups.length && group.includes(".")) {
      if (!isIpv4Literal(group)) {
        return false;
      }
      units += 2;
    } else if (group.length <= 4 && isLowerHex(group)) {
      units += 1;
    } else {
      return false;
    }
  }
  return compressed ? units <= 7 : units === 8;
}

/** The address in a canonical case, or null when it is not a plausible IPv4 or IPv6 literal. */
export function plausibleAddress(text: string): string | null {
  const lower = text.trim().toLowerCase();
  return isIpv4Literal(lower) || isIpv6Literal(lower) ? lower : null;
}

/** Every X-Forwarded-For entry, left to right, across all header values. */
export function forwardedEntries(values: string[]): string[] {
  const entries: string[] = [];
  for (const value of values) {
    for (const item of value.split(",")) {
      entries.push(item.trim());
    }
  }
  return entries;
}

/**
 * 0 trusted proxies: the servlet's address. N: the N-th X-Forwarded-For entry from the right (the one the outermost trusted
 * proxy appended); without the header, the servlet's address (a request that did not pass the proxies); with too few entries
 * or an implausible one, the shared untrusted bucket.
 */
export function clientAddress(request: FlowRequest, trustedProxyCount: number): string {
  if (trustedProxyCount === 0 || request.forwardedFor.length === 0) {
    return request.ipAddress;
  }
  const entries = forwardedEntries(request.forwardedFor);
  const chosen = entries[entries.length - trustedProxyCount];
  if (chosen === undefined) {
    return UNTRUSTED_FORWARDED_FOR;
  }
  return plausibleAddress(chosen) ?? UNTRUSTED_FORWARDED_FOR;
}
