import cors from "cors"
import { createHash } from "crypto"
import { gzipSync } from "zlib"
import { parseCorsOrigins } from "medusa-core-utils"
import path from "path"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { STALE_GRACE_S, cacheBypass, cachedReadRoute, decodeCacheEntry, encodeCacheEntry, isCacheableStoreRead, storeCacheKey } from "../core/store-cache"
import { nameAnsweringRoute } from "../observability/http-instrumentation"
import { storeCacheLookups } from "../observability/metrics"

type CacheService = { get<T>(key: string): Promise<T | null>; set(key: string, data: unknown, ttl?: number): Promise<void> }

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resolveRuntimeConfig } = require(path.join(__dirname, "..", "..", "runtime-config.js"))

/** Seconds an entry lives (STORE_CACHE_TTL_SECONDS): the longest a shopper may see stock that changed without an event. */
const STORE_CACHE_TTL_S: number = resolveRuntimeConfig(process.env).storeCache.ttl_seconds
const VERSION_KEY = "store-read:version"
// Every request would otherwise read the version from Redis; a quarter second of lag is nothing next to the events'.
const VERSION_MEMO_MS = 250

let memo: { version: string; at: number } | null = null

type Middleware = (req: MedusaRequest, res: MedusaResponse, next: (error?: unknown) => void) => void
let storeCors: Middleware | null = null

/**
 * A hit is answered before Medusa's store router, so it gets that router's CORS headers
 * here, from the same store_cors setting.
 */
function withStoreCors(req: MedusaRequest, res: MedusaResponse, send: () => void): void {
  if (!storeCors) {
    const { projectConfig } = req.scope.resolve<{ projectConfig: { store_cors?: string } }>("configModule")
    storeCors = cors({ origin: parseCorsOrigins(projectConfig.store_cors || ""), credentials: true }) as Middleware
  }
  storeCors(req, res, () => send())
}

async function catalogueVersion(cache: CacheService): Promise<string> {
  if (memo && Date.now() - memo.at < VERSION_MEMO_MS) return memo.version
  const version = (await cache.get<string>(VERSION_KEY)) ?? "0"
  memo = { version, at: Date.now() }
  return version
}

// One bump a second at most: in a flash sale every order moves stock, and a bump per order
// would leave nothing cached; the last change in a second still gets its own bump.
const BUMP_EVERY_MS = 1_000
let lastBump = 0
let trailingBump: NodeJS.Timeout | null = null

async function bumpNow(cache: CacheService): Promise<void> {
  lastBump = Date.now()
  const version = `${lastBump.toString(36)}${Math.random().toString(36).slice(2, 6)}`
  await cache.set(VERSION_KEY, version, 7 * 24 * 3600)
  memo = { version, at: Date.now() }
}

/** After a catalogue, price, stock or region change: every cached read is stale, in every replica. */
export async function bumpCatalogueVersion(cache: CacheService): Promise<void> {
  const wait = lastBump + BUMP_EVERY_MS - Date.now()
  if (wait <= 0) return bumpNow(cache)
  if (!trailingBump) {
    trailingBump = setTimeout(() => {
      trailingBump = null
      bumpNow(cache).catch(() => undefined)
    }, wait)
    trailingBump.unref()
  }
}

/**
 * The entries this process read or wrote last, in front of the cache service: a hot page
 * is then answered without a round trip to Redis or parsing its text again. Bounded by
 * size (big product lists) and count; an entry lives only as long as it is fresh.
 */
const LOCAL_MAX_ENTRIES = 500
const LOCAL_MAX_BYTES = 64 * 1024 * 1024
const local = new Map<string, LocalEntry>()
type LocalEntry = { body: string; freshUntil: number; etag: string; gzipped?: Buffer }

/**
 * The entry gzipped, made once on first ask: product lists run to hundreds of kilobytes of
 * JSON that shrink about tenfold, and compressing them on every answer would cost more than
 * the cache saves.
 */
function gzippedOf(entry: LocalEntry): Buffer {
  entry.gzipped ??= gzipSync(entry.body, { level: 6 })
  return entry.gzipped
}

const acceptsGzip = (req: MedusaRequest) => /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))

/** Hashed once per entry, not per answer: Express would hash every body it sends (big product lists). */
const entityTag = (body: string) => `W/"${createHash("sha1").update(body).digest("base64url")}"`
let localBytes = 0

function rememberLocally(key: string, body: string, freshUntil: number): LocalEntry {
  const old = local.get(key)
  if (old) localBytes -= old.body.length
  local.delete(key)
  const entry = { body, freshUntil, etag: entityTag(body) }
  local.set(key, entry)
  localBytes += body.length
  // Map keeps insertion order: the first keys are the least recently stored.
  for (const [k, v] of local) {
    if (local.size <= LOCAL_MAX_ENTRIES && localBytes <= LOCAL_MAX_BYTES) break
    local.delete(k)
    localBytes -= v.body.length
  }
  return entry
}

