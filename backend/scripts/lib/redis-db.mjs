/**
 * A Redis database of its own for each test stack. Medusa's event bus is a BullMQ queue
 * with a fixed name: two stacks on the same Redis database take each other's jobs (one
 * stack's order.canceled handled by another's worker, against another database), so
 * concurrent runs (CI beside a developer, two checkouts) claim one of databases 1-15.
 */
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "package.json"))
const OWNER_KEY = "test-stack:owner"

const alive = (pid) => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/**
 * Claims a free database on the server in `redisUrl` (one whose owner is gone counts as free)
 * and empties it; resolves with its URL and a release function that empties it again.
 */
export async function claimRedisDatabase(redisUrl, log = () => {}) {
  const Redis = require("ioredis")
  const url = new URL(redisUrl)
  if (url.pathname && url.pathname !== "/") return { url: redisUrl, release: async () => {} }
  for (let db = 1; db <= 15; db++) {
    const client = new Redis(redisUrl, { db, lazyConnect: true, maxRetriesPerRequest: 1 })
    try {
      await client.connect()
      let claimed = (await client.set(OWNER_KEY, String(process.pid), "EX", 86400, "NX")) === "OK"
      if (!claimed) {
        const owner = Number(await client.get(OWNER_KEY))
        if (owner && !alive(owner)) {
          await client.del(OWNER_KEY)
          claimed = (await client.set(OWNER_KEY, String(process.pid), "EX", 86400, "NX")) === "OK"
        }
      }
      if (!claimed) continue
      // Whatever a crashed stack left (queued jobs, cache) must not reach this one.
      for (const key of await client.keys("*")) if (key !== OWNER_KEY) await client.del(key)
      const claimedUrl = new URL(redisUrl)
      claimedUrl.pathname = `/${db}`
      log(`redis database ${db} claimed`)
      return {
        url: claimedUrl.toString(),
        release: async () => {
          const again = new Redis(redisUrl, { db, maxRetriesPerRequest: 1 })
          try {
            if ((await again.get(OWNER_KEY)) === String(process.pid)) await again.flushdb()
          } finally {
            again.disconnect()
          }
        },
      }
    } finally {
      client.disconnect()
    }
  }
  throw new Error(`no free Redis database (1-15) on ${url.host}: other test stacks hold them all`)
}
