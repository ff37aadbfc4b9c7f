/**
 * The admin's "Store health" numbers: latency quantiles estimated from histogram buckets,
 * request figures over a window of this process's counters, the outbox's trend, and the
 * green / amber / red judgement of each number. Pure: the route (api/admin/store-health)
 * reads prom-client's registry and the health checks and hands the plain values in here.
 */

/** One cumulative histogram bucket: observations <= le (the last one's le is Infinity). */
export type Bucket = { le: number; count: number }

/** A sample as prom-client's `metric.get()` lists it (buckets carry `le`, "+Inf" for the last). */
export type MetricSample = { value: number; labels: Record<string, string | number | undefined>; metricName?: string }

const leOf = (le: string | number | undefined): number => (le === "+Inf" ? Infinity : Number(le))

/**
 * The q-quantile of a histogram, as PromQL's histogram_quantile() estimates it: find the
 * bucket holding the q-th observation and interpolate linearly inside it (the first bucket
 * starts at 0). An observation above the highest finite bound can only be placed at that
 * bound. null without observations or without the +Inf bucket (the total is unknown then).
 */
export function histogramQuantile(q: number, buckets: Bucket[]): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be between 0 and 1, got ${q}`)
  const sorted = [...buckets].sort((a, b) => a.le - b.le)
  if (sorted.length === 0 || sorted[sorted.length - 1].le !== Infinity) return null
  // Counts are cumulative; a bucket read a moment after its neighbour may be behind it: never let it decrease.
  let running = 0
  const cumulative = sorted.map((b) => ({ le: b.le, count: (running = Math.max(running, Number.isFinite(b.count) ? b.count : 0)) }))
  const total = cumulative[cumulative.length - 1].count
  if (total <= 0) return null
  const rank = q * total
  const i = cumulative.findIndex((b) => b.count >= rank)
  if (cumulative[i].le === Infinity) return cumulative.length > 1 ? cumulative[cumulative.length - 2].le : null
  const upper = cumulative[i].le
  const lower = i === 0 ? Math.min(0, upper) : cumulative[i - 1].le
  const below = i === 0 ? 0 : cumulative[i - 1].count
  const inBucket = cumulative[i].count - below
  if (inBucket <= 0) return upper
  return lower + (upper - lower) * ((rank - below) / inBucket)
}

/** The buckets of every series of a histogram that `keep` accepts, added up by bound. */
export function mergeBuckets(samples: MetricSample[], keep: (labels: MetricSample["labels"]) => boolean): Bucket[] {
  const byLe = new Map<number, number>()
  for (const s of samples) {
    if (s.labels.le === undefined || (s.metricName !== undefined && !s.metricName.endsWith("_bucket"))) continue
    if (!keep(s.labels)) continue
    const le = leOf(s.labels.le)
    byLe.set(le, (byLe.get(le) ?? 0) + s.value)
  }
  return [...byLe.entries()].sort((a, b) => a[0] - b[0]).map(([le, count]) => ({ le, count }))
}

/** The sum of a counter's samples that `keep` accepts (all of them by default). */
export function sumSamples(samples: MetricSample[], keep: (labels: MetricSample["labels"]) => boolean = () => true): number {
  return samples.reduce((sum, s) => (keep(s.labels) ? sum + s.value : sum), 0)
}

/** Store API routes, as the metrics label them: `/store/...` patterns and `/store/*` (answered by middleware). */
export const isStoreRoute = (route: unknown): boolean => typeof route === "string" && (route === "/store" || route.startsWith("/store/"))

/** What this process's counters held at one moment (all cumulative since the process started). */
export type CounterReading = {
  /** milliseconds (Date.now()) */
  at: number
  requests: number
  errors: number
  storeBuckets: Bucket[]
  cacheHits: number
  cacheMisses: number
  cacheBypassed: number
}

export type RequestFigures = {
  /** the span the figures cover */
  seconds: number
  requests: number
  errors_5xx: number
  /** errors_5xx / requests; null without requests */
  error_rate: number | null
  store_requests: number
  /** estimated from the histogram's buckets; null without store requests */
  store_p95_seconds: number | null
  store_cache: { hits: number; misses: number; bypassed: number; hit_ratio: number | null }
}

function bucketDelta(now: Bucket[], then: Bucket[]): Bucket[] {
  const before = new Map(then.map((b) => [b.le, b.count]))
  return now.map((b) => ({ le: b.le, count: Math.max(0, b.count - (before.get(b.le) ?? 0)) }))
}

