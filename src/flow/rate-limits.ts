// Limits as numbered claims (S4, S8). A limit of N is N slot keys `<prefix>:1` .. `<prefix>:N`; an event takes one by
// creating it (add-if-absent), so at most N events hold a slot at once, whatever the number of concurrent requests, and across
// nodes wherever the host's claim is atomic. Each slot holds its own expiry time (ms) as its value: that is what retry_after
// is computed from.

import type { ClaimStore } from "./ports";

export const HOUR_SECONDS = 3600;

// What a rate_limited log line says refused the request (`limit=...`), one name per limiting property.
/** resend_cooldown_seconds */
export const LIMIT_COOLDOWN = "cooldown";
/** max_sends_per_session */
export const LIMIT_SESSION_SENDS = "session_sends";
/** max_sends_per_user_per_hour */
export const LIMIT_USER_HOUR = "user_hour";
/** max_sends_per_ip_per_hour */
export const LIMIT_IP_HOUR = "ip_hour";
/** max_failures_per_user_per_hour */
export const LIMIT_LOCKOUT = "lockout";

/** Seconds given to retry when a slot is held but its expiry cannot be believed (past, or the entry vanished). */
export const UNCERTAIN_RETRY_SECONDS = 1;

export function secondsUntil(deadline: number, now: number): number {
  return Math.max(1, Math.ceil((deadline - now) / 1000));
}

export function slotKey(prefix: string, slot: number): string {
  return prefix + ":" + String(slot);
}

/** The expiry stored in a slot. A value the flow did not write is not read as "free": it throws (fail closed). */
export function slotExpiry(text: string): number {
  const expiry = Number(text);
  if (!Number.isInteger(expiry) || String(expiry) !== text) {
    throw new Error("corrupt limit slot");
  }
  return expiry;
}

/** The outcome of trying to take one slot of a limit. */
export interface SlotClaim {
  /** The slot taken (1..limit), or 0 when every slot is held. */
  slot: number;
  /** The key of the slot taken ("" when none). */
  key: string;
  /** When none: seconds until the earliest held slot frees up. */
  retryAfter: number;
}

/** Seconds until the slot behind `text` frees up; a held slot whose stored expiry has passed gives a short wait. */
function heldFor(text: string | null, now: number): number {
  if (text === null) {
    return UNCERTAIN_RETRY_SECONDS;
  }
  const expiry = slotExpiry(text);
  return expiry <= now ? UNCERTAIN_RETRY_SECONDS : secondsUntil(expiry, now);
}

/**
 * Takes the lowest free slot of `prefix` for `ttlSeconds`. A slot is read first (a held one costs no write); a slot that reads
 * as free or expired is then claimed, and only a true claim counts: losing a race just moves on to the next slot.
 */
export function claimSlot(
  claims: ClaimStore,
  prefix: string,
  limit: number,
  ttlSeconds: number,
  now: number,
): SlotClaim {
  let wait = 0;
  let slot = 1;
  while (slot <= limit) {
    const key = slotKey(prefix, slot);
    const text = claims.get(key);
    const live = text !== null && slotExpiry(text) > now;
    if (!live && claims.claim(key, String(now + ttlSeconds * 1000), ttlSeconds)) {
      return { slot: slot, key: key, retryAfter: 0 };
    }
    const held = live ? heldFor(text, now) : heldFor(claims.get(key), now);
    wait = wait === 0 ? held : Math.min(wait, held);
    slot++;
  }
  return { slot: 0, key: "", retryAfter: Math.max(wait, UNCERTAIN_RETRY_SECONDS) };
}

/** Seconds until a slot of `prefix` frees up when all `limit` are held, or 0 when one is free. Reads only. */
export function fullFor(claims: ClaimStore, prefix: string, limit: number, now: number): number {
  let wait = 0;
  let slot = 1;
  while (slot <= limit) {
    const text = claims.get(slotKey(prefix, slot));
    if (text === null) {
      return 0;
    }
    const held = heldFor(text, now);
    wait = wait === 0 ? held : Math.min(wait, held);
    slot++;
  }
  return wait;
}

/** A one-shot claim: true for the single caller that creates `key`. */
export function claimOnce(claims: ClaimStore, key: string, ttlSeconds: number, now: number): boolean {
  return claims.claim(key, String(now + ttlSeconds * 1000), ttlSeconds);
}

/** Seconds until the one-shot claim `key` expires, for a refusal (a vanished or unreadable expiry gives a short wait). */
export function heldSeconds(claims: ClaimStore, key: string, now: number): number {
  return heldFor(claims.get(key), now);
}

/**
 * Gives claims back. A failure to release keeps the event counted, which is the safe side, so it does not change the answer.
 */
export function releaseAll(claims: ClaimStore, keys: string[]): void {
  for (const key of keys) {
    if (key === "") {
      continue;
    }
    try {
      claims.release(key);
    } catch (e) {
      continue;
    }
  }
}
