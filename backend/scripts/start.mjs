#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to a running store on embedded defaults.
 * Database (embedded unless DATABASE_URL), backend build, migrations, idempotent seed
 * and the admin build (in parallel with migrations and seed), then the server.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { spawn } from "node:child_process"
import dotenv from "dotenv"
import { ensureDatabaseExists, startEmbeddedPostgres } from "./lib/postgres.mjs"
import { createStepRunner, StepError } from "./lib/steps.mjs"
import { buildAdmin, isAdminBuildFresh } from "./lib/admin-build.mjs"
import { buildStorefront, isStorefrontBuildFresh, startStorefront } from "./lib/storefront.mjs"

const require = createRequire(import.meta.url)
const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")
const repoRoot = path.resolve(backendDir, "..")
const dataDir = path.join(repoRoot, ".data")
const storefrontDir = path.join(repoRoot, "storefront")

dotenv.config({ path: path.join(backendDir, ".env") })
dotenv.config({ path: path.join(repoRoot, ".env") })

const { resolveRuntimeConfigOrExit, describeRuntimeConfig } = require("../runtime-config.js")

const medusaCli = require.resolve("@medusajs/medusa-cli/cli.js")
const tscCli = require.resolve("typescript/bin/tsc")

async function main() {
  const runtime = resolveRuntimeConfigOrExit(process.env)
  const skipAdmin = process.argv.includes("--no-admin")
  const skipStorefront = process.argv.includes("--no-storefront")
  const storefrontPort = Number(process.env.STOREFRONT_PORT || 8000)
  const { step, run } = createStepRunner({ total: skipStorefront ? 6 : 8, logDir: path.join(dataDir, "logs") })
  console.log("Starting the store backend\n" + describeRuntimeConfig(runtime).map((l) => `  ${l}`).join("\n"))

  let database = { stop: async () => {} }
  await step("Database", async () => {
    if (runtime.database.kind === "embedded") {
      database = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, "postgres"),
        port: runtime.database.port,
        log: (m) => console.log(`  ${m}`),
      })
    }
    await ensureDatabaseExists(runtime.database.url)
    return runtime.database.kind === "embedded" ? `embedded on port ${runtime.database.port}` : "external"
  })

  const env = {
    ...process.env,
    DATABASE_URL: runtime.database.url,
    MEDUSA_DISABLE_TELEMETRY: "true",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--max-old-space-size=3072"].filter(Boolean).join(" "),
  }
  const stop = async (code) => {
    await database.stop().catch(() => {})
    process.exit(code)
  }

  try {
    await step("Build backend", () => run(process.execPath, [tscCli, "-p", "tsconfig.json"], { cwd: backendDir, env, logName: "build" }))

    // The admin build is CPU-bound webpack; it overlaps with the database-bound steps.
    const adminBuild =
      skipAdmin || isAdminBuildFresh(backendDir)
        ? Promise.resolve(skipAdmin ? "skipped (--no-admin)" : "up to date")
        : buildAdmin(backendDir, run, env).then(() => "built into backend/build")
    adminBuild.catch(() => {}) // awaited below; keep an early failure from being unhandled
    // The storefront build needs no backend (pages fetch at request time), so it overlaps too.
    const storefrontBuild =
      skipStorefront || isStorefrontBuildFresh(storefrontDir)
        ? Promise.resolve(skipStorefront ? "skipped (--no-storefront)" : "up to date")
        : buildStorefront(storefrontDir, run, env).then(() => "built into storefront/.next")
    storefrontBuild.catch(() => {})

    await step("Apply migrations", () => run(process.execPath, [medusaCli, "migrations", "run"], { cwd: backendDir, env, logName: "migrations" }))
    await step("Seed catalog", () =>
      run(process.execPath, [path.join(backendDir, "dist", "scripts", "seed.js")], { cwd: backendDir, env, logName: "seed", echo: /^\s+seed: / })
    )
    await step("Build admin", () => adminBuild)
    if (!skipStorefront) await step("Build storefront", () => storefrontBuild)
  } catch (error) {
    console.error(`\n${error instanceof StepError ? error.message : error?.stack ?? error}`)
    await stop(1)
  }

  const server = spawn(process.execPath, [medusaCli, "start"], { cwd: backendDir, env, stdio: ["ignore", "pipe", "pipe"] })
  const serverLog = fs.createWriteStream(path.join(dataDir, "logs", "server.log"))
  let ready = false
  for (const stream of [server.stdout, server.stderr]) {
    stream.on("data", (chunk) => {
      serverLog.write(chunk)
      if (ready) process.stdout.write(chunk)
    })
  }
  let storefront = null
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      storefront?.kill(signal)
      server.kill(signal)
    })
  }
  server.on("exit", (code) => {
    if (!ready) console.error(`\nThe server exited (code ${code}) before it answered /health; see ${path.join(dataDir, "logs", "server.log")}`)
    stop(code ?? 0)
  })
  await step("Start server", async () => {
    const url = `http://localhost:${runtime.port}`
    while (!(await fetch(`${url}/health`).then((r) => r.ok).catch(() => false))) {
      if (server.exitCode !== null) return // the exit handler reports and stops the database
      await new Promise((r) => setTimeout(r, 300))
    }
    return url
  })
  if (server.exitCode !== null) return
  if (!skipStorefront) {
    try {
      await step("Start storefront", async () => {
        const publicUrl = process.env.STOREFRONT_URL || `http://localhost:${storefrontPort}`
        storefront = await startStorefront(storefrontDir, {
          port: storefrontPort,
          backendUrl: `http://localhost:${runtime.port}`,
          publicUrl,
          env,
          logFile: path.join(dataDir, "logs", "storefront.log"),
        })
        storefront.on("exit", (code) => {
          if (server.exitCode === null) console.error(`The storefront exited (code ${code}); see .data/logs/storefront.log`)
        })
        return publicUrl
      })
    } catch (error) {
      console.error(`\n${error instanceof StepError ? error.message : error?.message ?? error}`)
      server.kill("SIGTERM")
      return
    }
  }
  ready = true
  const admin = process.env.ADMIN_EMAIL ? `${process.env.ADMIN_EMAIL} / (ADMIN_PASSWORD)` : "admin@example.com / supersecret"
  const shop = skipStorefront ? "" : `  Storefront ${process.env.STOREFRONT_URL || `http://localhost:${storefrontPort}`}\n`
  console.log(`\n${shop}  Store API  http://localhost:${runtime.port}/store/products\n  Admin      http://localhost:${runtime.port}/app  (${admin})\n  Logs       .data/logs/\n`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
