/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Jest would use one worker on a 2-core machine; most test files wait on a Jython child process, so two workers keep
  // both cores busy (npm test: 162 s against 184 s with one).
  maxWorkers: 2,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  testSequencer: "<rootDir>/test/support/slow-first-sequencer.js",
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  collectCoverageFrom: ["src/flow/**/*.ts", "!src/flow/ports.ts"],
  coverageReporters: ["text-summary"],
  coverageThreshold: {
    "./src/flow/": { lines: 95, branches: 90 },
  },
};
