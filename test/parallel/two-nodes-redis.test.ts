// Issue 12 §3 on Redis: both script instances on one real redis-server (atomic claims, `SET NX EX`), K = 50 requests at
// once alternating between the nodes, every store operation answering after 10 ms. Per-node claims hold each limit
// within limit × 2 (two-nodes.test.ts); Redis makes every limit exact across the nodes, with or without the right answer
// among the guesses (its release cannot free a slot that another node also believes it holds). `npm run parallel-figures
// -- --backend redis --nodes 2` measures the same attacks at K = 200 (SECURITY.md).

import { exactAcrossNodes } from "./exact-across-nodes";

exactAcrossNodes({ backend: "redis", setup: { k: 50, latencyMs: 10, nodes: 2 }, resends: false });
