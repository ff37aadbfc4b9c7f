/**
 * "Complete the look" on a product page: outfits built around the piece she is looking
 * at, finished with what goes with it (a bottom for a top, shoes, a bag, earrings),
 * every added piece eligible under the same rule as the chat's and in stock now.
 */
import { ACCESSORY_ROLES, Role, StylistIndex, StylistItem, sizePosition } from "./catalog"
import { outfitHarmony } from "./colour-harmony"
import { ShopperConstraints } from "./constraints"
import { itemProblem } from "./eligibility"
import { Outfit, outfitTotal } from "./guarantees"
import { isCompleteOutfit } from "./outfit-templates"
import { outfitRationale, outfitTitle } from "./outfit-words"

/** What a piece needs beside it to be an outfit, by its role; accessories need a garment base. */
const NEEDS: Record<Role, Role[][]> = {
  dress: [[]],
  coord: [[]],
  top: [["bottom"]],
  bottom: [["top"]],
  shoes: [["dress"], ["top", "bottom"]],
  bag: [["dress"], ["top", "bottom"]],
  jewellery: [["dress"], ["top", "bottom"]],
}

type Candidate = { item: StylistItem; score: number }

/** The variant of each product and colour that suits her: her size, else the anchor's, else the nearest to M / EU 38. */
function onePerProductColour(items: StylistItem[], size: string | null): StylistItem[] {
  const best = new Map<string, StylistItem>()
  const distance = (item: StylistItem) => {
    const target = item.size_kind === "shoe" ? 38 : sizePosition(size ?? "M") ?? 3
    const position = sizePosition(item.size)
    return item.size === size ? -1 : position === null ? 99 : Math.abs(position - target)
  }
  for (const item of items) {
    const key = `${item.product_id}|${item.color.name}`
    const current = best.get(key)
    if (!current || distance(item) < distance(current)) best.set(key, item)
  }
  return [...best.values()]
}

function ranked(anchor: StylistItem, role: Role, index: StylistIndex, constraints: ShopperConstraints): Candidate[] {
  const pool = (index.byRole.get(role) ?? []).filter((item) => item.product_id !== anchor.product_id && itemProblem(item, constraints) === null)
  const sharesOccasion = (item: StylistItem) => (anchor.occasions.some((o) => item.occasions.includes(o)) ? 1 : 0)
  return onePerProductColour(pool, constraints.size ?? (anchor.size_kind === "letter" ? anchor.size : null))
    .map((item) => ({ item, score: outfitHarmony([anchor.color, item.color]) + 0.6 * sharesOccasion(item) + 0.05 * Math.log1p(item.popularity) }))
    .sort((a, b) => b.score - a.score || a.item.variant_id.localeCompare(b.item.variant_id))
}

/**
 * Up to `count` outfits around `anchor` (which must itself be eligible), each with
 * different added pieces where the catalogue allows, within the budget when one is given.
 */
export function completeTheLook(anchor: StylistItem, index: StylistIndex, constraints: ShopperConstraints, options: { count?: number } = {}): Outfit[] {
  if (itemProblem(anchor, constraints) !== null) return []
  const count = Math.max(1, Math.min(options.count ?? 2, 4))
  const lookOccasions = { ...constraints, occasions: constraints.occasions.length > 0 ? constraints.occasions : anchor.occasions }
  const byRole = new Map<Role, Candidate[]>()
  const candidates = (role: Role) => {
    if (!byRole.has(role)) byRole.set(role, ranked(anchor, role, index, constraints))
    return byRole.get(role)!
  }
  const budget = constraints.budget_minor
  const fits = (items: StylistItem[], next: StylistItem) => budget === null || outfitTotal([...items, next]) <= budget
  const outfits: Outfit[] = []
  const used = new Set<string>()

  for (let n = 0; n < count; n++) {
    for (const needs of NEEDS[anchor.role]) {
      const items: StylistItem[] = [anchor]
      const pick = (role: Role) => {
        const choice = candidates(role).find((c) => !used.has(c.item.product_id) && fits(items, c.item)) ?? candidates(role).find((c) => fits(items, c.item) && !items.some((i) => i.product_id === c.item.product_id))
        if (choice) items.push(choice.item)
        return Boolean(choice)
      }
      if (!needs.every(pick)) continue
      for (const role of ACCESSORY_ROLES) if (!items.some((i) => i.role === role)) pick(role)
      if (!isCompleteOutfit(items, { categories_wanted: [] })) continue
      const key = items.map((i) => i.variant_id).sort().join("|")
      if (outfits.some((o) => o.items.map((i) => i.variant_id).sort().join("|") === key)) continue
      items.slice(1).forEach((item) => used.add(item.product_id))
      outfits.push({ title: outfitTitle(items, lookOccasions), rationale: outfitRationale(items, lookOccasions), items, total_minor: outfitTotal(items), currency: index.currency })
      break
    }
  }
  return outfits
}
