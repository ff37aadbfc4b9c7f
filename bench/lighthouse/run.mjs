#!/usr/bin/env node
/**
 * Lighthouse bench: home, a category and a product page, mobile profile, median of
 * BENCH_RUNS runs each, against a baseline store measured in the same run when
 * BASELINE_URL is given. Progress goes to stderr; stdout is a table, the audits that
 * cost points, and as its last line the JSON
 *   {"home": {"performance": 0-100, "accessibility": …, "best-practices": …, "seo": …}, "category": {…}, "product": {…}}
 *
 * Env:
 *   STOREFRONT_URL   measure this running store instead of starting backend + next start
 *   MEDUSA_BACKEND_URL  with STOREFRONT_URL: its backend, to pick the category/product
 *   BENCH_RUNS       runs per page (default 3)
 *   BENCH_COUNTRY    country segment of the paths (default "in")
 *   BENCH_PATHS      '{"home":"/in","category":"/in/categories/x","product":"/in/products/y"}' to pin pages
 *   BASELINE_URL     origin of the store to compare with (e.g. Medusa's v1 Next.js starter)
 *   BASELINE_PATHS   its paths, same shape as BENCH_PATHS (default: ours)
 *   CHROME_PATH      default /usr/bin/chromium
 */
import fs from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { cleanupAll } from "../lib/cleanup.mjs"
import { startOwnStack } from "./stack.mjs"
import { resolvePages, warm } from "./pages.mjs"
import { CATEGORIES, runLighthouse } from "./measure.mjs"
import { costlyAudits, formatCostly, metrics } from "./audits.mjs"

const GOALS = { performance: 90, accessibility: 95, "best-practices": 95, seo: 95 }
const PAGES = ["home", "category", "product"]
const SHORT = { performance: "perf", accessibility: "a11y", "best-practices": "bp", seo: "seo" }

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, "..", "..")
const rel = (p) => path.relative(repoRoot, p)
const log = (m) => process.stderr.write(`[lighthouse] ${m}\n`)
const out = (m = "") => process.stdout.write(`${m}\n`)

function envJson(name) {
  const raw = process.env[name]
  if (!raw) return null
  let value
  try {
    value = JSON.parse(raw)
  } catch {
    throw new Error(`${name} is not JSON: ${raw}`)
  }
  for (const p of PAGES) if (typeof value[p] !== "string") throw new Error(`${name} needs a "${p}" path`)
  return value
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2)
}

function bar(done, total, width = 24) {
  const n = Math.round((done / total) * width)
  return `[${"#".repeat(n)}${".".repeat(width - n)}] ${done}/${total}`
}

const stampNow = () => new Date().toISOString().replace(/[:]/g, "-").replace(/\..+$/, "")
const trimOrigin = (u) => u.replace(/\/+$/, "")

