// The hostile-input corpus against dist/GamatechRopc.py in Jython.

import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonTargets, jythonTargetOn } from "./jython-target";
import { hostileSuite } from "./suites/hostile";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

// Janssen's twilio-java (7.17.0); a Verify target checks that init refuses it first. The newest 12.x runs in hostile.jython-12.test.ts, a
// file of its own so that Jest's two workers run both SDK lines at once.
describe.each([DEFAULT_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  hostileSuite(jythonTargetOn(twilioVersion));
});
