// The attack suites against the TypeScript flow (the Jython script runs the same suites through its own Target).

import { flowTarget } from "./flow-target";
import { bruteForceSuite } from "./suites/brute-force";
import { enumerationSuite } from "./suites/enumeration";
import { pumpingSuite } from "./suites/pumping";
import { sessionAbuseSuite } from "./suites/session-abuse";

bruteForceSuite(flowTarget);
pumpingSuite(flowTarget);
enumerationSuite(flowTarget);
sessionAbuseSuite(flowTarget);
