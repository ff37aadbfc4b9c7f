/**
 * GET /admin/store-health on the real server: admin only; every number present and typed;
 * the same numbers GET /metrics serves (request and error counters of this process, queue
 * gauges) and GET /health/ready's checks; and a supplier order that really failed (its
 * supplier's endpoint refuses every delivery) showing up, then going away once resent.
 */
import { adminToken, api } from "../harness/api"
import { deleteCreatedProducts, eventually } from "../harness/orders"
import { failingSupplier, type FailingSupplier } from "../harness/supplier-failure"

const metricsHeaders: Record<string, string> = process.env.METRICS_TOKEN?.trim() ? { authorization: `Bearer ${process.env.METRICS_TOKEN.trim()}` } : {}
const redisConfigured = Boolean(process.env.REDIS_URL?.trim())

let auth: Record<string, string>
let supplier: FailingSupplier | undefined

async function health(): Promise<any> {
  const res = await api("GET", "/admin/store-health", { headers: auth })
  expect(res.status).toBe(200)
  expect(res.headers.get("cache-control")).toBe("no-store")
  return res.body
}

async function metricsText(): Promise<string> {
  const res = await api("GET", "/metrics", { headers: metricsHeaders })
  expect(res.status).toBe(200)
  return res.text
}

/** The sum of the samples of `name` whose labels include `labels`. */
function sampleSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    const have = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]))
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(m[3])
  }
  return sum
}

const isCount = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
})

afterAll(async () => {
  await supplier?.close()
  if (auth) await deleteCreatedProducts(auth)
})

describe("access", () => {
  it("answers 401 without an admin session or token, and with a wrong token", async () => {
    const none = await api("GET", "/admin/store-health")
    expect(none.status).toBe(401)
    const wrong = await api("GET", "/admin/store-health", { headers: { authorization: "Bearer not-a-token" } })
    expect(wrong.status).toBe(401)
    expect(none.text).not.toMatch(/requests|indicators/)
  })
})

