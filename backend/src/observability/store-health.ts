import os from "os"
import v8 from "v8"
import type { EntityManager } from "typeorm"
import {
  ReadingWindow,
  assessStoreHealth,
  isStoreRoute,
  mergeBuckets,
  requestFigures,
  sumSamples,
  trendOf,
  type CounterReading,
  type HealthFigures,
  type Indicator,
  type Level,
  type MetricSample,
  type RequestFigures,
  type Trend,
} from "../core/store-health"
import { boundedQuery } from "./database"
import { checkHealthShared, type HealthDeps, type HealthReport } from "./health"
import { httpRequestDuration, httpServerErrors, registry, storeCacheLookups } from "./metrics"
import { refreshQueueGauges, type SourceFailure } from "./queue-gauges"

/**
 * GET /admin/store-health's answer: the same sources as GET /metrics (this process's
 * prom-client registry, and the queue gauges refreshed by the same shared round of queries)
 * and GET /health/ready (checkHealthShared), put in words for the admin's Store health page.
 */

/** "Recent" figures cover up to the last 5 minutes, once readings span at least 30 s. */
export const RECENT_WINDOW_MS = 5 * 60_000
const RECENT_MIN_MS = 30_000
/** The outbox's trend needs readings over at least a minute (the admin page asks every 15 s). */
const TREND_WINDOW_MS = 10 * 60_000
const TREND_MIN_MS = 60_000
/** ... and the backlog to have gone up at least 3 times over them, never down, to call it growing. */
const TREND_MIN_RISES = 3
const FAILED_MODELS_LISTED = 5

export const REQUEST_SCOPE_NOTE =
  "Request, error, latency and cache numbers are counted by the server process that answered, since it started. " +
  "With several server replicas each answers for itself (Prometheus adds them up across replicas); " +
  "the dependency checks and the queue numbers come from the shared database and services, so every replica reports the same."

const counterReadings = new ReadingWindow<CounterReading>({ keepMs: RECENT_WINDOW_MS + 60_000, minSpacingMs: 5_000, max: 200 })
const outboxReadings = new ReadingWindow<{ at: number; value: number | null }>({ keepMs: TREND_WINDOW_MS, minSpacingMs: 5_000, max: 200 })

const known = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) ? null : value)

/** The current values of one of the queue gauges, by its label (or "" when it has none). */
async function gaugeValues(name: string, label?: string): Promise<Map<string, number | null>> {
  const metric = registry.getSingleMetric(name)
  const out = new Map<string, number | null>()
  if (!metric) return out
  for (const s of (await metric.get()).values as MetricSample[]) out.set(label ? String(s.labels[label]) : "", known(s.value))
  return out
}

/** This process's counters now, read from the registry /metrics serves. */
export async function readCounters(at = Date.now()): Promise<CounterReading> {
  const http = (await httpRequestDuration.get()).values as MetricSample[]
  const errors = (await httpServerErrors.get()).values as MetricSample[]
  const cache = (await storeCacheLookups.get()).values as MetricSample[]
  return {
    at,
    requests: sumSamples(http.filter((s) => s.metricName?.endsWith("_count"))),
    errors: sumSamples(errors),
    storeBuckets: mergeBuckets(http, (labels) => isStoreRoute(labels.route)),
    cacheHits: sumSamples(cache, (l) => l.result === "hit"),
    cacheMisses: sumSamples(cache, (l) => l.result === "miss"),
    cacheBypassed: sumSamples(cache, (l) => l.result === "bypass"),
  }
}

type FailedModelProduct = { product_id: string; title: string | null; failed: number }

/** Which products hold the failed 3D models (the admin handles them on the product's page); asked only when some failed. */
async function failedModelProducts(manager: EntityManager): Promise<FailedModelProduct[] | null> {
  try {
    const rows = await boundedQuery<{ product_id: string; title: string | null; failed: string | number }>(
      manager,
      `SELECT m.product_id, p.title, count(*) AS failed
         FROM product_3d_model m LEFT JOIN product p ON p.id = m.product_id
        WHERE m.status = 'failed'
        GROUP BY m.product_id, p.title
        ORDER BY max(m.updated_at) DESC
        LIMIT ${FAILED_MODELS_LISTED}`,
      1000,
      "failed 3D models"
    )
    return rows.map((r) => ({ product_id: r.product_id, title: r.title, failed: Number(r.failed) }))
  } catch {
    return null
  }
}

