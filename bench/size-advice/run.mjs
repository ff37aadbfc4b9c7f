#!/usr/bin/env node
/**
 * Size advice under real fit data: loads RentTheRunway train reviews (with the reviewers'
 * bodies) into a throw-away store, retrains the size model through the admin API, then
 * times GET /store/products/:id/size-recommendation against the baseline
 * GET /store/products/:id/size-chart (same product, one cheap database read) in the same run,
 * interleaved, and prints p50 / p95 / p99 and the ratio.
 *
 * Progress on stderr, the summary on stdout. Knobs: BENCH_REVIEWS (default 20000),
 * BENCH_REQUESTS (per endpoint, default 1000). See bench/README.md ("size-advice").
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { cleanupAll, onCleanup } from "../lib/cleanup.mjs"
import { adminLogin, createClient } from "../supplier-chaos/shop.mjs"
import { percentile } from "../supplier-chaos/truth.mjs"

const require = createRequire(import.meta.url)
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..")
const backendRequire = createRequire(path.join(repoRoot, "backend", "package.json"))
const pg = backendRequire("pg")
const { startStack } = require(path.join(repoRoot, "backend", "scripts", "lib", "test-stack-client.cjs"))

const log = (m) => process.stderr.write(`[size-advice] ${m}\n`)
const REVIEWS = Math.max(100, Number(process.env.BENCH_REVIEWS ?? 20000))
const REQUESTS = Math.max(50, Number(process.env.BENCH_REQUESTS ?? 1000))
const TRAIN_FILE = process.env.BENCH_FIT_FILE ?? path.join(repoRoot, "..", "shared", "data", "fit", "rtr-dev-train.jsonl")
const FITS = { small: "runs_small", fit: "true_to_size", large: "runs_large" }
const BODY_TYPES = { hourglass: "hourglass", pear: "pear", apple: "apple", athletic: "athletic", petite: "petite", "straight & narrow": "rectangle", "full bust": "full_bust" }

function bar(label, done, total) {
  if (!process.stderr.isTTY) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r[size-advice] ${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`)
}

/** RentTheRunway reviews as our reviews: their items spread over the seeded products, their sizes over each product's sizes. */
async function loadReviews(pool) {
  const rows = fs.readFileSync(TRAIN_FILE, "utf8").trim().split("\n").slice(0, REVIEWS).map((line) => JSON.parse(line))
  const { rows: variants } = await pool.query(
    `SELECT o.product_id, v.id AS variant_id, ov.value AS size
       FROM product_option o JOIN product_option_value ov ON ov.option_id = o.id JOIN product_variant v ON v.id = ov.variant_id
       JOIN product p ON p.id = o.product_id AND p.status = 'published' AND p.deleted_at IS NULL
      WHERE lower(o.title) = 'size' AND v.deleted_at IS NULL
      ORDER BY o.product_id, v.variant_rank`
  )
  const products = new Map()
  for (const v of variants) products.set(v.product_id, [...(products.get(v.product_id) ?? []), v])
  const productList = [...products.values()].filter((sizes) => sizes.length >= 3)
  if (!productList.length) throw new Error("the seeded catalogue has no products with a Size option")
  const sizes = [...new Set(rows.map((r) => r.size))].sort((a, b) => a - b)
  const items = [...new Set(rows.map((r) => r.item_id))]
  const users = [...new Set(rows.map((r) => r.user_id))]
  const customerId = (user) => `cus_bench_${user}`
  const suffix = Date.now().toString(36)

  for (let i = 0; i < users.length; i += 1000) {
    const chunk = users.slice(i, i + 1000)
    const body = new Map(rows.map((r) => [r.user_id, r]))
    await pool.query(
      `INSERT INTO customer (id, email, first_name, last_name, has_account) SELECT id, id || '-${suffix}@bench.example', 'Bench', 'Shopper', true FROM unnest($1::text[]) AS id ON CONFLICT DO NOTHING`,
      [chunk.map(customerId)]
    )
    const values = chunk.map((user) => {
      const r = body.get(user)
      const band = r.bust_size_num && r.bust_size_letter ? `${r.bust_size_num}${r.bust_size_letter.toUpperCase()}` : null
      return [customerId(user), r.height_in ? Math.min(220, Math.max(120, r.height_in * 2.54)) : null, r.weight_lbs ? Math.min(250, Math.max(30, r.weight_lbs * 0.4536)) : null, band && /^(2[89]|3\d|4[0-8])(AA|DDD|DD|FF|GG|[A-H])$/.test(band) ? band : null, BODY_TYPES[r.body_type] ?? null]
    })
    await pool.query(
      `INSERT INTO body_measurements (customer_id, height_cm, weight_kg, bra_size, body_type)
       SELECT * FROM unnest($1::text[], $2::numeric[], $3::numeric[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3, 4].map((k) => values.map((v) => v[k]))
    )
    bar("customers", Math.min(i + 1000, users.length), users.length)
  }

  const seen = new Set()
  const reviews = []
  for (const r of rows) {
    const product = productList[items.indexOf(r.item_id) % productList.length]
    const position = Math.round((sizes.indexOf(r.size) / Math.max(1, sizes.length - 1)) * (product.length - 1))
    const variant = product[position]
    const key = `${r.user_id}|${variant.variant_id}`
    if (seen.has(key)) continue
    seen.add(key)
    reviews.push([`prev_bench_${reviews.length}_${suffix}`, variant.product_id, variant.variant_id, customerId(r.user_id), Math.max(1, Math.round((r.rating ?? 8) / 2)), FITS[r.fit], variant.size, r.review_date])
  }
  for (let i = 0; i < reviews.length; i += 2000) {
    const chunk = reviews.slice(i, i + 2000)
    await pool.query(
      `INSERT INTO product_review (id, product_id, variant_id, customer_id, rating, fit, size, verified_purchase, status, moderated_at, created_at, updated_at)
       SELECT id, p, v, c, r, f, s, true, 'approved', d, d, d FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[]) AS t(id, p, v, c, r, f, s, d)`,
      [0, 1, 2, 3, 4, 5, 6, 7].map((k) => chunk.map((row) => row[k]))
    )
    bar("reviews", Math.min(i + 2000, reviews.length), reviews.length)
  }
  return { reviews: reviews.length, customers: users.length, products: productList.map((p) => p[0].product_id), bodies: rows }
}

async function time(client, pathname) {
  const started = process.hrtime.bigint()
  const res = await client.once("GET", pathname)
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (res.status !== 200) throw new Error(`GET ${pathname}: ${res.status} ${res.text.slice(0, 200)}`)
  return ms
}

async function main() {
  log("starting a throw-away backend (migrations and seed, ~1.5 min)")
  const stack = await startStack({ MEDUSA_ADMIN_SERVE: "false" })
  onCleanup("backend stack", () => stack.stop())
  const pool = new pg.Pool({ connectionString: stack.info.databaseUrl, max: 2 })
  onCleanup("database pool", () => pool.end())
  const admin = createClient(stack.info.baseUrl)
  await adminLogin(admin, stack.info.adminEmail, stack.info.adminPassword)
  const store = createClient(stack.info.baseUrl)

  log(`loading ${REVIEWS} RentTheRunway reviews with their reviewers' bodies`)
  const loaded = await loadReviews(pool)
  const trained = await admin.ok("POST", "/admin/size-recommendation")
  log(`model: ${JSON.stringify(trained.model)}`)

  const charted = []
  for (const id of loaded.products) if ((await store.once("GET", `/store/products/${id}/size-chart`)).status === 200) charted.push(id)
  if (!charted.length) throw new Error("no product with a size chart")
  // A guest's measurements must be in the ranges the API accepts (120-220 cm, 30-250 kg); the
  // dataset has a few typos (a weight of 50 lb) that would answer 400 and time nothing.
  const inRange = (value, min, max) => value >= min && value <= max
  const bodies = loaded.bodies.filter((r) => r.height_in && r.weight_lbs && inRange(Math.round(r.height_in * 2.54), 120, 220) && inRange(Math.round(r.weight_lbs * 0.4536), 30, 250))
  const advice = (i) => {
    const r = bodies[i % bodies.length]
    const bust = r.bust_size_num ? Math.round(r.bust_size_num * 2.54 + 8) : 88
    return `/store/products/${charted[i % charted.length]}/size-recommendation?height_cm=${Math.round(r.height_in * 2.54)}&weight_kg=${Math.round(r.weight_lbs * 0.4536)}&bust_cm=${Math.min(200, Math.max(40, bust))}`
  }
  const baseline = (i) => `/store/products/${charted[i % charted.length]}/size-chart`

  for (let i = 0; i < 50; i++) {
    await time(store, advice(i))
    await time(store, baseline(i))
  }
  const adviceMs = []
  const baselineMs = []
  for (let i = 0; i < REQUESTS; i++) {
    // Interleaved, so both see the same machine and database state.
    adviceMs.push(await time(store, advice(i)))
    baselineMs.push(await time(store, baseline(i)))
    if (i % 50 === 0 || i === REQUESTS - 1) bar("requests", i + 1, REQUESTS)
  }
  adviceMs.sort((a, b) => a - b)
  baselineMs.sort((a, b) => a - b)
  const row = (name, ms) => `${name.padEnd(34)}${[50, 95, 99].map((p) => percentile(ms, p).toFixed(2).padStart(9)).join("")}`
  console.log(`size advice on ${charted.length} products, model trained on ${trained.model.reviews} reviews in ${trained.model.training_ms} ms`)
  console.log(`${"".padEnd(34)}${["p50 ms", "p95 ms", "p99 ms"].map((h) => h.padStart(9)).join("")}`)
  console.log(row("GET size-recommendation", adviceMs))
  console.log(row("GET size-chart (baseline)", baselineMs))
  console.log(`ratio advice/baseline: p50 ${(percentile(adviceMs, 50) / percentile(baselineMs, 50)).toFixed(2)}, p95 ${(percentile(adviceMs, 95) / percentile(baselineMs, 95)).toFixed(2)}`)
}

main()
  .catch((error) => {
    log(`failed: ${error?.stack ?? error}`)
    process.exitCode = 1
  })
  .finally(() => cleanupAll())
