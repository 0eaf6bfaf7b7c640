// Mutation tests for the limit code of issue 12 (client-address.ts, rate-limits.ts): the cases the earlier suites left
// open, each named after what a surviving mutant got wrong. Run with
//   npx stryker run stryker.config.mjs --concurrency 1 --mutate src/flow/client-address.ts,src/flow/rate-limits.ts
//
// Equivalent mutants (no test can tell them from the original; SECURITY.md counts them as not detected):
// - client-address.ts:40, `part.length >= 1 && part.length <= 3` replaced by `true`, by `part.length >= 1 || …`, or its
//   first half by `true` (3 mutants): an empty part fails `parseInt(part) <= 255` (NaN), and a longer one either has a
//   leading zero or is a number above 255, so the length test only short-cuts.
// - client-address.ts:50, the guard `text.length < 2 || text.length > 45 || !text.includes(":")` dropped, or any of its
//   three tests weakened (6 mutants): without a colon the groups cannot reach 8 units, "" and ":" fail the group length,
//   and no literal that passes the group rules is longer than 45 characters. The guard only bounds the work a hostile
//   X-Forwarded-For value costs.
// - client-address.ts:115, the `?? ""` fallback (no coverage): unreachable, the entry count was checked just before.
// - rate-limits.ts:112, the `continue` of releaseAll's catch removed: it is the last statement of the loop body.

import { isIpv4Literal, isIpv6Literal } from "../../src/flow/client-address";
import type { ClaimStore } from "../../src/flow/ports";
import { claimSlot, releaseAll, UNCERTAIN_RETRY_SECONDS } from "../../src/flow/rate-limits";

describe("address literals the earlier tables did not cover", () => {
  test("an IPv4 part is decimal digits only: signs and letters after a digit are refused", () => {
    expect(["1.2.3.-4", "1.2.3.+4", "1.2.3./", "1.2.3.1a", "1.2.3.25x"].map(isIpv4Literal)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(["1.2.3.4", "1.2.3.25", "1.2.3.199"].map(isIpv4Literal)).toEqual([true, true, true]);
  });

  test("an IPv4 tail counts two of the eight IPv6 units, compressed or not", () => {
    expect(isIpv6Literal("0:0:0:0:0:0:1.2.3.4")).toBe(true);
    expect(isIpv6Literal("0:0:0:0:0:1.2.3.4")).toBe(false);
    expect(isIpv6Literal("1:2:3:4:5:6:7::1.2.3.4")).toBe(false);
    expect(isIpv6Literal("1:2:3:4:5::1.2.3.4")).toBe(true);
  });

  test("a compressed literal may hold up to seven units", () => {
    expect(isIpv6Literal("1:2:3:4:5:6::7")).toBe(true);
    expect(isIpv6Literal("1:2:3:4:5:6::")).toBe(true);
    expect(isIpv6Literal("1:2:3:4:5:6:7::8")).toBe(false);
  });
});

/** A claim store that answers what the test scripts and records every call. */
class ScriptedClaims implements ClaimStore {
  readonly calls: string[] = [];

  constructor(
    private readonly values: Record<string, string>,
    private readonly claimable: Set<string>,
  ) {}

  claim(key: string): boolean {
    this.calls.push(`claim ${key}`);
    return this.claimable.has(key);
  }

  get(key: string): string | null {
    this.calls.push(`get ${key}`);
    return this.values[key] ?? null;
  }

  release(key: string): void {
    this.calls.push(`release ${key}`);
    if (key === "fails") throw new Error("store down");
  }
}

const NOW = 100_000;

describe("claimSlot reads before it writes", () => {
  test("a slot held until later costs no claim: a full limit is only read", () => {
    const store = new ScriptedClaims({ "l:1": String(NOW + 5000), "l:2": String(NOW + 9000) }, new Set());
    expect(claimSlot(store, "l", 2, 60, NOW)).toEqual({ slot: 0, key: "", retryAfter: 5 });
    expect(store.calls).toEqual(["get l:1", "get l:2"]);
  });

  test("a slot whose stored expiry has passed is claimed again (the store may still hold it a moment)", () => {
    const store = new ScriptedClaims({ "l:1": String(NOW - 1) }, new Set(["l:1"]));
    expect(claimSlot(store, "l", 1, 60, NOW)).toEqual({ slot: 1, key: "l:1", retryAfter: 0 });
  });

  test("a slot that expires at this very millisecond is free", () => {
    const store = new ScriptedClaims({ "l:1": String(NOW) }, new Set(["l:1"]));
    expect(claimSlot(store, "l", 1, 60, NOW)).toEqual({ slot: 1, key: "l:1", retryAfter: 0 });
  });

  test("an expired slot another request took first gives the short wait, not a claim", () => {
    const store = new ScriptedClaims({ "l:1": String(NOW - 1) }, new Set());
    expect(claimSlot(store, "l", 1, 60, NOW)).toEqual({
      slot: 0,
      key: "",
      retryAfter: UNCERTAIN_RETRY_SECONDS,
    });
    expect(store.calls).toEqual(["get l:1", "claim l:1", "get l:1"]);
  });
});

describe("releaseAll", () => {
  test("skips the empty key of a claim never taken and goes on past a release that fails", () => {
    const store = new ScriptedClaims({}, new Set());
    releaseAll(store, ["", "a", "fails", "b"]);
    expect(store.calls).toEqual(["release a", "release fails", "release b"]);
  });
});
