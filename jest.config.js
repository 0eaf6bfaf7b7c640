/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Jest would use one worker on a 2-core machine. Most test files wait on a Jython child process, and some on real time
  // (Redis expiring keys, a Twilio timeout), so more workers fill the cores while some wait. npm test on 2 idle cores,
  // same tree: 218 s with two workers, 181 s with three, 175 s with four (machine CPU 277, 289 and 333 s).
  maxWorkers: 4,
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
