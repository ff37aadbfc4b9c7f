/**
 * The 3D viewer's rules, pure so the product page and the tests agree: what the store's
 * GET /store/products/:id/3d-models answer holds, which level of detail (LOD) a device
 * gets, and which model URLs the browser fetches through the storefront's own origin.
 */

export type ModelLod = { level: number; url: string; bytes: number; triangles: number }

export type BoundingBox = { min: [number, number, number]; max: [number, number, number] }

export type ProductModel3d = { id: string; lods: ModelLod[]; bbox: BoundingBox | null; poster_url: string | null }

/** What the browser tells about the device and its connection; anything unknown is left out. */
export type DeviceHints = {
  /** CSS pixels across the window. */
  screenWidth: number
  /** navigator.deviceMemory: GiB, rounded down to a power of two and capped at 8. */
  deviceMemory?: number | null
  /** navigator.connection.saveData: the shopper asked to use less data. */
  saveData?: boolean | null
  /** navigator.connection.effectiveType: "slow-2g", "2g", "3g" or "4g". */
  effectiveType?: string | null
  /** navigator.connection.downlink: Mbit/s, the browser's estimate. */
  downlink?: number | null
}

export type LodLevel = 0 | 1 | 2

/** Below this width a screen is a phone's: the lightest model looks the same there. */
export const SMALL_SCREEN_MAX_PX = 640
/** Below this a tablet or small laptop: half the triangles are not missed. */
export const MID_SCREEN_MAX_PX = 1024

const SLOW_CONNECTIONS = new Set(["slow-2g", "2g", "3g"])
// Chrome reports its estimate in steps and headless or idle browsers often say 1.4 or more
// on fast links, so only a clearly slow estimate counts against the full model.
const SLOW_DOWNLINK_MBPS = 1

/**
 * The level of detail a device should load: 2 (≈15% of the triangles) on small screens,
 * with Save-Data, on slow connections or with very little memory; 1 (≈50%) on mid-size
 * screens or with modest memory; 0 (every triangle) on the desktop.
 */
export function preferredLodLevel(hints: DeviceHints): LodLevel {
  const effectiveType = hints.effectiveType?.toLowerCase() ?? null
  const slow =
    hints.saveData === true ||
    (effectiveType !== null && SLOW_CONNECTIONS.has(effectiveType)) ||
    (typeof hints.downlink === "number" && hints.downlink > 0 && hints.downlink < SLOW_DOWNLINK_MBPS)
  const memory = typeof hints.deviceMemory === "number" && hints.deviceMemory > 0 ? hints.deviceMemory : null
  const width = Number.isFinite(hints.screenWidth) && hints.screenWidth > 0 ? hints.screenWidth : 0
  if (slow || width < SMALL_SCREEN_MAX_PX || (memory !== null && memory < 2)) return 2
  if (width < MID_SCREEN_MAX_PX || (memory !== null && memory <= 4)) return 1
  return 0
}

/**
 * The LOD to load for a wanted level: that level, else the nearest one there is; between
 * two equally near, the lighter (a device that wanted less is better served by less).
 */
export function chooseLod(lods: ModelLod[], wanted: LodLevel): ModelLod | null {
  let best: ModelLod | null = null
  for (const lod of lods) {
    if (!best) {
      best = lod
      continue
    }
    const distance = Math.abs(lod.level - wanted)
    const bestDistance = Math.abs(best.level - wanted)
    if (distance < bestDistance || (distance === bestDistance && lod.level > best.level)) best = lod
  }
  return best
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"])

function sameServer(a: URL, b: URL): boolean {
  if (a.protocol !== b.protocol || a.port !== b.port) return false
  // The file service names the backend by its own MEDUSA_BACKEND_URL (localhost:9000) while
  // the storefront may reach the same process as 127.0.0.1: on loopback they are one server.
  return a.hostname === b.hostname || (LOOPBACK.has(a.hostname) && LOOPBACK.has(b.hostname))
}

/** The path under which the storefront serves the backend's local file service (app/uploads/[...path]). */
export const UPLOADS_PATH = "/uploads/"

/**
 * The URL the browser should fetch a model from. model-viewer loads models with XHR, which
 * needs CORS from any other origin, and the backend's local file service sends none: a file
 * of it (`{backend}/uploads/…`) is fetched through the storefront instead, as a path on the
 * storefront's own origin. Anything else (S3, a CDN) stays as it is: that bucket must answer
 * with CORS for the shop's origin. Null for a URL that is not http(s).
 */
export function viewerModelUrl(url: string, backendUrl: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null
  let backend: URL | null = null
  try {
    backend = new URL(backendUrl)
  } catch {
    backend = null
  }
  if (backend && sameServer(parsed, backend) && parsed.pathname.startsWith(UPLOADS_PATH)) return `${parsed.pathname}${parsed.search}`
  return parsed.toString()
}

/**
 * A path under /uploads/ as the storefront passes it on to the backend: null unless every
 * segment is a plain file or folder name, so the pass-through can never reach anything
 * but the file service (no "..", no encoded slashes, no empty segments).
 */
export function uploadPath(segments: string[]): string | null {
  if (!segments.length) return null
  for (const segment of segments) {
    if (!segment || segment === "." || segment === ".." || /[\/\\?#%\u0000-\u001f]/.test(segment)) return null
  }
  return `${UPLOADS_PATH}${segments.map(encodeURIComponent).join("/")}`
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0)

function normaliseLod(value: unknown): ModelLod | null {
  const o = record(value)
  if (typeof o.url !== "string" || !o.url || !Number.isInteger(o.level) || (o.level as number) < 0) return null
  return { level: o.level as number, url: o.url, bytes: count(o.bytes), triangles: count(o.triangles) }
}

function point(value: unknown): [number, number, number] | null {
  return Array.isArray(value) && value.length === 3 && value.every((n) => typeof n === "number" && Number.isFinite(n)) ? [value[0], value[1], value[2]] : null
}

/**
 * The store's answer as the viewer uses it: models with at least one LOD whose URL the
 * browser may load (mapped by viewerModelUrl), LODs in level order, one per level. A
 * malformed answer is no models, not an error.
 */
export function normaliseProductModels(value: unknown, backendUrl: string): ProductModel3d[] {
  if (!Array.isArray(value)) return []
  const models: ProductModel3d[] = []
  for (const item of value) {
    const o = record(item)
    if (typeof o.id !== "string" || !o.id) continue
    const byLevel = new Map<number, ModelLod>()
    for (const raw of Array.isArray(o.lods) ? o.lods : []) {
      const lod = normaliseLod(raw)
      const url = lod ? viewerModelUrl(lod.url, backendUrl) : null
      if (lod && url && !byLevel.has(lod.level)) byLevel.set(lod.level, { ...lod, url })
    }
    if (!byLevel.size) continue
    const box = record(o.bbox)
    const min = point(box.min)
    const max = point(box.max)
    const poster = typeof o.poster_url === "string" && /^https?:\/\//.test(o.poster_url) ? o.poster_url : null
    models.push({ id: o.id, lods: [...byLevel.values()].sort((a, b) => a.level - b.level), bbox: min && max ? { min, max } : null, poster_url: poster })
  }
  return models
}
