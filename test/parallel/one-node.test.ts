// The one-node limits (one-node-limits.ts) against dist/GamatechRopc.py.

import { oneNodeLimits } from "./one-node-limits";

oneNodeLimits("ropc");
