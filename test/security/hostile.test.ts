// The hostile-input corpus against the TypeScript flow.

import { flowTarget } from "./flow-target";
import { hostileSuite } from "./suites/hostile";

hostileSuite(flowTarget);
