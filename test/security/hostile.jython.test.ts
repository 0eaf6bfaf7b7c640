// The hostile-input corpus against dist/GamatechRopc.py in Jython.

import { DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonTargets, jythonTargetOn } from "./jython-target";
import { hostileSuite } from "./suites/hostile";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

// Janssen's twilio-java (7.17.0) and the newest 12.x; a Verify target on 7.17.0 checks that init refuses it first.
describe.each([DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  hostileSuite(jythonTargetOn(twilioVersion));
});
