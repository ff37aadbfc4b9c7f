/**
 * Starts scripts/test-stack.mjs (fresh database, migrations, seed, real server) from a
 * test runner and resolves with what it reports once the server answers /health.
 * CommonJS so both the backend's ts-jest harness and the storefront's can require it.
 */
const { spawn } = require("node:child_process")
const path = require("node:path")

const script = path.resolve(__dirname, "..", "test-stack.mjs")

/**
 * @param {Record<string, string>} extraEnv extra environment for the server
 * @param {number} timeoutMs
 * @returns {Promise<{ info: { baseUrl: string, databaseUrl: string, logDir: string, adminEmail: string, adminPassword: string, pid: number }, stop: () => Promise<void> }>}
 */
function startStack(extraEnv = {}, timeoutMs = 240000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, TEST_STACK_EXTRA_ENV: JSON.stringify(extraEnv) },
      stdio: ["pipe", "pipe", "inherit"],
    })
    let buffer = ""
    const timer = setTimeout(() => {
      child.kill("SIGTERM")
      reject(new Error(`test stack not ready within ${timeoutMs / 1000}s`))
    }, timeoutMs)
    child.stdout.on("data", (chunk) => {
      buffer += chunk.toString()
      const line = buffer.split("\n").find((l) => l.startsWith("READY "))
      if (!line) return
      clearTimeout(timer)
      resolve({
        info: JSON.parse(line.slice("READY ".length)),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done()
            child.once("exit", () => done())
            child.kill("SIGTERM")
          }),
      })
    })
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`test stack exited with code ${code} before it was ready`))
    })
  })
}

module.exports = { startStack }
