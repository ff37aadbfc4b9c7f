/**
 * RentTheRunway fit rows (Misra, Wan, McAuley, RecSys 2018) as fit observations:
 * inches and pounds to centimetres and kilograms, "34d" to band and cup, their body
 * type names to ours. A test row's `fit` is never read unless asked for.
 */
import { BodyFacts, FitLabel, FitObservation } from "../core/fit-model"

export type RentTheRunwayRow = {
  id?: string
  fit?: string
  user_id: number | string
  item_id: number | string
  size: number
  category?: string | null
  weight_lbs?: number | null
  height_in?: number | null
  bust_size_num?: number | null
  bust_size_letter?: string | null
  body_type?: string | null
  age?: number | null
  review_date: string
}

const BODY_TYPES: Record<string, string> = {
  hourglass: "hourglass",
  pear: "pear",
  apple: "apple",
  athletic: "athletic",
  petite: "petite",
  "straight & narrow": "rectangle",
  "full bust": "full_bust",
}

/** A=1, B=2, C=3, D=4, DD (or D+) 5, DDD/E 6, F 7...: the letters RentTheRunway uses. */
export function cupNumber(letter: string | null | undefined): number | null {
  if (!letter) return null
  const cup = letter.toLowerCase().trim()
  const named: Record<string, number> = { aa: 0, a: 1, b: 2, c: 3, d: 4, "d+": 5, dd: 5, ddd: 6, "ddd/e": 6, e: 6, f: 7, g: 8, h: 9, i: 10, j: 11 }
  return named[cup] ?? null
}

const number = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null)

export function rentTheRunwayBody(row: RentTheRunwayRow): BodyFacts {
  const height = number(row.height_in)
  const weight = number(row.weight_lbs)
  return {
    height_cm: height === null ? null : height * 2.54,
    weight_kg: weight === null ? null : weight * 0.45359237,
    bust_cm: null,
    waist_cm: null,
    hips_cm: null,
    band_in: number(row.bust_size_num),
    cup: cupNumber(row.bust_size_letter),
    body_type: (row.body_type && BODY_TYPES[row.body_type]) || null,
    age: number(row.age),
  }
}

export function rentTheRunwayObservation(row: RentTheRunwayRow, withFit: boolean): FitObservation {
  let fit: FitLabel | null = null
  if (withFit) {
    if (row.fit !== "small" && row.fit !== "fit" && row.fit !== "large") throw new Error(`a training row has fit ${JSON.stringify(row.fit)}; expected small, fit or large`)
    fit = row.fit
  }
  return {
    user: String(row.user_id),
    item: String(row.item_id),
    size: row.size,
    category: row.category ?? null,
    body: rentTheRunwayBody(row),
    fit,
    at: Date.parse(row.review_date),
    trust: 1,
  }
}
