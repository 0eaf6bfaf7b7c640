/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  collectCoverageFrom: ["src/flow/**/*.ts", "!src/flow/ports.ts"],
  coverageReporters: ["text-summary"],
  coverageThreshold: {
    "./src/flow/": { lines: 95, branches: 90 },
  },
};
