// The exact limits across two nodes on one real redis-server (two-nodes-redis.test.ts's setup) against
// dist/GamatechAuthzChallenge.py, through the challenge wire as challenge-one-node.test.ts sends it.

import { exactAcrossNodes } from "./exact-across-nodes";

exactAcrossNodes({
  backend: "redis",
  setup: { k: 50, latencyMs: 10, nodes: 2 },
  resends: false,
  script: "challenge",
});
