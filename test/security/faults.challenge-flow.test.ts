// The fault suite of faults.test.ts, every step struck by every fault, against the TypeScript flow on the challenge wire
// (challenge-flow-target.ts). First the four steps faults.challenge.test.ts strikes in the built script in Jython, with
// the same requests re-read; then, in Node where it costs little, the wrong code and the wrong password too.

import { challengeExclusions } from "./challenge-translation";
import { challengeFlowTarget } from "./challenge-flow-target";
import { faultSuite } from "./suites/faults";

faultSuite(challengeFlowTarget, ["start", "resend", "right code", "right password"]);

// After each struck request the attacker tries the leftovers (faults.ts `afterwards`): the password step on a session
// still waiting for its code, or the old code on one waiting for the password. Those are the only requests re-read.
// faults.challenge.test.ts counts 58 in Jython: there the world's CacheService has one put for a session's create and
// its update, so a fault on either strikes both, while the flow's session store keeps them apart. That changes the
// leftovers in three cases (a resend struck by create, the right code struck by create or by update), measured case by
// case: 61 here.
test("the four steps: no request left out, 61 re-read", () => {
  expect(challengeExclusions()).toEqual({ "no-step": 0, "step-without-session": 0, "other-step-input": 61 });
});

faultSuite(challengeFlowTarget, ["wrong code", "wrong password"]);

// Struck in one call with the four (83 re-read in all), they add 22; this second call also runs faultSuite's tests that
// strike no step (the Twilio errors at the start and the like) once more, which add their 13 again.
test("the wrong code and the wrong password: still nothing left out, 22 + 13 more re-read", () => {
  expect(challengeExclusions()).toEqual({ "no-step": 0, "step-without-session": 0, "other-step-input": 96 });
});
