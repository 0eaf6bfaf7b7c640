// The attack suites of attacks.test.ts against the TypeScript flow on the challenge wire (challenge-flow-target.ts): the
// same requests and answers as attacks.challenge.test.ts sends to the built script in Jython, decided in Node.

import { challengeExclusions } from "./challenge-translation";
import { challengeFlowTarget } from "./challenge-flow-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { pumpingSuite } from "./suites/pumping";
import { sessionAbuseSuite } from "./suites/session-abuse";

bruteForceSuite(challengeFlowTarget);
pumpingSuite(challengeFlowTarget);
enumerationSuite(challengeFlowTarget);
sessionAbuseSuite(challengeFlowTarget);

test("only the documented requests were left out or re-read, as many as in Jython (attacks.challenge.test.ts)", () => {
  expect(challengeExclusions()).toEqual({ "no-step": 2, "step-without-session": 2, "other-step-input": 14 });
});
