/**
 * Searching the index the way the model's tools do. Every result has passed `itemProblem`
 * for the server's constraints first; the model's arguments only narrow or rank what is
 * left, so no argument can bring back an item she may not be shown.
 */
import { ROLES, Role, StylistIndex, StylistItem, sizePosition } from "./catalog"
import { Harmony, harmonyScore, pairHarmony } from "./colour-harmony"
import { COLOUR_WORDS, colourMatches } from "./colours"
import { ShopperConstraints } from "./constraints"
import { itemProblem } from "./eligibility"
import { toMajor, toMinor } from "./money"
import { rolesClash } from "./outfit-templates"
import { words } from "./text"
import { CATALOGUE_OCCASIONS, OCCASION_PHRASES, pieceTerms } from "./vocabulary"

/** An item as the model sees it: what it needs to choose and name it, prices in major units. */
export type ToolItem = {
  product_id: string
  variant_id: string
  title: string
  category: string
  role: Role
  color: string
  size: string
  price: number
  currency: string
  occasions: string[]
  pattern: string
}

export function toolItem(item: StylistItem): ToolItem {
  return {
    product_id: item.product_id,
    variant_id: item.variant_id,
    title: item.title,
    category: item.category,
    role: item.role,
    color: item.color.name,
    size: item.size,
    price: toMajor(item.price_minor ?? 0, item.currency),
    currency: item.currency,
    occasions: item.occasions,
    pattern: item.pattern,
  }
}

export const eligibleItems = (index: StylistIndex, constraints: ShopperConstraints) => index.items.filter((item) => itemProblem(item, constraints) === null)

const DEFAULT_SIZE: Record<string, string> = { letter: "M", shoe: "38" }

/** One variant per product and colour; with her size applied already, this only chooses when she gave none. */
export function oneColourway(items: StylistItem[]): StylistItem[] {
  const best = new Map<string, StylistItem>()
  const distance = (item: StylistItem) => {
    const a = sizePosition(item.size)
    const b = sizePosition(DEFAULT_SIZE[item.size_kind] ?? item.size)
    return a === null || b === null ? 0 : Math.abs(a - b)
  }
  for (const item of items) {
    const key = `${item.product_id}|${item.color.name}`
    const current = best.get(key)
    if (!current || distance(item) < distance(current) || (distance(item) === distance(current) && item.variant_id < current.variant_id)) best.set(key, item)
  }
  return items.filter((item) => best.get(`${item.product_id}|${item.color.name}`) === item)
}

/** Words that say nothing about which piece she wants. */
const FILLER = new Set(
  "a an the and or for with without in on of to at my me i im need want looking some something anything outfit outfits look looks wear wearing piece pieces please show find under below size budget rs inr usd".split(" "),
)

/** Catalogue occasions for a word or phrase: its own name ("wedding-guest") or what shoppers call it ("sangeet"). */
export function occasionsFor(phrase: string | null): string[] {
  if (!phrase) return []
  const normalized = phrase.toLowerCase().trim()
  const direct = normalized.replace(/\s+/g, "-")
  const known = OCCASION_PHRASES.find((o) => o.phrase.test(normalized))
  return [...new Set([...((CATALOGUE_OCCASIONS as readonly string[]).includes(direct) ? [direct] : []), ...(known?.occasions ?? [])])]
}

/**
 * Whether an item is of a kind named by a role ("shoes"), a category handle ("heels") or a
 * garment word ("jeans"). The term is read once, then tried on every item.
 */
export function categoryMatcher(term: string): (item: StylistItem) => boolean {
  const pieces = pieceTerms(term)
  const termWords = words(term)
  return (item) => {
    if (item.role === term || item.category_path.includes(term)) return true
    if (pieces.length > 0) return pieces.some(({ piece }) => piece.role === item.role && (piece.words === null || piece.words.some((word) => item.words.includes(word))))
    return termWords.length > 0 && termWords.every((word) => item.words.includes(word))
  }
}

function queryScore(item: StylistItem, query: string[]): number {
  if (query.length === 0) return 0
  const hits = query.filter((word) => item.words.includes(word) || item.occasions.some((o) => words(o).includes(word)) || (COLOUR_WORDS.includes(word) && colourMatches(word, item.color)))
  return hits.length / query.length
}

function occasionScore(item: StylistItem, occasions: string[]): number {
  const at = occasions.findIndex((occasion) => item.occasions.includes(occasion))
  return at < 0 ? 0 : 1 / (1 + 0.5 * at)
}