/**
 * The figures between `baseline` and `now`; without a baseline, since the process started
 * (the counters were all 0 then). A counter that went backwards (it cannot within one
 * process) counts as 0 rather than as a negative number.
 */
export function requestFigures(now: CounterReading, baseline: CounterReading | null, processSeconds: number): RequestFigures {
  const d = (a: number, b: number | undefined) => Math.max(0, a - (b ?? 0))
  const requests = d(now.requests, baseline?.requests)
  const errors = d(now.errors, baseline?.errors)
  const buckets = baseline ? bucketDelta(now.storeBuckets, baseline.storeBuckets) : now.storeBuckets
  const storeRequests = buckets.find((b) => b.le === Infinity)?.count ?? 0
  const hits = d(now.cacheHits, baseline?.cacheHits)
  const misses = d(now.cacheMisses, baseline?.cacheMisses)
  return {
    seconds: baseline ? Math.max(0, (now.at - baseline.at) / 1000) : processSeconds,
    requests,
    errors_5xx: errors,
    error_rate: requests > 0 ? errors / requests : null,
    store_requests: storeRequests,
    store_p95_seconds: storeRequests > 0 ? histogramQuantile(0.95, buckets) : null,
    store_cache: { hits, misses, bypassed: d(now.cacheBypassed, baseline?.cacheBypassed), hit_ratio: hits + misses > 0 ? hits / (hits + misses) : null },
  }
}

/**
 * Readings kept in memory (by the process answering), so that a figure can cover "the last
 * few minutes" instead of the process's whole life. Taken only when the numbers are asked
 * for, at most one per `minSpacingMs`, forgotten after `keepMs`.
 */
export class ReadingWindow<T extends { at: number }> {
  private readings: T[] = []

  constructor(private readonly opts: { keepMs: number; minSpacingMs: number; max: number }) {}

  add(reading: T): void {
    const last = this.readings[this.readings.length - 1]
    // Out of order, or too soon after the last one: keeping it would not widen any window.
    if (last && reading.at - last.at < this.opts.minSpacingMs) return
    this.readings.push(reading)
    const cutoff = reading.at - this.opts.keepMs
    this.readings = this.readings.filter((r) => r.at >= cutoff).slice(-this.opts.max)
  }

  /** The readings of the last `windowMs` before `now`, oldest first. */
  within(now: number, windowMs: number): T[] {
    return this.readings.filter((r) => r.at >= now - windowMs && r.at <= now)
  }

  /** The oldest reading of the last `windowMs` that is at least `minAgeMs` old: the start of a window worth reporting. */
  baseline(now: number, windowMs: number, minAgeMs: number): T | null {
    return this.within(now, windowMs).find((r) => now - r.at >= minAgeMs) ?? null
  }
}

export type Trend = "growing" | "shrinking" | "steady" | "unknown"

/**
 * Which way a backlog went over its readings (oldest first): "growing" when it never went
 * down and went up at least `minRises` times (one new order after a quiet spell is not a
 * trend, a backlog climbing reading after reading is), "shrinking" when it ended lower,
 * "steady" otherwise; "unknown" when the readings span less than `minSpanMs`. Unknown
 * values (null, NaN) are left out.
 */
export function trendOf(points: { at: number; value: number | null }[], opts: { minSpanMs: number; minRises: number }): Trend {
  const known = points.filter((p): p is { at: number; value: number } => p.value !== null && Number.isFinite(p.value))
  if (known.length < 2 || known[known.length - 1].at - known[0].at < opts.minSpanMs) return "unknown"
  let rises = 0
  let fell = false
  for (let i = 1; i < known.length; i++) {
    if (known[i].value > known[i - 1].value) rises++
    else if (known[i].value < known[i - 1].value) fell = true
  }
  const first = known[0].value
  const last = known[known.length - 1].value
  if (!fell && rises >= opts.minRises) return "growing"
  if (last < first) return "shrinking"
  return "steady"
}

export type Level = "ok" | "warning" | "critical" | "unknown"
export type CheckFigure = { status: "ok" | "error"; ms: number; error?: "timeout" | "failed" } | { status: "not_configured" }

export type HealthFigures = {
  checks: { database: CheckFigure; redis: CheckFigure; search: CheckFigure }
  /** the figures the levels are judged on, and whether they cover the recent window or the process's life */
  requests: RequestFigures & { basis: "recent" | "since_start" }
  outbox: { pending: number | null; retrying: number | null; oldest_pending_seconds: number | null; trend: Trend }
  supplier_failed_orders: number | null
  shiprocket: { pending: number | null; booking: number | null; failed: number | null }
  models_3d: { queued: number | null; processing: number | null; failed: number | null }
  stylist_active_sessions: number | null
  memory: { heap_used_bytes: number; heap_limit_bytes: number }
}

