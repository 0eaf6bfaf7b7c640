// properties.test.ts's random request sequences against the flow on the challenge wire (challenge-flow-target.ts),
// checked by the same reference model (model.ts), with the same seeds: the same sequences, said on the challenge wire,
// keep the same invariants and reach verified codes, grants and limits as often as properties.test.ts asks.

import fc from "fast-check";
import { challengeFlowTarget } from "./challenge-flow-target";
import { FAULTS, PROVIDER_FAULTS, reached, RUNS, SEED, sequences, violations } from "./sequences";

describe("invariants over random request sequences, on the challenge wire", () => {
  test(`${RUNS.clean} sequences with provider failures: tokens, codes, counters and leaks`, () => {
    fc.assert(
      fc.property(sequences(PROVIDER_FAULTS), (commands) => {
        expect(violations(commands, challengeFlowTarget)).toEqual([]);
      }),
      { numRuns: RUNS.clean, seed: SEED },
    );
  });

  test(`${RUNS.faulty} sequences with store, directory, password and log failures: tokens, codes and leaks`, () => {
    fc.assert(
      fc.property(sequences(FAULTS), (commands) => {
        expect(violations(commands, challengeFlowTarget)).toEqual([]);
      }),
      { numRuns: RUNS.faulty, seed: SEED + 1 },
    );
  });

  test("the sequences reach verified codes, tokens and limits through the challenge wire", () => {
    const total = RUNS.clean + RUNS.faulty;
    expect(reached.verified).toBeGreaterThan(total / 20);
    expect(reached.granted).toBeGreaterThan(total / 50);
    expect(reached.refusedByLimit).toBeGreaterThan(total / 20);
  });
});
