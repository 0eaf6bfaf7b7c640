// The hostile-input corpus against dist/GamatechRopc.py in Jython.

import { closeJythonTargets, jythonTarget } from "./jython-target";
import { hostileSuite } from "./suites/hostile";

jest.setTimeout(180_000);
afterAll(closeJythonTargets);

hostileSuite(jythonTarget);