export type IndicatorKey =
  | "database"
  | "redis"
  | "search"
  | "errors_5xx"
  | "store_latency"
  | "store_cache"
  | "supplier_outbox"
  | "supplier_failed_orders"
  | "shiprocket_failed"
  | "models_3d"
  | "stylist_sessions"
  | "memory"

export type Indicator = { key: IndicatorKey; level: Level; reason: string }

/** Where each number turns amber (warning) or red (critical). */
export const THRESHOLDS = {
  /** a dependency answering slower than this is amber */
  slowCheckMs: 500,
  /** more than this share of requests answered 5xx is red (any 5xx at all is amber) ... */
  errorRateCritical: 0.01,
  /** ... once at least this many failed: one error among a handful of requests is not an outage */
  errorsCriticalMin: 3,
  /** store p95 above these (seconds): store pages answer in tens of milliseconds */
  storeP95Warning: 0.5,
  storeP95Critical: 2,
  /** fewer store requests than this say nothing about a 95th percentile */
  storeRequestsMin: 20,
  /** share of cacheable reads answered from the cache below which it is amber, once there are enough */
  cacheHitRatioWarning: 0.5,
  cacheLookupsMin: 20,
  /** age of the oldest undelivered supplier message (seconds): retries take minutes, not half an hour */
  outboxAgeWarning: 5 * 60,
  outboxAgeCritical: 30 * 60,
  /** heap used against V8's limit */
  heapWarning: 0.75,
  heapCritical: 0.9,
} as const

const RANK: Record<Level, number> = { unknown: 0, ok: 1, warning: 2, critical: 3 }

/** The worst level among `levels` ("unknown" only when nothing is known). */
export function worstLevel(levels: Level[]): Level {
  return levels.reduce<Level>((worst, l) => (RANK[l] > RANK[worst] ? l : worst), "unknown")
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
const percent = (ratio: number): string => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)}%`
const duration = (seconds: number): string =>
  seconds < 90 ? `${Math.round(seconds)} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`
const millis = (seconds: number): string => (seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(1)} s`)

function checkIndicator(key: "database" | "redis" | "search", name: string, c: CheckFigure): Indicator {
  if (c.status === "not_configured") return { key, level: "ok", reason: `${name} is not configured: events and the cache live in this process's memory (fine for a single server).` }
  if (c.status === "error") return { key, level: "critical", reason: c.error === "timeout" ? `${name} did not answer in time.` : `${name} is not answering.` }
  if (c.ms > THRESHOLDS.slowCheckMs) return { key, level: "warning", reason: `${name} answers slowly (${Math.round(c.ms)} ms).` }
  return { key, level: "ok", reason: `${name} answers (${Math.round(c.ms)} ms).` }
}

const span = (r: HealthFigures["requests"]): string => (r.basis === "recent" ? `in the last ${duration(r.seconds)}` : "since this process started")

