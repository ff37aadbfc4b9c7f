import {
  ReadingWindow,
  THRESHOLDS,
  assessStoreHealth,
  histogramQuantile,
  isStoreRoute,
  mergeBuckets,
  requestFigures,
  sumSamples,
  trendOf,
  worstLevel,
  type Bucket,
  type CounterReading,
  type HealthFigures,
  type IndicatorKey,
} from "../../src/core/store-health"

const BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, Infinity]

/** Cumulative buckets over BOUNDS from raw observations (seconds). */
function bucketsOf(observations: number[]): Bucket[] {
  return BOUNDS.map((le) => ({ le, count: observations.filter((o) => o <= le).length }))
}

describe("histogramQuantile", () => {
  it("interpolates inside the bucket holding the q-th observation, as PromQL does", () => {
    // 100 observations: 50 in (0, 0.05], 50 in (0.05, 0.1]. Rank 95 is 45/50 into the second bucket.
    const buckets = [
      { le: 0.05, count: 50 },
      { le: 0.1, count: 100 },
      { le: Infinity, count: 100 },
    ]
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.05 + 0.05 * (45 / 50), 10)
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.05, 10)
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.025, 10)
  })

  it("starts the first bucket at 0", () => {
    expect(histogramQuantile(0.5, [{ le: 0.01, count: 10 }, { le: Infinity, count: 10 }])).toBeCloseTo(0.005, 10)
  })

  it("places observations beyond the highest finite bound at that bound", () => {
    expect(histogramQuantile(0.95, bucketsOf([...Array(10).fill(0.002), ...Array(90).fill(45)]))).toBe(30)
  })

  it("lands on the right bucket for realistic store traffic", () => {
    const fast = Array(940).fill(0.02)
    const slow = Array(60).fill(0.7)
    const p95 = histogramQuantile(0.95, bucketsOf([...fast, ...slow]))!
    // The 950th observation is among the slow ones, in (0.5, 1].
    expect(p95).toBeGreaterThan(0.5)
    expect(p95).toBeLessThanOrEqual(1)
  })

  it("ignores the order buckets come in, and never lets a cumulative count go down", () => {
    const shuffled = [
      { le: Infinity, count: 10 },
      { le: 0.1, count: 10 },
      { le: 0.05, count: 12 }, // read a moment later than its neighbour
    ]
    // 12 observations then (the +Inf bucket is lifted too), the 6th in the first bucket.
    expect(histogramQuantile(0.5, shuffled)).toBeCloseTo(0.05 * (6 / 12), 10)
  })

  it("is null without observations or without the +Inf bucket", () => {
    expect(histogramQuantile(0.95, [])).toBeNull()
    expect(histogramQuantile(0.95, bucketsOf([]))).toBeNull()
    expect(histogramQuantile(0.95, [{ le: 0.1, count: 5 }])).toBeNull()
  })

  it("refuses a quantile outside 0..1", () => {
    expect(() => histogramQuantile(95, bucketsOf([0.1]))).toThrow(RangeError)
    expect(() => histogramQuantile(NaN, bucketsOf([0.1]))).toThrow(RangeError)
  })
})

