/**
 * The offline stylist: outfits composed from the catalogue by scoring, no model.
 *
 * 1. Only items that pass eligibility (published, priced here, in stock, her size,
 *    not excluded, not alone over budget) are considered, one variant per product
 *    and colour.
 * 2. For each outfit template that answers her request, the best base pieces are
 *    combined (occasion fit, wanted colours, popularity, colour harmony, no two busy
 *    prints), keeping only combinations within budget.
 * 3. Bases are chosen one by one with a penalty for repeating a template or a lead
 *    colour (never a base product), then finished greedily with shoes, a bag and
 *    earrings that suit the occasion and colours and still fit the budget.
 * When nothing fits, the constraint that blocks it is found by relaxing one at a
 * time, and the nearest real alternatives are returned, labelled as such.
 * Deterministic: the same request gives the same outfits; a seed varies them.
 */
import { Role, StylistIndex, StylistItem, sizePosition } from "./catalog"
import { outfitHarmony } from "./colour-harmony"
import { colourFamilies, colourMatches } from "./colours"
import { ShopperConstraints } from "./constraints"
import { itemProblem } from "./eligibility"
import { Outfit, outfitTotal } from "./guarantees"
import { OutfitTemplate, templatesFor } from "./outfit-templates"
import { outfitRationale, outfitTitle } from "./outfit-words"
import { formatMoney } from "./money"

export type ComposeOptions = { count?: number; seed?: number; avoid_products?: string[] }

export type CompositionKind = "ok" | "budget_below_cheapest" | "size_sold_out" | "size_not_carried" | "nothing_matches"

export type Alternative = {
  /** What this is, in words for the shopper: "The cheapest complete look (₹400 over your budget)". */
  label: string
  /** The constraint relaxed to find it; null when it keeps to all of them (single pieces within budget). */
  relaxed: "budget" | "size" | "pieces" | null
  outfits: Outfit[]
  items: StylistItem[]
}

export type Composition = {
  kind: CompositionKind
  outfits: Outfit[]
  alternatives: Alternative[]
  /** Soft wishes the outfits could not meet: "occasion", "colours", or a piece ("jeans"). */
  unmet: string[]
}

const DEFAULT_SIZE: Record<string, string> = { letter: "M", shoe: "38" }
const BASE_ROLES: Role[] = ["dress", "coord", "top", "bottom"]
const CANDIDATES_PER_ROLE = 10
const OCCASION_WEIGHTS = [1, 0.7, 0.5, 0.4]

