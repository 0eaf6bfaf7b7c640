// The attack suites against dist/GamatechAuthzChallenge.py in Jython (the suites of attacks.test.ts), through the
// challenge-wire adapter of challenge-target.ts, on Janssen's twilio-java (7.17.0) only.

import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { challengeExclusions, challengeTargetOn, closeChallengeTargets } from "./challenge-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { pumpingSuite } from "./suites/pumping";
import { sessionAbuseSuite } from "./suites/session-abuse";

jest.setTimeout(180_000);
afterAll(closeChallengeTargets);

describe.each([DEFAULT_TWILIO_VERSION])("challenge script on twilio-java %s", (twilioVersion) => {
  bruteForceSuite(challengeTargetOn(twilioVersion));
  pumpingSuite(challengeTargetOn(twilioVersion));
  enumerationSuite(challengeTargetOn(twilioVersion));
  sessionAbuseSuite(challengeTargetOn(twilioVersion));
});

test("only the documented requests were left out or re-read", () => {
  expect(challengeExclusions()).toEqual({
    // __step sent twice, with the same and with different values (session-abuse, duplicate parameters).
    "no-step": 2,
    // Step 2 and step 3 without a session (session-abuse, step skipping).
    "step-without-session": 2,
    // Enumeration: the password step on a session at the code step, once per login kind and hint mode (4 x 3); session
    // abuse: a spent code again, and the password right after the start.
    "other-step-input": 14,
  });
});