describe("reading prom-client samples", () => {
  const samples = [
    { metricName: "h_bucket", labels: { le: 0.1, route: "/store/products", status_class: "2xx" }, value: 3 },
    { metricName: "h_bucket", labels: { le: "+Inf", route: "/store/products", status_class: "2xx" }, value: 4 },
    { metricName: "h_bucket", labels: { le: 0.1, route: "/store/*", status_class: "4xx" }, value: 1 },
    { metricName: "h_bucket", labels: { le: "+Inf", route: "/store/*", status_class: "4xx" }, value: 1 },
    { metricName: "h_bucket", labels: { le: 0.1, route: "/admin/orders", status_class: "2xx" }, value: 0 },
    { metricName: "h_bucket", labels: { le: "+Inf", route: "/admin/orders", status_class: "2xx" }, value: 7 },
    { metricName: "h_sum", labels: { route: "/store/products", status_class: "2xx" }, value: 0.4 },
    { metricName: "h_count", labels: { route: "/store/products", status_class: "2xx" }, value: 4 },
    { metricName: "h_count", labels: { route: "/store/*", status_class: "4xx" }, value: 1 },
    { metricName: "h_count", labels: { route: "/admin/orders", status_class: "2xx" }, value: 7 },
  ]

  it("adds up the buckets of the series kept, by bound", () => {
    expect(mergeBuckets(samples, (l) => isStoreRoute(l.route))).toEqual([
      { le: 0.1, count: 4 },
      { le: Infinity, count: 5 },
    ])
  })

  it("adds up counters", () => {
    expect(sumSamples(samples.filter((s) => s.metricName === "h_count"))).toBe(12)
    expect(sumSamples(samples.filter((s) => s.metricName === "h_count"), (l) => l.status_class === "2xx")).toBe(11)
  })

  it("knows store routes", () => {
    for (const r of ["/store", "/store/products", "/store/products/:id", "/store/*", "/store/catalog/suggest"]) expect(isStoreRoute(r)).toBe(true)
    for (const r of ["/storefront", "/admin/store", "/admin/store-health", "unmatched", "/", undefined, 3]) expect(isStoreRoute(r)).toBe(false)
  })
})

const reading = (at: number, over: Partial<CounterReading> = {}): CounterReading => ({
  at,
  requests: 0,
  errors: 0,
  storeBuckets: bucketsOf([]),
  cacheHits: 0,
  cacheMisses: 0,
  cacheBypassed: 0,
  ...over,
})

describe("requestFigures", () => {
  it("since start: the counters as they are, over the process's life", () => {
    const now = reading(1_000_000, { requests: 200, errors: 2, storeBuckets: bucketsOf(Array(100).fill(0.02)), cacheHits: 30, cacheMisses: 10, cacheBypassed: 5 })
    expect(requestFigures(now, null, 3600)).toEqual({
      seconds: 3600,
      requests: 200,
      errors_5xx: 2,
      error_rate: 0.01,
      store_requests: 100,
      store_p95_seconds: expect.any(Number),
      store_cache: { hits: 30, misses: 10, bypassed: 5, hit_ratio: 0.75 },
    })
  })

  it("over a window: what changed since the baseline, including the latency of those requests only", () => {
    const then = reading(0, { requests: 1000, errors: 50, storeBuckets: bucketsOf(Array(500).fill(3)), cacheHits: 10, cacheMisses: 90 })
    const now = reading(120_000, {
      requests: 1100,
      errors: 50,
      storeBuckets: bucketsOf([...Array(500).fill(3), ...Array(100).fill(0.02)]),
      cacheHits: 70,
      cacheMisses: 100,
    })
    const f = requestFigures(now, then, 9999)
    expect(f).toMatchObject({ seconds: 120, requests: 100, errors_5xx: 0, error_rate: 0, store_requests: 100, store_cache: { hits: 60, misses: 10 } })
    // The slow requests before the window no longer count: the window's p95 is in (0.01, 0.025].
    expect(f.store_p95_seconds).toBeGreaterThan(0.01)
    expect(f.store_p95_seconds).toBeLessThanOrEqual(0.025)
    expect(f.store_cache.hit_ratio).toBeCloseTo(60 / 70, 10)
  })

  it("has no rates without requests", () => {
    expect(requestFigures(reading(0), null, 1)).toMatchObject({ requests: 0, error_rate: null, store_p95_seconds: null, store_cache: { hit_ratio: null } })
  })
})

