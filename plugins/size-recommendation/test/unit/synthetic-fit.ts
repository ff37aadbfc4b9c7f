import { EMPTY_BODY, FitLabel, FitObservation } from "../../src/core"

/** A small deterministic store: shoppers whose true size follows their weight, items that run small, true or large. */
export function syntheticReviews(count: number, seed = 42) {
  let state = seed
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)
  const shoppers = Array.from({ length: 300 }, (_, i) => {
    const weight = 45 + random() * 50
    return { id: `cus_${i}`, weight, height: 150 + random() * 25, trueSize: Math.min(6, Math.max(1, Math.round(1 + (weight - 45) / 10))) }
  })
  // Item offset: how many sizes up a shopper needs (1 = runs small).
  const items = Array.from({ length: 40 }, (_, i) => ({ id: `prod_${i}`, offset: [-1, 0, 0, 1][i % 4] }))
  const rows: FitObservation[] = []
  for (let i = 0; i < count; i++) {
    const shopper = shoppers[Math.floor(random() * shoppers.length)]
    const item = items[Math.floor(random() * items.length)]
    const chosen = Math.min(6, Math.max(1, shopper.trueSize + Math.round((random() - 0.5) * 2.4)))
    const needed = shopper.trueSize + item.offset
    const fit: FitLabel = chosen < needed ? "small" : chosen > needed ? "large" : "fit"
    rows.push({
      user: shopper.id,
      item: item.id,
      size: chosen,
      category: "dresses",
      body: { ...EMPTY_BODY, weight_kg: shopper.weight, height_cm: shopper.height },
      fit,
      at: Date.UTC(2026, 0, 1) + i * 3_600_000,
      trust: 1,
    })
  }
  return { rows, shoppers, items }
}