describe("the numbers", () => {
  it("are all present and typed", async () => {
    const h = await health()
    expect(["ok", "warning", "critical", "unknown"]).toContain(h.level)
    expect(new Date(h.generated_at).toISOString()).toBe(h.generated_at)
    expect(h.scope).toEqual({ requests: "process", note: expect.stringMatching(/each answers for itself.*Prometheus/) })

    expect(h.process).toEqual({
      instance: expect.any(String),
      pid: expect.any(Number),
      started_at: expect.any(String),
      uptime_seconds: expect.any(Number),
      memory: { rss_bytes: expect.any(Number), heap_used_bytes: expect.any(Number), heap_total_bytes: expect.any(Number), heap_limit_bytes: expect.any(Number) },
    })
    expect(h.process.memory.heap_used_bytes).toBeLessThanOrEqual(h.process.memory.heap_limit_bytes)

    expect(h.dependencies.status).toBe("ok")
    expect(h.dependencies.checks.database).toEqual({ status: "ok", ms: expect.any(Number) })
    if (redisConfigured) expect(h.dependencies.checks.redis).toEqual({ status: "ok", ms: expect.any(Number) })
    else expect(h.dependencies.checks.redis).toEqual({ status: "not_configured" })
    expect(h.dependencies.checks.search).toMatchObject({ status: "ok", ms: expect.any(Number), engine: expect.stringMatching(/^(postgres|meilisearch)$/) })

    const figures = h.requests.since_start
    for (const key of ["requests", "errors_5xx", "store_requests"]) expect(isCount(figures[key])).toBe(true)
    expect(figures.seconds).toEqual(expect.any(Number))
    for (const key of ["hits", "misses", "bypassed"]) expect(isCount(figures.store_cache[key])).toBe(true)
    expect(["recent", "since_start"]).toContain(h.requests.judged_on)
    expect(h.requests.recent === null || typeof h.requests.recent.requests === "number").toBe(true)

    for (const key of ["outbox_pending", "outbox_retrying", "outbox_failed", "failed_orders"]) expect(isCount(h.supplier[key])).toBe(true)
    expect(typeof h.supplier.oldest_pending_seconds).toBe("number")
    expect(["growing", "shrinking", "steady", "unknown"]).toContain(h.supplier.outbox_trend)
    for (const key of ["pending", "booking", "failed"]) expect(isCount(h.shiprocket[key])).toBe(true)
    for (const key of ["queued", "processing", "failed"]) expect(isCount(h.models_3d[key])).toBe(true)
    expect(Array.isArray(h.models_3d.failed_products)).toBe(true)
    expect(isCount(h.stylist.active_sessions)).toBe(true)
    expect(h.unavailable).toEqual([])

    expect(h.indicators.map((i: any) => i.key)).toEqual([
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
    for (const i of h.indicators) {
      expect(["ok", "warning", "critical", "unknown"]).toContain(i.level)
      expect(i.reason).toEqual(expect.any(String))
    }
    expect(h.indicators.find((i: any) => i.key === "database").level).toBe("ok")
  })

  it("count this process's requests, errors and cache lookups as /metrics does", async () => {
    // Store reads the cache answers: a repeated read is a hit once no event bumps the catalogue's version
    // between the two. On a fresh stack that takes a while (about 30 s here); the counts are compared with
    // /metrics either way, so the test does not wait for it longer than a few tries.
    for (let i = 0; i < 5; i++) {
      expect((await api("GET", "/store/regions")).status).toBe(200)
      if ((await api("GET", "/store/regions")).headers.get("x-cache") === "HIT") break
      await new Promise((r) => setTimeout(r, 500))
    }
    // No 5xx is caused in between: the error counts must agree exactly, whatever earlier suites did.
    const text = await eventually("the last store request to be recorded", async () => {
      const t = await metricsText()
      return sampleSum(t, "http_request_duration_seconds_count", { route: "/store/regions" }) >= 3 ? t : undefined
    })
    const h = await health()
    const f = h.requests.since_start
    expect(f.errors_5xx).toBe(sampleSum(text, "http_request_errors_total"))
    // The /metrics answer itself and this answer's own request are counted after them.
    expect(f.requests).toBeGreaterThanOrEqual(sampleSum(text, "http_request_duration_seconds_count"))
    const storeSeries = text.split("\n").filter((l) => l.startsWith("http_request_duration_seconds_count{") && /route="\/store(\/|")/.test(l))
    const storeCount = storeSeries.reduce((sum, l) => sum + Number(l.split(" ").pop()), 0)
    expect(f.store_requests).toBe(storeCount)
    expect(f.store_requests).toBeGreaterThanOrEqual(3)
    expect(f.store_p95_seconds).toBeGreaterThan(0)
    expect(f.store_p95_seconds).toBeLessThanOrEqual(30)
    expect(f.store_cache.hits).toBe(sampleSum(text, "store_cache_lookups_total", { result: "hit" }))
    expect(f.store_cache.misses).toBe(sampleSum(text, "store_cache_lookups_total", { result: "miss" }))
    expect(f.store_cache.hits + f.store_cache.misses).toBeGreaterThanOrEqual(1)
    expect(f.store_cache.hit_ratio).toBeCloseTo(f.store_cache.hits / (f.store_cache.hits + f.store_cache.misses), 10)
    if (f.errors_5xx === 0) {
      expect(f.error_rate).toBe(0)
      expect(h.indicators.find((i: any) => i.key === "errors_5xx").level).toBe("ok")
    } else {
      expect(f.error_rate).toBeCloseTo(f.errors_5xx / f.requests, 10)
    }
  })

  it("read the queues from the same gauges as /metrics, and the checks as /health/ready", async () => {
    const gauges = (text: string) => ({
      failed_orders: sampleSum(text, "shop_supplier_orders_failed"),
      outbox_failed: sampleSum(text, "shop_supplier_outbox_messages", { status: "failed" }),
      shiprocket_failed: sampleSum(text, "shop_shiprocket_shipments", { state: "failed" }),
      models_failed: sampleSum(text, "shop_product_3d_models", { status: "failed" }),
      models_queued: sampleSum(text, "shop_product_3d_models", { status: "queued" }),
    })
    // Read between two scrapes that agree: a leftover of an earlier suite (a delivery, a 3D job) may still be moving.
    const { h, around } = await eventually("two scrapes that agree around the answer", async () => {
      const first = gauges(await metricsText())
      const h = await health()
      const second = gauges(await metricsText())
      return JSON.stringify(first) === JSON.stringify(second) ? { h, around: first } : undefined
    })
    expect({
      failed_orders: h.supplier.failed_orders,
      outbox_failed: h.supplier.outbox_failed,
      shiprocket_failed: h.shiprocket.failed,
      models_failed: h.models_3d.failed,
      models_queued: h.models_3d.queued,
    }).toEqual(around)
    const ready = await api("GET", "/health/ready")
    expect(ready.body.status).toBe(h.dependencies.status)
    expect(Object.keys(ready.body.checks)).toEqual(Object.keys(h.dependencies.checks))
  })
})

describe("a supplier order that failed for good", () => {
  it("shows as a failed supplier order (amber) until it is resent", async () => {
    const before = (await health()).supplier.failed_orders
    supplier = await failingSupplier(auth, "HEALTH")
    const { supplierOrderId } = await supplier.failOne()

    const after = await health()
    const failedNow = (await api("GET", "/admin/supplier-orders?status=failed&limit=1", { headers: auth })).body.count
    expect(after.supplier.failed_orders).toBeGreaterThanOrEqual(before + 1)
    // The plugin's own list of failed supplier orders agrees.
    expect(after.supplier.failed_orders).toBe(failedNow)
    expect(after.indicators.find((i: any) => i.key === "supplier_failed_orders")).toEqual({
      key: "supplier_failed_orders",
      level: "warning",
      reason: expect.stringMatching(/^\d+ supplier orders? could not be sent/),
    })
    expect(["warning", "critical"]).toContain(after.level)

    await supplier.recover(supplierOrderId)
    const recovered = await health()
    expect(recovered.supplier.failed_orders).toBe(after.supplier.failed_orders - 1)
  })
})
