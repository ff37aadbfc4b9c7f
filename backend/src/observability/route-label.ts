/**
 * Labels for the HTTP metrics. Every label value must come from a small, fixed set:
 * Prometheus keeps one series per distinct combination, so a raw URL (ids, query
 * strings, whatever a scanner sends) would grow memory without bound.
 */

/** Requests that matched no route: 404s and anything a scanner tries. */
export const UNMATCHED_ROUTE = "unmatched"
/** New patterns beyond MAX_ROUTE_LABELS; seeing it means a mount point leaks ids (see mountSegment). */
export const OVERFLOW_ROUTE = "other"
export const MAX_ROUTE_LABELS = 300

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])

/**
 * Areas served by middleware rather than by a route (CORS preflights, the admin's and the
 * uploads' static files, errors raised before a route matched): their responses are
 * worth telling apart from scanners' noise without naming each file.
 */
const AREAS = new Set(["store", "admin", "app", "uploads", "hooks"])

/** What Express knew when it picked the route: the router's mount path as requested, and the route's own pattern. */
export type MatchedRoute = { baseUrl: string; path: unknown }

export function methodLabel(method: string | undefined): string {
  const upper = (method ?? "").toUpperCase()
  return METHODS.has(upper) ? upper : "OTHER"
}

export function statusClass(statusCode: number, completed: boolean): string {
  if (!completed) return "aborted"
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return "unknown"
  return `${Math.floor(statusCode / 100)}xx`
}

/**
 * A mount path as requested: Medusa mounts some routers on a parameter
 * (`/admin/collections/:id` + `/products/batch`), so `req.baseUrl` can hold a real id.
 * Ids become `:id`; literal names (`customer-groups`, `3d-models`) stay.
 */
export function mountSegment(segment: string): string {
  if (segment === "" || segment.startsWith(":")) return segment
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(segment)) return ":id"
  if (/^\d+$/.test(segment)) return ":id"
  // Medusa ids (prod_01HV...), ULIDs, UUIDs, hashes: long and carrying digits.
  if (/\d/.test(segment) && segment.length >= 12) return ":id"
  return segment
}

function patternText(path: unknown): string {
  if (typeof path === "string") return path
  if (path instanceof RegExp) return path.source
  if (Array.isArray(path)) return path.map(patternText).join("|")
  return ""
}

/** `/store` + `/products/` -> `/store/products`; `` + `/health` -> `/health`. */
export function joinRoutePattern(baseUrl: string, routePath: unknown): string {
  const base = baseUrl.split("/").map(mountSegment).join("/")
  const joined = `${base}/${patternText(routePath)}`.replace(/\/{2,}/g, "/")
  return joined.length > 1 ? joined.replace(/\/$/, "") : "/"
}

export function routeLabel(input: { matched?: MatchedRoute; rawUrl?: string; statusCode: number }): string {
  if (input.matched) return joinRoutePattern(input.matched.baseUrl, input.matched.path)
  if (input.statusCode === 404) return UNMATCHED_ROUTE
  const first = (input.rawUrl ?? "").split(/[?#]/)[0].split("/")[1] ?? ""
  return AREAS.has(first) ? `/${first}/*` : UNMATCHED_ROUTE
}

/**
 * Remembers the labels handed out and folds new ones into OVERFLOW_ROUTE past the limit,
 * a last guard should a router ever be mounted on a parameter with a short, digit-free value.
 */
export class RouteLabelBudget {
  private readonly seen = new Set<string>([UNMATCHED_ROUTE, OVERFLOW_ROUTE])

  constructor(private readonly max = MAX_ROUTE_LABELS) {}

  admit(label: string): string {
    if (this.seen.has(label)) return label
    if (this.seen.size >= this.max + 2) return OVERFLOW_ROUTE
    this.seen.add(label)
    return label
  }
}
