import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { checkHealthShared } from "../../../observability/health"
import { runtimeChoices } from "../../../observability/runtime"

type Pingable = { ping: () => Promise<unknown> }

/**
 * GET /health/ready: database, Redis and search, each under its own timeout. 200 while the
 * database answers (status "ok" or "degraded"), 503 ("down") when it does not. Medusa's
 * own GET /health stays the plain liveness answer the start scripts wait for.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const runtime = runtimeChoices()
  const report = await checkHealthShared({
    manager: req.scope.resolve<EntityManager>("manager"),
    redis: runtime.redis.kind === "redis" ? req.scope.resolve<Pingable>("redisClient") : null,
    search: runtime.search.kind === "meilisearch" ? { engine: "meilisearch", host: runtime.search.host } : { engine: "postgres" },
    logger: req.scope.resolve("logger"),
  })
  res.set("cache-control", "no-store")
  res.status(report.status === "down" ? 503 : 200).json(report)
}
