/**
 * Whether one variant may be shown to this shopper at all. The offline engine only
 * picks from items that pass, and the guarantees drop any item that does not, so
 * the two can never disagree about what is allowed.
 */
import { StylistItem } from "./catalog"
import { colourMatches } from "./colours"
import { Exclusion, ShopperConstraints } from "./constraints"
import { singular } from "./text"

export type DropReason =
  | "unknown_variant"
  | "product_mismatch"
  | "unpublished"
  | "not_priced_in_region"
  | "out_of_stock"
  | "wrong_size"
  | "excluded_color"
  | "excluded_category"
  | "excluded_pattern"
  | "excluded_feature"
  | "excluded_word"
  | "duplicate"
  | "role_clash"
  | "over_budget"
  | "outfit_incomplete"

export function exclusionMatches(exclusion: Exclusion, item: StylistItem): boolean {
  switch (exclusion.kind) {
    case "color":
      return colourMatches(exclusion.value, item.color)
    case "category":
      return item.role === exclusion.role && (exclusion.words === null || exclusion.words.some((word) => item.words.includes(word)))
    case "pattern":
      if (exclusion.value === "any-print") return item.pattern !== "solid"
      return item.pattern === exclusion.value || item.words.includes(exclusion.value)
    case "feature":
      return exclusion.features.some((feature) => item.features.includes(feature) || item.words.includes(singular(feature)))
    case "word":
      return item.words.includes(exclusion.value)
  }
}

const EXCLUSION_REASON: Record<Exclusion["kind"], DropReason> = {
  color: "excluded_color",
  category: "excluded_category",
  pattern: "excluded_pattern",
  feature: "excluded_feature",
  word: "excluded_word",
}

/** The first of her exclusions the item breaks, if any. */
export function excludedBy(item: StylistItem, avoid: Exclusion[]): Exclusion | null {
  return avoid.find((exclusion) => exclusionMatches(exclusion, item)) ?? null
}

/** Sized items must be in her size when she gave one; one-size pieces fit everyone. */
export function sizeFits(item: StylistItem, constraints: Pick<ShopperConstraints, "size" | "shoe_size">): boolean {
  if (item.size_kind === "letter") return constraints.size === null || item.size === constraints.size
  if (item.size_kind === "shoe") return constraints.shoe_size === null || item.size === constraints.shoe_size
  return true
}

export function isPricedIn(item: StylistItem, currency: string): boolean {
  return item.price_minor !== null && item.currency === currency.toLowerCase()
}

/** Why this item may not be shown (budget aside, which is about the whole outfit), or null. */
export function itemProblem(item: StylistItem, constraints: ShopperConstraints): { reason: DropReason; detail: string } | null {
  if (!item.published) return { reason: "unpublished", detail: `${item.title} is not published` }
  if (!isPricedIn(item, constraints.currency)) return { reason: "not_priced_in_region", detail: `${item.title} has no ${constraints.currency.toUpperCase()} price` }
  if (!item.in_stock) return { reason: "out_of_stock", detail: `${item.title} in ${item.size} / ${item.color.name} is out of stock` }
  if (!sizeFits(item, constraints)) return { reason: "wrong_size", detail: `${item.title} is size ${item.size}, not ${item.size_kind === "shoe" ? constraints.shoe_size : constraints.size}` }
  const exclusion = excludedBy(item, constraints.avoid)
  if (exclusion) return { reason: EXCLUSION_REASON[exclusion.kind], detail: `${item.title} (${item.color.name}) is excluded by "${exclusion.said}"` }
  if (constraints.budget_minor !== null && item.price_minor! > constraints.budget_minor) {
    return { reason: "over_budget", detail: `${item.title} alone costs more than the budget` }
  }
  return null
}
