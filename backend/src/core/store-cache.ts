/**
 * Which Store API reads are cached, under which key, and when a request must not be served
 * from the cache. Pure: the middleware (api/store-cache.ts) keeps the entries in Medusa's
 * cache service (Redis when REDIS_URL is set).
 */

/**
 * Hot catalogue reads that every shopper sees alike (prices by region, not by customer). Sub-routes of a product (size chart,
 * 3D models, reviews...) are not here: their own services decide what they may reuse.
 */
const CACHEABLE: RegExp[] = [
  /^\/store\/products\/?$/,
  /^\/store\/products\/prod_[A-Za-z0-9]+\/?$/,
  /^\/store\/product-categories(?:\/pcat_[A-Za-z0-9]+)?\/?$/,
  /^\/store\/collections(?:\/pcol_[A-Za-z0-9]+)?\/?$/,
  /^\/store\/regions(?:\/reg_[A-Za-z0-9]+)?\/?$/,
  // The storefront's listing and search-as-you-type (src/api/store/catalog).
  /^\/store\/catalog\/(?:products|suggest)\/?$/,
]

export function isCacheableStoreRead(method: string, path: string): boolean {
  return method === "GET" && CACHEABLE.some((re) => re.test(path))
}

/** The pattern of the route a hit answers for (Medusa's own names its region parameter region_id). */
export function cachedReadRoute(path: string): string {
  const clean = path.length > 1 ? path.replace(/\/$/, "") : path
  const byId = /^\/store\/(products|product-categories|collections|regions)\/[^/]+$/.exec(clean)
  if (byId) return `/store/${byId[1]}/${byId[1] === "regions" ? ":region_id" : ":id"}`
  return clean
}

export type CacheBypass = "signed-in" | "cart-prices" | "no-store"

/**
 * Why this request must be answered fresh: a signed-in customer may have group prices, a
 * cart_id prices for that cart, and a client asking for no-store wants the database's word.
 */
export function cacheBypass(input: { authorization?: string; signedInCustomer: boolean; query: URLSearchParams; cacheControl?: string }): CacheBypass | null {
  if (input.authorization || input.signedInCustomer) return "signed-in"
  if (input.query.has("cart_id")) return "cart-prices"
  if (input.cacheControl && /no-store|no-cache/i.test(input.cacheControl)) return "no-store"
  return null
}

/**
 * The entry's key: the catalogue's version (bumped on every product, price, stock or
 * region change), the sales channel's key, the path and the query in one order, so
 * `?a=1&b=2` and `?b=2&a=1` share an entry.
 */
export function storeCacheKey(input: { version: string; path: string; query: URLSearchParams; publishableKey?: string }): string {
  const params = [...input.query.entries()].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
  const query = new URLSearchParams(params).toString()
  return `store-read:${input.version}:${input.publishableKey ?? "-"}:${input.path.replace(/\/$/, "")}?${query}`
}

/** The events after which cached reads may be wrong: catalogue, prices (with their variants), stock, regions. */
export const CATALOGUE_CHANGE_EVENTS = [
  "product.created",
  "product.updated",
  "product.deleted",
  "product-variant.created",
  "product-variant.updated",
  "product-variant.deleted",
  "product-category.created",
  "product-category.updated",
  "product-category.deleted",
  "region.created",
  "region.updated",
  "region.deleted",
  // Stock moves with orders, cancellations and returns.
  "order.placed",
  "order.canceled",
  "order.items_returned",
] as const

/**
 * An entry: the answer and until when it is fresh. It is kept a while longer (STALE_GRACE_S):
 * while one request asks the database again, the others get the stale answer at once
 * instead of all waiting. Only the same catalogue version's entry can be stale; a change
 * makes a new version, whose readers always wait for the fresh answer.
 */
export const STALE_GRACE_S = 30

export function encodeCacheEntry(body: string, freshUntilMs: number): string {
  return `${freshUntilMs}\n${body}`
}

export function decodeCacheEntry(value: unknown, nowMs: number): { body: string; fresh: boolean; freshUntil: number } | null {
  if (typeof value !== "string") return null
  const cut = value.indexOf("\n")
  const freshUntil = Number(value.slice(0, cut))
  if (cut < 1 || !Number.isFinite(freshUntil)) return null
  return { body: value.slice(cut + 1), fresh: nowMs < freshUntil, freshUntil }
}
