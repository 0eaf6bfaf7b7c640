// Limits as numbered claims (S4, S8). A limit of N is N slot keys `<prefix>:1` .. `<prefix>:N`; an event takes one by
// creating it (add-if-absent), so at most N events hold a slot at once, whatever the number of concurrent requests, and across
// nodes wherever the host's claim is atomic. Each slot holds its own expiry time (ms) as its value: that is what retry_after
// is computed from. A limit above HINT_ABOVE also keeps `<prefix>:next`, a hint of where to look first (claimSlot).

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
/** max_password_failures_per_ip_per_hour */
export const LIMIT_IP_PASSWORDS = "ip_passwords";

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
 * Limits of up to this many slots (every per-session limit, the default failures per hour) are scanned from slot 1 only:
 * the reads a hint could save there do not pay for reading and rewriting it, and a session's attempt slots stay numbered
 * by attempt.
 */
export const HINT_ABOVE = 10;
/** Slots scanned from 1 before a larger limit reads its hint, so a window with few events (the usual case) never pays for it. */
export const SLOTS_BEFORE_HINT = 5;

/** Where the last claim past SLOTS_BEFORE_HINT left off: the slot to try first next time. */
export function hintKey(prefix: string): string {
  return prefix + ":next";
}

/** The free slots of one limit, tried in the order asked; remembers the shortest wait among those found held. */
class SlotScan {
  readonly claims: ClaimStore;
  readonly prefix: string;
  readonly ttlSeconds: number;
  readonly now: number;
  wait: number;

  constructor(claims: ClaimStore, prefix: string, ttlSeconds: number, now: number) {
    this.claims = claims;
    this.prefix = prefix;
    this.ttlSeconds = ttlSeconds;
    this.now = now;
    this.wait = 0;
  }

  /**
   * The first slot of `from`..`to` this caller claimed, or 0. A slot is read first (a held one costs no write); a slot that
   * reads as free or expired is then claimed, and only a true claim counts: losing a race just moves on to the next slot.
   * With `claimFrom`, slot `from` is believed free and claimed without the read, which is then made only if it was held.
   */
  claimFirst(from: number, to: number, claimFrom = false): number {
    let slot = from;
    if (
      claimFrom &&
      slot <= to &&
      this.claims.claim(slotKey(this.prefix, slot), this.expiry(), this.ttlSeconds)
    ) {
      return slot;
    }
    while (slot <= to) {
      const key = slotKey(this.prefix, slot);
      const text = this.claims.get(key);
      const live = text !== null && slotExpiry(text) > this.now;
      if (!live && this.claims.claim(key, this.expiry(), this.ttlSeconds)) {
        return slot;
      }
      const held = live ? heldFor(text, this.now) : heldFor(this.claims.get(key), this.now);
      this.wait = this.wait === 0 ? held : Math.min(this.wait, held);
      slot++;
    }
    return 0;
  }

  /** What a slot claimed now holds: its expiry time. */
  expiry(): string {
    return String(this.now + this.ttlSeconds * 1000);
  }
}

/**
 * The slot a hint names, or 0 when there is none (Number(null) is 0, never a hinted slot) or it is not one of the hinted
 * slots as String() writes it (a hint is never trusted further).
 */
function hintedSlot(text: string | null, limit: number): number {
  const slot = Number(text);
  return Number.isInteger(slot) && String(slot) === text && slot > SLOTS_BEFORE_HINT && slot <= limit
    ? slot
    : 0;
}

/**
 * The hinted slot, or 0 when the hint cannot be read. Best effort like its write: a hint that many claims give back and
 * take again can fail a read although the store is up (the database store), and the slots alone decide. A store that is
 * down still fails the claim, at the slot reads that follow.
 */
function readHint(claims: ClaimStore, prefix: string, limit: number): number {
  try {
    return hintedSlot(claims.get(hintKey(prefix)), limit);
  } catch (e) {
    return 0;
  }
}

/**
 * Best effort: the store has no overwrite, so the hint is given back and claimed again. A lost race or a failure leaves an
 * old or no hint, which costs later claims some reads and nothing else: the slots themselves decide.
 */
function writeHint(claims: ClaimStore, prefix: string, next: number, ttlSeconds: number): void {
  try {
    claims.release(hintKey(prefix));
    claims.claim(hintKey(prefix), String(next), ttlSeconds);
  } catch (e) {
    // The claim it follows is taken either way.
  }
}

/**
 * Takes a free slot of `prefix` for `ttlSeconds`. The slots up to SLOTS_BEFORE_HINT (all of them up to HINT_ABOVE) are tried
 * from 1; past them a hint says where the last claim left off, so the n-th event of a large window reads a few slots, not n.
 * The hinted slot and those after it are tried first, then the ones skipped: every slot is read before a refusal, and each
 * is still claimed atomically on its own, so a missing, stale or forged hint never lets more than `limit` events through.
 *
 * `expectFree` (0: none) is the slot the caller believes is the first free one: the slots before it are taken as held
 * without reading them, and it is claimed before it is read, which saves a round trip when the caller is right. Past the
 * limit it refuses at once; past SLOTS_BEFORE_HINT of a hinted limit it is not used. The caller must know those slots are held (a session's attempt slots, taken before each failure it
 * counts and never given back): were one free, the limit would only be stricter, never looser.
 */
export function claimSlot(
  claims: ClaimStore,
  prefix: string,
  limit: number,
  ttlSeconds: number,
  now: number,
  expectFree = 0,
): SlotClaim {
  if (expectFree > limit) {
    return { slot: 0, key: "", retryAfter: UNCERTAIN_RETRY_SECONDS };
  }
  const scan = new SlotScan(claims, prefix, ttlSeconds, now);
  const first = limit > HINT_ABOVE ? SLOTS_BEFORE_HINT : limit;
  const believed = expectFree >= 1 && expectFree <= first;
  let slot = scan.claimFirst(believed ? expectFree : 1, first, believed);
  if (slot === 0 && limit > first) {
    const hinted = readHint(claims, prefix, limit);
    const start = hinted === 0 ? first + 1 : hinted;
    slot = scan.claimFirst(start, limit);
    if (slot === 0) {
      slot = scan.claimFirst(first + 1, start - 1);
    }
    if (slot !== 0) {
      writeHint(claims, prefix, slot < limit ? slot + 1 : first + 1, ttlSeconds);
    }
  }
  if (slot === 0) {
    return { slot: 0, key: "", retryAfter: Math.max(scan.wait, UNCERTAIN_RETRY_SECONDS) };
  }
  return { slot: slot, key: slotKey(prefix, slot), retryAfter: 0 };
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
