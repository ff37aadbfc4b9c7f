/**
 * Plain Medusa 1.20.11 for bench/store-api's baseline: no plugins, no project code, on the
 * database our store was just seeded into (DATABASE_URL), with the same core modules (Redis
 * event bus and cache when REDIS_URL is set). Started by run.mjs with this folder as its cwd.
 */
const redisUrl = process.env.REDIS_URL

module.exports = {
  projectConfig: {
    database_url: process.env.DATABASE_URL,
    database_type: "postgres",
    store_cors: process.env.STORE_CORS || "http://localhost:8000",
    admin_cors: process.env.ADMIN_CORS || "http://localhost:7001",
    jwt_secret: "bench-plain-medusa",
    cookie_secret: "bench-plain-medusa",
    ...(redisUrl ? { redis_url: redisUrl } : {}),
  },
  plugins: [],
  modules: redisUrl
    ? {
        eventBus: { resolve: "@medusajs/event-bus-redis", options: { redisUrl } },
        cacheService: { resolve: "@medusajs/cache-redis", options: { redisUrl, ttl: 30 } },
      }
    : {
        eventBus: { resolve: "@medusajs/event-bus-local" },
        cacheService: { resolve: "@medusajs/cache-inmemory", options: { ttl: 30 } },
      },
}
