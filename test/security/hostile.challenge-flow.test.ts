// The hostile-input corpus of hostile.test.ts against the TypeScript flow on the challenge wire
// (challenge-flow-target.ts), as hostile.challenge.test.ts sends it to the built script in Jython.

import { challengeExclusions } from "./challenge-translation";
import { challengeFlowTarget } from "./challenge-flow-target";
import { hostileInputs } from "./hostile-inputs";
import { hostileSuite } from "./suites/hostile";

hostileSuite(challengeFlowTarget);

test("only the documented requests were left out or re-read, as many as in Jython (hostile.challenge.test.ts)", () => {
  const inputs = hostileInputs().length;
  expect(challengeExclusions()).toEqual({
    "no-step": inputs,
    "step-without-session": 1,
    "other-step-input": inputs,
  });
});
