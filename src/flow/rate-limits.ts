// Hourly counters on the shared cache (S4, S8). The cache has no atomic increment, so two concurrent requests may both count
// from the same value: a limit can be overshot by the number of concurrent requests, never ignored.

import type { CounterStore } from "./ports";

export const HOUR_MILLIS = 3600000;

/** A fixed window that opens with its first event and lasts an hour. */
export interface CounterWindow {
  count: number;
  resetAt: number;
}

export function serializeWindow(window: CounterWindow): string {
  const data: CounterWindow = { count: window.count, resetAt: window.resetAt };
  return JSON.stringify(data);
}

/** Throws on a value it did not write: a counter that cannot be read must not count as zero (fail closed). */
export function readWindow(counters: CounterStore, key: string, now: number): CounterWindow {
  const text = counters.get(key);
  if (text === null) {
    return { count: 0, resetAt: now + HOUR_MILLIS };
  }
  const parsed: CounterWindow = JSON.parse(text);
  const window: CounterWindow = { count: parsed.count, resetAt: parsed.resetAt };
  if (
    serializeWindow(window) !== text ||
    !Number.isInteger(window.count) ||
    !Number.isInteger(window.resetAt)
  ) {
    throw new Error("corrupt rate-limit counter");
  }
  if (window.resetAt <= now) {
    return { count: 0, resetAt: now + HOUR_MILLIS };
  }
  return window;
}

export function secondsUntil(deadline: number, now: number): number {
  return Math.max(1, Math.ceil((deadline - now) / 1000));
}

/** Adds one event to the window read at `now`. */
export function countEvent(counters: CounterStore, key: string, now: number): void {
  const window = readWindow(counters, key, now);
  const next: CounterWindow = { count: window.count + 1, resetAt: window.resetAt };
  counters.put(key, serializeWindow(next), secondsUntil(next.resetAt, now));
}

/** Seconds until the limit frees up, or 0 when there is room. A limit of 0 means no limit. */
export function retryAfterSeconds(counters: CounterStore, key: string, limit: number, now: number): number {
  if (limit === 0) {
    return 0;
  }
  const window = readWindow(counters, key, now);
  return window.count >= limit ? secondsUntil(window.resetAt, now) : 0;
}
