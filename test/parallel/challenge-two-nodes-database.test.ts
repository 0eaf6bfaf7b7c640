// The exact limits across two nodes on PostgreSQL behind the world's entry manager (two-nodes-database.test.ts's setup)
// against dist/GamatechAuthzChallenge.py, through the challenge wire as challenge-one-node.test.ts sends it.

import { exactAcrossNodes } from "./exact-across-nodes";

exactAcrossNodes({
  backend: "database",
  setup: { k: 50, latencyMs: 2, nodes: 2 },
  resends: true,
  script: "challenge",
});
