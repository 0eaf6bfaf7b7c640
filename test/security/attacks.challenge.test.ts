// The attack suites against dist/GamatechAuthzChallenge.py in Jython (the suites of attacks.test.ts), through the
// challenge-wire adapter of challenge-target.ts, on Janssen's twilio-java (7.17.0) only.
//
// S8 (suites/pumping.ts) is left out here to keep npm test's time: its four one-hour plans are 13,306 requests,
// about 15 CPU-seconds, three quarters of this file. What it checks is the flow's send caps and cooldown, which the
// challenge script shares with the ROPC script (S8 runs on it in attacks.jython-7 / -12); the challenge wire only says
// a resend differently (action=resend), and test/parallel/challenge-one-node.test.ts checks the cooldown, the per-session,
// per-user and per-IP caps on that wire under bursts. To run it here too, add `pumpingSuite(challengeTargetOn(twilioVersion))`.

import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { challengeExclusions, challengeTargetOn, closeChallengeTargets } from "./challenge-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { sessionAbuseSuite } from "./suites/session-abuse";

jest.setTimeout(180_000);
afterAll(closeChallengeTargets);

describe.each([DEFAULT_TWILIO_VERSION])("challenge script on twilio-java %s", (twilioVersion) => {
  bruteForceSuite(challengeTargetOn(twilioVersion));
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
