module.exports = {
  testEnvironment: "node",
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
    // meshoptimizer and some gltf-transform dependencies (.mjs) ship only ES modules, which
    // jest's CommonJS runtime cannot load unconverted.
    "(meshoptimizer/.+\\.js|\\.mjs)$": ["babel-jest", { plugins: ["@babel/plugin-transform-modules-commonjs"], babelrc: false, configFile: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!meshoptimizer/)(?!.*\\.mjs$)"],
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // Real models take seconds to optimise on shared cores; no test asserts a duration.
  testTimeout: 120000,
}
