#!/usr/bin/env node
/**
 * Supplier forwarding under chaos: 200 cash-on-delivery orders, each with items from two
 * API suppliers played by the supplier simulator, while the simulator fails 50% of
 * requests at random (500, 503, cut connections), goes down completely for 30 s, and the
 * backend is killed (SIGKILL) and restarted once in the middle. Waits until every supplier
 * order is delivered, then compares the database with what the simulator received:
 *
 *   lost       supplier orders the simulator never received, plus (order, supplier) pairs
 *              that never got a supplier order although the order had items for it
 *   duplicated supplier orders received under two different webhook-ids, plus extra
 *              supplier orders for the same (order, supplier), plus received supplier
 *              orders the database does not know
 *
 * Progress on stderr, the summary on stdout; the exit code is non-zero when lost or
 * duplicated is not 0, an order could not be placed, or the deliveries time out.
 * See bench/README.md ("supplier-chaos") for the knobs.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { cleanupAll, onCleanup } from "../lib/cleanup.mjs"
import { adminLogin, createClient, placeCodOrder } from "./shop.mjs"
import { percentile, progress, readTruth, reconcile } from "./truth.mjs"

const require = createRequire(import.meta.url)
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const backendRequire = createRequire(path.join(repoRoot, "backend", "package.json"))
const pg = backendRequire("pg")
const { startSupplierSimulator } = require(path.join(repoRoot, "plugins", "supplier-forwarding", "simulator", "supplier-simulator.cjs"))
const { startStack } = require(path.join(repoRoot, "backend", "scripts", "lib", "test-stack-client.cjs"))

const log = (m) => process.stderr.write(`[supplier-chaos] ${m}\n`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function numberEnv(name, fallback) {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got ${raw}`)
  return n
}

const ORDERS = Math.floor(numberEnv("BENCH_ORDERS", 200))
const CONCURRENCY = Math.max(1, Math.floor(numberEnv("BENCH_CONCURRENCY", 4)))
const FAIL_RATE = numberEnv("BENCH_FAIL_RATE", 0.5)
const OUTAGE_S = numberEnv("BENCH_OUTAGE_S", 30)
const RESTARTS = Math.floor(numberEnv("BENCH_RESTARTS", 1))
const TIMEOUT_S = numberEnv("BENCH_TIMEOUT_S", 600)
const VARIANTS_PER_SUPPLIER = Math.max(1, Math.floor(numberEnv("BENCH_VARIANTS_PER_SUPPLIER", 25)))
const KEEP = process.env.BENCH_KEEP === "1"
const AIM_RESTART = process.env.BENCH_RESTART_AIM !== "0"
const SUPPLIER_ENV = {
  SUPPLIER_RETRY_BASE_MS: "300",
  SUPPLIER_RETRY_MAX_MS: "5000",
  SUPPLIER_RETRY_MAX_ATTEMPTS: "40",
  SUPPLIER_DISPATCH_INTERVAL_MS: "250",
  // Orders whose order.placed died with the killed server are found by the sweep.
  SUPPLIER_SWEEP_INTERVAL_MS: "5000",
}
const CODES = ["CHAOS-A", "CHAOS-B"]

function newestMtime(dir) {
  let newest = 0
  if (!fs.existsSync(dir)) return 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

/** The stack runs backend/dist and the plugin's dist: say so when they are missing or older than src. */
function checkBuilds() {
  const seed = path.join(repoRoot, "backend", "dist", "scripts", "seed.js")
  const pluginDist = path.join(repoRoot, "plugins", "supplier-forwarding", "dist")
  if (!fs.existsSync(seed) || !fs.existsSync(pluginDist)) {
    throw new Error("build first: npm run build -w medusa-plugin-supplier-forwarding && npm run build -w backend (or `npx tsc -p tsconfig.json` in backend/)")
  }
  const pluginSrc = path.join(repoRoot, "plugins", "supplier-forwarding", "src")
  if (newestMtime(pluginSrc) > newestMtime(pluginDist) + 1000) log("WARNING: plugins/supplier-forwarding/dist is older than its src: you are measuring an old build")
  if (newestMtime(path.join(repoRoot, "backend", "src")) > newestMtime(path.join(repoRoot, "backend", "dist")) + 1000) log("WARNING: backend/dist is older than backend/src")
}

