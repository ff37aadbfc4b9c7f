import { Lifetime } from "awilix"
import { SlidingWindowRateLimiter, countingRedis } from "@fashion/plugin-kit"

export type RateDecision = { allowed: true } | { allowed: false; retry_after_s: number; limit: number; per: "ip" | "customer" }

const MINUTE = 60_000

/**
 * Chat messages per minute per IP and per signed-in customer, shared by every replica when
 * the store has Redis. A model call costs money, so this guards the wallet as much as the server.
 */
export default class StylistRateLimiterService {
  static LIFE_TIME = Lifetime.SINGLETON

  private readonly limiter: SlidingWindowRateLimiter

  constructor(
    private readonly container: Record<string, unknown>,
    private readonly options: { rate_limit_per_minute_ip?: number; rate_limit_per_minute_customer?: number } = {}
  ) {
    this.limiter = new SlidingWindowRateLimiter(countingRedis((name) => this.container[name]), "stylist:rate")
  }

  async consume(who: { ip: string; customer_id: string | null }): Promise<RateDecision> {
    const checks: { per: "ip" | "customer"; id: string; limit: number }[] = [{ per: "ip", id: who.ip || "unknown", limit: this.options.rate_limit_per_minute_ip ?? 30 }]
    if (who.customer_id) checks.push({ per: "customer", id: who.customer_id, limit: this.options.rate_limit_per_minute_customer ?? 15 })
    for (const check of checks) {
      const decision = await this.limiter.consume(`${check.per}:${check.id}`, check.limit, MINUTE)
      if (!decision.allowed) return { allowed: false, retry_after_s: decision.retry_after_s, limit: check.limit, per: check.per }
    }
    return { allowed: true }
  }
}
