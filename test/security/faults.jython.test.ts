// Provider and store faults against dist/GamatechRopc.py in Jython, with the Java doubles' faults.

import { closeJythonTargets, jythonTarget } from "./jython-target";
import { faultSuite } from "./suites/faults";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

faultSuite(jythonTarget);
