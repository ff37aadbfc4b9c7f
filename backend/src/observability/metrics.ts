import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client"

/**
 * One registry per process, separate from prom-client's global one so that a plugin
 * registering its own metrics there cannot clash with these names or leak into /metrics
 * unannounced.
 */
export const registry = new Registry()
collectDefaultMetrics({ register: registry })

export const httpRequestDuration = new Histogram({
  name: "http_request_duration_seconds",
  help: "Time from the request's arrival to the end (or abort) of its response, by route pattern.",
  labelNames: ["method", "route", "status_class"] as const,
  // Store pages answer in tens of milliseconds; checkout and admin exports take seconds.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
})

export const httpServerErrors = new Counter({
  name: "http_request_errors_total",
  help: "Responses with a 5xx status, by route pattern and status.",
  labelNames: ["method", "route", "status"] as const,
  registers: [registry],
})

export const storeCacheLookups = new Counter({
  name: "store_cache_lookups_total",
  help: "Hot Store API reads by how the cache answered: hit, stale (while the entry is asked again), miss (then stored), bypass (signed in, cart prices, no-store).",
  labelNames: ["result"] as const,
  registers: [registry],
})
