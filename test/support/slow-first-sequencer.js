// Jest runs the files it has timings for longest first, and files it has none for (every file of a fresh clone, as on CI)
// first and then by size, which puts the small files that start a Jython world — the slowest of all — last, where one of
// them alone then holds a worker while the other idles. These estimates (seconds, measured on 2 cores with 3 workers) stand in until
// Jest has its own; a file without either counts as one second.
const Sequencer = require("@jest/test-sequencer").default;
const path = require("path");

const ESTIMATED_SECONDS = {
  "test/backends/resend-bursts.test.ts": 55,
  "test/security/faults.jython.test.ts": 34,
  "test/security/faults.challenge.test.ts": 25,
  "test/security/hostile.challenge.test.ts": 20,
  "test/backends/claims.test.ts": 31,
  "test/security/attacks.jython-7.test.ts": 27,
  "test/security/attacks.jython-12.test.ts": 20,
  "test/security/hostile.jython-12.test.ts": 18,
  "test/conformance/conformance.test.ts": 18,
  "test/backends/redis-cluster.test.ts": 16,
  "test/parallel/one-node.test.ts": 16,
  "test/parallel/challenge-one-node.test.ts": 10,
  "test/security/attacks.challenge.test.ts": 8,
  "test/security/hostile.jython-7.test.ts": 15,
  "test/host/real-sdk.test.ts": 15,
  "test/cli/release.test.ts": 12,
  "test/jython/harness.test.ts": 10,
  "test/compiler/golden.test.ts": 9,
  "test/parallel/two-nodes-database.test.ts": 8,
  "test/world/host-pool.test.ts": 8,
  "test/parallel/two-nodes.test.ts": 6,
  "test/parallel/two-nodes-redis.test.ts": 6,
  "test/security/properties.test.ts": 6,
  "test/e2e/openapi.test.ts": 6,
  "test/compiler/operators.test.ts": 6,
  "test/e2e/login.test.ts": 6,
  "test/e2e/token-endpoint.test.ts": 6,
  "test/e2e/challenge.test.ts": 6,
  "test/backends/database-expiry.test.ts": 6,
  "test/jython/sdk-matrix.test.ts": 5,
  "test/cli/dist-stale.test.ts": 5,
  "test/host/java11-api.test.ts": 5,
  "test/parallel/world.test.ts": 4,
  "test/host/dist-fresh.test.ts": 4,
};
const UNKNOWN_SECONDS = 1;

class SlowFirstSequencer extends Sequencer {
  time(test) {
    const known = super.time(test);
    if (known != null) return known;
    const estimate =
      ESTIMATED_SECONDS[path.relative(test.context.config.rootDir, test.path).split(path.sep).join("/")];
    return (estimate ?? UNKNOWN_SECONDS) * 1000;
  }
}

module.exports = SlowFirstSequencer;
