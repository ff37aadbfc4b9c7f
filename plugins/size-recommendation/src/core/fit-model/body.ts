/**
 * A shopper's body as numbers for the size regression: each fact with a "known" flag
 * (an unknown fact counts as the average shopper), and the body type as indicators.
 */
import { BodyFacts } from "./types"

const NUMERIC: (keyof BodyFacts)[] = ["height_cm", "weight_kg", "bust_cm", "waist_cm", "hips_cm", "band_in", "cup", "age"]
export const BODY_TYPE_NAMES = ["hourglass", "pear", "apple", "rectangle", "inverted_triangle", "athletic", "petite", "full_bust"]

/** Column 0 is the intercept; then value and known flag per numeric fact; then body types. */
export const BODY_VECTOR_LENGTH = 1 + NUMERIC.length * 2 + BODY_TYPE_NAMES.length

export type BodyCentre = Record<string, number>

/** The mean of each numeric fact over the bodies that have it. */
export function bodyCentre(bodies: BodyFacts[]): BodyCentre {
  const centre: BodyCentre = {}
  for (const key of NUMERIC) {
    let sum = 0
    let count = 0
    for (const body of bodies) {
      const value = body[key]
      if (typeof value === "number") {
        sum += value
        count++
      }
    }
    centre[key] = count ? sum / count : 0
  }
  return centre
}

export function hasBodyFacts(body: BodyFacts): boolean {
  return NUMERIC.some((key) => typeof body[key] === "number") || body.body_type !== null
}

export function bodyVector(body: BodyFacts, centre: BodyCentre): Float64Array {
  const x = new Float64Array(BODY_VECTOR_LENGTH)
  x[0] = 1
  NUMERIC.forEach((key, i) => {
    const value = body[key]
    if (typeof value === "number") {
      x[1 + 2 * i] = value - centre[key]
      x[2 + 2 * i] = 1
    }
  })
  const type = body.body_type ? BODY_TYPE_NAMES.indexOf(body.body_type) : -1
  if (type >= 0) x[1 + NUMERIC.length * 2 + type] = 1
  return x
}

/** coefficients · bodyVector(body), without building the vector (it runs for every review and every advice). */
export function bodyDot(body: BodyFacts, centre: BodyCentre, coefficients: Float64Array): number {
  let sum = coefficients[0]
  for (let i = 0; i < NUMERIC.length; i++) {
    const value = body[NUMERIC[i]]
    if (typeof value === "number") sum += coefficients[1 + 2 * i] * (value - centre[NUMERIC[i]]) + coefficients[2 + 2 * i]
  }
  const type = body.body_type ? BODY_TYPE_NAMES.indexOf(body.body_type) : -1
  if (type >= 0) sum += coefficients[1 + NUMERIC.length * 2 + type]
  return sum
}
