/**
 * What the store has seen so far, kept as running sums so a new review or order
 * updates it in constant time: class counts per item, per item size and per shopper;
 * how each item's sizes run compared with what shoppers' bodies predict; each
 * shopper's true size and the sizes she buys.
 */
import { FitLabel, FitObservation } from "./types"

/** Weighted counts per class, their weighted total and how many reviews made them. */
export type ClassCounts = { small: number; fit: number; large: number; total: number; reviews: number }
export type Mean = { sum: number; weight: number }
export type ShopperHistory = { counts: ClassCounts; trueSize: Mean; bought: Mean }

export const emptyCounts = (): ClassCounts => ({ small: 0, fit: 0, large: 0, total: 0, reviews: 0 })
const emptyMean = (): Mean => ({ sum: 0, weight: 0 })

export function addToCounts(counts: ClassCounts, fit: FitLabel, weight: number): void {
  counts[fit] += weight
  counts.total += weight
  counts.reviews += 1
}

export class FitHistory {
  readonly overall = emptyCounts()
  readonly categories = new Map<string, ClassCounts>()
  readonly items = new Map<string, ClassCounts>()
  readonly itemBodyTypes = new Map<string, ClassCounts>()
  readonly itemSizes = new Map<string, ClassCounts>()
  /** Per item: the right size minus her size apart from the item (size units). */
  readonly itemOffsets = new Map<string, Mean>()
  readonly categoryOffsets = new Map<string, Mean>()
  /** Per item: the mean size bought, from every order, reviewed or not. */
  readonly itemBought = new Map<string, Mean>()
  readonly categoryBought = new Map<string, Mean>()
  readonly shoppers = new Map<string, ShopperHistory>()

  static itemSizeKey(item: string, size: number | string): string {
    return `${item}\u0000${size}`
  }

  shopper(user: string): ShopperHistory {
    let history = this.shoppers.get(user)
    if (!history) {
      history = { counts: emptyCounts(), trueSize: emptyMean(), bought: emptyMean() }
      this.shoppers.set(user, history)
    }
    return history
  }

  /**
   * rightSize: the size that would have fitted (the worn size moved a step towards the
   * complaint); herSize: her size apart from this item (her history, else her body), when known.
   */
  record(row: FitObservation, weight: number, rightSize: number | null, herSize: number | null, itemOffset: number): void {
    const shopper = row.user === null ? null : this.shopper(row.user)
    const itemBought = getOrCreate(this.itemBought, row.item, emptyMean)
    itemBought.sum += row.size
    itemBought.weight += 1
    if (row.category !== null) {
      const categoryBought = getOrCreate(this.categoryBought, row.category, emptyMean)
      categoryBought.sum += row.size
      categoryBought.weight += 1
    }
    if (shopper) {
      shopper.bought.sum += row.size
      shopper.bought.weight += 1
    }
    if (row.fit === null || rightSize === null) return
    addToCounts(this.overall, row.fit, weight)
    if (row.category !== null) addToCounts(getOrCreate(this.categories, row.category, emptyCounts), row.fit, weight)
    addToCounts(getOrCreate(this.items, row.item, emptyCounts), row.fit, weight)
    if (row.body.body_type !== null) addToCounts(getOrCreate(this.itemBodyTypes, FitHistory.itemSizeKey(row.item, row.body.body_type), emptyCounts), row.fit, weight)
    addToCounts(getOrCreate(this.itemSizes, FitHistory.itemSizeKey(row.item, row.size), emptyCounts), row.fit, weight)
    if (herSize !== null) {
      const offset = getOrCreate(this.itemOffsets, row.item, emptyMean)
      offset.sum += weight * (rightSize - herSize)
      offset.weight += weight
      if (row.category !== null) {
        const categoryOffset = getOrCreate(this.categoryOffsets, row.category, emptyMean)
        categoryOffset.sum += weight * (rightSize - herSize)
        categoryOffset.weight += weight
      }
    }
    if (shopper) {
      addToCounts(shopper.counts, row.fit, weight)
      // Her true size is independent of the item: remove how the item runs.
      shopper.trueSize.sum += weight * (rightSize - itemOffset)
      shopper.trueSize.weight += weight
    }
  }
}

function getOrCreate<V>(map: Map<string, V>, key: string, create: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = create()
    map.set(key, value)
  }
  return value
}

/** Counts pulled towards a prior share by `strength` pseudo-observations. */
export function smoothedShares(counts: ClassCounts | undefined, prior: { small: number; fit: number; large: number }, strength: number) {
  const c = counts ?? emptyCounts()
  const total = c.total + strength
  return {
    small: (c.small + strength * prior.small) / total,
    fit: (c.fit + strength * prior.fit) / total,
    large: (c.large + strength * prior.large) / total,
  }
}

/** A mean pulled towards `prior` by `strength` pseudo-observations. */
export function shrunkMean(mean: Mean | undefined, prior: number, strength: number): number {
  if (!mean) return prior
  return (mean.sum + strength * prior) / (mean.weight + strength)
}
