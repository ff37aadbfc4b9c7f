import Redis from "ioredis"
import { SlidingWindowRateLimiter, countingRedis } from "@fashion/plugin-kit"

const MINUTE = 60_000

describe("SlidingWindowRateLimiter in memory", () => {
  let now = 1_700_000_030_000
  const limiter = () => new SlidingWindowRateLimiter(() => null, "t", () => now)

  it("lets `limit` requests through in any window, then refuses with the wait until the oldest leaves it", async () => {
    const l = limiter()
    for (let i = 0; i < 100; i++) {
      expect((await l.consume("ip", 100, MINUTE)).allowed).toBe(true)
      now += 100
    }
    // 10 s after the first: the first leaves the window in 50 s.
    expect(await l.consume("ip", 100, MINUTE)).toEqual({ allowed: false, count: 100, retry_after_s: 50 })
    now += 50_000
    expect(await l.consume("ip", 100, MINUTE)).toEqual({ allowed: true, count: 100 })
  })

  it("never lets twice the limit through around a minute's edge", async () => {
    const l = limiter()
    now = 1_700_000_059_000 // one second before a minute ends
    for (let i = 0; i < 10; i++) expect((await l.consume("me", 10, MINUTE)).allowed).toBe(true)
    now += 2_000 // a new clock minute
    expect((await l.consume("me", 10, MINUTE)).allowed).toBe(false)
  })

  it("counts keys apart, and does not count refused requests", async () => {
    const l = limiter()
    for (let i = 0; i < 3; i++) await l.consume("a", 2, MINUTE)
    expect((await l.consume("b", 2, MINUTE)).allowed).toBe(true)
    now += MINUTE + 1
    // The refused third did not extend a's wait.
    expect(await l.consume("a", 2, MINUTE)).toEqual({ allowed: true, count: 1 })
  })

  it("falls back to memory when Redis fails", async () => {
    const broken = { eval: async () => Promise.reject(new Error("READONLY")) }
    const l = new SlidingWindowRateLimiter(() => broken, "t", () => now)
    expect(await l.consume("x", 1, MINUTE)).toEqual({ allowed: true, count: 1 })
    expect((await l.consume("x", 1, MINUTE)).allowed).toBe(false)
  })
})

const redisUrl = process.env.REDIS_URL
;(redisUrl ? describe : describe.skip)("SlidingWindowRateLimiter in Redis (REDIS_URL)", () => {
  let redis: Redis
  beforeAll(() => {
    redis = new Redis(redisUrl!, { maxRetriesPerRequest: 1 })
  })
  afterAll(async () => {
    await redis.quit()
  })

  it("shares one count between limiters, as replicas do, and answers when the oldest request leaves the window", async () => {
    const prefix = `test:limiter:${process.pid}:${Date.now()}`
    const replicaA = new SlidingWindowRateLimiter(() => redis, prefix)
    const replicaB = new SlidingWindowRateLimiter(() => redis, prefix)
    for (let i = 0; i < 5; i++) expect((await (i % 2 ? replicaA : replicaB).consume("ip", 5, MINUTE)).allowed).toBe(true)
    const refused = await replicaA.consume("ip", 5, MINUTE)
    expect(refused.allowed).toBe(false)
    expect(refused.allowed === false && refused.retry_after_s).toBeGreaterThanOrEqual(59)
    expect(await redis.pttl(`${prefix}:${MINUTE}:ip`)).toBeGreaterThan(0)
    await redis.del(`${prefix}:${MINUTE}:ip`)
  })
})

describe("countingRedis", () => {
  const client = { eval: async () => [1, 1, 0] }

  it("counts in memory when the store has no redis_url, though Medusa registers a fake redisClient", () => {
    const resolve = jest.fn((name: string) => (name === "configModule" ? { projectConfig: {} } : client))
    const redis = countingRedis(resolve)
    expect(redis()).toBeNull()
    expect(redis()).toBeNull()
    // Looked up once, not per request.
    expect(resolve).toHaveBeenCalledTimes(1)
  })

  it("counts in the store's Redis when it has a redis_url", () => {
    const resolve = jest.fn((name: string) => (name === "configModule" ? { projectConfig: { redis_url: "redis://127.0.0.1:6379" } } : client))
    const redis = countingRedis(resolve)
    expect(redis()).toBe(client)
    expect(redis()).toBe(client)
    expect(resolve).toHaveBeenCalledTimes(2)
  })

  it("asks again while the container cannot answer yet", () => {
    let ready = false
    const redis = countingRedis((name) => {
      if (!ready) throw new Error(`${name} is not registered`)
      return name === "configModule" ? { projectConfig: { redis_url: "redis://x" } } : client
    })
    expect(redis()).toBeNull()
    ready = true
    expect(redis()).toBe(client)
  })
})
