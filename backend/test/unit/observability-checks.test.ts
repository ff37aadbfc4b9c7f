/**
 * The health checks and the database gauges against fakes: a dependency that fails, one
 * that never answers (its check must give up on its own timeout), and a gauge query
 * that fails while the others are still reported.
 */
import type { EntityManager } from "typeorm"
import { checkHealth } from "../../src/observability/health"
import { registry } from "../../src/observability/metrics"
import { SOURCES, refreshQueueGauges } from "../../src/observability/queue-gauges"

const never = () => new Promise<never>(() => undefined)

type QueryFn = (sql: string) => Promise<unknown[]>

/** Enough of TypeORM's EntityManager: query(), and transaction() handing over a manager with query(). */
function fakeManager(query: QueryFn): EntityManager & { statements: string[] } {
  const statements: string[] = []
  const run = (sql: string) => {
    statements.push(sql.replace(/\s+/g, " ").trim())
    return sql.startsWith("SET LOCAL") ? Promise.resolve([]) : query(sql)
  }
  const manager = { statements, query: run, transaction: (work: (tx: unknown) => Promise<unknown>) => work({ query: run }) }
  return manager as unknown as EntityManager & { statements: string[] }
}

const quietLogger = { warn: jest.fn(), info: jest.fn() }
const healthyDb = () => fakeManager(async () => [{ s: 1, indexed: true }])

describe("checkHealth", () => {
  it("is ok when everything answers, and says which search engine it checked", async () => {
    const report = await checkHealth({ manager: healthyDb(), redis: { ping: async () => "PONG" }, search: { engine: "postgres" }, logger: quietLogger })
    expect(report.status).toBe("ok")
    expect(report.checks.database).toEqual({ status: "ok", ms: expect.any(Number) })
    expect(report.checks.redis).toEqual({ status: "ok", ms: expect.any(Number) })
    expect(report.checks.search).toEqual({ status: "ok", ms: expect.any(Number), engine: "postgres" })
  })

  it("reports Redis as not configured without probing Medusa's in-memory stand-in", async () => {
    const report = await checkHealth({ manager: healthyDb(), redis: null, search: { engine: "postgres" }, logger: quietLogger })
    expect(report.status).toBe("ok")
    expect(report.checks.redis).toEqual({ status: "not_configured" })
  })

  it("is degraded, not down, when Redis hangs: the check gives up on its own timeout", async () => {
    const report = await checkHealth({ manager: healthyDb(), redis: { ping: never }, search: { engine: "postgres" }, logger: quietLogger, timeoutMs: 50 })
    expect(report.status).toBe("degraded")
    expect(report.checks.redis).toMatchObject({ status: "error", error: "timeout" })
    expect(report.checks.database.status).toBe("ok")
  })

  it("is degraded when search fails, and keeps the driver's message out of the answer", async () => {
    const manager = fakeManager(async (sql) => {
      if (sql.includes("search_document")) throw new Error('relation "search_document" does not exist (postgres://medusa:hunter2@db:5432/shop)')
      return [{ "?column?": 1 }]
    })
    const report = await checkHealth({ manager, redis: { ping: async () => "PONG" }, search: { engine: "postgres" }, logger: quietLogger })
    expect(report.status).toBe("degraded")
    expect(report.checks.search).toMatchObject({ status: "error", error: "failed", engine: "postgres" })
    expect(JSON.stringify(report)).not.toMatch(/hunter2|postgres:\/\/|search_document/)
  })

  it("is down when the database does not answer", async () => {
    const manager = fakeManager(never)
    const report = await checkHealth({ manager, redis: { ping: async () => "PONG" }, search: { engine: "postgres" }, logger: quietLogger, timeoutMs: 50 })
    expect(report.status).toBe("down")
    expect(report.checks.database).toMatchObject({ status: "error", error: "timeout" })
  })

  it("asks PostgreSQL to cancel the search probe at the same timeout", async () => {
    const manager = healthyDb()
    await checkHealth({ manager, redis: null, search: { engine: "postgres" }, logger: quietLogger, timeoutMs: 1234 })
    expect(manager.statements).toContain("SET LOCAL statement_timeout = 1234")
  })

  it("probes Meilisearch's /health", async () => {
    const realFetch = global.fetch
    const calls: string[] = []
    global.fetch = (async (url: URL | string) => {
      calls.push(String(url))
      return new Response(JSON.stringify({ status: "available" }), { status: 200 })
    }) as typeof fetch
    try {
      const report = await checkHealth({ manager: healthyDb(), redis: null, search: { engine: "meilisearch", host: "http://meili:7700" }, logger: quietLogger })
      expect(report.checks.search).toMatchObject({ status: "ok", engine: "meilisearch" })
      expect(calls).toEqual(["http://meili:7700/health"])
    } finally {
      global.fetch = realFetch
    }
  })
})

