/**
 * unit: pure modules, in-process. integration: one real server on a fresh database,
 * started by globalSetup (scripts/test-stack.mjs) for the whole run.
 */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] }

/**
 * TEST_MODE_DEPENDENT_ONLY=1 (CI's second run, on embedded defaults): leave out the suites
 * whose outcome does not depend on which database and Redis setup the store runs on, which
 * the first run has just covered: the admin pages in Chromium, payment providers by
 * configuration, and two replicas (a topology that needs Redis; without it the store is one process).
 */
const modeIndependent = ["admin-.*-ui\\.test\\.ts$", "payments-configured\\.test\\.ts$", "two-replicas\\.test\\.ts$"]
const skipped = process.env.TEST_MODE_DEPENDENT_ONLY === "1" ? modeIndependent.map((p) => `/test/integration/${p}`) : []

module.exports = {
  projects: [
    { displayName: "unit", testEnvironment: "node", transform, testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/test/integration/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", ...skipped],
      globalSetup: "<rootDir>/test/harness/global-setup.ts",
      globalTeardown: "<rootDir>/test/harness/global-teardown.ts",
    },
  ],
  testTimeout: 120000,
}
