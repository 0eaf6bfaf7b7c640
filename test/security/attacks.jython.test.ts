// The attack suites against dist/GamatechRopc.py in Jython: the same suites as attacks.test.ts runs on the TypeScript flow.

import { DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonTargets, jythonTargetOn } from "./jython-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { pumpingSuite } from "./suites/pumping";
import { sessionAbuseSuite } from "./suites/session-abuse";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

// Janssen's twilio-java (7.17.0) and the newest 12.x; a Verify target on 7.17.0 checks that init refuses it first.
describe.each([DEFAULT_TWILIO_VERSION, NEWEST_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  bruteForceSuite(jythonTargetOn(twilioVersion));
  pumpingSuite(jythonTargetOn(twilioVersion));
  enumerationSuite(jythonTargetOn(twilioVersion));
  sessionAbuseSuite(jythonTargetOn(twilioVersion));
});