describe("refreshQueueGauges", () => {
  const rowsFor = (sql: string): unknown[] => {
    if (sql.includes("FROM supplier_outbox")) return [{ status: "pending", n: "3", retrying: "1", oldest: "42.5" }]
    if (sql.includes("FROM supplier_order")) return [{ n: "2" }]
    if (sql.includes("FROM shiprocket_shipment")) return [{ state: "failed", n: "1" }, { state: "pending", n: "4" }]
    if (sql.includes("FROM product_3d_model")) throw new Error("relation \"product_3d_model\" does not exist")
    if (sql.includes("FROM stylist_session")) return [{ n: "5" }]
    throw new Error(`unexpected query ${sql}`)
  }

  it("reports every source it can read, and marks the one it cannot", async () => {
    const manager = fakeManager(async (sql) => rowsFor(sql))
    const failures = await refreshQueueGauges(manager, quietLogger)
    expect(failures.map((f) => f.source)).toEqual(["product_3d_models"])
    const text = await registry.metrics()
    expect(text).toContain('shop_supplier_outbox_messages{status="pending"} 3')
    expect(text).toContain('shop_supplier_outbox_messages{status="failed"} 0')
    expect(text).toContain("shop_supplier_outbox_retrying_messages 1")
    expect(text).toContain("shop_supplier_outbox_oldest_pending_age_seconds 42.5")
    expect(text).toContain("shop_supplier_orders_failed 2")
    expect(text).toContain('shop_shiprocket_shipments{state="pending"} 4')
    expect(text).toContain('shop_shiprocket_shipments{state="booking"} 0')
    expect(text).toContain('shop_shiprocket_shipments{state="failed"} 1')
    expect(text).toMatch(/^shop_product_3d_models{status="queued"} nan$/im)
    expect(text).toContain("shop_stylist_sessions_active 5")
    expect(text).toContain('shop_metrics_source_up{source="product_3d_models"} 0')
    expect(text).toContain('shop_metrics_source_up{source="supplier_outbox"} 1')
  })

  it("bounds every query on the server side too", async () => {
    const manager = fakeManager(async (sql) => rowsFor(sql))
    await refreshQueueGauges(manager, quietLogger)
    const sets = manager.statements.filter((s) => s.startsWith("SET LOCAL statement_timeout"))
    expect(sets).toHaveLength(SOURCES.length)
  })

  it("stops asking a database that stopped answering, and reports the rest as unknown", async () => {
    let asked = 0
    const manager = fakeManager(async () => {
      asked++
      return never()
    })
    // SET LOCAL answers, the counts hang: the first times out (1 s + 0.5 s), the rest are skipped.
    const failures = await refreshQueueGauges(manager, quietLogger)
    expect(asked).toBe(1)
    expect(failures).toHaveLength(SOURCES.length)
    const text = await registry.metrics()
    expect(text).toMatch(/^shop_stylist_sessions_active nan$/im)
    expect(text).toContain('shop_metrics_source_up{source="stylist_sessions"} 0')
  })

  it("shares one round of queries between concurrent scrapes", async () => {
    let counts = 0
    const manager = fakeManager(async (sql) => {
      counts++
      return rowsFor(sql.replace("product_3d_model", "x FROM stylist_session"))
    })
    await Promise.all([refreshQueueGauges(manager, quietLogger), refreshQueueGauges(manager, quietLogger)])
    expect(counts).toBe(SOURCES.length)
  })
})
