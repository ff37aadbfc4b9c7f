import diagnostics_channel from "diagnostics_channel"
import type { IncomingMessage, ServerResponse } from "http"
import { logAccess } from "./access-log"
import { httpRequestDuration, httpServerErrors } from "./metrics"
import { enterRequestContext, requestContextFor } from "./request-context"
import { MatchedRoute, RouteLabelBudget, methodLabel, routeLabel, statusClass } from "./route-label"

type RequestStart = { request: IncomingMessage; response: ServerResponse }

const budget = new RouteLabelBudget()
let started = false

/**
 * Express assigns `req.route` each time it dispatches to a route, while `req.baseUrl` is
 * still the mount path of the router holding that route. Reading both when the response
 * ends is not enough: an error passed to `next(err)` leaves the router first, Express
 * then restores `baseUrl` to the parent's, and the 5xx we most want to attribute would be
 * filed under `/:id`. So the pattern is captured at the moment of assignment.
 */
function captureRoute(request: IncomingMessage): () => MatchedRoute | undefined {
  let route: unknown
  let matched: MatchedRoute | undefined
  Object.defineProperty(request, "route", {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: unknown) {
      route = value
      const path = (value as { path?: unknown } | undefined)?.path
      if (path !== undefined) matched = { baseUrl: String((this as { baseUrl?: string }).baseUrl ?? ""), path }
    },
  })
  return () => matched
}

const namedRoutes = new WeakMap<IncomingMessage, string>()

/**
 * For an answer given by a middleware in a route's stead (a cache hit): the route pattern
 * the route would have had, so its metrics and access line count under that route.
 */
export function nameAnsweringRoute(request: IncomingMessage, pattern: string): void {
  namedRoutes.set(request, pattern)
}

function onRequestStart(message: unknown): void {
  const { request, response } = message as RequestStart
  const startedAt = process.hrtime.bigint()
  // The request id before any middleware, so answers given ahead of the project's routes carry it too.
  const context = requestContextFor(request, response)
  enterRequestContext(context)
  // Express rewrites req.url while routing; the path as received labels middleware-only answers.
  const rawUrl = request.url
  const matchedRoute = captureRoute(request)
  // "close" comes for finished responses and for clients that hung up; "finish" only for the former.
  response.once("close", () => {
    const completed = response.writableFinished
    const method = methodLabel(request.method)
    const route = budget.admit(namedRoutes.get(request) ?? routeLabel({ matched: matchedRoute(), rawUrl, statusCode: response.statusCode }))
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9
    httpRequestDuration.observe({ method, route, status_class: statusClass(response.statusCode, completed) }, seconds)
    if (completed && response.statusCode >= 500 && response.statusCode <= 599) {
      httpServerErrors.inc({ method, route, status: String(response.statusCode) })
    }
    logAccess({ requestId: context.requestId, method, route, status: response.statusCode, durationMs: seconds * 1000, time: new Date(), aborted: !completed, error: context.error })
  })
}

/**
 * Times every request this process serves, gives it its request id and writes its access
 * line. Node publishes each HTTP request on a diagnostics channel before any Express
 * middleware runs, which is the only hook that sees them all in Medusa 1.20: routes in
 * src/api (and their middlewares.ts) are mounted with the plugins' routers in whatever
 * order their loaders finish, Medusa's own /health answers before any of them, and
 * project loaders are never given the app.
 */
export function instrumentHttpServers(): void {
  if (started) return
  started = true
  diagnostics_channel.subscribe("http.server.request.start", onRequestStart)
}
