/**
 * A shopper's body measurements as the store keeps them (cm, kg): which values are
 * plausible, and how a partial update is read. Pure; unit tested.
 */
import { Problem, Result } from "@fashion/plugin-kit/result"

export const BODY_TYPES = ["hourglass", "pear", "apple", "rectangle", "inverted_triangle", "athletic", "petite", "full_bust"] as const
export const FITS = ["snug", "regular", "relaxed"] as const

export type BodyType = (typeof BODY_TYPES)[number]
export type PreferredFit = (typeof FITS)[number]

export type MeasurementValues = {
  bust_cm: number | null
  waist_cm: number | null
  hips_cm: number | null
  height_cm: number | null
  weight_kg: number | null
  bra_size: string | null
  body_type: BodyType | null
  preferred_fit: PreferredFit | null
}

export type MeasurementsPatch = Partial<MeasurementValues>

export const NUMERIC_FIELDS = {
  bust_cm: { min: 40, max: 200, unit: "cm" },
  waist_cm: { min: 40, max: 200, unit: "cm" },
  hips_cm: { min: 40, max: 200, unit: "cm" },
  height_cm: { min: 120, max: 220, unit: "cm" },
  weight_kg: { min: 30, max: 250, unit: "kg" },
} as const

export const MEASUREMENT_FIELDS = [...Object.keys(NUMERIC_FIELDS), "bra_size", "body_type", "preferred_fit"] as (keyof MeasurementValues)[]

/** Band 28-48 and a UK/US/Indian cup: AA, A-H, DD, DDD, FF, GG. */
export const BRA_SIZE = /^(2[89]|3[0-9]|4[0-8])(AA|DDD|DD|FF|GG|[A-H])$/

/** "34 b" -> "34B"; null when it is not a bra size. */
export function normalizeBraSize(raw: string): string | null {
  const compact = raw.replace(/\s+/g, "").toUpperCase()
  return BRA_SIZE.test(compact) ? compact : null
}

function readNumber(value: unknown): number | null | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined
  if (typeof value === "string" && /^\s*\d+([.,]\d+)?\s*$/.test(value)) return Number(value.trim().replace(",", "."))
  return undefined
}

/**
 * Reads a partial update: fields left out keep their value, null clears one. Every bad or
 * unknown field is reported, by name. `updated_at` is ignored (it is what GET returned).
 */
export function validateMeasurementsPatch(body: unknown): Result<MeasurementsPatch> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, problems: [{ field: "body", message: "must be an object of measurements" }] }
  }
  const input = body as Record<string, unknown>
  const has = (field: string) => Object.prototype.hasOwnProperty.call(input, field)
  const problems: Problem[] = []
  const value: MeasurementsPatch = {}

  for (const [field, range] of Object.entries(NUMERIC_FIELDS) as [keyof typeof NUMERIC_FIELDS, (typeof NUMERIC_FIELDS)[keyof typeof NUMERIC_FIELDS]][]) {
    if (!has(field)) continue
    const raw = input[field]
    if (raw === null || raw === "") {
      value[field] = null
      continue
    }
    const n = readNumber(raw)
    if (n === undefined || n === null) problems.push({ field, message: `must be a number of ${range.unit}` })
    else if (n < range.min || n > range.max) problems.push({ field, message: `must be between ${range.min} and ${range.max} ${range.unit}` })
    else value[field] = Math.round(n * 10) / 10
  }

  if (has("bra_size")) {
    const raw = input.bra_size
    if (raw === null || raw === "") value.bra_size = null
    else {
      const size = typeof raw === "string" ? normalizeBraSize(raw) : null
      if (size) value.bra_size = size
      else problems.push({ field: "bra_size", message: "must be a band and cup such as 34B (bands 28-48, cups AA-H)" })
    }
  }
  if (has("body_type")) {
    const raw = input.body_type
    if (raw === null || raw === "") value.body_type = null
    else if (typeof raw === "string" && (BODY_TYPES as readonly string[]).includes(raw)) value.body_type = raw as BodyType
    else problems.push({ field: "body_type", message: `must be one of ${BODY_TYPES.join(", ")}` })
  }
  if (has("preferred_fit")) {
    const raw = input.preferred_fit
    if (raw === null || raw === "") value.preferred_fit = null
    else if (typeof raw === "string" && (FITS as readonly string[]).includes(raw)) value.preferred_fit = raw as PreferredFit
    else problems.push({ field: "preferred_fit", message: `must be one of ${FITS.join(", ")}` })
  }
  for (const key of Object.keys(input)) {
    if (key !== "updated_at" && !(MEASUREMENT_FIELDS as string[]).includes(key)) problems.push({ field: key, message: "is not a known measurement" })
  }
  return problems.length ? { ok: false, problems } : { ok: true, value }
}