export type StoreHealth = {
  generated_at: string
  level: Level
  scope: { requests: "process"; note: string }
  process: { instance: string; pid: number; started_at: string; uptime_seconds: number; memory: { rss_bytes: number; heap_used_bytes: number; heap_total_bytes: number; heap_limit_bytes: number } }
  dependencies: HealthReport
  requests: { since_start: RequestFigures; recent: RequestFigures | null; judged_on: "recent" | "since_start" }
  supplier: { outbox_pending: number | null; outbox_retrying: number | null; outbox_failed: number | null; oldest_pending_seconds: number | null; outbox_trend: Trend; failed_orders: number | null }
  shiprocket: { pending: number | null; booking: number | null; failed: number | null }
  models_3d: { queued: number | null; processing: number | null; failed: number | null; failed_products: FailedModelProduct[] | null }
  stylist: { active_sessions: number | null }
  /** the database sources of the queue numbers that could not be read this time (their numbers are null) */
  unavailable: SourceFailure[]
  indicators: Indicator[]
}

export async function storeHealth(deps: HealthDeps): Promise<StoreHealth> {
  const now = Date.now()
  // The checks and the counts at once: each is bounded by its own timeouts.
  const [dependencies, failures] = await Promise.all([checkHealthShared(deps), refreshQueueGauges(deps.manager, deps.logger)])

  const counters = await readCounters(now)
  const uptime = process.uptime()
  const baseline = counterReadings.baseline(now, RECENT_WINDOW_MS, RECENT_MIN_MS)
  counterReadings.add(counters)
  const sinceStart = requestFigures(counters, null, uptime)
  const recent = baseline ? requestFigures(counters, baseline, uptime) : null

  const outbox = await gaugeValues("shop_supplier_outbox_messages", "status")
  const retrying = await gaugeValues("shop_supplier_outbox_retrying_messages")
  const oldest = await gaugeValues("shop_supplier_outbox_oldest_pending_age_seconds")
  const failedOrders = await gaugeValues("shop_supplier_orders_failed")
  const shipments = await gaugeValues("shop_shiprocket_shipments", "state")
  const models = await gaugeValues("shop_product_3d_models", "status")
  const stylist = await gaugeValues("shop_stylist_sessions_active")

  const pending = outbox.get("pending") ?? null
  outboxReadings.add({ at: now, value: pending })
  const trend = trendOf(outboxReadings.within(now, TREND_WINDOW_MS), { minSpanMs: TREND_MIN_MS, minRises: TREND_MIN_RISES })
  const failedModels = models.get("failed") ?? null

  const mem = process.memoryUsage()
  const heapLimit = v8.getHeapStatistics().heap_size_limit
  const judged = recent ?? sinceStart
  const figures: HealthFigures = {
    checks: dependencies.checks,
    requests: { ...judged, basis: recent ? "recent" : "since_start" },
    outbox: { pending, retrying: retrying.get("") ?? null, oldest_pending_seconds: oldest.get("") ?? null, trend },
    supplier_failed_orders: failedOrders.get("") ?? null,
    shiprocket: { pending: shipments.get("pending") ?? null, booking: shipments.get("booking") ?? null, failed: shipments.get("failed") ?? null },
    models_3d: { queued: models.get("queued") ?? null, processing: models.get("processing") ?? null, failed: failedModels },
    stylist_active_sessions: stylist.get("") ?? null,
    memory: { heap_used_bytes: mem.heapUsed, heap_limit_bytes: heapLimit },
  }
  const { level, indicators } = assessStoreHealth(figures)

  return {
    generated_at: new Date(now).toISOString(),
    level,
    scope: { requests: "process", note: REQUEST_SCOPE_NOTE },
    process: {
      instance: os.hostname(),
      pid: process.pid,
      started_at: new Date(now - uptime * 1000).toISOString(),
      uptime_seconds: Math.round(uptime),
      memory: { rss_bytes: mem.rss, heap_used_bytes: mem.heapUsed, heap_total_bytes: mem.heapTotal, heap_limit_bytes: heapLimit },
    },
    dependencies,
    requests: { since_start: sinceStart, recent, judged_on: figures.requests.basis },
    supplier: {
      outbox_pending: pending,
      outbox_retrying: figures.outbox.retrying,
      outbox_failed: outbox.get("failed") ?? null,
      oldest_pending_seconds: figures.outbox.oldest_pending_seconds,
      outbox_trend: trend,
      failed_orders: figures.supplier_failed_orders,
    },
    shiprocket: figures.shiprocket,
    models_3d: { ...figures.models_3d, failed_products: failedModels === null ? null : failedModels > 0 ? await failedModelProducts(deps.manager) : [] },
    stylist: { active_sessions: figures.stylist_active_sessions },
    unavailable: failures,
    indicators,
  }
}
