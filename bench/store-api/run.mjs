#!/usr/bin/env node
/**
 * Hot Store API reads under load, ours against plain Medusa 1.20.11 (no plugins, no project
 * code) on the same database and data, in the same run: product list, product detail and
 * search (`?q=`), each at 50 connections with autocannon, the two servers taking turns so
 * the machine's ups and downs touch both.
 *
 * Progress on stderr; on stdout a table per endpoint (requests/s, p95, non-2xx) and, as the
 * last line, {"baseline_rps", "ours_rps", "ratio", "p95_ms"}: mean requests/s over the three
 * endpoints for each server, ours over plain, and ours' worst p95. Goal: ratio >= 1.5,
 * p95 < 200 ms. See bench/README.md ("store-api").
 *
 * Env: STORE_API_DURATION_S (10), STORE_API_CONNECTIONS (50), DATABASE_URL and REDIS_URL as
 * for the test stack (unset: embedded PostgreSQL, no Redis).
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import autocannon from "autocannon"
import { cleanupAll, onCleanup } from "../lib/cleanup.mjs"

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, "..", "..")
const { startStack } = require(path.join(repoRoot, "backend", "scripts", "lib", "test-stack-client.cjs"))
const { freePort } = require(path.join(repoRoot, "backend", "scripts", "lib", "next-server.cjs"))

const DURATION_S = Math.max(2, Number(process.env.STORE_API_DURATION_S ?? 10))
const CONNECTIONS = Math.max(1, Number(process.env.STORE_API_CONNECTIONS ?? 50))
const WARMUP_S = 2
const log = (m) => process.stderr.write(`[store-api] ${m}\n`)

async function getJson(url) {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) })
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 200)}`)
  return res.json()
}

async function waitForHealth(baseUrl, child, logFile, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`plain Medusa exited (${child.signalCode ?? child.exitCode}); see ${logFile}`)
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`plain Medusa did not answer /health within ${timeoutMs / 1000}s; see ${logFile}`)
}

/** Plain Medusa on our stack's database and Redis database (its server-env.json), with no plugins. */
async function startPlainMedusa(stackInfo) {
  const serverEnv = JSON.parse(fs.readFileSync(path.join(stackInfo.logDir, "server-env.json"), "utf8"))
  const port = await freePort()
  const logFile = path.join(stackInfo.logDir, "plain-medusa.log")
  const out = fs.openSync(logFile, "a")
  const child = spawn(process.execPath, [require.resolve("@medusajs/medusa-cli/cli.js"), "start"], {
    cwd: path.join(here, "plain-medusa"),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: serverEnv.NODE_ENV ?? "development",
      DATABASE_URL: serverEnv.DATABASE_URL,
      ...(serverEnv.REDIS_URL ? { REDIS_URL: serverEnv.REDIS_URL } : {}),
      PORT: String(port),
      MEDUSA_DISABLE_TELEMETRY: "true",
    },
    stdio: ["ignore", out, out],
  })
  fs.closeSync(out)
  onCleanup("plain Medusa", () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", resolve)
    child.kill("SIGTERM")
    setTimeout(() => child.kill("SIGKILL"), 5000).unref()
  }))
  const baseUrl = `http://127.0.0.1:${port}`
  await waitForHealth(baseUrl, child, logFile)
  return baseUrl
}

