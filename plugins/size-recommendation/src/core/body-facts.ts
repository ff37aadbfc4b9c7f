/**
 * The store's measurements as the fit model's body facts: "34B" is band 34, cup 2.
 */
import { BodyFacts } from "./fit-model"
import { MeasurementValues } from "./measurements"

const CUPS: Record<string, number> = { AA: 0, A: 1, B: 2, C: 3, D: 4, DD: 5, E: 6, DDD: 6, F: 7, FF: 8, G: 9, GG: 10, H: 11 }

export function braBandAndCup(braSize: string | null): { band_in: number | null; cup: number | null } {
  const match = braSize ? /^(\d{2})([A-Z]+)$/.exec(braSize.toUpperCase()) : null
  if (!match) return { band_in: null, cup: null }
  return { band_in: Number(match[1]), cup: CUPS[match[2]] ?? null }
}

export function bodyFactsFromMeasurements(m: Partial<MeasurementValues> | null): BodyFacts {
  const { band_in, cup } = braBandAndCup(m?.bra_size ?? null)
  return {
    height_cm: m?.height_cm ?? null,
    weight_kg: m?.weight_kg ?? null,
    bust_cm: m?.bust_cm ?? null,
    waist_cm: m?.waist_cm ?? null,
    hips_cm: m?.hips_cm ?? null,
    band_in,
    cup,
    body_type: m?.body_type ?? null,
    age: null,
  }
}
