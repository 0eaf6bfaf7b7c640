// Large limits find a free slot from a hint instead of reading every slot below it, at no cost to small ones, and the hint
// only ever moves where a claim lands: how many claims a limit lets through is still decided slot by slot.

import fc from "fast-check";
import {
  claimSlot,
  HINT_ABOVE,
  hintKey,
  SLOTS_BEFORE_HINT,
  slotKey,
  type SlotClaim,
} from "../../src/flow/rate-limits";
import { ManualClock, MemoryClaimStore, PortFailure, TestWorld } from "./doubles/ports";
import { Driver, makeConfig, user } from "./doubles/scenario";

const TTL = 3600;

function setup(): { clock: ManualClock; claims: MemoryClaimStore } {
  const clock = new ManualClock();
  return { clock, claims: new MemoryClaimStore(clock) };
}

/** Claims once and says which store operations it made, as "method key" with the prefix cut off. */
function claimLogged(
  claims: MemoryClaimStore,
  limit: number,
  now: number,
  expectFree = 0,
): { claim: SlotClaim; ops: string[] } {
  const from = claims.log.length;
  const claim = claimSlot(claims, "p", limit, TTL, now, expectFree);
  const ops = claims.log.slice(from).map((op) => `${op.method} ${op.key.replace(/^p:/, "")}`);
  return { claim, ops };
}

function lowestFirstOps(n: number): string[] {
  const reads = Array.from({ length: n }, (_, i) => `get ${i + 1}`);
  return [...reads, `claim ${n}`];
}

describe("a slot the caller expects free (a session's attempts, counted in its state)", () => {
  test("is claimed without a read when the caller is right: one store operation", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= 5; n++) {
      const { claim, ops } = claimLogged(claims, 5, clock.now, n);
      expect(claim).toEqual({ slot: n, key: `p:${n}`, retryAfter: 0 });
      expect(ops).toEqual([`claim ${n}`]);
    }
    const full = claimLogged(claims, 5, clock.now, 6);
    expect(full.claim.slot).toBe(0);
  });

  test("held after all (a parallel request took it): read, then the next slots as usual, never past the limit", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= 3; n++) claimSlot(claims, "p", 5, TTL, clock.now);
    const { claim, ops } = claimLogged(claims, 5, clock.now, 2);
    expect(claim.slot).toBe(4);
    expect(ops).toEqual(["claim 2", "get 2", "get 3", "get 4", "claim 4"]);
    expect(claimLogged(claims, 5, clock.now, 3).claim.slot).toBe(5);
    const refused = claimLogged(claims, 5, clock.now, 4);
    expect(refused.claim.slot).toBe(0);
    expect(refused.ops.filter((op) => op.startsWith("claim "))).toEqual(["claim 4"]);
  });

  test("a belief past a free slot only makes the limit stricter: past the limit it refuses without a store operation", () => {
    const { clock, claims } = setup();
    expect(claimLogged(claims, 5, clock.now, 4).claim.slot).toBe(4);
    expect(claimLogged(claims, 5, clock.now, 5).claim.slot).toBe(5);
    // Slots 1 to 3 are free, but the caller says five are held: refused rather than let past its own count.
    const refused = claimLogged(claims, 5, clock.now, 6);
    expect(refused.claim.slot).toBe(0);
    expect(refused.ops).toEqual([]);
  });

  test("past the slots a hinted limit reads from 1, the belief is not used", () => {
    const { clock, claims } = setup();
    const { claim, ops } = claimLogged(claims, 50, clock.now, SLOTS_BEFORE_HINT + 3);
    expect(claim.slot).toBe(1);
    expect(ops).toEqual(["get 1", "claim 1"]);
  });
});

