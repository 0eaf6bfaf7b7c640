// The attack suites against dist/GamatechRopc.py in Jython: the same suites as attacks.test.ts runs on the TypeScript flow.

import { closeJythonTargets, jythonTarget } from "./jython-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { pumpingSuite } from "./suites/pumping";
import { sessionAbuseSuite } from "./suites/session-abuse";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

bruteForceSuite(jythonTarget);
pumpingSuite(jythonTarget);
enumerationSuite(jythonTarget);
sessionAbuseSuite(jythonTarget);
