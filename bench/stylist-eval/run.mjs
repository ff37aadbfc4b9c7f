#!/usr/bin/env node
/**
 * The AI stylist's offline engine on our own shopper requests: boots a throw-away store
 * without an OpenAI key, reads the catalogue through the Store API (never through the
 * plugin's code), then posts every request of requests.json to POST /store/stylist/chat
 * (a warm-up pass, then BENCH_ROUNDS timed passes, each request followed by the baseline
 * GET /store/products?limit=12) and checks every outfit against the catalogue and the
 * request's hand-written answer key (`expect`).
 *
 * Progress on stderr; on stdout the per-request table, failures, impossible requests,
 * latency and, as the last line, {"requests", "constraint_satisfaction", "coverage", "p95_ms"}.
 * See bench/README.md ("stylist-eval").
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { cleanupAll, onCleanup } from "../lib/cleanup.mjs"
import { createClient } from "../supplier-chaos/shop.mjs"
import { percentile } from "../supplier-chaos/truth.mjs"
import { loadCatalog, regionFor } from "./catalog.mjs"
import { bruteForce, checkAnswer, COLOUR_FAMILIES, normaliseExpect } from "./checks.mjs"

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, "..", "..")
const { startStack } = require(path.join(repoRoot, "backend", "scripts", "lib", "test-stack-client.cjs"))

const log = (m) => process.stderr.write(`[stylist-eval] ${m}\n`)
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3))
const REQUESTS_FILE = process.env.BENCH_REQUESTS_FILE ?? path.join(here, "requests.json")
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",").map((s) => s.trim())) : null
const CHAT = "/store/stylist/chat"
const GOALS = { constraint_satisfaction: 1, coverage: 0.9, p95_ms: 300 }

function bar(label, done, total) {
  if (!process.stderr.isTTY) return
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r[stylist-eval] ${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}${done === total ? "\n" : ""}`)
}

function loadRequests() {
  const all = JSON.parse(fs.readFileSync(REQUESTS_FILE, "utf8"))
  const ids = new Set()
  for (const r of all) {
    if (ids.has(r.id)) throw new Error(`${REQUESTS_FILE}: id ${r.id} twice`)
    ids.add(r.id)
    if (!r.expect) throw new Error(`${REQUESTS_FILE}: ${r.id} has no expect block (the answer key)`)
  }
  return ONLY ? all.filter((r) => ONLY.has(r.id)) : all
}

async function timed(fn) {
  const started = process.hrtime.bigint()
  const res = await fn()
  return { res, ms: Number(process.hrtime.bigint() - started) / 1e6 }
}

const pct = (x) => `${(x * 100).toFixed(1)}%`
const fmtMs = (x) => (Number.isFinite(x) ? x.toFixed(1) : "-")
const round1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null)
const money = (minor, currency) => `${currency === "inr" ? "₹" : "$"}${(minor / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}`

/** One line per look, for the printout of why a request is (im)possible. */
const describeLook = (look, currency) => look.map((r) => `${r.title} ${r.color}/${r.size}`).join(" + ") + ` = ${money(look.reduce((s, r) => s + r.price_minor, 0), currency)}`

