/**
 * A product's rating summary from its published reviews: the average (one decimal), how
 * many gave each star, and how the fit felt, overall and per size. It is computed from
 * counts grouped by (rating, fit, size), so the database sends a few rows, not every review.
 */
import type { Fit } from "./review"
import { FITS } from "./review"
import { orderSizes } from "./size"

export type ReviewGroup = { rating: number; fit: Fit | null; size: string | null; count: number }

export type FitCounts = Record<Fit, number>

export type SizeFit = { size: string } & FitCounts & { count: number }

export type ReviewSummary = {
  average_rating: number | null
  count: number
  ratings: Record<"1" | "2" | "3" | "4" | "5", number>
  fit: FitCounts
  /** Sizes that have fit feedback, in the product's size order; `count` is that size's fit answers. */
  fit_by_size: SizeFit[]
}

const noFit = (): FitCounts => ({ runs_small: 0, true_to_size: 0, runs_large: 0 })

export function summarize(groups: ReviewGroup[], productSizeOrder: string[] = []): ReviewSummary {
  const ratings: ReviewSummary["ratings"] = { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 }
  const fit = noFit()
  const bySize = new Map<string, SizeFit>()
  let count = 0
  let total = 0
  for (const g of groups) {
    const n = Number(g.count)
    if (!Number.isInteger(g.rating) || g.rating < 1 || g.rating > 5 || !(n > 0)) continue
    count += n
    total += g.rating * n
    ratings[String(g.rating) as keyof ReviewSummary["ratings"]] += n
    if (!g.fit || !FITS.includes(g.fit)) continue
    fit[g.fit] += n
    if (!g.size) continue
    // One row per size, whatever case or spaces the reviews' size values had.
    const sizeKey = g.size.trim().toUpperCase()
    const row = bySize.get(sizeKey) ?? { size: g.size.trim(), ...noFit(), count: 0 }
    row[g.fit] += n
    row.count += n
    bySize.set(sizeKey, row)
  }
  const rows = [...bySize.values()]
  const order = orderSizes(
    rows.map((r) => r.size),
    productSizeOrder
  )
  return {
    average_rating: count ? roundOneDecimal(total / count) : null,
    count,
    ratings,
    fit,
    fit_by_size: order.map((size) => rows.find((r) => r.size === size)!),
  }
}

/** 4.25 -> 4.3, 4.249 -> 4.2 (half up, without binary surprises such as 4.35 -> 4.3). */
export function roundOneDecimal(value: number): number {
  return Math.round(Number((value * 10).toPrecision(12))) / 10
}
