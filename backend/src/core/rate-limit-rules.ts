/**
 * Which limit a store request counts against. Pure: the middleware (api/rate-limits.ts)
 * supplies the request's method, path, address and, for checkouts, whose cart it is.
 */
export type RateLimits = { store_per_minute: number; auth_per_minute: number; orders_per_minute: number }

export type RateRule = { name: "store" | "auth" | "orders"; key: string; limit: number; message: string }

const AUTH_PATHS = [
  /^\/store\/auth\/?$/,
  /^\/store\/customers\/?$/,
  /^\/store\/customers\/password-token\/?$/,
  /^\/store\/customers\/password-reset\/?$/,
  /^\/admin\/auth(\/token)?\/?$/,
  /^\/admin\/users\/password-token\/?$/,
  /^\/admin\/users\/reset-password\/?$/,
]
const COMPLETE_CART = /^\/store\/carts\/[^/]+\/complete\/?$/

export const completedCartId = (method: string, path: string): string | null => (method === "POST" && COMPLETE_CART.test(path) ? path.split("/")[3] : null)

/**
 * The rules a request counts against. `address` is null for our own traffic (the storefront's
 * server without a forwarded shopper address, health checks): it is never limited by address.
 * `orderer` is the customer (or the guest's email) whose cart is being completed.
 */
export function rateRules(method: string, path: string, address: string | null, orderer: string | null, limits: RateLimits): RateRule[] {
  const rules: RateRule[] = []
  if (address && method === "POST" && AUTH_PATHS.some((p) => p.test(path))) {
    rules.push({ name: "auth", key: `auth:${address}`, limit: limits.auth_per_minute, message: `Too many sign-in attempts from your address (${limits.auth_per_minute} a minute)` })
  }
  if (orderer && completedCartId(method, path)) {
    rules.push({ name: "orders", key: `orders:${orderer}`, limit: limits.orders_per_minute, message: `Too many orders in a minute (${limits.orders_per_minute} at most)` })
  }
  if (address && path.startsWith("/store")) {
    rules.push({ name: "store", key: `store:${address}`, limit: limits.store_per_minute, message: `Too many requests from your address (${limits.store_per_minute} a minute)` })
  }
  return rules
}
