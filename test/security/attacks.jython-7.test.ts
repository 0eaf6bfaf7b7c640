// The attack suites against dist/GamatechRopc.py in Jython: the same suites as attacks.test.ts runs on the TypeScript flow.

import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeJythonTargets, jythonTargetOn } from "./jython-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { pumpingSuite } from "./suites/pumping";
import { sessionAbuseSuite } from "./suites/session-abuse";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

// Janssen's twilio-java (7.17.0); a Verify target checks that init refuses it first. The newest 12.x runs in attacks.jython-12.test.ts, a
// file of its own so that Jest's two workers run both SDK lines at once.
describe.each([DEFAULT_TWILIO_VERSION])("on twilio-java %s", (twilioVersion) => {
  bruteForceSuite(jythonTargetOn(twilioVersion));
  pumpingSuite(jythonTargetOn(twilioVersion));
  enumerationSuite(jythonTargetOn(twilioVersion));
  sessionAbuseSuite(jythonTargetOn(twilioVersion));
});
