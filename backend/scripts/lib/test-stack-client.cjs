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
 * @returns {Promise<{ info: { baseUrl: string, databaseUrl: string, logDir: string, adminEmail: string, adminPassword: string, pid: number }, stop: () => Promise<void>, restartServer: (timeoutMs?: number) => Promise<{ pid: number, ms: number }> }>}
 */
function startStack(extraEnv = {}, timeoutMs = 240000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, TEST_STACK_EXTRA_ENV: JSON.stringify(extraEnv) },
      stdio: ["pipe", "pipe", "inherit"],
    })
    // The stack reports on stdout, one line each: READY {json}, then RESTARTED {json} or
    // RESTART_FAILED message after each restartServer().
    const lineListeners = new Set()
    let buffer = ""
    child.stdout.on("data", (chunk) => {
      buffer += chunk.toString()
      let nl
      while ((nl = buffer.indexOf("\n")) !== -1) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        for (const fn of [...lineListeners]) fn(line)
      }
    })
    const timer = setTimeout(() => {
      child.kill("SIGTERM")
      reject(new Error(`test stack not ready within ${timeoutMs / 1000}s`))
    }, timeoutMs)
    const onReady = (line) => {
      if (!line.startsWith("READY ")) return
      lineListeners.delete(onReady)
      clearTimeout(timer)
      const info = JSON.parse(line.slice("READY ".length))
      resolve({
        info,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once("exit", () => done())
            child.kill("SIGTERM")
          }),
        // Kills the server with SIGKILL (a crash) and starts it again on the same port and
        // database; resolves once it answers /health again.
        restartServer: (restartTimeoutMs = 180000) =>
          new Promise((done, fail) => {
            if (child.exitCode !== null || child.signalCode !== null) return fail(new Error("test stack is not running"))
            const finish = (fn, value) => {
              lineListeners.delete(onLine)
              child.off("exit", onExit)
              clearTimeout(restartTimer)
              fn(value)
            }
            const onLine = (l) => {
              if (l.startsWith("RESTARTED ")) {
                const result = JSON.parse(l.slice("RESTARTED ".length))
                info.pid = result.pid
                finish(done, result)
              } else if (l.startsWith("RESTART_FAILED ")) finish(fail, new Error(`server restart failed: ${l.slice("RESTART_FAILED ".length)}`))
            }
            const onExit = (code) => finish(fail, new Error(`test stack exited with code ${code} during a server restart`))
            const restartTimer = setTimeout(() => finish(fail, new Error(`server not back within ${restartTimeoutMs / 1000}s`)), restartTimeoutMs)
            lineListeners.add(onLine)
            child.once("exit", onExit)
            child.kill("SIGUSR2")
          }),
      })
    }
    lineListeners.add(onReady)
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`test stack exited with code ${code} before it was ready`))
    })
  })
}

module.exports = { startStack }
