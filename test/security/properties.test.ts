// Issue 5 §2: random request sequences against the TypeScript flow, checked by the reference model in model.ts.
// Seeded: a failure prints the seed and the shrunk sequence, and `fc.assert(..., { seed, path })` replays it.

import fc from "fast-check";
import { flowTarget } from "./flow-target";
import { FAULTS, PROVIDER_FAULTS, reached, RUNS, SEED, sequences, violations } from "./sequences";
import type { TargetFactory } from "./target";

/** A broken target that grants the password step to anyone with a right password: the model must catch it. */
const skipsTheCode: TargetFactory = (setup) => {
  const target = flowTarget(setup);
  return {
    request: (request) => {
      const answer = target.request(request);
      const right = setup.users.some((user) => user.password === request.params["password"]?.[0]);
      return request.params["__step"]?.[0] === "3" && right ? { ...answer, grantedUserId: "alice" } : answer;
    },
    messages: () => target.messages(),
    advanceSeconds: (seconds) => target.advanceSeconds(seconds),
    logLines: () => target.logLines(),
    inject: (fault) => target.inject(fault),
    clearFaults: () => target.clearFaults(),
    liveSessions: () => target.liveSessions(),
  };
};

describe("invariants over random request sequences", () => {
  test(`${RUNS.clean} sequences with provider failures: tokens, codes, counters and leaks`, () => {
    fc.assert(
      fc.property(sequences(PROVIDER_FAULTS), (commands) => {
        expect(violations(commands)).toEqual([]);
      }),
      { numRuns: RUNS.clean, seed: SEED },
    );
  });

  test(`${RUNS.faulty} sequences with store, directory, password and log failures: tokens, codes and leaks`, () => {
    fc.assert(
      fc.property(sequences(FAULTS), (commands) => {
        expect(violations(commands)).toEqual([]);
      }),
      { numRuns: RUNS.faulty, seed: SEED + 1 },
    );
  });

  test("the sequences reach verified codes, tokens and limits", () => {
    const total = RUNS.clean + RUNS.faulty;
    expect(reached.verified).toBeGreaterThan(total / 20);
    expect(reached.granted).toBeGreaterThan(total / 50);
    expect(reached.refusedByLimit).toBeGreaterThan(total / 20);
  });

  test("the model rejects a target that grants without the code step", () => {
    const found = fc.check(
      fc.property(sequences(PROVIDER_FAULTS), (commands) => violations(commands, skipsTheCode).length === 0),
      { numRuns: 2000, seed: SEED },
    );
    expect(found.failed).toBe(true);
  });
});