describe("limits of up to HINT_ABOVE slots", () => {
  test("are read from slot 1 as before: the n-th claim reads n slots and never a hint", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= HINT_ABOVE; n++) {
      const { claim, ops } = claimLogged(claims, HINT_ABOVE, clock.now);
      expect(claim).toEqual({ slot: n, key: `p:${n}`, retryAfter: 0 });
      expect(ops).toEqual(lowestFirstOps(n));
    }
    const full = claimLogged(claims, HINT_ABOVE, clock.now);
    expect(full.claim.slot).toBe(0);
    expect(full.ops).toEqual(Array.from({ length: HINT_ABOVE }, (_, i) => `get ${i + 1}`));
    expect(claims.peek(hintKey("p"))).toBeNull();
  });

  test("take the lowest free slot, also after a release", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= HINT_ABOVE; n++) claimSlot(claims, "p", HINT_ABOVE, TTL, clock.now);
    claims.release("p:3");
    expect(claimSlot(claims, "p", HINT_ABOVE, TTL, clock.now).slot).toBe(3);
  });
});

describe("a larger limit", () => {
  const limit = 50;

  test("costs its first SLOTS_BEFORE_HINT claims exactly what it did, and every later one the same few operations", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= SLOTS_BEFORE_HINT; n++) {
      expect(claimLogged(claims, limit, clock.now).ops).toEqual(lowestFirstOps(n));
    }
    const first = Array.from({ length: SLOTS_BEFORE_HINT }, (_, i) => `get ${i + 1}`);
    for (let n = SLOTS_BEFORE_HINT + 1; n <= limit; n++) {
      const { claim, ops } = claimLogged(claims, limit, clock.now);
      expect(claim).toEqual({ slot: n, key: `p:${n}`, retryAfter: 0 });
      expect(ops).toEqual([...first, "get next", `get ${n}`, `claim ${n}`, "release next", "claim next"]);
    }
  });

  test("is refused only after every slot was read, with the wait of the earliest to free up", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= limit; n++) {
      claimSlot(claims, "p", limit, TTL, clock.now);
      clock.advanceSeconds(10);
    }
    const { claim, ops } = claimLogged(claims, limit, clock.now);
    expect(claim).toEqual({ slot: 0, key: "", retryAfter: TTL - 10 * limit });
    const read = ops
      .filter((op) => op.startsWith("get ") && op !== "get next")
      .map((op) => Number(op.slice(4)));
    expect([...read].sort((a, b) => a - b)).toEqual(Array.from({ length: limit }, (_, i) => i + 1));
    expect(ops.filter((op) => !op.startsWith("get "))).toEqual([]);
  });

  test("after its last slot the hint starts again past the slots read first, and finds a slot freed below it", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= limit; n++) claimSlot(claims, "p", limit, TTL, clock.now);
    expect(claims.peek(hintKey("p"))).toBe(String(SLOTS_BEFORE_HINT + 1));
    claims.release("p:30");
    expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(30);
    expect(claims.peek(hintKey("p"))).toBe("31");
    claims.release("p:8");
    expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(8);
    expect(claims.peek(hintKey("p"))).toBe("9");
    claims.release("p:2");
    expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(2);
    expect(claims.peek(hintKey("p"))).toBe("9");
  });

  test("a hint of the last slot is followed", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= 20; n++) claimSlot(claims, "p", limit, TTL, clock.now);
    claims.release(hintKey("p"));
    claims.poke(hintKey("p"), String(limit), TTL);
    expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(limit);
    expect(claims.peek(hintKey("p"))).toBe(String(SLOTS_BEFORE_HINT + 1));
  });

  test.each([
    "0",
    "5",
    "51",
    "60",
    "1000",
    "6.5",
    "07",
    "6.0",
    "+8",
    " 8",
    "1e1",
    "abc",
    "",
    "-7",
    "NaN",
    "Infinity",
  ])(
    "a hint of %j is not one the flow writes: the slots past the first ones are read from the start",
    (hint) => {
      const { clock, claims } = setup();
      for (let n = 1; n <= 20; n++) claimSlot(claims, "p", limit, TTL, clock.now);
      claims.poke(hintKey("p"), hint, TTL);
      const { claim, ops } = claimLogged(claims, limit, clock.now);
      expect(claim.slot).toBe(21);
      expect(ops.filter((op) => op.startsWith("get ")).length).toBe(
        SLOTS_BEFORE_HINT + 1 + 21 - SLOTS_BEFORE_HINT,
      );
      expect(claims.peek(hintKey("p"))).toBe("22");
    },
  );

  test("a hint beyond the limit opens no slot past it when every slot is held", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= limit; n++) claimSlot(claims, "p", limit, TTL, clock.now);
    claims.release(hintKey("p"));
    claims.poke(hintKey("p"), String(limit + 10), TTL);
    expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(0);
    expect(claims.held("p:").filter((key) => key !== hintKey("p"))).toHaveLength(limit);
  });

  test("a hint that lags behind costs reads, not the limit", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= 20; n++) claimSlot(claims, "p", limit, TTL, clock.now);
    claims.release(hintKey("p"));
    claims.poke(hintKey("p"), "9", TTL);
    expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(21);
  });

  test("a hint past free slots moves the claim, and the skipped slots still count before a refusal", () => {
    const { clock, claims } = setup();
    const small = 12;
    for (let n = 1; n <= 7; n++) claimSlot(claims, "p", small, TTL, clock.now);
    claims.release(hintKey("p"));
    claims.poke(hintKey("p"), "11", TTL);
    const slots = Array.from({ length: small - 7 }, () => claimSlot(claims, "p", small, TTL, clock.now).slot);
    expect(slots).toEqual([11, 12, 8, 9, 10]);
    expect(claimSlot(claims, "p", small, TTL, clock.now).slot).toBe(0);
    expect(claims.held("p:").filter((key) => key !== hintKey("p"))).toHaveLength(small);
  });

  test.each(["release", "claim"])(
    "a hint that cannot be written (%s fails) leaves the claim taken",
    (method) => {
      const { clock, claims } = setup();
      for (let n = 1; n <= 10; n++) claimSlot(claims, "p", limit, TTL, clock.now);
      claims.before = (called, key) => {
        if (called === method && key === hintKey("p")) throw new PortFailure("store down");
      };
      expect(claimSlot(claims, "p", limit, TTL, clock.now)).toEqual({ slot: 11, key: "p:11", retryAfter: 0 });
      claims.before = null;
      expect(claims.peek("p:11")).toBe(String(clock.now + TTL * 1000));
      expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(12);
    },
  );

  test("a hint that cannot be read costs reads, not the claim: the slots decide, read from past the first ones", () => {
    // The database store's read of an entry that other claims keep giving back and taking again (the hint, under a
    // burst) can fail although the store is up: a claim must not fail for it.
    const { clock, claims } = setup();
    for (let n = 1; n <= 10; n++) claimSlot(claims, "p", limit, TTL, clock.now);
    claims.before = (called, key) => {
      if (called === "get" && key === hintKey("p")) throw new PortFailure("entry vanished while read");
    };
    expect(claimLogged(claims, limit, clock.now).claim).toEqual({ slot: 11, key: "p:11", retryAfter: 0 });
    for (let n = 12; n <= limit; n++) expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(n);
    expect(claimSlot(claims, "p", limit, TTL, clock.now).slot).toBe(0);
  });

  test("a store that cannot be read fails the claim (fail closed), hint or not", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= 10; n++) claimSlot(claims, "p", limit, TTL, clock.now);
    claims.before = (called) => {
      if (called === "get") throw new PortFailure("store down");
    };
    expect(() => claimSlot(claims, "p", limit, TTL, clock.now)).toThrow(PortFailure);
  });

  test("two claims that read the same hint take two slots: the loser moves on", () => {
    const { clock, claims } = setup();
    for (let n = 1; n <= 10; n++) claimSlot(claims, "p", limit, TTL, clock.now);
    let inner: SlotClaim | null = null;
    claims.before = (called, key) => {
      if (called === "claim" && key === "p:11" && inner === null) {
        claims.before = null;
        inner = claimSlot(claims, "p", limit, TTL, clock.now);
      }
    };
    const outer = claimSlot(claims, "p", limit, TTL, clock.now);
    expect(inner).toMatchObject({ slot: 11 });
    expect(outer).toMatchObject({ slot: 12 });
  });
});

