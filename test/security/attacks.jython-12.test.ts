// The attack suites against dist/GamatechRopc.py in Jython: the same suites as attacks.test.ts runs on the TypeScript flow.

import { NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonTargets, jythonTargetOn } from "./jython-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { pumpingSuite } from "./suites/pumping";
import { sessionAbuseSuite } from "./suites/session-abuse";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

// The newest twilio-java 12.x (Janssen's 7.17.0 runs in attacks.jython-7.test.ts).
describe.each([NEWEST_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  bruteForceSuite(jythonTargetOn(twilioVersion));
  pumpingSuite(jythonTargetOn(twilioVersion));
  enumerationSuite(jythonTargetOn(twilioVersion));
  sessionAbuseSuite(jythonTargetOn(twilioVersion));
});
