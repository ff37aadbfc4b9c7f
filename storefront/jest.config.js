/**
 * unit: the storefront's pure modules (src/lib/core). e2e: Playwright (playwright-core
 * driving Debian's Chromium) against `next start` on the production build and one real
 * backend on a fresh, seeded database, both started once by globalSetup.
 */
const transform = { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }] }
const moduleNameMapper = { "^@/(.*)$": "<rootDir>/src/$1" }

module.exports = {
  projects: [
    { displayName: "unit", testEnvironment: "node", transform, moduleNameMapper, testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    {
      displayName: "e2e",
      testEnvironment: "node",
      transform,
      moduleNameMapper,
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/harness/global-setup.ts",
      globalTeardown: "<rootDir>/test/harness/global-teardown.ts",
    },
  ],
  testTimeout: 120000,
}