describe("ReadingWindow", () => {
  it("keeps readings spaced out and forgets old ones", () => {
    const w = new ReadingWindow<{ at: number; v: number }>({ keepMs: 60_000, minSpacingMs: 5_000, max: 100 })
    for (let t = 0; t <= 100_000; t += 2_000) w.add({ at: t, v: t })
    const kept = w.within(100_000, 1e9)
    // one every 6 s (2 s steps, at least 5 s apart), none older than 60 s before the newest kept
    expect(kept.every((r, i) => i === 0 || r.at - kept[i - 1].at >= 5_000)).toBe(true)
    expect(kept[kept.length - 1].at).toBe(96_000)
    expect(kept[0].at).toBe(36_000)
  })

  it("does not let frequent callers push the window's start forward", () => {
    const w = new ReadingWindow<{ at: number }>({ keepMs: 600_000, minSpacingMs: 5_000, max: 100 })
    for (let t = 0; t <= 60_000; t += 1_000) w.add({ at: t })
    expect(w.baseline(60_000, 300_000, 30_000)?.at).toBe(0)
  })

  it("gives as baseline the oldest reading of the window that is old enough", () => {
    const w = new ReadingWindow<{ at: number }>({ keepMs: 600_000, minSpacingMs: 1, max: 100 })
    for (const at of [0, 100_000, 250_000, 290_000]) w.add({ at })
    expect(w.baseline(300_000, 250_000, 30_000)?.at).toBe(100_000)
    expect(w.baseline(300_000, 300_000, 30_000)?.at).toBe(0)
    expect(w.baseline(300_000, 20_000, 30_000)).toBeNull()
    expect(new ReadingWindow({ keepMs: 1, minSpacingMs: 1, max: 1 }).baseline(0, 1, 0)).toBeNull()
  })

  it("holds at most `max` readings", () => {
    const w = new ReadingWindow<{ at: number }>({ keepMs: 1e9, minSpacingMs: 0, max: 3 })
    for (let t = 0; t < 10; t++) w.add({ at: t })
    expect(w.within(10, 1e9).map((r) => r.at)).toEqual([7, 8, 9])
  })
})

describe("trendOf", () => {
  const series = (...values: (number | null)[]) => values.map((value, i) => ({ at: i * 15_000, value }))
  const opts = { minSpanMs: 60_000, minRises: 3 }

  it("calls a backlog climbing reading after reading growing", () => {
    expect(trendOf(series(2, 3, 3, 5, 8), opts)).toBe("growing")
  })

  it("does not call one new message after a quiet spell a trend", () => {
    expect(trendOf(series(0, 0, 0, 0, 1), opts)).toBe("steady")
  })

  it("is not growing once it went down in between", () => {
    expect(trendOf(series(2, 3, 4, 1, 5, 6), opts)).toBe("steady")
    expect(trendOf(series(5, 6, 7, 8, 2), opts)).toBe("shrinking")
  })

  it("needs readings over a long enough span, and skips unknown values", () => {
    expect(trendOf(series(1, 2, 3, 4), opts)).toBe("unknown") // 45 s
    expect(trendOf(series(1), opts)).toBe("unknown")
    expect(trendOf(series(1, null, 2, NaN, 3, 4), opts)).toBe("growing")
  })
})

describe("worstLevel", () => {
  it("orders critical > warning > ok, with unknown only when nothing is known", () => {
    expect(worstLevel(["ok", "warning", "unknown"])).toBe("warning")
    expect(worstLevel(["ok", "critical", "warning"])).toBe("critical")
    expect(worstLevel(["unknown", "ok"])).toBe("ok")
    expect(worstLevel(["unknown"])).toBe("unknown")
    expect(worstLevel([])).toBe("unknown")
  })
})

function healthy(): HealthFigures {
  return {
    checks: { database: { status: "ok", ms: 2 }, redis: { status: "ok", ms: 1 }, search: { status: "ok", ms: 3 } },
    requests: {
      basis: "recent",
      seconds: 300,
      requests: 1000,
      errors_5xx: 0,
      error_rate: 0,
      store_requests: 800,
      store_p95_seconds: 0.04,
      store_cache: { hits: 600, misses: 100, bypassed: 100, hit_ratio: 600 / 700 },
    },
    outbox: { pending: 0, retrying: 0, oldest_pending_seconds: 0, trend: "steady" },
    supplier_failed_orders: 0,
    shiprocket: { pending: 0, booking: 0, failed: 0 },
    models_3d: { queued: 0, processing: 0, failed: 0 },
    stylist_active_sessions: 4,
    memory: { heap_used_bytes: 100, heap_limit_bytes: 1000 },
  }
}

