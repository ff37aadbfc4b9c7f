/**
 * Parcel weight for Shiprocket (kg, > 0) from variant weights in grams, and the weight
 * band used both to ask for rates and to cache them: couriers charge per 0.5 kg slab,
 * so every weight in a band has the same price.
 */

export const DEFAULT_ITEM_GRAMS = 500
export const DEFAULT_SLAB_KG = 0.5

export type WeighedItem = { grams?: number | null; quantity: number }

/**
 * Total weight in kg (3 decimals, rounded up to the gram). Items without a usable weight
 * (missing, 0, negative, not a number) count as `defaultGrams`; `packagingGrams` is added once.
 */
export function shipmentWeightKg(
  items: readonly WeighedItem[],
  { defaultGrams = DEFAULT_ITEM_GRAMS, packagingGrams = 0 }: { defaultGrams?: number; packagingGrams?: number } = {}
): number {
  if (!(defaultGrams > 0)) throw new RangeError(`defaultGrams must be > 0, got ${defaultGrams}`)
  let grams = Math.max(0, packagingGrams || 0)
  for (const item of items) {
    const qty = Number.isFinite(item.quantity) && item.quantity > 0 ? item.quantity : 0
    const g = typeof item.grams === "number" && Number.isFinite(item.grams) && item.grams > 0 ? item.grams : defaultGrams
    grams += g * qty
  }
  if (grams <= 0) grams = defaultGrams
  return Math.ceil(grams) / 1000
}

/** 0.3 -> 0.5, 0.5 -> 0.5, 0.51 -> 1, 1.7 -> 2 (never below one slab). */
export function weightBandKg(kg: number, slabKg: number = DEFAULT_SLAB_KG): number {
  if (!(kg > 0) || !Number.isFinite(kg)) throw new RangeError(`weight must be > 0 kg, got ${kg}`)
  if (!(slabKg > 0)) throw new RangeError(`slab must be > 0 kg, got ${slabKg}`)
  // Work in grams to dodge float error (0.1 + 0.2 style) at band edges.
  const slabG = Math.round(slabKg * 1000)
  const g = Math.round(kg * 1000)
  return (Math.max(1, Math.ceil(g / slabG)) * slabG) / 1000
}

/** The key under which a serviceability answer is cached: (pickup, delivery, weight band, cod). */
export function rateCacheKey({
  pickupPincode,
  deliveryPincode,
  weightKg,
  cod,
  slabKg = DEFAULT_SLAB_KG,
}: {
  pickupPincode: string
  deliveryPincode: string
  weightKg: number
  cod: boolean
  slabKg?: number
}): string {
  return `sr:rates:${pickupPincode}:${deliveryPincode}:${weightBandKg(weightKg, slabKg).toFixed(3)}:${cod ? 1 : 0}`
}
