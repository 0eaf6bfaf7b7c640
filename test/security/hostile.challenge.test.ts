// The hostile-input corpus against dist/GamatechAuthzChallenge.py in Jython, through the challenge-wire adapter of
// challenge-target.ts, on Janssen's twilio-java (7.17.0) only.

import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { challengeExclusions, challengeTargetOn, closeChallengeTargets } from "./challenge-target";
import { hostileInputs } from "./hostile-inputs";
import { hostileSuite } from "./suites/hostile";

jest.setTimeout(180_000);
afterAll(closeChallengeTargets);

describe.each([DEFAULT_TWILIO_VERSION])("challenge script on twilio-java %s", (twilioVersion) => {
  hostileSuite(challengeTargetOn(twilioVersion));
});

test("only the documented requests were left out or re-read", () => {
  const inputs = hostileInputs().length;
  expect(challengeExclusions()).toEqual({
    // Every input in the __step place.
    "no-step": inputs,
    // The empty input as __session_id at the code step.
    "step-without-session": 1,
    // Per input, the check that the code step's login was not disturbed: its code again, now at the password step.
    "other-step-input": inputs,
  });
});
