// The two-node limits on per-node claims (per-node-limits.ts) against dist/GamatechRopc.py.

import { perNodeLimits } from "./per-node-limits";

perNodeLimits("ropc");
