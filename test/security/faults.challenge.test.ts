// Provider and store faults against dist/GamatechAuthzChallenge.py in Jython, through the challenge-wire adapter of
// challenge-target.ts, on Janssen's twilio-java (7.17.0) only; a Verify target checks that init refuses it there and then
// runs on the newest 12.x, as faults.jython.test.ts does.
//
// Every fault strikes the start, a resend, the right code and the right password: each a request the challenge host
// routes by reading the session first, then a different step. A wrong code or password differs from the right one only
// inside the step, flow code that faults.jython.test.ts strikes with every fault on the ROPC script; leaving them out
// here keeps npm test's time.

import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { challengeExclusions, challengeTargetOn, closeChallengeTargets } from "./challenge-target";
import { faultSuite } from "./suites/faults";

jest.setTimeout(180_000);
afterAll(closeChallengeTargets);

describe.each([DEFAULT_TWILIO_VERSION])("challenge script on twilio-java %s", (twilioVersion) => {
  faultSuite(challengeTargetOn(twilioVersion), ["start", "resend", "right code", "right password"]);
});

test("only the documented requests were left out or re-read", () => {
  expect(challengeExclusions()).toEqual({
    "no-step": 0,
    "step-without-session": 0,
    // After each struck request, the attacker's tries on the leftovers (faults.ts `afterwards`): the password step on a
    // session still waiting for its code, or the old code on one waiting for the password.
    "other-step-input": 58,
  });
});
