// Provider and store faults against dist/GamatechRopc.py in Jython, with faults injected into the fake Twilio API and the Janssen doubles.

import { DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonTargets, jythonTargetOn } from "./jython-target";
import { faultSuite } from "./suites/faults";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

// Janssen's twilio-java (7.17.0) and the newest 12.x; a Verify target on 7.17.0 checks that init refuses it first.
describe.each([DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  faultSuite(jythonTargetOn(twilioVersion));
});
