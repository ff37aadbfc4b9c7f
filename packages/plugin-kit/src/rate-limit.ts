/**
 * At most `limit` requests per key in any `windowMs` span (a sliding log, not fixed windows:
 * fixed windows let twice the limit through around a window's edge). Counted in Redis when
 * there is one, so every replica shares the count, else in this process. Refused requests
 * are not counted: a client that waits gets through. Redis trouble never fails a request:
 * the count falls back to memory until Redis answers again.
 */
export type RedisLike = { eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown> }

export type RateDecision = { allowed: true; count: number } | { allowed: false; count: number; retry_after_s: number }

// Atomic across replicas, on Redis' clock (replicas' clocks may differ). Returns {allowed, count, retry_after_ms}.
const SLIDING_LOG = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, count + 1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, count, tonumber(oldest[2]) + window - now}
`

let sequence = 0

/**
 * The store's Redis to count in, looked up once: its `redisClient` when the store was given a
 * `redis_url`, else null. Without one Medusa registers an in-process fake Redis (ioredis-mock)
 * as `redisClient`; counting there shares nothing with other processes and runs the Lua
 * script in an interpreter on every limited request, so the limiter counts in memory instead.
 */
export function countingRedis(resolve: (name: string) => unknown): () => RedisLike | null {
  let lookup: ((name: string) => unknown) | null = resolve
  let found: RedisLike | null = null
  return () => {
    if (!lookup) return found
    try {
      const config = lookup("configModule") as { projectConfig?: { redis_url?: string } } | undefined
      found = config?.projectConfig?.redis_url ? (lookup("redisClient") as RedisLike) : null
      // Found for good: the request scope it came from need not be kept alive.
      lookup = null
    } catch {
      // Not registered yet: ask again next time, count in memory meanwhile.
    }
    return found
  }
}

export class SlidingWindowRateLimiter {
  /** Per key, the times of the requests counted in the last window, oldest first. */
  private readonly log = new Map<string, number[]>()
  private lastSweep = 0

  constructor(
    private readonly redis: () => RedisLike | null,
    private readonly prefix: string,
    private readonly now: () => number = Date.now
  ) {}

  /** Counts one request for `key` if it is within `limit` per `windowMs`, and says whether it was. */
  async consume(key: string, limit: number, windowMs: number): Promise<RateDecision> {
    const fullKey = `${this.prefix}:${windowMs}:${key}`
    const redis = this.redis()
    if (redis) {
      try {
        const answer = (await redis.eval(SLIDING_LOG, 1, fullKey, windowMs, limit, `${process.pid}-${++sequence}`)) as [number, number, number]
        return decision(answer[0] === 1, Number(answer[1]), Number(answer[2]))
      } catch {
        // counted in memory below
      }
    }
    return this.consumeInMemory(fullKey, limit, windowMs)
  }

  private consumeInMemory(key: string, limit: number, windowMs: number): RateDecision {
    const now = this.now()
    this.sweep(now, windowMs)
    const times = (this.log.get(key) ?? []).filter((t) => t > now - windowMs)
    if (times.length < limit) {
      times.push(now)
      this.log.set(key, times)
      return decision(true, times.length, 0)
    }
    this.log.set(key, times)
    return decision(false, times.length, times[0] + windowMs - now)
  }

  /** Keys idle for a window are dropped now and then, so memory stays bounded by recent clients. */
  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return
    this.lastSweep = now
    const ofThisWindow = `${this.prefix}:${windowMs}:`
    for (const [key, times] of this.log) {
      if (key.startsWith(ofThisWindow) && (!times.length || times[times.length - 1] <= now - windowMs)) this.log.delete(key)
    }
  }
}

function decision(allowed: boolean, count: number, retryAfterMs: number): RateDecision {
  return allowed ? { allowed: true, count } : { allowed: false, count, retry_after_s: Math.max(1, Math.ceil(retryAfterMs / 1000)) }
}
