// Issue 12 §3 on Janssen's default cache: both script instances on PostgreSQL behind the world's entry manager, whose
// inserts fail on the table's own unique key (atomic claims: `unique DN, sql`), K = 50 requests at once, every store
// operation answering after 2 ms. Every limit is exact across the nodes. `npm run parallel-figures -- --backend
// database --nodes 2` measures the same attacks at K = 200 and 10 ms (SECURITY.md).

import { exactAcrossNodes } from "./exact-across-nodes";

exactAcrossNodes({ backend: "database", setup: { k: 50, latencyMs: 2, nodes: 2 }, resends: true });
