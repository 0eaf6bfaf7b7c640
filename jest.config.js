/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Jest would use one worker on a 2-core machine. Most test files wait on a Jython child process, and some on real time
  // (Redis expiring keys, a Twilio timeout), so a third worker fills the cores while one waits (npm test on 2 idle cores:
  // 181 s against 218 s with two; CPU 289 against 277 s).
  maxWorkers: 3,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  testSequencer: "<rootDir>/test/support/slow-first-sequencer.js",
  globalSetup: "<rootDir>/test/support/global-setup.ts",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  collectCoverageFrom: ["src/flow/**/*.ts", "!src/flow/ports.ts"],
  coverageReporters: ["text-summary"],
  coverageThreshold: {
    "./src/flow/": { lines: 95, branches: 90 },
  },
};