/** A small seeded generator (mulberry32): the same seed gives the same variation. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Scored = { item: StylistItem; score: number }
type Base = { template: OutfitTemplate; items: Scored[]; score: number; total: number }

class Composer {
  private jitter = new Map<string, number>()

  constructor(
    private readonly index: StylistIndex,
    private readonly constraints: ShopperConstraints,
    private readonly options: { seed?: number; avoid_products?: string[]; preferred_size?: string | null },
  ) {
    if (options.seed !== undefined) {
      const random = seeded(options.seed)
      for (const item of [...index.items].sort((a, b) => a.variant_id.localeCompare(b.variant_id))) this.jitter.set(item.variant_id, random() * 0.3)
    }
  }

  occasionFit(item: StylistItem): number {
    const wanted = this.constraints.occasions
    if (wanted.length === 0) return 0.5
    let best = 0
    wanted.forEach((occasion, i) => {
      if (item.occasions.includes(occasion)) best = Math.max(best, OCCASION_WEIGHTS[Math.min(i, OCCASION_WEIGHTS.length - 1)])
    })
    return best
  }

  wantsColour(item: StylistItem): boolean {
    return this.constraints.colors_wanted.some((term) => colourMatches(term, item.color))
  }

  itemScore(item: StylistItem): number {
    const base = BASE_ROLES.includes(item.role)
    return 2 * this.occasionFit(item) + (this.wantsColour(item) ? (base ? 1.2 : 0.4) : 0) + (0.3 * item.popularity) / 100 + (this.jitter.get(item.variant_id) ?? 0)
  }

  /** One variant per product and colour: her size when known, else the size nearest M (or EU 38). */
  colourways(): StylistItem[] {
    const avoid = new Set(this.options.avoid_products ?? [])
    const groups = new Map<string, StylistItem[]>()
    for (const item of this.index.items) {
      if (avoid.has(item.product_id) || itemProblem(item, this.constraints) !== null) continue
      const key = `${item.product_id}|${item.color.name}`
      groups.set(key, [...(groups.get(key) ?? []), item])
    }
    const chosen: StylistItem[] = []
    for (const variants of groups.values()) {
      const target = (item: StylistItem) => sizePosition(this.options.preferred_size && item.size_kind === "letter" ? this.options.preferred_size : DEFAULT_SIZE[item.size_kind] ?? item.size)
      const distance = (item: StylistItem) => {
        const a = sizePosition(item.size)
        const b = target(item)
        return a === null || b === null ? 0 : Math.abs(a - b)
      }
      variants.sort((a, b) => distance(a) - distance(b) || (b.inventory ?? 1e9) - (a.inventory ?? 1e9) || a.variant_id.localeCompare(b.variant_id))
      chosen.push(variants[0])
    }
    return chosen.sort((a, b) => a.variant_id.localeCompare(b.variant_id))
  }

  /** The best candidates for a role, plus the cheapest few so a tight budget still has something to work with. */
  candidates(pool: StylistItem[], role: Role): { list: Scored[]; unmetPiece: string | null } {
    let items = pool.filter((item) => item.role === role)
    let unmetPiece: string | null = null
    for (const wanted of this.constraints.categories_wanted.filter((w) => w.role === role && w.words)) {
      const matching = items.filter((item) => wanted.words!.some((word) => item.words.includes(word)))
      if (matching.length > 0) items = matching
      else unmetPiece = wanted.term
    }
    const scored = items.map((item) => ({ item, score: this.itemScore(item) })).sort((a, b) => b.score - a.score || a.item.variant_id.localeCompare(b.item.variant_id))
    const top: Scored[] = []
    const perProduct = new Map<string, number>()
    for (const s of scored) {
      const n = perProduct.get(s.item.product_id) ?? 0
      if (n >= 2 || top.length >= CANDIDATES_PER_ROLE) continue
      perProduct.set(s.item.product_id, n + 1)
      top.push(s)
    }
    if (this.constraints.budget_minor !== null) {
      const cheapest = [...scored].sort((a, b) => a.item.price_minor! - b.item.price_minor! || b.score - a.score).slice(0, 4)
      for (const s of cheapest) if (!top.includes(s)) top.push(s)
    }
    return { list: top, unmetPiece }
  }

  baseScore(items: Scored[]): number {
    const mean = items.reduce((sum, s) => sum + s.score, 0) / items.length
    const garments = items.filter((s) => BASE_ROLES.includes(s.item.role))
    const busy = garments.filter((s) => s.item.pattern !== "solid").length
    return mean + 1.5 * outfitHarmony(items.map((s) => s.item.color)) - (busy > 1 ? 0.8 : 0)
  }

  bases(pool: StylistItem[], templates: OutfitTemplate[], unmet: Set<string>): Base[] {
    const budget = this.constraints.budget_minor
    const bases: Base[] = []
    for (const template of templates) {
      const lists = template.required.map((role) => {
        const { list, unmetPiece } = this.candidates(pool, role)
        if (unmetPiece) unmet.add(unmetPiece)
        return list
      })
      if (lists.some((list) => list.length === 0)) continue
      const walk = (i: number, chosen: Scored[], total: number) => {
        if (budget !== null && total > budget) return
        if (i === lists.length) {
          bases.push({ template, items: chosen, score: this.baseScore(chosen), total })
          return
        }
        for (const s of lists[i]) {
          if (chosen.some((c) => c.item.product_id === s.item.product_id)) continue
          walk(i + 1, [...chosen, s], total + s.item.price_minor!)
        }
      }
      walk(0, [], 0)
    }
    return bases.sort((a, b) => b.score - a.score || key(a).localeCompare(key(b)))
  }

  /** Bases one at a time: never a lead piece (garment, or accessory in a look of accessories alone) twice, and a nudge away from the same template or lead colour. */
  pickBases(bases: Base[], count: number): Base[] {
    const picked: Base[] = []
    const remaining = [...bases]
    while (picked.length < count && remaining.length > 0) {
      let best: { base: Base; value: number; at: number } | null = null
      remaining.forEach((base, at) => {
        if (picked.some((p) => leadPieces(p).some((s) => base.items.some((b) => b.item.product_id === s.item.product_id)))) return
        const leadFamily = colourFamilies(base.items[0].item.color)[0]
        const penalty = picked.reduce(
          (sum, p) => sum + (p.template.name === base.template.name ? 0.25 : 0) + (colourFamilies(p.items[0].item.color)[0] === leadFamily ? 0.2 : 0) + (p.items.some((s) => base.items.some((b) => b.item.product_id === s.item.product_id)) ? 0.5 : 0),
          0,
        )
        const value = base.score - penalty
        if (!best || value > best.value) best = { base, value, at }
      })
      if (!best) break
      const chosen = best as { base: Base; value: number; at: number }
      picked.push(chosen.base)
      remaining.splice(chosen.at, 1)
    }
    return picked
  }

  /** Shoes, a bag, earrings: each added when it suits the look and the budget still holds. */
  finish(base: Base, pool: StylistItem[], used: Map<string, number>): StylistItem[] {
    const items = base.items.map((s) => s.item)
    const budget = this.constraints.budget_minor
    const baseOccasions = new Set(items.flatMap((item) => item.occasions))
    for (const role of base.template.optional) {
      const options = pool.filter((item) => item.role === role)
      let best: { item: StylistItem; value: number } | null = null
      for (const item of options) {
        if (budget !== null && outfitTotal(items) + item.price_minor! > budget) continue
        const fit = this.constraints.occasions.length > 0 ? this.occasionFit(item) : item.occasions.some((o) => baseOccasions.has(o)) ? 1 : 0
        if (fit < 0.7) continue
        const harmony = outfitHarmony([...items, item].map((i) => i.color))
        if (harmony < 0.6) continue
        const value = this.itemScore(item) + 1.5 * harmony - 0.6 * (used.get(item.product_id) ?? 0)
        if (!best || value > best.value || (value === best.value && item.variant_id < best.item.variant_id)) best = { item, value }
      }
      if (best) {
        items.push(best.item)
        used.set(best.item.product_id, (used.get(best.item.product_id) ?? 0) + 1)
      }
    }
    return items
  }

  compose(count: number, finishLooks = true): { outfits: Outfit[]; unmet: Set<string> } {
    const unmet = new Set<string>()
    const pool = this.colourways()
    const templates = templatesFor(this.constraints)
    let bases = this.bases(pool, templates, unmet)
    // Fewer outfits rather than ones not made for her occasion, when some are.
    const fits = (base: Base) => base.items.filter((s) => BASE_ROLES.includes(s.item.role) || base.template.name === "accessories").every((s) => this.occasionFit(s.item) > 0)
    if (this.constraints.occasions.length > 0 && bases.some(fits)) bases = bases.filter(fits)
    const picked = this.pickBases(bases, count)
    const used = new Map<string, number>()
    const outfits = picked.map((base) => {
      const items = finishLooks ? this.finish(base, pool, used) : base.items.map((s) => s.item)
      return { title: outfitTitle(items, this.constraints), rationale: outfitRationale(items, this.constraints), items, total_minor: outfitTotal(items), currency: this.constraints.currency }
    })
    if (outfits.length > 0) {
      if (this.constraints.occasions.length > 0 && outfits.every((o) => o.items.every((item) => this.occasionFit(item) === 0))) unmet.add("occasion")
      if (this.constraints.colors_wanted.length > 0 && !outfits.some((o) => o.items.some((item) => this.wantsColour(item)))) unmet.add("colours")
    }
    return { outfits, unmet }
  }

  /** The cheapest complete look, extras left off: what a budget would have to stretch to. */
  cheapest(): Outfit | null {
    const pool = this.colourways()
    const templates = templatesFor(this.constraints)
    let best: { items: StylistItem[]; total: number } | null = null
    for (const template of templates) {
      const items: StylistItem[] = []
      for (const role of template.required) {
        const cheapest = pool.filter((item) => item.role === role && !items.some((i) => i.product_id === item.product_id)).sort((a, b) => a.price_minor! - b.price_minor! || b.popularity - a.popularity || a.variant_id.localeCompare(b.variant_id))[0]
        if (!cheapest) break
        items.push(cheapest)
      }
      if (items.length !== template.required.length) continue
      const total = outfitTotal(items)
      if (!best || total < best.total) best = { items, total }
    }
    return best ? { title: outfitTitle(best.items, this.constraints), rationale: outfitRationale(best.items, this.constraints), items: best.items, total_minor: best.total, currency: this.constraints.currency } : null
  }
}

