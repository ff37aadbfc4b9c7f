/**
 * The stylist's answer as the Store API returns it, whichever engine wrote it. Prices are
 * in major units of the region's currency, the unit the shopper states her budget in, so
 * `total <= budget` can be read straight off the answer.
 */
import { StylistItem } from "./catalog"
import { Outfit } from "./guarantees"
import { toMajor } from "./money"
import { Alternative } from "./offline-engine"

export type Engine = "openai" | "offline"

export type AnswerItem = {
  product_id: string
  variant_id: string
  handle: string
  title: string
  category: string
  size: string
  color: string
  unit_price: number
  currency: string
  thumbnail: string | null
}

export type AnswerOutfit = { title: string; rationale: string; items: AnswerItem[]; total: number; currency: string }

export type AnswerAlternative = { label: string; outfits: AnswerOutfit[]; items: AnswerItem[] }

export type ChatAnswer = {
  session_id: string
  engine: Engine
  reply: string
  outfits: AnswerOutfit[]
  follow_ups: string[]
  /** Real pieces that miss one stated wish (labelled with which), offered when nothing meets them all. */
  alternatives: AnswerAlternative[]
  /** How the request was read where it needed interpreting ("I read 2k as a maximum of ₹2,000"). */
  notes: string[]
}

export function answerItem(item: StylistItem): AnswerItem {
  return {
    product_id: item.product_id,
    variant_id: item.variant_id,
    handle: item.handle,
    title: item.title,
    category: item.category,
    size: item.size,
    color: item.color.name,
    unit_price: toMajor(item.price_minor ?? 0, item.currency),
    currency: item.currency,
    thumbnail: item.thumbnail,
  }
}

export function answerOutfit(outfit: Outfit): AnswerOutfit {
  return {
    title: outfit.title,
    rationale: outfit.rationale,
    items: outfit.items.map(answerItem),
    total: toMajor(outfit.total_minor, outfit.currency),
    currency: outfit.currency,
  }
}

export function answerAlternative(alternative: Alternative): AnswerAlternative {
  return { label: alternative.label, outfits: alternative.outfits.map(answerOutfit), items: alternative.items.map(answerItem) }
}

/** The products an answer showed: what "show me more" must not repeat. */
export function productsShown(outfits: { items: { product_id: string }[] }[]): string[] {
  return [...new Set(outfits.flatMap((outfit) => outfit.items.map((item) => item.product_id)))]
}