async function main() {
  const runs = Number(process.env.BENCH_RUNS || 3)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS must be a positive integer, got ${process.env.BENCH_RUNS}`)
  const country = process.env.BENCH_COUNTRY || "in"

  // What to measure.
  let siteUrl
  let backendUrl = null
  if (process.env.STOREFRONT_URL) {
    siteUrl = trimOrigin(process.env.STOREFRONT_URL)
    backendUrl = process.env.MEDUSA_BACKEND_URL ? trimOrigin(process.env.MEDUSA_BACKEND_URL) : null
    log(`measuring the running store at ${siteUrl} (nothing started)`)
  } else {
    ;({ storefrontUrl: siteUrl, backendUrl } = await startOwnStack())
  }
  const sites = [{ key: "ours", url: siteUrl, pages: envJson("BENCH_PATHS") ?? (await resolvePages(siteUrl, backendUrl, country)) }]
  if (process.env.BASELINE_URL) {
    sites.push({ key: "baseline", url: trimOrigin(process.env.BASELINE_URL), pages: envJson("BASELINE_PATHS") ?? sites[0].pages })
  }
  for (const site of sites) {
    log(`${site.key}: ${PAGES.map((p) => `${p} ${site.pages[p]}`).join(", ")}`)
    await warm(site.url, site.pages)
  }

  // Measure: run by run, page by page, ours then baseline back to back so drift hits both.
  const reportDir = path.join(here, "reports", stampNow())
  const results = Object.fromEntries(sites.map((s) => [s.key, Object.fromEntries(PAGES.map((p) => [p, []]))]))
  const total = runs * PAGES.length * sites.length
  let done = 0
  let environment = null
  const warnings = []
  const benchmarkIndexes = []
  const t0 = Date.now()
  for (let run = 1; run <= runs; run++) {
    for (const page of PAGES) {
      for (const site of sites) {
        const url = `${site.url}${site.pages[page]}`
        log(`${bar(done, total)} ${site.key} ${page} run ${run}/${runs}: ${url} …`)
        const started = Date.now()
        const { scores, serverErrors, lhr, json, html } = await runLighthouse(url)
        fs.mkdirSync(reportDir, { recursive: true })
        const base = path.join(reportDir, `${site.key}-${page}-run${run}`)
        fs.writeFileSync(`${base}.json`, json)
        fs.writeFileSync(`${base}.html`, html)
        results[site.key][page].push({ scores, lhr, file: `${base}.json` })
        environment = lhr.environment
        benchmarkIndexes.push(Math.round(lhr.environment.benchmarkIndex))
        if (serverErrors.length) {
          const msg = `${site.key} ${page} run ${run}: ${serverErrors.length} server error(s), e.g. ${serverErrors.slice(0, 3).join(", ")}`
          warnings.push(msg)
          log(`warning: ${msg}`)
        }
        done++
        const secs = ((Date.now() - started) / 1000).toFixed(1)
        const eta = Math.round(((Date.now() - t0) / done) * (total - done) / 1000)
        log(`${bar(done, total)} ${site.key} ${page} run ${run}/${runs}: ${CATEGORIES.map((c) => `${SHORT[c]} ${scores[c]}`).join(" ")} (${secs}s, host benchmarkIndex ${Math.round(lhr.environment.benchmarkIndex)}, ~${eta}s left)`)
      }
    }
  }

  // Medians, and for each category the run that scored the median (its audits are the ones listed).
  const summary = {}
  for (const site of sites) {
    summary[site.key] = {}
    for (const page of PAGES) {
      const list = results[site.key][page]
      const entry = { url: `${site.url}${site.pages[page]}`, median: {}, runs: {}, audits: {}, metrics: {} }
      for (const cat of CATEGORIES) {
        const xs = list.map((r) => r.scores[cat])
        const m = median(xs)
        entry.median[cat] = m
        entry.runs[cat] = xs
        const pick = list.reduce((best, r) => (Math.abs(r.scores[cat] - m) < Math.abs(best.scores[cat] - m) ? r : best))
        const failedIn = {}
        for (const r of list) for (const a of costlyAudits(r.lhr)[cat].lost) failedIn[a.id] = (failedIn[a.id] ?? 0) + 1
        entry.audits[cat] = { report: pick.file, failedIn, ...costlyAudits(pick.lhr)[cat] }
        if (cat === "performance") entry.metrics = metrics(pick.lhr)
      }
      summary[site.key][page] = entry
    }
  }
  fs.writeFileSync(path.join(reportDir, "summary.json"), JSON.stringify({ ...summary, warnings, benchmarkIndexes }, null, 2))

  // Table.
  const ours = summary.ours
  const baseline = summary.baseline
  out("")
  out(`Lighthouse ${runs > 1 ? `median of ${runs} runs` : "1 run"} per page, mobile, simulated throttling (Lighthouse defaults)`)
  out(`Chromium ${environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? "?"}, Lighthouse ${results.ours.home[0].lhr.lighthouseVersion}, host CPU benchmarkIndex ${Math.min(...benchmarkIndexes)}-${Math.max(...benchmarkIndexes)} over the runs (CPU slowdown 4x on top of this host)`)
  if (Math.max(...benchmarkIndexes) > 1.5 * Math.min(...benchmarkIndexes)) {
    out("note: the host's CPU speed varied a lot during the bench (other load?), so performance scores are noisy; trust ours/baseline more than absolute numbers")
  }
  out(`ours:     ${siteUrl}  ${PAGES.map((p) => `${p} ${sites[0].pages[p]}`).join("  ")}`)
  if (baseline) out(`baseline: ${sites[1].url}  ${PAGES.map((p) => `${p} ${sites[1].pages[p]}`).join("  ")}`)
  else out("baseline: none given (set BASELINE_URL, and BASELINE_PATHS, e.g. to Medusa's v1 Next.js starter on the same backend); no ratios")
  out("")
  const head = ["page", "category", "ours", "runs", "goal", "met"]
  if (baseline) head.push("baseline", "ours/baseline")
  const rows = [head]
  const under = []
  for (const page of PAGES) {
    for (const cat of CATEGORIES) {
      const score = ours[page].median[cat]
      const met = score >= GOALS[cat]
      if (!met) under.push({ page, cat, score })
      const row = [page, cat, String(score), ours[page].runs[cat].join(","), `>=${GOALS[cat]}`, met ? "yes" : "NO"]
      if (baseline) {
        const b = baseline[page].median[cat]
        row.push(`${b}`, b > 0 ? `${(score / b).toFixed(2)}x` : "n/a")
      }
      rows.push(row)
    }
  }
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  for (const r of rows) out(r.map((c, i) => (i >= 2 && i !== 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd())
  out("")
  for (const page of PAGES) out(`${page} metrics (ours, median-perf run): ${Object.entries(ours[page].metrics).map(([k, v]) => `${k} ${v}`).join(", ")}`)
  if (baseline) for (const page of PAGES) out(`${page} metrics (baseline, median-perf run): ${Object.entries(baseline[page].metrics).map(([k, v]) => `${k} ${v}`).join(", ")}`)
  if (warnings.length) {
    out("")
    out("WARNING: these runs saw 5xx responses, so their scores do not describe the store (rerun):")
    for (const w of warnings) out(`  ${w}`)
  }
  out("")
  const met = PAGES.length * CATEGORIES.length - under.length
  out(`Goal met on ${met}/${PAGES.length * CATEGORIES.length} scores${under.length ? `; under goal: ${under.map((u) => `${u.page} ${u.cat} ${u.score} (<${GOALS[u.cat]})`).join(", ")}` : ""}.`)

  // What cost points: on stdout for scores under goal, in audits.txt for every score under 100.
  const auditLines = (filter, withHints) => {
    const lines = []
    for (const page of PAGES) {
      for (const cat of CATEGORIES) {
        const a = ours[page].audits[cat]
        if (!filter(page, cat) || (!a.lost.length && !(withHints && a.hints.length))) continue
        lines.push(`  ${page} ${cat} ${ours[page].median[cat]} (goal ${GOALS[cat]}), from ${rel(a.report)}:`)
        lines.push(...formatCostly(cat, a, a.failedIn, runs, { withHints }))
      }
    }
    return lines
  }
  const underLines = auditLines((page, cat) => under.some((u) => u.page === page && u.cat === cat), true)
  if (underLines.length) {
    out("")
    out("Audits costing points where a score is under goal (points = share of the category score lost):")
    for (const l of underLines) out(l)
  }
  const allLines = auditLines((page, cat) => ours[page].median[cat] < 100, true)
  fs.writeFileSync(path.join(reportDir, "audits.txt"), `${allLines.join("\n")}\n`)
  out("")
  out(`Full reports (JSON + HTML per run), summary.json and audits.txt (every score under 100): ${rel(reportDir)}`)

  const shape = (s) => Object.fromEntries(PAGES.map((p) => [p, { ...s[p].median }]))
  if (baseline) out(JSON.stringify({ baseline: shape(baseline) }))
  out(JSON.stringify(shape(ours)))
}

let code = 0
try {
  await main()
} catch (error) {
  process.stderr.write(`[lighthouse] failed: ${error?.stack ?? error}\n`)
  code = 1
} finally {
  await cleanupAll()
}
process.exit(code)