function freshLocally(key: string): LocalEntry | null {
  const entry = local.get(key)
  if (!entry) return null
  if (Date.now() < entry.freshUntil) return entry
  local.delete(key)
  localBytes -= entry.body.length
  return null
}

/**
 * Misses being answered in this process, by key: the same read arriving meanwhile waits for
 * that answer instead of asking the database again (fifty shoppers opening a sale's page at
 * once make one query, not fifty). Resolves with the body, or null when it was not a 200.
 */
const inflight = new Map<string, Promise<string | null>>()
const WAIT_FOR_INFLIGHT_MS = 10_000

function waitForInflight(pending: Promise<string | null>): Promise<string | null> {
  return Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), WAIT_FOR_INFLIGHT_MS).unref())])
}

/**
 * Serves hot catalogue reads (product list and detail, categories, collections, regions)
 * from Medusa's cache service for a few seconds, keyed by the catalogue's version, so a
 * change answers fresh at once; identical misses in flight share one answer, and while an
 * expired entry is asked again the others get it (STALE) rather than wait. `x-cache` says
 * HIT, STALE, MISS or BYPASS (and why). The cache
 * failing never fails the request: it is then answered as if there were none.
 */
export async function cacheStoreReads(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): Promise<void> {
  const [urlPath, rawQuery = ""] = (req.originalUrl ?? req.url).split("?", 2)
  if (STORE_CACHE_TTL_S <= 0 || !isCacheableStoreRead(req.method, urlPath)) return next()
  const query = new URLSearchParams(rawQuery)
  const bypass = cacheBypass({
    authorization: req.headers.authorization,
    signedInCustomer: Boolean((req as { session?: { customer_id?: string } }).session?.customer_id),
    query,
    cacheControl: req.headers["cache-control"],
  })
  if (bypass) {
    res.setHeader("x-cache", `BYPASS (${bypass})`)
    storeCacheLookups.inc({ result: "bypass" })
    return next()
  }
  const answerFromCache = (text: string, state: "HIT" | "STALE", entry?: LocalEntry) => {
    storeCacheLookups.inc({ result: state === "HIT" ? "hit" : "stale" })
    res.setHeader("x-cache", state)
    res.setHeader("Vary", "Accept-Encoding")
    nameAnsweringRoute(req, cachedReadRoute(urlPath))
    withStoreCors(req, res, () => {
      res.type("application/json")
      if (entry && acceptsGzip(req)) {
        res.setHeader("ETag", `${entry.etag.slice(0, -1)}-gz"`)
        res.setHeader("Content-Encoding", "gzip")
        res.send(gzippedOf(entry))
        return
      }
      if (entry) res.setHeader("ETag", entry.etag)
      res.send(text)
    })
  }
  let cache: CacheService
  let key: string
  let entry: { body: string; fresh: boolean; freshUntil: number } | null
  try {
    cache = req.scope.resolve<CacheService>("cacheService")
    const publishable = req.headers["x-publishable-api-key"]
    key = storeCacheKey({ version: await catalogueVersion(cache), path: urlPath, query, publishableKey: typeof publishable === "string" ? publishable : undefined })
    const nearby = freshLocally(key)
    if (nearby) return answerFromCache(nearby.body, "HIT", nearby)
    entry = decodeCacheEntry(await cache.get<string>(key), Date.now())
  } catch {
    return next()
  }
  if (entry?.fresh) {
    const remembered = rememberLocally(key, entry.body, entry.freshUntil)
    return answerFromCache(entry.body, "HIT", remembered)
  }
  // Checked and claimed with no await in between: of identical reads arriving together, one asks.
  for (let pending = inflight.get(key); pending; pending = inflight.get(key)) {
    // Someone is already asking: the stale answer now rather than the fresh one later.
    if (entry) return answerFromCache(entry.body, "STALE")
    const text = await waitForInflight(pending)
    if (text !== null) return answerFromCache(text, "HIT")
    // It failed: another waiter may have taken over since; if not (it timed out), this one does.
    if (inflight.get(key) === pending) break
  }
  let settle: (text: string | null) => void = () => undefined
  const answered = new Promise<string | null>((resolve) => (settle = resolve))
  inflight.set(key, answered)
  const done = (text: string | null) => {
    if (inflight.get(key) === answered) inflight.delete(key)
    settle(text)
  }
  storeCacheLookups.inc({ result: "miss" })
  res.setHeader("x-cache", "MISS")
  // A route that fails, or a client that hangs up, releases those waiting: they ask themselves.
  res.once("close", () => done(null))
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    if (res.statusCode !== 200) {
      done(null)
      return json(body)
    }
    const text = JSON.stringify(body)
    const freshUntil = Date.now() + STORE_CACHE_TTL_S * 1000
    done(text)
    res.setHeader("ETag", rememberLocally(key, text, freshUntil).etag)
    cache.set(key, encodeCacheEntry(text, freshUntil), STORE_CACHE_TTL_S + STALE_GRACE_S).catch(() => undefined)
    res.type("application/json")
    return res.send(text)
  }
  next()
}
