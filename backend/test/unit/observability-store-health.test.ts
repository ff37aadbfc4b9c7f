/**
 * GET /admin/store-health's numbers against fakes: the answer is assembled from the same
 * sources as /metrics (this process's registry, the queue gauges' round of queries) and
 * /health/ready (the health checks), and says what it could not read.
 */
import type { EntityManager } from "typeorm"
import { httpRequestDuration, httpServerErrors, registry, storeCacheLookups } from "../../src/observability/metrics"
import { SOURCES } from "../../src/observability/queue-gauges"
import { storeHealth } from "../../src/observability/store-health"

const never = () => new Promise<never>(() => undefined)

function fakeManager(query: (sql: string) => Promise<unknown[]>): EntityManager & { statements: string[] } {
  const statements: string[] = []
  const run = (sql: string) => {
    statements.push(sql.replace(/\s+/g, " ").trim())
    return sql.startsWith("SET LOCAL") ? Promise.resolve([]) : query(sql)
  }
  const manager = { statements, query: run, transaction: (work: (tx: unknown) => Promise<unknown>) => work({ query: run }) }
  return manager as unknown as EntityManager & { statements: string[] }
}

const quietLogger = { warn: jest.fn(), info: jest.fn() }

const rowsFor = (sql: string): unknown[] => {
  if (sql.includes("search_document")) return [{ s: 1, indexed: true }]
  if (sql.includes("FROM supplier_outbox")) return [{ status: "pending", n: "3", retrying: "1", oldest: "42.5" }, { status: "failed", n: "2" }]
  if (sql.includes("FROM supplier_order")) return [{ n: "2" }]
  if (sql.includes("FROM shiprocket_shipment")) return [{ state: "failed", n: "1" }, { state: "pending", n: "4" }]
  if (sql.includes("LEFT JOIN product p")) return [{ product_id: "prod_1", title: "Silk saree", failed: "2" }]
  if (sql.includes("FROM product_3d_model")) return [{ status: "failed", n: "2" }, { status: "queued", n: "1" }]
  if (sql.includes("FROM stylist_session")) return [{ n: "5" }]
  return [{ "?column?": 1 }]
}

beforeEach(() => {
  httpRequestDuration.reset()
  httpServerErrors.reset()
  storeCacheLookups.reset()
})

it("puts the registry's request counters, the checks and the queue gauges together", async () => {
  for (let i = 0; i < 30; i++) httpRequestDuration.observe({ method: "GET", route: "/store/products", status_class: "2xx" }, 0.02)
  httpRequestDuration.observe({ method: "GET", route: "/store/products", status_class: "5xx" }, 0.3)
  httpServerErrors.inc({ method: "GET", route: "/store/products", status: "500" })
  for (let i = 0; i < 9; i++) httpRequestDuration.observe({ method: "GET", route: "/admin/orders", status_class: "2xx" }, 4)
  storeCacheLookups.inc({ result: "hit" }, 3)
  storeCacheLookups.inc({ result: "miss" }, 1)
  storeCacheLookups.inc({ result: "bypass" }, 2)

  const manager = fakeManager(async (sql) => rowsFor(sql))
  const report = await storeHealth({ manager, redis: { ping: async () => "PONG" }, search: { engine: "postgres" }, logger: quietLogger })

  expect(report.scope).toEqual({ requests: "process", note: expect.stringMatching(/each answers for itself/) })
  expect(report.process).toMatchObject({ pid: process.pid, uptime_seconds: expect.any(Number), memory: { rss_bytes: expect.any(Number), heap_limit_bytes: expect.any(Number) } })
  expect(report.dependencies.status).toBe("ok")
  expect(report.requests.since_start).toMatchObject({ requests: 40, errors_5xx: 1, error_rate: 1 / 40, store_requests: 31, store_cache: { hits: 3, misses: 1, bypassed: 2, hit_ratio: 0.75 } })
  // 31 store requests: the 95th percentile (rank 29.45) is among the 30 fast ones, not the admin's slow ones.
  expect(report.requests.since_start.store_p95_seconds).toBeGreaterThan(0.01)
  expect(report.requests.since_start.store_p95_seconds).toBeLessThanOrEqual(0.025)
  expect(report.supplier).toMatchObject({ outbox_pending: 3, outbox_retrying: 1, outbox_failed: 2, oldest_pending_seconds: 42.5, failed_orders: 2 })
  expect(report.shiprocket).toEqual({ pending: 4, booking: 0, failed: 1 })
  expect(report.models_3d).toEqual({ queued: 1, processing: 0, failed: 2, failed_products: [{ product_id: "prod_1", title: "Silk saree", failed: 2 }] })
  expect(report.stylist).toEqual({ active_sessions: 5 })
  expect(report.unavailable).toEqual([])
  expect(report.indicators.find((i) => i.key === "supplier_failed_orders")?.level).toBe("warning")
  expect(report.level).toBe("warning")

  // The same values /metrics shows.
  const text = await registry.metrics()
  expect(text).toContain("shop_supplier_orders_failed 2")
  expect(text).toContain('shop_shiprocket_shipments{state="failed"} 1')
})