/** One load run; p95 from every response's time (autocannon's own percentiles skip p95). */
function load(url, durationS) {
  return new Promise((resolve, reject) => {
    const times = []
    // As browsers and the storefront's fetch ask: a server may answer gzipped.
    const headers = { "accept-encoding": "gzip, deflate, br" }
    const instance = autocannon({ url, connections: CONNECTIONS, duration: durationS, timeout: 30, headers }, (error, result) => {
      if (error) return reject(error)
      times.sort((a, b) => a - b)
      const p95 = times.length ? times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] : NaN
      resolve({ rps: result.requests.total / durationS, p95_ms: p95, non2xx: result.non2xx, errors: result.errors + result.timeouts, requests: result.requests.total })
    })
    instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
}

const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

/**
 * A freshly seeded store is still handling the seed's product events for a minute or so, and
 * each moves the catalogue's version (our cache answers fresh after every change). Hot reads
 * are measured once that has settled: the same read a hit for 4 s running (of the 5 s an
 * entry is fresh).
 */
async function untilCatalogueSettles(baseUrl, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs
  let hitsSince = null
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/store/regions`)
    await res.arrayBuffer()
    if (res.headers.get("x-cache") === "HIT") {
      hitsSince ??= Date.now()
      if (Date.now() - hitsSince >= 4_000) return
    } else hitsSince = null
    await new Promise((r) => setTimeout(r, 250))
  }
  log("the catalogue did not settle within 4 minutes: measuring anyway")
}

async function main() {
  log("starting our store (fresh database, migrations, seed)…")
  const stack = await startStack()
  onCleanup("our stack", () => stack.stop())
  const ours = stack.info.baseUrl
  log("starting plain Medusa 1.20.11 (no plugins) on the same database…")
  const plain = await startPlainMedusa(stack.info)

  const regions = (await getJson(`${ours}/store/regions`)).regions
  const india = regions.find((r) => r.currency_code === "inr") ?? regions[0]
  const products = (await getJson(`${ours}/store/products?limit=50&region_id=${india.id}`)).products
  if (!products.length) throw new Error("the seeded store has no products")
  const words = products.flatMap((p) => p.title.toLowerCase().split(/\W+/)).filter((w) => w.length > 3)
  const term = ["dress", "kurta", "saree", "top"].find((w) => words.includes(w)) ?? words[0]
  const endpoints = [
    { name: "product list", path: `/store/products?limit=12&region_id=${india.id}` },
    { name: "product detail", path: `/store/products/${products[0].id}?region_id=${india.id}` },
    { name: "search", path: `/store/products?q=${encodeURIComponent(term)}&limit=12&region_id=${india.id}` },
  ]
  log("waiting for the seed's catalogue events to be handled…")
  await untilCatalogueSettles(ours)
  // Both answer every endpoint alike before anything is measured.
  for (const e of endpoints) for (const base of [plain, ours]) await getJson(`${base}${e.path}`)

  const results = []
  for (const [i, e] of endpoints.entries()) {
    // Plain first, then ours; the next endpoint the other way round.
    const order = i % 2 === 0 ? [["plain", plain], ["ours", ours]] : [["ours", ours], ["plain", plain]]
    const row = { endpoint: e.name }
    for (const [who, base] of order) {
      log(`${e.name}: ${who}, ${WARMUP_S} s warm-up, then ${DURATION_S} s at ${CONNECTIONS} connections…`)
      await load(`${base}${e.path}`, WARMUP_S)
      row[who] = await load(`${base}${e.path}`, DURATION_S)
    }
    results.push(row)
  }

  console.log(`Store API under ${CONNECTIONS} connections, ${DURATION_S} s per endpoint and server (search term "${term}")`)
  console.log("endpoint        | plain rps | ours rps |  ratio | plain p95 | ours p95 | non-2xx plain/ours")
  for (const r of results) {
    // No answer within the run (each took longer than it): no ratio, no p95.
    const ratio = r.plain.rps > 0 ? String(round(r.ours.rps / r.plain.rps, 2)) : "n/a"
    const ms = (x) => (Number.isFinite(x) ? `${round(x)} ms` : "n/a")
    console.log(
      `${r.endpoint.padEnd(15)} | ${String(round(r.plain.rps)).padStart(9)} | ${String(round(r.ours.rps)).padStart(8)} | ${ratio.padStart(6)} | ${ms(r.plain.p95_ms).padStart(9)} | ${ms(r.ours.p95_ms).padStart(8)} | ${r.plain.non2xx + r.plain.errors}/${r.ours.non2xx + r.ours.errors}`
    )
  }
  const failed = results.filter((r) => r.ours.non2xx + r.ours.errors > 0 || r.plain.non2xx + r.plain.errors > 0)
  if (failed.length) console.log(`warning: non-2xx answers or errors on ${failed.map((r) => r.endpoint).join(", ")}: those requests/s are not comparable`)
  const mean = (who) => results.reduce((sum, r) => sum + r[who].rps, 0) / results.length
  const baseline = mean("plain")
  const oursRps = mean("ours")
  console.log(JSON.stringify({ baseline_rps: round(baseline), ours_rps: round(oursRps), ratio: round(oursRps / baseline, 2), p95_ms: round(Math.max(...results.map((r) => r.ours.p95_ms))) }))
}

main()
  .catch((error) => {
    log(error?.stack ?? String(error))
    process.exitCode = 1
  })
  .finally(() => cleanupAll())