async function main() {
  const requests = loadRequests()
  const started = Date.now()
  let baseUrl = process.env.MEDUSA_BACKEND_URL
  if (baseUrl) {
    log(`measuring the running backend at ${baseUrl} (started nothing; its engine may not be offline)`)
  } else {
    log("starting a throw-away backend without OPENAI_API_KEY (migrations and seed, ~1.5 min)")
    // The offline engine is what the bench measures; an empty key also keeps a .env file's key out.
    delete process.env.OPENAI_API_KEY
    delete process.env.OPENAI_BASE_URL
    const stack = await startStack({
      MEDUSA_ADMIN_SERVE: "false",
      OPENAI_API_KEY: "",
      STYLIST_RATE_LIMIT_PER_MINUTE_IP: "100000",
      STYLIST_RATE_LIMIT_PER_MINUTE_CUSTOMER: "100000",
    })
    onCleanup("backend stack", () => stack.stop())
    baseUrl = stack.info.baseUrl
    log(`backend up (${((Date.now() - started) / 1000).toFixed(0)}s); server log: ${stack.info.logDir}/server.log`)
  }
  const store = createClient(baseUrl)
  const catalog = await loadCatalog(store)
  for (const { currency, rows, problems } of Object.values(catalog.byRegion)) {
    log(`${currency.toUpperCase()}: ${rows.length} variants, ${rows.filter((r) => r.in_stock).length} in stock`)
    for (const p of problems) log(`catalogue: ${p}`)
  }
  const unknownColours = [...new Set(Object.values(catalog.byRegion).flatMap((r) => r.rows.map((x) => x.color)))].filter((c) => c && !COLOUR_FAMILIES[c.toLowerCase()])
  if (unknownColours.length) log(`colours missing from the answer key's family table (each is its own family): ${unknownColours.join(", ")}`)
  const allTitles = [...new Set(Object.values(catalog.byRegion).flatMap((r) => r.rows.map((x) => x.title)))]

  const cases = requests.map((request) => {
    const region = regionFor(catalog, request.region)
    const key = normaliseExpect(request.expect)
    const truth = bruteForce(region.rows, key)
    const body = { message: request.message, region_id: region.region.id, ...(request.context ? { context: request.context } : {}) }
    return { request, region, key, truth, body, answers: [], ms: [], violations: new Set(), complete: [], outfits: [] }
  })
  const keyDrift = cases.filter((c) => c.key.feasible !== undefined && c.key.feasible !== null && c.key.feasible !== c.truth.feasible)
  for (const c of keyDrift) log(`WARNING ${c.request.id}: the answer key says feasible=${c.key.feasible}, the catalogue says ${c.truth.feasible} (catalogue changed?); scoring uses the catalogue`)

  if (process.env.BENCH_CATALOG_ONLY === "1") {
    // Writing the answer key: what the brute force finds, without calling the stylist.
    for (const c of cases) {
      const cheapest = c.truth.cheapest ? `${c.truth.cheapest.over ? "cheapest (over budget)" : "cheapest"}: ${describeLook(c.truth.cheapest.look, c.region.currency)}` : "no look at all"
      console.log(`${c.request.id.padEnd(34)} feasible=${String(c.truth.feasible).padEnd(5)} looks=${String(c.truth.looks).padEnd(6)} alternatives=${String(c.truth.alternatives).padEnd(4)} ${cheapest}`)
    }
    return
  }

  const probe = await store.once("POST", CHAT, { message: "hello", region_id: catalog.regions[0].id })
  if (probe.status === 404) throw new Error(`${CHAT} answers 404: build the plugin and the backend (npm run build -w medusa-plugin-ai-stylist && npm run build -w backend)`)

  const baseline = (c) => `/store/products?limit=12&region_id=${c.region.region.id}`
  const stylistMs = []
  const baselineMs = []
  const passes = ROUNDS + 1
  let done = 0
  for (let pass = 0; pass < passes; pass++) {
    const warmUp = pass === 0
    for (const c of cases) {
      const { res, ms } = await timed(() => store.once("POST", CHAT, c.body))
      const { res: base, ms: baseMs } = await timed(() => store.once("GET", baseline(c)))
      if (base.status !== 200) throw new Error(`baseline GET ${baseline(c)}: ${base.status}`)
      if (!warmUp) {
        // Interleaved with the baseline, so both see the same machine and database state.
        stylistMs.push(ms)
        baselineMs.push(baseMs)
        c.ms.push(ms)
      }
      bar(warmUp ? "warm-up" : `round ${pass}/${ROUNDS}`, ++done, passes * cases.length)
      if (res.status !== 200) {
        const hint = res.status === 429 ? " (rate limited: does the route read STYLIST_RATE_LIMIT_PER_MINUTE_IP?)" : ""
        c.violations.add(`HTTP ${res.status}${hint}: ${String(res.text).slice(0, 200)}`)
        c.outfits.push(0)
        c.complete.push(0)
        continue
      }
      c.answers.push(res.body)
      const checked = checkAnswer(res.body, { key: c.key, region: c.region, allTitles })
      for (const v of checked.violations) c.violations.add(v)
      c.outfits.push(checked.outfits)
      c.complete.push(checked.complete)
    }
  }

  if (process.env.BENCH_DUMP) {
    fs.writeFileSync(process.env.BENCH_DUMP, JSON.stringify(cases.map((c) => ({ id: c.request.id, body: c.body, violations: [...c.violations], answers: c.answers })), null, 2))
    log(`answers written to ${process.env.BENCH_DUMP}`)
  }

  // An impossible request must still get an honest answer: a reply, and alternatives when
  // anything survives her exclusions.
  const impossible = cases.filter((c) => !c.truth.feasible)
  for (const c of impossible) {
    c.honest = c.answers.length > 0 && c.answers.every((a) => typeof a?.reply === "string" && a.reply.trim() && (c.truth.alternatives === 0 || (Array.isArray(a.alternatives) && a.alternatives.length > 0)))
    if (!c.honest) c.violations.add(c.truth.alternatives ? "impossible request: empty reply or no alternatives, though pieces within her exclusions exist" : "impossible request: empty reply")
  }

  // Scores: a request satisfies the constraints when no answer in any pass broke one; it is
  // covered when every answer held at least one valid complete look.
  const feasible = cases.filter((c) => c.truth.feasible)
  const satisfied = cases.filter((c) => c.violations.size === 0)
  const covered = feasible.filter((c) => c.complete.length > 0 && c.complete.every((n) => n > 0))
  const constraintSatisfaction = cases.length ? satisfied.length / cases.length : 0
  const coverage = feasible.length ? covered.length / feasible.length : 1
  stylistMs.sort((a, b) => a - b)
  baselineMs.sort((a, b) => a - b)
  const p = (arr, q) => percentile(arr, q)

  const range = (xs) => (xs.length ? (Math.min(...xs) === Math.max(...xs) ? `${xs[0]}` : `${Math.min(...xs)}-${Math.max(...xs)}`) : "-")
  const median = (xs) => percentile([...xs].sort((a, b) => a - b), 50)
  console.log(`stylist-eval: ${cases.length} requests (${cases.filter((c) => c.region.currency === "inr").length} INR, ${cases.filter((c) => c.region.currency === "usd").length} USD), ${ROUNDS} timed rounds after a warm-up, engine ${[...new Set(cases.flatMap((c) => c.answers.map((a) => a?.engine)))].join("/") || "-"}`)
  console.log("")
  console.log(`${"id".padEnd(34)}${"cur".padEnd(5)}${"feasible".padEnd(10)}${"outfits".padEnd(9)}${"complete".padEnd(10)}${"violations".padEnd(12)}${"ms p50".padStart(8)}`)
  for (const c of cases) {
    console.log(
      `${c.request.id.padEnd(34)}${c.region.currency.toUpperCase().padEnd(5)}${(c.truth.feasible ? "yes" : "NO").padEnd(10)}${range(c.outfits).padEnd(9)}${range(c.complete).padEnd(10)}${String(c.violations.size).padEnd(12)}${fmtMs(median(c.ms)).padStart(8)}`
    )
  }

  const failing = cases.filter((c) => c.violations.size > 0 || (c.truth.feasible && !covered.includes(c)))
  console.log("")
  console.log(failing.length ? `Failures (${failing.length}):` : "Failures: none")
  for (const c of failing) {
    console.log(`- ${c.request.id}: "${c.request.message}"${c.request.context ? ` context ${JSON.stringify(c.request.context)}` : ""}`)
    for (const v of [...c.violations].slice(0, 12)) console.log(`    ${v}`)
    if (c.violations.size > 12) console.log(`    … and ${c.violations.size - 12} more`)
    if (c.truth.feasible && !covered.includes(c))
      console.log(`    no valid complete look in ${c.complete.filter((n) => n === 0).length}/${c.complete.length} answers, though ${c.truth.looks} exist, e.g. ${describeLook(c.truth.cheapest.look, c.region.currency)}`)
  }

  console.log("")
  console.log(`Impossible requests (${impossible.length}): the catalogue has no complete look for them`)
  for (const c of impossible) {
    const answer = c.answers[c.answers.length - 1]
    const reply = typeof answer?.reply === "string" ? answer.reply.trim() : ""
    const alternatives = Array.isArray(answer?.alternatives) ? answer.alternatives : []
    const why = c.truth.cheapest ? `cheapest look ${describeLook(c.truth.cheapest.look, c.region.currency)}` : "no look in any budget"
    console.log(`- ${c.request.id}: ${c.honest ? "honest" : "NOT HONEST"}; outfits ${range(c.outfits)}, violations ${c.violations.size}; ${why}`)
    console.log(`    reply: ${reply ? JSON.stringify(reply.length > 240 ? `${reply.slice(0, 240)}…` : reply) : "(empty)"}`)
    console.log(`    alternatives: ${alternatives.length ? alternatives.map((a) => `${a.label} (${(a.items ?? []).length} items, ${(a.outfits ?? []).length} outfits)`).join("; ") : c.truth.alternatives ? "none, though pieces within her exclusions exist" : "none (nothing survives her exclusions)"}`)
    if (c.complete.some((n) => n > 0)) console.log("    WARNING: the stylist found a valid complete look the brute force did not: check the answer key")
    if (Array.isArray(answer?.notes) && answer.notes.length) console.log(`    notes: ${answer.notes.map((n) => (typeof n === "string" ? n : JSON.stringify(n))).join(" | ")}`)
  }

  console.log("")
  console.log(`latency over ${stylistMs.length} timed requests (${ROUNDS} rounds), interleaved with the baseline:`)
  console.log(`${"".padEnd(40)}${["p50 ms", "p95 ms", "p99 ms", "max ms"].map((h) => h.padStart(9)).join("")}`)
  const row = (name, ms) => `${name.padEnd(40)}${[50, 95, 99, 100].map((q) => fmtMs(p(ms, q)).padStart(9)).join("")}`
  console.log(row(`POST ${CHAT}`, stylistMs))
  console.log(row("GET /store/products?limit=12 (baseline)", baselineMs))
  console.log(`ratio stylist/baseline: p50 ${(p(stylistMs, 50) / p(baselineMs, 50)).toFixed(2)}, p95 ${(p(stylistMs, 95) / p(baselineMs, 95)).toFixed(2)}`)
  console.log("")
  const p95 = round1(p(stylistMs, 95))
  const mark = (ok) => (ok ? "meets goal" : "BELOW GOAL")
  console.log(`constraint satisfaction ${satisfied.length}/${cases.length} = ${pct(constraintSatisfaction)} (goal 100%: ${mark(constraintSatisfaction >= GOALS.constraint_satisfaction)})`)
  console.log(`coverage ${covered.length}/${feasible.length} feasible requests with a valid complete look = ${pct(coverage)} (goal >= 90%: ${mark(coverage >= GOALS.coverage)})`)
  console.log(`p95 latency ${fmtMs(p95)} ms (goal < 300 ms on this machine: ${p95 < GOALS.p95_ms ? "meets goal" : "over goal"}; latency never fails the bench, the machine may be busy)`)
  console.log(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s`)
  console.log(JSON.stringify({ requests: cases.length, constraint_satisfaction: Math.round(constraintSatisfaction * 1000) / 1000, coverage: Math.round(coverage * 1000) / 1000, p95_ms: p95 }))
}

main()
  .catch((error) => {
    log(`failed: ${error?.stack ?? error}`)
    process.exitCode = 1
  })
  .finally(() => cleanupAll())
