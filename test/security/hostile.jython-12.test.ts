// The hostile-input corpus against dist/GamatechRopc.py in Jython.

import { NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonTargets, jythonTargetOn } from "./jython-target";
import { hostileSuite } from "./suites/hostile";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

// The newest twilio-java 12.x (Janssen's 7.17.0 runs in hostile.jython-7.test.ts).
describe.each([NEWEST_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  hostileSuite(jythonTargetOn(twilioVersion));
});