it("asks for the failed 3D models' products only when some failed", async () => {
  const manager = fakeManager(async (sql) => (sql.includes("FROM product_3d_model") && !sql.includes("JOIN") ? [{ status: "queued", n: "2" }] : rowsFor(sql)))
  const report = await storeHealth({ manager, redis: null, search: { engine: "postgres" }, logger: quietLogger })
  expect(report.models_3d).toEqual({ queued: 2, processing: 0, failed: 0, failed_products: [] })
  expect(manager.statements.some((s) => s.includes("JOIN product"))).toBe(false)
  // one query per gauge source, plus the health checks: nothing of its own
  expect(manager.statements.filter((s) => !s.startsWith("SET LOCAL") && !s.includes("search_document") && s !== "SELECT 1")).toHaveLength(SOURCES.length)
})

it("reports a source it could not read as null and names it, and a failed check as red", async () => {
  const manager = fakeManager(async (sql) => {
    if (sql.includes("FROM shiprocket_shipment")) throw new Error('relation "shiprocket_shipment" does not exist')
    return rowsFor(sql)
  })
  const report = await storeHealth({ manager, redis: { ping: never }, search: { engine: "postgres" }, logger: quietLogger, timeoutMs: 50 })
  expect(report.shiprocket).toEqual({ pending: null, booking: null, failed: null })
  expect(report.unavailable.map((u) => u.source)).toEqual(["shiprocket_shipments"])
  expect(report.indicators.find((i) => i.key === "shiprocket_failed")?.level).toBe("unknown")
  expect(report.dependencies.checks.redis).toMatchObject({ status: "error", error: "timeout" })
  expect(report.indicators.find((i) => i.key === "redis")?.level).toBe("critical")
  expect(report.level).toBe("critical")
  // JSON has no NaN: unknown numbers travel as null.
  expect(JSON.stringify(report)).not.toMatch(/NaN/)
})

it("has no recent window on its first answer: the levels are judged on the process's life", async () => {
  // An hour after the earlier answers of this file: none of their readings is in the window any more.
  const clock = jest.spyOn(Date, "now").mockReturnValue(Date.now() + 3_600_000)
  try {
    const report = await storeHealth({ manager: fakeManager(async (sql) => rowsFor(sql)), redis: null, search: { engine: "postgres" }, logger: quietLogger })
    expect(report.requests.recent).toBeNull()
    expect(report.requests.judged_on).toBe("since_start")
  } finally {
    clock.mockRestore()
  }
})

it("judges on the last minutes once readings span 30 s: an old burst of errors no longer counts", async () => {
  const manager = fakeManager(async (sql) => rowsFor(sql))
  const deps = { manager, redis: null, search: { engine: "postgres" as const }, logger: quietLogger }
  const start = Date.now() + 2 * 3_600_000
  const clock = jest.spyOn(Date, "now")
  try {
    for (let i = 0; i < 10; i++) httpServerErrors.inc({ method: "GET", route: "/store/products", status: "500" })
    for (let i = 0; i < 10; i++) httpRequestDuration.observe({ method: "GET", route: "/store/products", status_class: "5xx" }, 0.1)
    clock.mockReturnValue(start)
    await storeHealth(deps)
    for (let i = 0; i < 50; i++) httpRequestDuration.observe({ method: "GET", route: "/store/products", status_class: "2xx" }, 0.02)
    clock.mockReturnValue(start + 60_000)
    const report = await storeHealth(deps)
    expect(report.requests.judged_on).toBe("recent")
    expect(report.requests.recent).toMatchObject({ seconds: 60, requests: 50, errors_5xx: 0, error_rate: 0, store_requests: 50 })
    expect(report.requests.since_start).toMatchObject({ requests: 60, errors_5xx: 10 })
    expect(report.indicators.find((i) => i.key === "errors_5xx")).toMatchObject({ level: "ok", reason: "No server errors among 50 requests in the last 60 s." })
  } finally {
    clock.mockRestore()
  }
})