function levelOf(f: HealthFigures, key: IndicatorKey) {
  const found = assessStoreHealth(f).indicators.find((i) => i.key === key)
  if (!found) throw new Error(`no indicator ${key}`)
  return found
}

describe("assessStoreHealth", () => {
  it("is all green when everything is fine, with one indicator per number in a fixed order", () => {
    const { level, indicators } = assessStoreHealth(healthy())
    expect(level).toBe("ok")
    expect(indicators.map((i) => i.key)).toEqual([
      "database",
      "redis",
      "search",
      "errors_5xx",
      "store_latency",
      "store_cache",
      "supplier_outbox",
      "supplier_failed_orders",
      "shiprocket_failed",
      "models_3d",
      "stylist_sessions",
      "memory",
    ])
    expect(indicators.every((i) => i.level === "ok" && i.reason.length > 0)).toBe(true)
  })

  it("dependencies: failed is red, slow is amber, Redis not configured is fine", () => {
    const f = healthy()
    f.checks.database = { status: "error", ms: 2000, error: "timeout" }
    f.checks.search = { status: "ok", ms: THRESHOLDS.slowCheckMs + 1 }
    f.checks.redis = { status: "not_configured" }
    expect(levelOf(f, "database")).toMatchObject({ level: "critical", reason: "The database did not answer in time." })
    expect(levelOf(f, "search").level).toBe("warning")
    expect(levelOf(f, "redis")).toMatchObject({ level: "ok", reason: expect.stringMatching(/not configured/) })
    expect(assessStoreHealth(f).level).toBe("critical")
  })

  it("5xx: any is amber; more than 1% (and at least 3) is red", () => {
    const f = healthy()
    f.requests = { ...f.requests, requests: 1000, errors_5xx: 5, error_rate: 0.005 }
    expect(levelOf(f, "errors_5xx")).toMatchObject({ level: "warning", reason: "5 server errors (0.5% of 1000 requests) in the last 5 min." })
    f.requests = { ...f.requests, requests: 1000, errors_5xx: 11, error_rate: 0.011 }
    expect(levelOf(f, "errors_5xx").level).toBe("critical")
    // 2 of 20 is 10%, but two errors are not an outage yet
    f.requests = { ...f.requests, requests: 20, errors_5xx: 2, error_rate: 0.1 }
    expect(levelOf(f, "errors_5xx").level).toBe("warning")
    f.requests = { ...f.requests, basis: "since_start", requests: 0, errors_5xx: 0, error_rate: null }
    expect(levelOf(f, "errors_5xx")).toMatchObject({ level: "ok", reason: "No requests since this process started." })
  })

  it("store p95: amber above 0.5 s, red above 2 s, unknown with too few requests", () => {
    const f = healthy()
    f.requests = { ...f.requests, store_p95_seconds: 0.8 }
    expect(levelOf(f, "store_latency")).toMatchObject({ level: "warning", reason: "95% of 800 store requests answered within about 800 ms in the last 5 min." })
    f.requests = { ...f.requests, store_p95_seconds: 2.4 }
    expect(levelOf(f, "store_latency").level).toBe("critical")
    f.requests = { ...f.requests, store_requests: THRESHOLDS.storeRequestsMin - 1 }
    expect(levelOf(f, "store_latency").level).toBe("unknown")
  })

  it("store cache: amber below a 50% hit ratio once there are enough lookups", () => {
    const f = healthy()
    f.requests = { ...f.requests, store_cache: { hits: 20, misses: 80, bypassed: 0, hit_ratio: 0.2 } }
    expect(levelOf(f, "store_cache")).toMatchObject({ level: "warning", reason: "20% of 100 cacheable reads came from the cache in the last 5 min." })
    f.requests = { ...f.requests, store_cache: { hits: 1, misses: 5, bypassed: 0, hit_ratio: 1 / 6 } }
    expect(levelOf(f, "store_cache").level).toBe("unknown")
  })

  it("supplier outbox: fine while messages move, amber when old or growing, red when stuck for half an hour", () => {
    const f = healthy()
    f.outbox = { pending: 3, retrying: 1, oldest_pending_seconds: 20, trend: "steady" }
    expect(levelOf(f, "supplier_outbox")).toMatchObject({ level: "ok", reason: "3 messages to suppliers waiting, the oldest for 20 s, 1 being retried." })
    f.outbox = { ...f.outbox, trend: "growing" }
    expect(levelOf(f, "supplier_outbox")).toMatchObject({ level: "warning", reason: expect.stringMatching(/growing/) })
    f.outbox = { pending: 3, retrying: 0, oldest_pending_seconds: THRESHOLDS.outboxAgeWarning, trend: "steady" }
    expect(levelOf(f, "supplier_outbox").level).toBe("warning")
    f.outbox = { pending: 3, retrying: 0, oldest_pending_seconds: THRESHOLDS.outboxAgeCritical + 1, trend: "steady" }
    expect(levelOf(f, "supplier_outbox")).toMatchObject({ level: "critical", reason: "3 messages to suppliers waiting, the oldest for 30 min." })
  })

  it("failed items are amber: supplier orders, Shiprocket parcels, 3D models", () => {
    const f = healthy()
    f.supplier_failed_orders = 1
    f.shiprocket = { pending: 2, booking: 0, failed: 3 }
    f.models_3d = { queued: 1, processing: 0, failed: 2 }
    expect(levelOf(f, "supplier_failed_orders")).toMatchObject({ level: "warning", reason: "1 supplier order could not be sent: resend, send by hand or cancel." })
    expect(levelOf(f, "shiprocket_failed")).toMatchObject({ level: "warning", reason: "3 Shiprocket parcels could not be booked: retry the booking." })
    expect(levelOf(f, "models_3d")).toMatchObject({ level: "warning", reason: "2 3D models failed to process: retry or replace on the product." })
    expect(assessStoreHealth(f).level).toBe("warning")
  })

  it("queues in progress are fine", () => {
    const f = healthy()
    f.shiprocket = { pending: 2, booking: 1, failed: 0 }
    f.models_3d = { queued: 1, processing: 1, failed: 0 }
    expect(levelOf(f, "shiprocket_failed")).toMatchObject({ level: "ok", reason: "3 parcels being booked, none failed." })
    expect(levelOf(f, "models_3d")).toMatchObject({ level: "ok", reason: "2 3D models being processed, none failed." })
  })

  it("a number that could not be read is unknown, not green, and does not hide the rest", () => {
    const f = healthy()
    f.outbox = { pending: null, retrying: null, oldest_pending_seconds: null, trend: "unknown" }
    f.supplier_failed_orders = null
    f.shiprocket = { pending: null, booking: null, failed: null }
    f.models_3d = { queued: null, processing: null, failed: null }
    f.stylist_active_sessions = null
    const { level, indicators } = assessStoreHealth(f)
    for (const key of ["supplier_outbox", "supplier_failed_orders", "shiprocket_failed", "models_3d", "stylist_sessions"]) {
      expect(indicators.find((i) => i.key === key)?.level).toBe("unknown")
    }
    expect(level).toBe("ok")
  })

  it("memory: amber above 75% of the heap limit, red above 90%", () => {
    const f = healthy()
    f.memory = { heap_used_bytes: 800, heap_limit_bytes: 1000 }
    expect(levelOf(f, "memory")).toMatchObject({ level: "warning", reason: "This process uses 80% of its JavaScript heap limit." })
    f.memory = { heap_used_bytes: 950, heap_limit_bytes: 1000 }
    expect(levelOf(f, "memory").level).toBe("critical")
  })
})
