import path from "path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { SlidingWindowRateLimiter, countingRedis, publicClientAddress } from "@fashion/plugin-kit"
import { RateLimits, completedCartId, rateRules } from "../core/rate-limit-rules"

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveRuntimeConfig } = require(path.join(__dirname, "..", "..", "runtime-config.js"))

const MINUTE = 60_000
let limits: RateLimits | null = null
let limiter: SlidingWindowRateLimiter | null = null

function limiterFor(req: MedusaRequest): SlidingWindowRateLimiter {
  if (!limiter) {
    limiter = new SlidingWindowRateLimiter(countingRedis((name) => req.scope.resolve(name)), "store:rate")
  }
  return limiter
}

/** Whose cart is being completed: the customer, else the guest's email (one person, one limit). */
async function ordererOf(req: MedusaRequest, cartId: string): Promise<string | null> {
  const manager = req.scope.resolve<{ query(sql: string, params: unknown[]): Promise<{ customer_id: string | null; email: string | null }[]> }>("manager")
  const [cart] = await manager.query(`SELECT customer_id, email FROM cart WHERE id = $1`, [cartId])
  if (!cart) return null
  return cart.customer_id ? `customer:${cart.customer_id}` : cart.email ? `email:${cart.email.toLowerCase()}` : null
}

/**
 * Store API limits (per shopper address on /store, tighter on sign-in and sign-up, orders
 * per customer on cart completion): 429 with Retry-After, counted in Redis when there is one.
 * The storefront's own server is not limited by its address; it forwards the shopper's.
 */
export async function storeRateLimits(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  try {
    limits ??= resolveRuntimeConfig(process.env).rateLimits as RateLimits
    const urlPath = (req.originalUrl ?? req.url).split("?")[0]
    const address = publicClientAddress(req.socket?.remoteAddress, req.headers["x-forwarded-for"])
    const cartId = completedCartId(req.method, urlPath)
    const orderer = cartId ? await ordererOf(req, cartId) : null
    for (const rule of rateRules(req.method, urlPath, address, orderer, limits)) {
      const decision = await limiterFor(req).consume(rule.key, rule.limit, MINUTE)
      if (!decision.allowed) {
        res.setHeader("Retry-After", String(decision.retry_after_s))
        res.status(429).json({ type: "rate_limited", message: `${rule.message}. Try again in ${decision.retry_after_s} seconds.` })
        return
      }
    }
    next()
  } catch (error) {
    next(error)
  }
}
