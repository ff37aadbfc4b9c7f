/**
 * Starts the storefront's production build (`next start`) for `npm start`, the
 * storefront's e2e harness and bench/lighthouse, and a free port to put it on.
 * CommonJS so the ESM scripts and the ts-jest harness can all require it.
 */
const fs = require("node:fs")
const net = require("node:net")
const { spawn } = require("node:child_process")

/** @returns {Promise<number>} a port nothing listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on("error", reject)
  })
}

/**
 * Spawns `next start` in dir (a storefront with a build in .next) with its output in
 * logFile, and resolves with the child once /robots.txt answers.
 * @param {{ dir: string, port: number, host?: string, env: Record<string, string | undefined>, logFile: string, timeoutMs: number }} options
 * @returns {Promise<import("node:child_process").ChildProcess>}
 */
async function startNextServer({ dir, port, host, env, logFile, timeoutMs }) {
  const nextCli = require.resolve("next/dist/bin/next", { paths: [dir] })
  const out = fs.openSync(logFile, "w")
  const args = [nextCli, "start", "-p", String(port), ...(host ? ["-H", host] : [])]
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", out, out],
  })
  const url = `http://${host ?? "localhost"}:${port}/robots.txt`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}; see ${logFile}`)
    if (await fetch(url).then((r) => r.ok).catch(() => false)) return child
    if (Date.now() > deadline) {
      await stopChild(child)
      throw new Error(`${url} did not answer within ${timeoutMs / 1000}s; see ${logFile}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the child has exited. */
function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", () => resolve())
    child.kill("SIGTERM")
    setTimeout(() => child.kill("SIGKILL"), 5000).unref()
  })
}

module.exports = { freePort, startNextServer, stopChild }
