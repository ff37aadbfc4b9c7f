/**
 * A listing's state lives in its URL so a filtered page can be shared:
 * ?size=M,L&color=Black&occasion=party&price_min=500&price_max=2000&sort=price_asc&page=2
 * Pure: parses and builds query strings; knows nothing about Next or Medusa.
 */
export const SORTS = ["relevance", "newest", "popular", "price_asc", "price_desc"] as const
export type Sort = (typeof SORTS)[number]

export const SORT_LABELS: Record<Sort, string> = {
  relevance: "Best match",
  newest: "Newest",
  popular: "Popularity",
  price_asc: "Price: low to high",
  price_desc: "Price: high to low",
}

export type ListingState = {
  size: string[]
  color: string[]
  occasion: string[]
  price_min: number | null
  price_max: number | null
  sort: Sort | null
  page: number
  q: string | null
}

type RawParams = Record<string, string | string[] | undefined>

const MAX_VALUES = 20

function list(raw: string | string[] | undefined): string[] {
  const values = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((v) => v.split(","))
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))].slice(0, MAX_VALUES)
}

function first(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw[0] : raw
}

function wholeNumber(raw: string | string[] | undefined): number | null {
  const value = first(raw)
  if (!value || !/^\d{1,9}$/.test(value.trim())) return null
  return Number(value)
}

/** Tolerant on purpose: a hand-edited or stale URL shows the nearest sensible page, never an error. */
export function parseListingParams(raw: RawParams): ListingState {
  const sort = first(raw.sort)
  const page = wholeNumber(raw.page)
  let priceMin = wholeNumber(raw.price_min)
  let priceMax = wholeNumber(raw.price_max)
  if (priceMin !== null && priceMax !== null && priceMin > priceMax) [priceMin, priceMax] = [priceMax, priceMin]
  const q = first(raw.q)?.trim().slice(0, 200).trim()
  return {
    size: list(raw.size),
    color: list(raw.color),
    occasion: list(raw.occasion),
    price_min: priceMin,
    price_max: priceMax,
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : null,
    page: page && page > 0 ? Math.min(page, 10000) : 1,
    q: q || null,
  }
}

/** The query string for a state; defaults are left out so URLs stay short and canonical. */
export function listingQuery(state: Partial<ListingState>): string {
  const params = new URLSearchParams()
  if (state.q) params.set("q", state.q)
  for (const key of ["size", "color", "occasion"] as const) {
    const values = state[key]
    if (values?.length) params.set(key, values.join(","))
  }
  if (state.price_min !== null && state.price_min !== undefined) params.set("price_min", String(state.price_min))
  if (state.price_max !== null && state.price_max !== undefined) params.set("price_max", String(state.price_max))
  if (state.sort) params.set("sort", state.sort)
  if (state.page && state.page > 1) params.set("page", String(state.page))
  const text = params.toString()
  return text ? `?${text}` : ""
}

/** The state with one facet value switched on or off; any change of filter goes back to page 1. */
export function toggleValue(state: ListingState, key: "size" | "color" | "occasion", value: string): ListingState {
  const values = state[key].includes(value) ? state[key].filter((v) => v !== value) : [...state[key], value]
  return { ...state, [key]: values, page: 1 }
}

export function activeFilterCount(state: ListingState): number {
  return state.size.length + state.color.length + state.occasion.length + (state.price_min !== null || state.price_max !== null ? 1 : 0)
}

export function clearFilters(state: ListingState): ListingState {
  return { ...state, size: [], color: [], occasion: [], price_min: null, price_max: null, page: 1 }
}
