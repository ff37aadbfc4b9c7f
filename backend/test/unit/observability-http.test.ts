/**
 * The request instrumentation on a real Express app in this process, shaped like Medusa's:
 * nested routers, a router mounted on a parameter, a handler that fails, a sub-router whose
 * error leaves it before the error handler answers.
 */
import express, { NextFunction, Request, Response } from "express"
import type { AddressInfo } from "net"
import type { Server } from "http"
import { instrumentHttpServers } from "../../src/observability/http-instrumentation"
import { registry } from "../../src/observability/metrics"

let server: Server
let base: string

type Sample = { labels: Record<string, string | number>; value: number; metricName?: string }

async function samples(name: string): Promise<Sample[]> {
  const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name)
  return ((metric?.values ?? []) as Sample[]).filter((s) => !s.metricName || s.metricName === `${name}_count` || s.metricName === name)
}

async function requestCount(labels: Record<string, string>): Promise<number> {
  const all = await samples("http_request_duration_seconds")
  return all
    .filter((s) => s.metricName === "http_request_duration_seconds_count")
    .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0)
}

async function errorCount(labels: Record<string, string>): Promise<number> {
  return (await samples("http_request_errors_total")).filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0)
}

/** The client may read the response before the server's "close" event records it: retry the check a while. */
async function eventually(check: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await check()
    } catch (error) {
      if (attempt >= 100) throw error
      await new Promise((r) => setTimeout(r, 20))
    }
  }
}

beforeAll(async () => {
  instrumentHttpServers()
  instrumentHttpServers() // a second loader run must not count twice

  const app = express()
  app.get("/health", (_req, res) => res.send("OK"))

  const products = express.Router()
  products.get("/", (_req, res) => res.json({ products: [] }))
  products.get("/:id", (req, res) => res.status(req.params.id === "missing" ? 404 : 200).json({ id: req.params.id }))
  products.get("/:id/fail", (_req, _res, next) => next(new Error("boom")))

  const collection = express.Router()
  collection.post("/products/batch", (_req, res) => res.json({ ok: true }))
  const collections = express.Router()
  collections.use("/:id", collection)

  const store = express.Router()
  store.use("/products", products)
  app.use("/store", store)
  app.use("/admin/collections", collections)
  app.get("/throws", () => {
    throw new Error("sync failure")
  })
  // Medusa's error handler sits after the routers, at the top level.
  app.use((_err: Error, _req: Request, res: Response, _next: NextFunction) => {
    res.status(500).json({ type: "unknown_error" })
  })

  server = app.listen(0, "127.0.0.1")
  await new Promise((r) => server.once("listening", r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((r) => server.close(r))
})

describe("request instrumentation", () => {
  it("labels requests by route pattern, not by URL", async () => {
    const before = await requestCount({ method: "GET", route: "/store/products/:id", status_class: "2xx" })
    for (const id of ["prod_01HV8G2Z4KQ1T3W5Y7A9C0E2F4", "prod_01HV8G2Z4KQ1T3W5Y7A9C0E2F5", "x"]) {
      expect((await fetch(`${base}/store/products/${id}?expand=variants`)).status).toBe(200)
    }
    await eventually(async () => {
      expect(await requestCount({ method: "GET", route: "/store/products/:id", status_class: "2xx" })).toBe(before + 3)
    })
    const routes = new Set((await samples("http_request_duration_seconds")).map((s) => s.labels.route))
    expect([...routes].some((r) => String(r).includes("prod_"))).toBe(false)
  })

  it("labels the list route and Medusa-style /health", async () => {
    await fetch(`${base}/store/products`)
    await fetch(`${base}/health`)
    await eventually(async () => {
      expect(await requestCount({ route: "/store/products", status_class: "2xx" })).toBeGreaterThanOrEqual(1)
      expect(await requestCount({ route: "/health", status_class: "2xx" })).toBeGreaterThanOrEqual(1)
    })
  })

  it("keeps a route's pattern for its 4xx", async () => {
    const before = await requestCount({ route: "/store/products/:id", status_class: "4xx" })
    expect((await fetch(`${base}/store/products/missing`)).status).toBe(404)
    await eventually(async () => {
      expect(await requestCount({ route: "/store/products/:id", status_class: "4xx" })).toBe(before + 1)
    })
  })

  it("replaces the id of a router mounted on a parameter", async () => {
    await fetch(`${base}/admin/collections/pcol_01HV8G2Z4KQ1T3W5Y7A9C0E2F4/products/batch`, { method: "POST" })
    await eventually(async () => {
      expect(await requestCount({ method: "POST", route: "/admin/collections/:id/products/batch" })).toBe(1)
    })
  })

  it("files unknown paths under one label", async () => {
    const before = await requestCount({ route: "unmatched", status_class: "4xx" })
    for (const p of ["/wp-login.php", "/store/nothing/here", "/.env"]) expect((await fetch(`${base}${p}`)).status).toBe(404)
    await eventually(async () => {
      expect(await requestCount({ route: "unmatched", status_class: "4xx" })).toBe(before + 3)
    })
  })

  it("counts a 5xx under the route that failed, after the error left its router", async () => {
    const before = await errorCount({ method: "GET", route: "/store/products/:id/fail", status: "500" })
    expect((await fetch(`${base}/store/products/prod_1/fail`)).status).toBe(500)
    expect((await fetch(`${base}/throws`)).status).toBe(500)
    await eventually(async () => {
      expect(await errorCount({ method: "GET", route: "/store/products/:id/fail", status: "500" })).toBe(before + 1)
      expect(await errorCount({ route: "/throws", status: "500" })).toBe(1)
      expect(await requestCount({ route: "/store/products/:id/fail", status_class: "5xx" })).toBe(before + 1)
    })
  })

  it("does not count 4xx as errors", async () => {
    expect(await errorCount({ route: "/store/products/:id" })).toBe(0)
    expect(await errorCount({ route: "unmatched" })).toBe(0)
  })

  it("writes Prometheus text with the default process metrics", async () => {
    const text = await registry.metrics()
    expect(text).toContain("# TYPE http_request_duration_seconds histogram")
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/store\/products",status_class="2xx"\} \d+/)
    expect(text).toContain("process_cpu_user_seconds_total")
    expect(text).toContain("nodejs_eventloop_lag_seconds")
  })
})