/** Each number's level and a sentence saying why, in the order the admin page shows them. */
export function assessStoreHealth(f: HealthFigures): { level: Level; indicators: Indicator[] } {
  const out: Indicator[] = [
    checkIndicator("database", "The database", f.checks.database),
    checkIndicator("redis", "Redis", f.checks.redis),
    checkIndicator("search", "Search", f.checks.search),
  ]
  const r = f.requests

  if (r.requests === 0) out.push({ key: "errors_5xx", level: "ok", reason: `No requests ${span(r)}.` })
  else if (r.errors_5xx === 0) out.push({ key: "errors_5xx", level: "ok", reason: `No server errors among ${plural(r.requests, "request")} ${span(r)}.` })
  else {
    const rate = r.error_rate ?? 0
    const critical = rate > THRESHOLDS.errorRateCritical && r.errors_5xx >= THRESHOLDS.errorsCriticalMin
    out.push({
      key: "errors_5xx",
      level: critical ? "critical" : "warning",
      reason: `${plural(r.errors_5xx, "server error")} (${percent(rate)} of ${plural(r.requests, "request")}) ${span(r)}.`,
    })
  }

  if (r.store_requests < THRESHOLDS.storeRequestsMin || r.store_p95_seconds === null)
    out.push({ key: "store_latency", level: "unknown", reason: `Too few store requests to judge (${r.store_requests} ${span(r)}).` })
  else {
    const p95 = r.store_p95_seconds
    const level: Level = p95 > THRESHOLDS.storeP95Critical ? "critical" : p95 > THRESHOLDS.storeP95Warning ? "warning" : "ok"
    out.push({ key: "store_latency", level, reason: `95% of ${plural(r.store_requests, "store request")} answered within about ${millis(p95)} ${span(r)}.` })
  }

  const lookups = r.store_cache.hits + r.store_cache.misses
  if (lookups < THRESHOLDS.cacheLookupsMin || r.store_cache.hit_ratio === null)
    out.push({ key: "store_cache", level: "unknown", reason: `Too few cacheable store reads to judge (${lookups} ${span(r)}).` })
  else {
    const ratio = r.store_cache.hit_ratio
    out.push({
      key: "store_cache",
      level: ratio < THRESHOLDS.cacheHitRatioWarning ? "warning" : "ok",
      reason: `${percent(ratio)} of ${plural(lookups, "cacheable read")} came from the cache ${span(r)}.`,
    })
  }

  const o = f.outbox
  if (o.pending === null) out.push({ key: "supplier_outbox", level: "unknown", reason: "The supplier outbox could not be read." })
  else if (o.pending === 0) out.push({ key: "supplier_outbox", level: "ok", reason: "No message to a supplier is waiting." })
  else {
    const age = o.oldest_pending_seconds ?? 0
    const waiting = `${plural(o.pending, "message")} to suppliers waiting, the oldest for ${duration(age)}`
    const retrying = o.retrying ? `, ${o.retrying} being retried` : ""
    const level: Level =
      age >= THRESHOLDS.outboxAgeCritical ? "critical" : age >= THRESHOLDS.outboxAgeWarning || o.trend === "growing" ? "warning" : "ok"
    out.push({ key: "supplier_outbox", level, reason: `${waiting}${retrying}${o.trend === "growing" ? "; the queue is growing" : ""}.` })
  }

  const failedOrders = f.supplier_failed_orders
  out.push(
    failedOrders === null
      ? { key: "supplier_failed_orders", level: "unknown", reason: "Supplier orders could not be read." }
      : failedOrders > 0
        ? { key: "supplier_failed_orders", level: "warning", reason: `${plural(failedOrders, "supplier order")} could not be sent: resend, send by hand or cancel.` }
        : { key: "supplier_failed_orders", level: "ok", reason: "Every supplier order was delivered or is on its way." }
  )

  const s = f.shiprocket
  const waitingParcels = (s.pending ?? 0) + (s.booking ?? 0)
  out.push(
    s.failed === null
      ? { key: "shiprocket_failed", level: "unknown", reason: "Shiprocket parcels could not be read." }
      : s.failed > 0
        ? { key: "shiprocket_failed", level: "warning", reason: `${plural(s.failed, "Shiprocket parcel")} could not be booked: retry the booking.` }
        : { key: "shiprocket_failed", level: "ok", reason: waitingParcels ? `${plural(waitingParcels, "parcel")} being booked, none failed.` : "No parcel failed to book." }
  )

  const m = f.models_3d
  const inQueue = (m.queued ?? 0) + (m.processing ?? 0)
  out.push(
    m.failed === null
      ? { key: "models_3d", level: "unknown", reason: "3D models could not be read." }
      : m.failed > 0
        ? { key: "models_3d", level: "warning", reason: `${plural(m.failed, "3D model")} failed to process: retry or replace on the product.` }
        : { key: "models_3d", level: "ok", reason: inQueue ? `${plural(inQueue, "3D model")} being processed, none failed.` : "No 3D model waiting or failed." }
  )

  out.push(
    f.stylist_active_sessions === null
      ? { key: "stylist_sessions", level: "unknown", reason: "Stylist sessions could not be read." }
      : { key: "stylist_sessions", level: "ok", reason: `${plural(f.stylist_active_sessions, "stylist conversation")} open.` }
  )

  const heap = f.memory.heap_limit_bytes > 0 ? f.memory.heap_used_bytes / f.memory.heap_limit_bytes : 0
  out.push({
    key: "memory",
    level: heap > THRESHOLDS.heapCritical ? "critical" : heap > THRESHOLDS.heapWarning ? "warning" : "ok",
    reason: `This process uses ${percent(heap)} of its JavaScript heap limit.`,
  })

  return { level: worstLevel(out.map((i) => i.level)), indicators: out }
}
