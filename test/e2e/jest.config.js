/**
 * End-to-end tests (`npm run test:e2e`): the built task pane in Debian's Chromium through
 * playwright-core. globalSetup builds what is stale and serves it; the suites run one at a time.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  globalSetup: "<rootDir>/test/e2e/globalSetup.js",
  globalTeardown: "<rootDir>/test/e2e/globalTeardown.js",
  testTimeout: 120_000,
  maxWorkers: 1,
};
