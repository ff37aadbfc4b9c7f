/**
 * Parsing and validation of the storefront catalog and wishlist inputs (query strings
 * and JSON bodies) into typed values. Pure: no Medusa, TypeORM or HTTP imports; the
 * routes turn a failed parse into a 400 whose message lists every problem.
 */

export const SORTS = ["relevance", "newest", "price_asc", "price_desc", "popular"] as const
export type CatalogSort = (typeof SORTS)[number]

export const DEFAULT_LIMIT = 24
export const MAX_LIMIT = 100
export const MAX_PAGE = 10000
export const MAX_QUERY_LENGTH = 200
export const MAX_FACET_VALUES = 30
const MAX_VALUE_LENGTH = 100
const MAX_ID_LENGTH = 100

export type CatalogListQuery = {
  region_id: string
  category: string | null
  collection: string | null
  q: string | null
  sizes: string[]
  colors: string[]
  occasions: string[]
  /** Major units of the region currency, as given. */
  price_min: number | null
  price_max: number | null
  /** The sort asked for, or the default: relevance with q, newest without. */
  sort: CatalogSort
  page: number
  limit: number
}

export type SuggestQuery = { region_id: string; q: string }
export type RegionQuery = { region_id: string }
export type WishlistAddBody = { product_id: string; variant_id: string | null }
export type WishlistMergeBody = { token: string }

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] }

/** What Express (qs) makes of a query string value. */
type RawValue = unknown
type RawQuery = Record<string, RawValue> | null | undefined

const LIST_KEYS = ["size", "color", "occasion"] as const

class Problems {
  readonly errors: string[] = []
  add(message: string): void {
    this.errors.push(message)
  }
}

