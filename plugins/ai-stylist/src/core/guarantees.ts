/**
 * The checks every answer goes through before a shopper sees it, whichever engine
 * wrote it: each item is resolved again from the index (nothing the engine says about
 * an item is trusted), must be published, priced in the region's currency, in stock,
 * in her size, clear of her exclusions and not repeated; then each outfit must be
 * complete and within her budget. Offending items are dropped, with the reason.
 */
import { StylistIndex, StylistItem } from "./catalog"
import { ShopperConstraints } from "./constraints"
import { DropReason, itemProblem } from "./eligibility"
import { isCompleteOutfit, isOptionalIn, rolesClash } from "./outfit-templates"
import { outfitRationale, outfitTitle } from "./outfit-words"
import { namesOtherProducts } from "./product-names"

export type ProposedItem = { variant_id: string; product_id?: string | null }
export type ProposedOutfit = { title?: string | null; rationale?: string | null; items: ProposedItem[] }

export type Outfit = {
  title: string
  rationale: string
  items: StylistItem[]
  total_minor: number
  currency: string
}

export type DroppedItem = {
  item: ProposedItem & { title?: string }
  /** The position of the outfit in what was proposed. */
  outfit: number
  reason: DropReason
  detail: string
}

export type GuaranteedAnswer = { outfits: Outfit[]; dropped: DroppedItem[] }

export const outfitTotal = (items: StylistItem[]) => items.reduce((sum, item) => sum + (item.price_minor ?? 0), 0)

export function enforceGuarantees(proposed: ProposedOutfit[], constraints: ShopperConstraints, index: StylistIndex): GuaranteedAnswer {
  const outfits: Outfit[] = []
  const dropped: DroppedItem[] = []
  const seenOutfits = new Set<string>()

  proposed.forEach((outfit, position) => {
    const drop = (item: ProposedItem & { title?: string }, reason: DropReason, detail: string) => dropped.push({ item: { variant_id: item.variant_id, product_id: item.product_id ?? null, ...(item.title ? { title: item.title } : {}) }, outfit: position, reason, detail })
    const kept: StylistItem[] = []
    let changed = false
    for (const proposedItem of outfit.items ?? []) {
      const item = proposedItem && typeof proposedItem.variant_id === "string" ? index.byVariant.get(proposedItem.variant_id) : undefined
      if (!item) {
        drop(proposedItem ?? { variant_id: String(proposedItem) }, "unknown_variant", `no variant ${proposedItem?.variant_id} in this catalogue`)
        changed = true
        continue
      }
      const described = { ...proposedItem, title: item.title }
      if (proposedItem.product_id && proposedItem.product_id !== item.product_id) {
        drop(described, "product_mismatch", `${item.variant_id} belongs to ${item.product_id}, not ${proposedItem.product_id}`)
        changed = true
        continue
      }
      const problem = itemProblem(item, constraints)
      if (problem) {
        drop(described, problem.reason, problem.detail)
        changed = true
        continue
      }
      if (kept.some((k) => k.product_id === item.product_id)) {
        drop(described, "duplicate", `${item.title} is already in this outfit`)
        changed = true
        continue
      }
      if (rolesClash(kept.map((k) => k.role), item.role)) {
        drop(described, "role_clash", `${item.title} cannot be worn with what the outfit already has`)
        changed = true
        continue
      }
      kept.push(item)
    }

    // Over budget: give up the priciest optional piece until it fits, or the outfit.
    if (constraints.budget_minor !== null) {
      while (outfitTotal(kept) > constraints.budget_minor) {
        const optional = kept.filter((item) => isOptionalIn(item, kept, constraints)).sort((a, b) => b.price_minor! - a.price_minor! || a.variant_id.localeCompare(b.variant_id))
        if (optional.length === 0) break
        kept.splice(kept.indexOf(optional[0]), 1)
        drop(optional[0], "over_budget", `${optional[0].title} took the outfit over the budget`)
        changed = true
      }
      if (outfitTotal(kept) > constraints.budget_minor) {
        for (const item of kept) drop(item, "over_budget", `the outfit costs more than the budget even without extras`)
        return
      }
    }
    if (kept.length === 0) return
    if (!isCompleteOutfit(kept, constraints)) {
      for (const item of kept) drop(item, "outfit_incomplete", "what is left is not a complete outfit")
      return
    }
    const key = kept.map((item) => item.variant_id).sort().join("+")
    if (seenOutfits.has(key)) {
      for (const item of kept) drop(item, "duplicate", "the same outfit was already proposed")
      return
    }
    seenOutfits.add(key)

    // The words must not name a piece that is not in the outfit (one may have been dropped).
    const ownTitles = kept.map((item) => item.title)
    const title = outfit.title && namesOtherProducts(outfit.title, ownTitles, index.productTitles).length === 0 && !changed ? outfit.title : outfitTitle(kept, constraints)
    const rationale = outfit.rationale && !changed && namesOtherProducts(outfit.rationale, ownTitles, index.productTitles).length === 0 ? outfit.rationale : outfitRationale(kept, constraints)
    outfits.push({ title, rationale, items: kept, total_minor: outfitTotal(kept), currency: constraints.currency })
  })
  return { outfits, dropped }
}
