// Provider and store faults against the TypeScript flow.

import { flowTarget } from "./flow-target";
import { faultSuite } from "./suites/faults";

faultSuite(flowTarget);