async function main() {
  const t0 = Date.now()
  checkBuilds()
  log(`${ORDERS} COD orders x 2 API suppliers, fail rate ${FAIL_RATE}, ${OUTAGE_S}s outage at 1/3, ${RESTARTS} backend restart(s) at 1/2, concurrency ${CONCURRENCY}`)

  const sim = await startSupplierSimulator({ failRate: FAIL_RATE, log: (line) => /duplicate/.test(line) && log(`simulator: ${line}`) })
  onCleanup("supplier simulator", () => sim.close())
  log(`supplier simulator at ${sim.url}`)

  log("starting a throw-away backend (fresh database, migrations, seed: ~1.5 min)…")
  // The admin UI is not needed here: the bench runs without backend/build.
  const stack = await startStack({ ...SUPPLIER_ENV, MEDUSA_ADMIN_SERVE: "false" })
  onCleanup("backend stack", () => stack.stop())
  const { baseUrl, databaseUrl, logDir } = stack.info
  log(`backend ready at ${baseUrl} (${((Date.now() - t0) / 1000).toFixed(0)}s), server log ${path.join(logDir, "server.log")}`)
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 })
  onCleanup("database pool", () => pool.end())

  // --- suppliers and mappings (the merchant's setup, through the admin API)
  const counters = { retries: 0 }
  const admin = createClient(baseUrl)
  await adminLogin(admin, stack.info.adminEmail, stack.info.adminPassword)
  const suppliers = []
  for (const code of CODES) {
    const res = await admin.call("POST", "/admin/suppliers", { code, name: `Chaos supplier ${code.slice(-1)}`, integration: "api", endpoint: sim.endpointFor(code), auto_forward: true })
    if (res.status !== 201 && res.status !== 200) throw new Error(`POST /admin/suppliers ${code}: ${res.status} ${res.text.slice(0, 300)}`)
    sim.addSupplier(code, res.body.secret)
    suppliers.push(res.body.supplier)
  }
  const supplierIds = suppliers.map((s) => s.id)

  const store = createClient(baseUrl, { counters })
  const products = (await store.ok("GET", "/store/products?limit=100")).products.filter((p) => p.variants?.length)
  products.sort((a, b) => (a.id < b.id ? -1 : 1))
  const halves = [products.filter((_, i) => i % 2 === 0), products.filter((_, i) => i % 2 === 1)]
  const mappings = []
  const pools = [[], []]
  halves.forEach((half, s) => {
    for (const p of half) {
      for (const v of p.variants) {
        const inr = v.prices?.find((pr) => pr.currency_code === "inr")?.amount
        mappings.push({ variant_id: v.id, supplier_code: CODES[s], supplier_sku: `${CODES[s]}-${v.sku ?? v.id}`, cost_price: Math.max(100, Math.round((inr ?? 100000) * 0.45)), currency_code: "inr" })
      }
    }
    // Spread the orders over many variants, one per product first.
    for (let round = 0; pools[s].length < VARIANTS_PER_SUPPLIER && round < 10; round++) {
      for (const p of half) {
        const inStock = p.variants.filter((v) => v.inventory_quantity > 0 || v.manage_inventory === false)
        if (inStock[round] && pools[s].length < VARIANTS_PER_SUPPLIER) pools[s].push({ productId: p.id, variant: inStock[round] })
      }
    }
  })
  if (!pools[0].length || !pools[1].length) throw new Error(`not enough in-stock variants (${pools[0].length}, ${pools[1].length}) among ${products.length} products`)
  // In batches: the JSON body limit is 100 kB.
  let updated = 0
  for (let i = 0; i < mappings.length; i += 200) {
    const mapped = await admin.call("POST", "/admin/supplier-mappings", { mappings: mappings.slice(i, i + 200), replace: true })
    if (mapped.status !== 200) throw new Error(`POST /admin/supplier-mappings: ${mapped.status} ${mapped.text.slice(0, 300)}`)
    updated += Number(mapped.body.updated) || 0
  }
  log(`suppliers ${CODES.join(", ")} created; ${mappings.length} variants of ${products.length} products mapped (updated ${updated}); ordering from ${pools[0].length} + ${pools[1].length} variants`)
  // Stock for 200 orders: raise every variant the bench orders.
  for (const { productId, variant } of [...pools[0], ...pools[1]]) {
    if (variant.manage_inventory === false) continue
    await admin.ok("POST", `/admin/products/${productId}/variants/${variant.id}`, { inventory_quantity: 10000 })
  }
  const regions = (await store.ok("GET", "/store/regions")).regions
  const india = regions.find((r) => r.currency_code === "inr")
  if (!india) throw new Error("no INR region")

  // The key of a completion the crash cut after it authorized the payment: resuming under
  // it is the only way to finish that cart (see shop.mjs).
  const findIdempotencyKey = async (cartId) => {
    const { rows } = await pool.query(
      `SELECT idempotency_key FROM idempotency_key
        WHERE request_params->>'id' = $1 AND request_path LIKE '%/complete' AND recovery_point <> 'started' AND response_code IS NULL
        ORDER BY (recovery_point = 'payment_authorized') DESC, created_at ASC LIMIT 1`,
      [cartId]
    )
    return rows[0]?.idempotency_key ?? null
  }

  // An order whose order.placed left staged_job (the event bus took it) but that has no
  // supplier order yet: its forwarding runs in memory right now. Killing the server then
  // is the hardest crash for forwarding.
  const orderInFlight = async (withinMs) => {
    const until = Date.now() + withinMs
    while (Date.now() < until) {
      const { rows } = await pool.query(
        `SELECT o.id FROM "order" o
          WHERE o.created_at > now() - interval '60 seconds'
            AND NOT EXISTS (SELECT 1 FROM supplier_order so WHERE so.order_id = o.id)
            AND NOT EXISTS (SELECT 1 FROM staged_job sj WHERE sj.event_name = 'order.placed' AND sj.data->>'id' = o.id)
          LIMIT 1`
      )
      if (rows.length) return rows[0].id
      await sleep(2)
    }
    return null
  }
  const killedInFlight = []

  // --- orders, with the chaos on milestones
  const orderIds = []
  const failedOrders = []
  let next = 0
  let placed = 0
  let outage = null
  let restart = null
  let outageDone = 0
  let restartsDone = 0
  const restartMs = []
  let simDown = false
  const chaosErrors = []
  const chaos = () => {
    if (!outage && OUTAGE_S > 0 && placed >= Math.floor(ORDERS / 3)) {
      outage = (async () => {
        log(`CHAOS: supplier simulator down for ${OUTAGE_S}s (after ${placed} orders)`)
        simDown = true
        await sim.goDown()
        await sleep(OUTAGE_S * 1000)
        await sim.comeUp()
        simDown = false
        outageDone++
        log("CHAOS: supplier simulator up again")
      })().catch((error) => chaosErrors.push(`outage: ${error?.message ?? error}`))
    }
    if (!restart && RESTARTS > 0 && placed >= Math.floor(ORDERS / 2)) {
      restart = (async () => {
        for (let i = 0; i < RESTARTS; i++) {
          const inFlight = AIM_RESTART ? await orderInFlight(20000) : null
          log(
            `CHAOS: killing the backend (SIGKILL) and starting it again (after ${placed} orders)${
              inFlight ? `, while ${inFlight}'s order.placed is being handled in memory` : AIM_RESTART ? " (no order.placed in flight within 20 s)" : ""
            }`
          )
          if (inFlight) killedInFlight.push(inFlight)
          const r = await stack.restartServer()
          restartsDone++
          restartMs.push(r.ms)
          log(`CHAOS: backend back after ${(r.ms / 1000).toFixed(1)}s`)
        }
      })().catch((error) => chaosErrors.push(`backend restart: ${error?.message ?? error}`))
    }
  }

  let lastTruth = null
  const refreshTruth = async () => {
    lastTruth = await readTruth(pool, supplierIds)
    return lastTruth
  }
  const progressLine = async (phase) => {
    const truth = await refreshTruth().catch(() => lastTruth)
    const p = truth ? progress(truth) : { supplierOrders: "?", delivered: "?", outbox: {}, maxAttempts: "?" }
    const s = sim.stats()
    log(
      `${phase} ${((Date.now() - t0) / 1000).toFixed(0)}s: orders ${placed}/${ORDERS} supplier_orders=${p.supplierOrders} delivered=${p.delivered} outbox=${JSON.stringify(p.outbox)} max_attempts=${p.maxAttempts} | simulator ${simDown ? "DOWN" : "up"} requests=${s.requests} failed_on_purpose=${s.failedOnPurpose} unique=${s.unique} duplicates=${s.duplicates}`
    )
  }
  const ticker = setInterval(() => progressLine("placing").catch(() => {}), 5000)
  const stopTicker = onCleanup("progress ticker", async () => clearInterval(ticker))

  const tOrders = Date.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, w) => {
      for (;;) {
        const i = next++
        if (i >= ORDERS) return
        const variantIds = [pools[0][i % pools[0].length].variant.id, pools[1][(i * 7 + w) % pools[1].length].variant.id]
        try {
          const { orderId } = await placeCodOrder(store, { regionId: india.id, variantIds, email: `chaos-${i}@example.com`, findIdempotencyKey })
          orderIds.push(orderId)
          placed++
        } catch (error) {
          failedOrders.push({ i, error: error?.message ?? String(error) })
          log(`order ${i} could not be placed: ${error?.message ?? error}`)
        }
        chaos()
      }
    })
  )
  log(`${placed} orders placed in ${((Date.now() - tOrders) / 1000).toFixed(0)}s (${counters.retries} retried calls)`)
  await stopTicker()
  if (outage) await outage
  if (restart) await restart

  // --- wait until every supplier order is delivered (the simulator keeps failing 50%)
  const deadline = Date.now() + TIMEOUT_S * 1000
  let timedOut = false
  let lastPrint = 0
  let lastChange = Date.now()
  let lastSignature = ""
  for (;;) {
    const truth = await refreshTruth()
    const r = reconcile(truth, { orderIds, supplierIds, sim })
    const p = progress(truth)
    const done = r.missingPairs.length === 0 && r.notDelivered.length === 0 && r.notReceived.length === 0
    if (done) break
    const signature = `${p.supplierOrders}/${p.delivered}/${sim.stats().unique}/${JSON.stringify(p.outbox)}`
    if (signature !== lastSignature) {
      lastSignature = signature
      lastChange = Date.now()
    }
    // Nothing left to retry and nothing moved for 3 minutes: waiting longer will not help.
    const stalled = !p.outbox.pending && Date.now() - lastChange > 180000
    if (Date.now() > deadline || stalled) {
      timedOut = true
      log(`${stalled ? "stalled (nothing pending, nothing changed for 3 min)" : `timed out after ${TIMEOUT_S}s`}: ${r.notDelivered.length} not delivered, ${r.missingPairs.length} (order, supplier) pairs without a supplier order`)
      break
    }
    if (Date.now() - lastPrint > 5000) {
      lastPrint = Date.now()
      await progressLine("delivering")
    }
    await sleep(1000)
  }

  // --- report
  const truth = await refreshTruth()
  const r = reconcile(truth, { orderIds, supplierIds, sim })
  const s = sim.stats()
  const p = progress(truth)
  const elapsed = (Date.now() - t0) / 1000
  const receivedAt = new Map()
  for (const m of sim.messages) if (m.type === "supplier_order.created" && m.data?.supplier_order_id && !receivedAt.has(m.data.supplier_order_id)) receivedAt.set(m.data.supplier_order_id, m.receivedAt.getTime())
  const latencies = truth.supplierOrders
    .filter((so) => receivedAt.has(so.id))
    .map((so) => (receivedAt.get(so.id) - new Date(so.created_at).getTime()) / 1000)
    .sort((a, b) => a - b)

  const problems = []
  if (r.missingPairs.length) problems.push(`(order, supplier) pairs without a supplier order: ${r.missingPairs.slice(0, 10).map((m) => `${m.orderId}/${CODES[supplierIds.indexOf(m.supplierId)]}`).join(", ")}${r.missingPairs.length > 10 ? ", …" : ""}`)
  for (const so of r.notReceived.slice(0, 10)) {
    const msg = truth.createdBySupplierOrder.get(so.id)
    problems.push(`never received: ${so.id} (order ${so.order_id}, status ${so.status}; outbox ${msg ? `${msg.status}, ${msg.attempts} attempts, last error ${msg.last_error ?? "-"}` : "MISSING"})`)
  }
  for (const so of r.notDelivered.filter((x) => !r.notReceived.includes(x)).slice(0, 10)) {
    const msg = truth.createdBySupplierOrder.get(so.id)
    problems.push(`received but not marked delivered: ${so.id} (status ${so.status}; outbox ${msg ? `${msg.status}, ${msg.attempts} attempts` : "MISSING"})`)
  }
  for (const id of r.underTwoIds) problems.push(`received under two webhook-ids: ${id} (${[...sim.integrityReport().bySupplierOrder.get(id)].join(", ")})`)
  for (const [pair, rows] of r.pairsWithTwo) problems.push(`${rows.length} supplier orders for one (order, supplier): ${pair}: ${rows.map((x) => x.id).join(", ")}`)
  for (const id of r.unknownReceived) problems.push(`received a supplier order the database does not know: ${id}`)
  for (const m of r.idMismatch.slice(0, 10)) problems.push(`webhook-id differs from the outbox: ${m.supplierOrderId}: outbox ${m.outbox}, received ${m.received.join(", ")}`)
  if (r.extraOrders.length) problems.push(`${r.extraOrders.length} orders in the database the bench did not place (a checkout completed twice?): ${r.extraOrders.slice(0, 5).map((o) => o.id).join(", ")}`)
  for (const id of killedInFlight) {
    const rows = truth.supplierOrders.filter((so) => so.order_id === id)
    log(`the restart hit ${id} while its order.placed was in memory: ${rows.length} supplier order(s) now${rows.length ? "" : " (LOST with the crash)"}`)
  }
  for (const e of chaosErrors) problems.push(e)
  for (const f of failedOrders.slice(0, 10)) problems.push(`order ${f.i} not placed: ${f.error}`)
  for (const line of problems) log(`PROBLEM ${line}`)
  if (problems.length) log(`server log: ${path.join(logDir, "server.log")}`)

  const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "n/a")
  const requestsPerMessage = s.unique ? s.requests / s.unique : NaN
  const expectedRequests = FAIL_RATE < 1 ? 1 / (1 - FAIL_RATE) : NaN
  const deliveriesPerSupplierOrder = s.unique ? (s.unique + s.duplicates) / s.unique : NaN
  process.stdout.write(
    [
      `orders=${placed}`,
      `supplier_orders=${truth.supplierOrders.length}`,
      `delivered=${r.delivered}`,
      `received=${r.received}`,
      `lost=${r.lost}`,
      `duplicated=${r.duplicated}`,
      `requests=${s.requests}`,
      `failed_on_purpose=${s.failedOnPurpose}`,
      `duplicate_deliveries=${s.duplicates}`,
      `bad_signatures=${s.badSignatures}`,
      `max_attempts=${p.maxAttempts}`,
      `restart=${restartsDone}`,
      `restart_hit_in_flight=${killedInFlight.length}`,
      `outage_s=${outageDone ? OUTAGE_S : 0}`,
      `orders_failed=${failedOrders.length}`,
      `checkout_retries=${counters.retries}`,
      `checkouts_resumed=${counters.resumed ?? 0}`,
      `elapsed_s=${elapsed.toFixed(0)}`,
    ].join(" ") + "\n"
  )
  process.stdout.write(
    `requests_per_message=${fmt(requestsPerMessage)} expected=${fmt(expectedRequests)} (1/(1-fail_rate)) ratio=${fmt(requestsPerMessage / expectedRequests)}x ` +
      `deliveries_per_supplier_order=${fmt(deliveriesPerSupplierOrder)} baseline=1.00 ratio=${fmt(deliveriesPerSupplierOrder)}x\n`
  )
  process.stdout.write(
    `delivery_latency_s p50=${fmt(percentile(latencies, 50), 1)} p95=${fmt(percentile(latencies, 95), 1)} max=${fmt(latencies.at(-1), 1)} backend_restart_s=${restartMs.map((ms) => (ms / 1000).toFixed(1)).join(",") || "n/a"}\n`
  )
  const failed = r.lost > 0 || r.duplicated > 0 || timedOut || chaosErrors.length > 0 || failedOrders.length > 0 || placed < ORDERS
  if (KEEP) {
    log(`BENCH_KEEP=1: the stack stays up at ${baseUrl} (database ${databaseUrl}); Ctrl-C to stop it`)
    await new Promise(() => {})
  }
  return failed ? 1 : 0
}

main()
  .then(async (code) => {
    await cleanupAll()
    process.exit(code)
  })
  .catch(async (error) => {
    log(error?.stack ?? String(error))
    await cleanupAll()
    process.exit(2)
  })