describe("whatever the hint and however claims interleave", () => {
  test("a limit lets exactly as many claims through as it has free slots", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.array(fc.integer({ min: 1, max: 24 }), { maxLength: 24 }),
        fc.option(fc.oneof(fc.integer({ min: -2, max: 30 }).map(String), fc.string()), { nil: null }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
        (limit, held, hint, attempts, nestAt) => {
          const { clock, claims } = setup();
          const initially = new Set(held.filter((slot) => slot <= limit));
          for (const slot of initially) claims.poke(slotKey("p", slot), String(clock.now + 1000), TTL);
          if (hint !== null) claims.poke(hintKey("p"), hint, TTL);
          const nested = new Set(nestAt);
          const results: SlotClaim[] = [];
          claims.before = (method) => {
            if (method === "get" && nested.delete(claims.log.length)) {
              results.push(claimSlot(claims, "p", limit, TTL, clock.now));
            }
          };
          for (let i = 0; i < attempts; i++) results.push(claimSlot(claims, "p", limit, TTL, clock.now));
          const taken = results.filter((result) => result.slot !== 0);
          const expected = Math.min(limit - initially.size, results.length);
          expect(taken).toHaveLength(expected);
          expect(new Set(taken.map((result) => result.slot)).size).toBe(expected);
          for (const result of taken) {
            expect(result.slot).toBeGreaterThanOrEqual(1);
            expect(result.slot).toBeLessThanOrEqual(limit);
            expect(initially.has(result.slot)).toBe(false);
            expect(result.key).toBe(slotKey("p", result.slot));
          }
          const slots = claims.held("p:").filter((key) => key !== hintKey("p"));
          expect(slots).toHaveLength(initially.size + expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("store round trips of a start", () => {
  /** Operations on both stores during the n-th start of one user from one address, n = 1..count. */
  function startOps(properties: Record<string, string>, count: number): number[] {
    const world = new TestWorld([user("alice")]);
    const app = new Driver(world, makeConfig({ resend_cooldown_seconds: "0", ...properties }));
    const counted = () => world.claims.log.length + world.sessions.log.length;
    const ops: number[] = [];
    for (let n = 1; n <= count; n++) {
      const before = counted();
      expect(app.start("alice")["status"]).toBe("proceed");
      ops.push(counted() - before);
    }
    return ops;
  }

  // Per start: the lockout read, the session's first send claim, creating the session and reading it back, and in both
  // the user's and the address's window one read per slot held below the one taken, then its read and its claim.
  const lowestFirst = (n: number) => 4 + 2 * (n + 1);

  test("with the default caps, each of the five sends of an hour costs what reading slots from 1 costs", () => {
    expect(startOps({}, 5)).toEqual([1, 2, 3, 4, 5].map(lowestFirst));
  });

  test("with a large cap, the 50th send of an hour costs what the 6th does", () => {
    const ops = startOps({ max_sends_per_user_per_hour: "50", max_sends_per_ip_per_hour: "50" }, 50);
    expect(ops.slice(0, SLOTS_BEFORE_HINT)).toEqual([1, 2, 3, 4, 5].map(lowestFirst));
    const hinted = lowestFirst(SLOTS_BEFORE_HINT) + 2 * 4;
    expect(ops.slice(SLOTS_BEFORE_HINT)).toEqual(Array(50 - SLOTS_BEFORE_HINT).fill(hinted));
    expect(hinted).toBeLessThan(lowestFirst(50) / 4);
  });
});