function key(base: Base): string {
  return base.items.map((s) => s.item.variant_id).join("+")
}

function carries(index: StylistIndex, size: string, kind: "letter" | "shoe"): boolean {
  return (index.bySize.get(size) ?? []).some((item) => item.size_kind === kind)
}

/** The carried size of this kind nearest hers, in stock somewhere ("43" → "41"); the smaller on a tie. */
function nearestCarried(index: StylistIndex, size: string, kind: "letter" | "shoe"): string | null {
  const target = sizePosition(size)
  if (target === null) return null
  const carried = [...new Set(index.items.filter((item) => item.size_kind === kind && item.in_stock).map((item) => item.size))]
  const scored = carried.map((s) => ({ s, d: Math.abs((sizePosition(s) ?? Infinity) - target), p: sizePosition(s) ?? 0 })).sort((a, b) => a.d - b.d || a.p - b.p)
  return scored[0]?.s ?? null
}

/** Up to `count` outfits for her request, or an honest account of why none fit and what comes nearest. */
export function composeOutfits(constraints: ShopperConstraints, index: StylistIndex, options: ComposeOptions = {}): Composition {
  const count = Math.max(1, Math.min(options.count ?? 3, 6))
  const composer = (c: ShopperConstraints, preferred: string | null = null) => new Composer(index, c, { seed: options.seed, avoid_products: options.avoid_products, preferred_size: preferred })
  // A budget in another currency was set aside unread: until she restates it, looks stay to their
  // essential pieces rather than being finished with accessories as if money were no object.
  const budgetUnread = constraints.budget_minor === null && constraints.notes.some((n) => n.code === "foreign_currency_budget")
  const first = composer(constraints).compose(count, !budgetUnread)
  if (first.outfits.length > 0) return { kind: "ok", outfits: first.outfits, alternatives: [], unmet: [...first.unmet] }

  const alternatives: Alternative[] = []
  const currency = constraints.currency
  const budget = constraints.budget_minor
  const sizeNotCarried = (constraints.size !== null && !carries(index, constraints.size, "letter")) || (constraints.shoe_size !== null && !carries(index, constraints.shoe_size, "shoe") && constraints.categories_wanted.some((w) => w.role === "shoes"))
  const shoeSize = constraints.shoe_size === null ? null : carries(index, constraints.shoe_size, "shoe") ? constraints.shoe_size : nearestCarried(index, constraints.shoe_size, "shoe")
  const withoutSize = { ...constraints, size: null, shoe_size: shoeSize }

  if (sizeNotCarried) {
    const nearest = composer(withoutSize, constraints.size).compose(Math.min(count, 2))
    if (nearest.outfits.length > 0) alternatives.push({ label: `The nearest sizes we carry (your size ${constraints.size ?? `EU ${constraints.shoe_size}`} isn't made here)`, relaxed: "size", outfits: nearest.outfits, items: [] })
    const oneSize = index.items.filter((item) => item.size_kind === "one" && itemProblem(item, constraints) === null)
    const pieces = pickDistinct(oneSize, 3)
    if (pieces.length > 0) alternatives.push({ label: "One-size pieces that fit everyone", relaxed: null, outfits: [], items: pieces })
    return { kind: "size_not_carried", outfits: [], alternatives, unmet: [] }
  }

  if (budget !== null) {
    const unbounded = { ...constraints, budget_minor: null }
    const cheapest = composer(unbounded).cheapest()
    if (cheapest) {
      const over = cheapest.total_minor - budget
      alternatives.push({ label: `The least expensive complete look here, ${formatMoney(cheapest.total_minor, currency)} (${formatMoney(over, currency)} over your budget)`, relaxed: "budget", outfits: [cheapest], items: [] })
      const within = index.items.filter((item) => itemProblem(item, constraints) === null).sort((a, b) => b.price_minor! - a.price_minor! || b.popularity - a.popularity || a.variant_id.localeCompare(b.variant_id))
      const pieces = pickDistinct(within, 3)
      if (pieces.length > 0) alternatives.push({ label: `Single pieces within ${formatMoney(budget, currency)}`, relaxed: null, outfits: [], items: pieces })
      return { kind: "budget_below_cheapest", outfits: [], alternatives, unmet: [] }
    }
  }

  if (constraints.size !== null || constraints.shoe_size !== null) {
    const otherSizes = composer({ ...constraints, size: null, shoe_size: null }, constraints.size).compose(Math.min(count, 2))
    if (otherSizes.outfits.length > 0) {
      alternatives.push({ label: `In stock in other sizes (your size ${constraints.size ?? `EU ${constraints.shoe_size}`} is sold out in these)`, relaxed: "size", outfits: otherSizes.outfits, items: [] })
      return { kind: "size_sold_out", outfits: [], alternatives, unmet: [] }
    }
  }

  if (constraints.categories_wanted.length > 0) {
    const anyPieces = composer({ ...constraints, categories_wanted: [] }).compose(Math.min(count, 2))
    if (anyPieces.outfits.length > 0) alternatives.push({ label: `Other complete looks (nothing here matches the pieces you asked for)`, relaxed: "pieces", outfits: anyPieces.outfits, items: [] })
  }
  return { kind: "nothing_matches", outfits: [], alternatives, unmet: [] }
}

/** What makes a look itself: its garments, or for a look of accessories alone, all of them. */
function leadPieces(base: Base): Scored[] {
  const garments = base.items.filter((s) => BASE_ROLES.includes(s.item.role))
  return garments.length > 0 ? garments : base.items
}

/** Up to n items from different products, in the order given. */
function pickDistinct(items: StylistItem[], n: number): StylistItem[] {
  const out: StylistItem[] = []
  for (const item of items) {
    if (out.length >= n) break
    if (!out.some((o) => o.product_id === item.product_id)) out.push(item)
  }
  return out
}
