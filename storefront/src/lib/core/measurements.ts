/**
 * Body measurements as the shopper types them (cm/kg or in/lb), checked and converted to
 * what the store keeps (cm, kg). The backend checks again; this gives instant, per-field help.
 */
export type MeasurementsInput = {
  bust_cm: number | null
  waist_cm: number | null
  hips_cm: number | null
  height_cm: number | null
  weight_kg: number | null
  bra_size: string | null
  body_type: string | null
  preferred_fit: "snug" | "regular" | "relaxed" | null
}

export const BODY_TYPES = ["hourglass", "pear", "apple", "rectangle", "inverted_triangle", "athletic", "petite", "full_bust"] as const
export const FITS = ["snug", "regular", "relaxed"] as const

const RANGES_CM: Record<"bust_cm" | "waist_cm" | "hips_cm" | "height_cm", [number, number]> = {
  bust_cm: [40, 200],
  waist_cm: [40, 200],
  hips_cm: [40, 200],
  height_cm: [120, 220],
}
const WEIGHT_KG: [number, number] = [30, 250]
const LABEL: Record<string, string> = { bust_cm: "Bust", waist_cm: "Waist", hips_cm: "Hips", height_cm: "Height", weight_kg: "Weight" }

/** Band 28-48 and a UK/US/Indian cup: AA, A-H, DD, DDD, FF, GG. The backend's rule, to the letter. */
export const BRA_SIZE = /^(2[89]|3[0-9]|4[0-8])(AA|DDD|DD|FF|GG|[A-H])$/

/** "34 b" -> "34B"; null when it is not a bra size (as the backend normalises it). */
export function normaliseBraSize(raw: string): string | null {
  const compact = raw.replace(/\s+/g, "").toUpperCase()
  return BRA_SIZE.test(compact) ? compact : null
}

/** A decimal as the backend reads one: digits, optionally a point or comma and more digits. */
const DECIMAL = /^\d+([.,]\d+)?$/

/**
 * How far a value shown in inches or pounds may land outside a range and still mean its
 * edge. The form shows a stored length to 0.1 in and a weight to the whole pound, so a
 * stored 40 cm comes back as 15.7 in (39.88 cm) and 30 kg as 66 lb (29.94 kg); both must
 * save again as 40 cm and 30 kg.
 */
const INCH_SLACK_CM = 0.05 * 2.54 + 1e-9
const POUND_SLACK_KG = 0.5 * 0.45359237 + 1e-9

type FormLike = { get(name: string): FormDataEntryValue | null }

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

/** The value within [min, max], pulled in from at most `slack` outside; undefined when further out. */
function within(n: number, [min, max]: [number, number], slack: number): number | undefined {
  if (n < min - slack || n > max + slack) return undefined
  return Math.min(max, Math.max(min, n))
}

/**
 * Reads the measurements form. Accepts exactly what the backend accepts (same ranges, same
 * bra sizes, same normalisation), so whatever was saved once can be saved again.
 */
export function validateMeasurements(form: FormLike): { values: MeasurementsInput; fieldErrors: Partial<Record<keyof MeasurementsInput, string>> } {
  const imperial = form.get("unit") === "in"
  const fieldErrors: Partial<Record<keyof MeasurementsInput, string>> = {}
  const read = (key: string): number | null | undefined => {
    const raw = String(form.get(key) ?? "").trim()
    if (!raw) return null
    return DECIMAL.test(raw) ? Number(raw.replace(",", ".")) : undefined
  }
  const values: MeasurementsInput = { bust_cm: null, waist_cm: null, hips_cm: null, height_cm: null, weight_kg: null, bra_size: null, body_type: null, preferred_fit: null }

  for (const key of Object.keys(RANGES_CM) as (keyof typeof RANGES_CM)[]) {
    const n = read(key)
    if (n === undefined) {
      fieldErrors[key] = `${LABEL[key]}: enter a number`
      continue
    }
    if (n === null) continue
    const [min, max] = RANGES_CM[key]
    const cm = imperial ? within(n * 2.54, RANGES_CM[key], INCH_SLACK_CM) : within(n, RANGES_CM[key], 0)
    if (cm === undefined) {
      fieldErrors[key] = imperial
        ? `${LABEL[key]}: between ${Math.ceil(min / 2.54)} and ${Math.floor(max / 2.54)} in`
        : `${LABEL[key]}: between ${min} and ${max} cm`
    } else values[key] = round1(cm)
  }

  const weight = read("weight_kg")
  if (weight === undefined) fieldErrors.weight_kg = "Weight: enter a number"
  else if (weight !== null) {
    const kg = imperial ? within(weight * 0.45359237, WEIGHT_KG, POUND_SLACK_KG) : within(weight, WEIGHT_KG, 0)
    if (kg === undefined) {
      fieldErrors.weight_kg = imperial ? `Weight: between ${Math.ceil(WEIGHT_KG[0] / 0.45359237)} and ${Math.floor(WEIGHT_KG[1] / 0.45359237)} lb` : `Weight: between ${WEIGHT_KG[0]} and ${WEIGHT_KG[1]} kg`
    } else values.weight_kg = round1(kg)
  }

  const bra = String(form.get("bra_size") ?? "")
  if (bra.trim()) {
    const size = normaliseBraSize(bra)
    if (size) values.bra_size = size
    else fieldErrors.bra_size = "Bra size: a band and cup such as 34B (bands 28-48, cups AA-H, DD, DDD, FF, GG)"
  }
  const bodyType = String(form.get("body_type") ?? "")
  if (bodyType) {
    if ((BODY_TYPES as readonly string[]).includes(bodyType)) values.body_type = bodyType
    else fieldErrors.body_type = "Body type: choose one from the list"
  }
  const fit = String(form.get("preferred_fit") ?? "")
  if (fit) {
    if ((FITS as readonly string[]).includes(fit)) values.preferred_fit = fit as MeasurementsInput["preferred_fit"]
    else fieldErrors.preferred_fit = "Fit: choose snug, regular or relaxed"
  }
  return { values, fieldErrors }
}
