import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { runtimeChoices } from "../../../observability/runtime"
import { storeHealth } from "../../../observability/store-health"

type Pingable = { ping: () => Promise<unknown> }

/**
 * GET /admin/store-health: the key numbers for the admin's Store health page, from the same
 * sources as GET /health/ready and GET /metrics (see src/observability/store-health.ts).
 * Admin only: Medusa's route loader requires an admin session or token on every /admin
 * route (401 without), as for its own routes.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const runtime = runtimeChoices()
  const report = await storeHealth({
    manager: req.scope.resolve<EntityManager>("manager"),
    redis: runtime.redis.kind === "redis" ? req.scope.resolve<Pingable>("redisClient") : null,
    search: runtime.search.kind === "meilisearch" ? { engine: "meilisearch", host: runtime.search.host } : { engine: "postgres" },
    logger: req.scope.resolve("logger"),
  })
  res.set("cache-control", "no-store")
  res.json(report)
}
