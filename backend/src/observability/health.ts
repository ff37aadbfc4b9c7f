import type { EntityManager } from "typeorm"
import { boundedQuery } from "./database"
import { TimeoutError, elapsedMs, withTimeout } from "./timeout"
import { TransitionLog } from "./transition-log"

/** Each dependency gets this long; the slowest possible answer is about this, not the sum. */
export const CHECK_TIMEOUT_MS = 2000

export type CheckResult = { status: "ok" | "error"; ms: number; error?: "timeout" | "failed" }
export type HealthReport = {
  status: "ok" | "degraded" | "down"
  checks: {
    database: CheckResult
    redis: CheckResult | { status: "not_configured" }
    search: CheckResult & { engine: "postgres" | "meilisearch" }
  }
}

export type HealthDeps = {
  manager: EntityManager
  /** null when REDIS_URL is unset (Medusa then registers an in-memory fake, which proves nothing) */
  redis: { ping: () => Promise<unknown> } | null
  search: { engine: "postgres" } | { engine: "meilisearch"; host: string }
  logger?: { warn: (message: string) => void; info: (message: string) => void }
  timeoutMs?: number
}

const transitions = new TransitionLog("[health]")

/**
 * The answer names no host, user or driver message (they can carry both); the reason
 * goes to the server's log instead.
 */
async function timed(name: string, work: () => Promise<unknown>, timeoutMs: number, logger?: HealthDeps["logger"]): Promise<CheckResult> {
  const start = performance.now()
  try {
    await withTimeout(Promise.resolve().then(work), timeoutMs, name)
    transitions.record(logger, name, null)
    return { status: "ok", ms: elapsedMs(start) }
  } catch (error) {
    transitions.record(logger, name, (error as Error)?.message ?? String(error))
    return { status: "error", ms: elapsedMs(start), error: error instanceof TimeoutError ? "timeout" : "failed" }
  }
}

/** Meilisearch's /health needs no key, so none is sent. */
async function meilisearchHealthy(host: string, timeoutMs: number): Promise<void> {
  const res = await fetch(new URL("health", host.endsWith("/") ? host : `${host}/`), { signal: AbortSignal.timeout(timeoutMs) })
  const body = (await res.json().catch(() => null)) as { status?: string } | null
  if (!res.ok || body?.status !== "available") throw new Error(`Meilisearch answered ${res.status} ${body?.status ?? ""}`.trim())
}

/**
 * Database, Redis and search, checked at the same time. Only the database makes the
 * server unable to serve ("down", 503): without Redis or search it still sells, worse
 * ("degraded", 200), so a load balancer keeps it in rotation.
 */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const ms = deps.timeoutMs ?? CHECK_TIMEOUT_MS
  const { manager, redis, search, logger } = deps
  const [database, redisResult, searchResult] = await Promise.all([
    timed("database", () => manager.query("SELECT 1"), ms, logger),
    redis ? timed("redis", () => redis.ping(), ms, logger) : Promise.resolve({ status: "not_configured" as const }),
    search.engine === "meilisearch"
      ? timed("search", () => meilisearchHealthy(search.host, ms), ms, logger)
      : // The table the PostgreSQL search service reads, and pg_trgm for its typo correction.
        timed("search", () => boundedQuery(manager, "SELECT similarity('a', 'a') AS s, EXISTS (SELECT 1 FROM search_document) AS indexed", ms, "search"), ms, logger),
  ])
  const status = database.status !== "ok" ? "down" : redisResult.status === "error" || searchResult.status !== "ok" ? "degraded" : "ok"
  return { status, checks: { database, redis: redisResult, search: { ...searchResult, engine: search.engine } } }
}

let inflight: Promise<HealthReport> | null = null

/** Probes arriving together (several load balancers) share one round of checks. */
export function checkHealthShared(deps: HealthDeps): Promise<HealthReport> {
  if (!inflight) inflight = checkHealth(deps).finally(() => (inflight = null))
  return inflight
}