function describe(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}...` : text
}

/** A parameter that may appear once: a string, or absent (undefined / empty string). */
function single(query: Record<string, RawValue>, key: string, problems: Problems): string | null {
  const raw = query[key]
  if (raw === undefined) return null
  if (typeof raw !== "string") {
    problems.add(Array.isArray(raw) ? `${key} must be given once` : `${key} must be a plain value`)
    return null
  }
  const value = raw.trim()
  return value === "" ? null : value
}

function unknownKeys(query: Record<string, RawValue>, allowed: readonly string[], problems: Problems): void {
  const unknown = Object.keys(query).filter((k) => !allowed.includes(k))
  if (unknown.length) problems.add(`unknown query parameter${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (allowed: ${allowed.join(", ")})`)
}

function regionId(query: Record<string, RawValue>, problems: Problems): string {
  const value = single(query, "region_id", problems)
  if (value === null) {
    // An array or object already got its own message from single().
    if (query.region_id === undefined || typeof query.region_id === "string") problems.add("region_id is required")
    return ""
  }
  if (value.length > MAX_ID_LENGTH) problems.add(`region_id is too long (at most ${MAX_ID_LENGTH} characters)`)
  return value
}

/**
 * A repeatable, comma-separable list (size=M&size=L, size=M,L, size[]=M): trimmed,
 * empty entries dropped, duplicates (ignoring case) removed, first spelling kept.
 */
export function parseList(raw: RawValue, key: string, problems?: Problems): string[] {
  if (raw === undefined) return []
  const parts = Array.isArray(raw) ? raw : [raw]
  const values: string[] = []
  const seen = new Set<string>()
  for (const part of parts) {
    if (typeof part !== "string") {
      problems?.add(`${key} must be a list of plain values`)
      return []
    }
    for (const piece of part.split(",")) {
      const value = piece.trim()
      if (!value) continue
      if (value.length > MAX_VALUE_LENGTH) {
        problems?.add(`${key} value "${describe(value)}" is too long (at most ${MAX_VALUE_LENGTH} characters)`)
        continue
      }
      const k = value.toLowerCase()
      if (seen.has(k)) continue
      seen.add(k)
      values.push(value)
    }
  }
  if (values.length > MAX_FACET_VALUES) problems?.add(`${key} has too many values (at most ${MAX_FACET_VALUES})`)
  return values
}

function wholeNumber(raw: string | null, key: string, min: number, max: number, problems: Problems): number | null {
  if (raw === null) return null
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.add(`${key} must be a whole number from ${min} to ${max} (got "${describe(raw)}")`)
    return null
  }
  return Number(raw)
}

/** A price in major units: a non-negative decimal number such as 1500 or 1499.50. */
function majorAmount(raw: string | null, key: string, problems: Problems): number | null {
  if (raw === null) return null
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(raw)) {
    problems.add(`${key} must be an amount in major units of the region currency, 0 or more, such as 1500 or 1499.50 (got "${describe(raw)}")`)
    return null
  }
  return Number(raw)
}

function query(raw: RawQuery): Record<string, RawValue> {
  return raw && typeof raw === "object" ? raw : {}
}

const LIST_QUERY_KEYS = ["region_id", "category", "collection", "q", ...LIST_KEYS, "price_min", "price_max", "sort", "page", "limit"]

/** GET /store/catalog/products */
export function parseCatalogListQuery(raw: RawQuery): ParseResult<CatalogListQuery> {
  const q = query(raw)
  const problems = new Problems()
  unknownKeys(q, LIST_QUERY_KEYS, problems)
  const region_id = regionId(q, problems)
  const category = single(q, "category", problems)
  const collection = single(q, "collection", problems)
  const text = single(q, "q", problems)
  if (text !== null && text.length > MAX_QUERY_LENGTH) problems.add(`q is too long (at most ${MAX_QUERY_LENGTH} characters)`)
  for (const [key, value] of [["category", category], ["collection", collection]] as const) {
    if (value !== null && value.length > MAX_VALUE_LENGTH) problems.add(`${key} is too long (at most ${MAX_VALUE_LENGTH} characters)`)
  }
  const sizes = parseList(q.size, "size", problems)
  const colors = parseList(q.color, "color", problems)
  const occasions = parseList(q.occasion, "occasion", problems)
  const price_min = majorAmount(single(q, "price_min", problems), "price_min", problems)
  const price_max = majorAmount(single(q, "price_max", problems), "price_max", problems)
  if (price_min !== null && price_max !== null && price_min > price_max) {
    problems.add(`price_min (${price_min}) must not be above price_max (${price_max})`)
  }
  const sortRaw = single(q, "sort", problems)
  let sort: CatalogSort = text !== null ? "relevance" : "newest"
  if (sortRaw !== null) {
    if ((SORTS as readonly string[]).includes(sortRaw)) sort = sortRaw as CatalogSort
    else problems.add(`sort must be one of ${SORTS.join(", ")} (got "${describe(sortRaw)}")`)
  }
  const page = wholeNumber(single(q, "page", problems), "page", 1, MAX_PAGE, problems) ?? 1
  const limit = wholeNumber(single(q, "limit", problems), "limit", 1, MAX_LIMIT, problems) ?? DEFAULT_LIMIT
  if (problems.errors.length) return { ok: false, errors: problems.errors }
  return {
    ok: true,
    value: { region_id, category, collection, q: text, sizes, colors, occasions, price_min, price_max, sort, page, limit },
  }
}

/** GET /store/catalog/suggest: an empty or missing q is allowed (empty answer). */
export function parseSuggestQuery(raw: RawQuery): ParseResult<SuggestQuery> {
  const q = query(raw)
  const problems = new Problems()
  unknownKeys(q, ["region_id", "q"], problems)
  const region_id = regionId(q, problems)
  const text = single(q, "q", problems) ?? ""
  if (text.length > MAX_QUERY_LENGTH) problems.add(`q is too long (at most ${MAX_QUERY_LENGTH} characters)`)
  if (problems.errors.length) return { ok: false, errors: problems.errors }
  return { ok: true, value: { region_id, q: text } }
}

/** The wishlist routes' query: only region_id. */
export function parseRegionQuery(raw: RawQuery): ParseResult<RegionQuery> {
  const q = query(raw)
  const problems = new Problems()
  unknownKeys(q, ["region_id"], problems)
  const region_id = regionId(q, problems)
  if (problems.errors.length) return { ok: false, errors: problems.errors }
  return { ok: true, value: { region_id } }
}

function bodyObject(body: unknown, allowed: string[], problems: Problems): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    problems.add(`the body must be a JSON object with ${allowed.join(", ")}`)
    return {}
  }
  const record = body as Record<string, unknown>
  const unknown = Object.keys(record).filter((k) => !allowed.includes(k))
  if (unknown.length) problems.add(`unknown field${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (allowed: ${allowed.join(", ")})`)
  return record
}

function idField(record: Record<string, unknown>, key: string, required: boolean, problems: Problems): string | null {
  const value = record[key]
  if (value === undefined || value === null) {
    if (required) problems.add(`${key} is required`)
    return null
  }
  if (typeof value !== "string" || !value.trim()) {
    problems.add(`${key} must be a non-empty string`)
    return null
  }
  if (value.length > MAX_ID_LENGTH) {
    problems.add(`${key} is too long (at most ${MAX_ID_LENGTH} characters)`)
    return null
  }
  return value.trim()
}

/** POST /store/wishlist/items body: { product_id, variant_id? } */
export function parseWishlistAddBody(body: unknown): ParseResult<WishlistAddBody> {
  const problems = new Problems()
  const record = bodyObject(body, ["product_id", "variant_id"], problems)
  const product_id = idField(record, "product_id", true, problems)
  const variant_id = idField(record, "variant_id", false, problems)
  if (problems.errors.length || !product_id) return { ok: false, errors: problems.errors }
  return { ok: true, value: { product_id, variant_id } }
}

/** POST /store/wishlist/merge body: { token } */
export function parseWishlistMergeBody(body: unknown): ParseResult<WishlistMergeBody> {
  const problems = new Problems()
  const record = bodyObject(body, ["token"], problems)
  const value = record.token
  if (value === undefined || value === null || value === "") problems.add("token is required")
  else if (typeof value !== "string") problems.add("token must be a string")
  else if (value.length > 200) problems.add("token is too long")
  if (problems.errors.length) return { ok: false, errors: problems.errors }
  return { ok: true, value: { token: String(value).trim() } }
}
