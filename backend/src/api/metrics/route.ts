import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { metricsAccess } from "../../observability/metrics-access"
import { registry } from "../../observability/metrics"
import { refreshQueueGauges } from "../../observability/queue-gauges"

/**
 * GET /metrics: Prometheus text. With METRICS_TOKEN set, only `Authorization: Bearer <token>`
 * (401 otherwise); without it, only loopback and private addresses (403 otherwise).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const access = metricsAccess({
    token: process.env.METRICS_TOKEN,
    authorization: req.headers.authorization,
    peer: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
  })
  if (!access.allowed) {
    if (access.status === 401) res.set("www-authenticate", 'Bearer realm="metrics"')
    res.status(access.status).json({ type: access.status === 401 ? "unauthorized" : "not_allowed", message: access.message })
    return
  }
  // A source that fails is reported as shop_metrics_source_up 0 (and logged once), never as a failed scrape.
  await refreshQueueGauges(req.scope.resolve<EntityManager>("manager"), req.scope.resolve("logger"))
  res.set("content-type", registry.contentType)
  res.set("cache-control", "no-store")
  res.send(await registry.metrics())
}