const wantsColour = (item: StylistItem, constraints: ShopperConstraints) => constraints.colors_wanted.some((term) => colourMatches(term, item.color))

export type SearchRequest = { query: string; categories: string[] | null; colors: string[] | null; occasion: string | null; max_price: number | null; limit: number }

export type SearchOutcome = { items: StylistItem[]; unknown_categories: string[]; query_matched: boolean; occasion_matched: boolean }

export function searchCatalog(index: StylistIndex, constraints: ShopperConstraints, request: SearchRequest): SearchOutcome {
  let pool = eligibleItems(index, constraints)
  const categories = (request.categories ?? []).map((term) => ({ term, matches: categoryMatcher(term) }))
  const unknown_categories = categories.filter(({ matches }) => !index.items.some(matches)).map(({ term }) => term)
  if (request.categories) pool = pool.filter((item) => categories.some(({ matches }) => matches(item)))
  if (request.colors) pool = pool.filter((item) => request.colors!.some((term) => colourMatches(term, item.color)))
  if (request.max_price !== null) {
    const cap = toMinor(request.max_price, constraints.currency)
    pool = pool.filter((item) => item.price_minor! <= cap)
  }
  // The occasion the model names filters like a category: only pieces made for it, unless
  // none she can buy is, when the closest pieces come back and the model is told so.
  const forOccasion = occasionsFor(request.occasion)
  const tagged = forOccasion.length > 0 ? pool.filter((item) => item.occasions.some((o) => forOccasion.includes(o))) : pool
  const occasion_matched = forOccasion.length === 0 || tagged.length > 0 || pool.length === 0
  if (tagged.length > 0) pool = tagged
  const query = words(request.query).filter((word) => !FILLER.has(word) && !/^\d/.test(word))
  const occasions = [...forOccasion, ...occasionsFor(request.query), ...constraints.occasions]
  const scored = oneColourway(pool).map((item) => {
    const match = queryScore(item, query)
    return { item, match, score: 3 * match + 2 * occasionScore(item, occasions) + (wantsColour(item, constraints) ? 1 : 0) + (0.3 * item.popularity) / 100 }
  })
  // A query that matches some pieces keeps only those; one that matches none leaves the ranking to the rest.
  const matched = scored.filter((s) => s.match > 0)
  const kept = matched.length > 0 ? matched : scored
  kept.sort((a, b) => b.score - a.score || a.item.variant_id.localeCompare(b.item.variant_id))
  return { items: kept.slice(0, request.limit).map((s) => s.item), unknown_categories, query_matched: query.length === 0 || matched.length > 0, occasion_matched }
}

export type Complement = { item: StylistItem; harmony: Harmony }

/**
 * Pieces of other roles that can be worn with `base`, each affordable together with it.
 * Ranked by colour harmony and shared occasions, taken in turn from each role so shoes
 * do not crowd out the bottom a top still needs.
 */
export function findComplements(index: StylistIndex, constraints: ShopperConstraints, base: StylistItem, limit: number): Complement[] {
  const room = constraints.budget_minor === null ? null : constraints.budget_minor - (base.price_minor ?? 0)
  const candidates = oneColourway(eligibleItems(index, constraints)).filter(
    (item) => item.product_id !== base.product_id && !rolesClash([base.role], item.role) && (room === null || item.price_minor! <= room),
  )
  const occasions = [...base.occasions, ...constraints.occasions]
  const byRole = new Map<Role, { complement: Complement; score: number }[]>()
  for (const item of candidates) {
    const harmony = pairHarmony(base.color, item.color)
    const score = 2 * harmonyScore(harmony) + occasionScore(item, occasions) + (wantsColour(item, constraints) ? 0.5 : 0) + (0.2 * item.popularity) / 100
    byRole.set(item.role, [...(byRole.get(item.role) ?? []), { complement: { item, harmony }, score }])
  }
  const lists = [...byRole.entries()]
    .sort(([a], [b]) => ROLES.indexOf(a) - ROLES.indexOf(b))
    .map(([, list]) => list.sort((a, b) => b.score - a.score || a.complement.item.variant_id.localeCompare(b.complement.item.variant_id)))
  const chosen: Complement[] = []
  for (let round = 0; chosen.length < limit && lists.some((list) => list.length > round); round++) {
    for (const list of lists) if (list[round] && chosen.length < limit) chosen.push(list[round].complement)
  }
  return chosen
}
