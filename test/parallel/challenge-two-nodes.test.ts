// The two-node limits on per-node claims (per-node-limits.ts) against dist/GamatechAuthzChallenge.py, through the
// challenge wire as challenge-one-node.test.ts sends it.

import { perNodeLimits } from "./per-node-limits";

perNodeLimits("challenge");
