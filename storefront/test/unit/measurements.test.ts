import { BODY_TYPES, BRA_SIZE, FITS, normaliseBraSize, validateMeasurements, type MeasurementsInput } from "@/lib/core/measurements"
import { cmToInches } from "@/lib/core/units"
// The backend's own rules: the storefront must accept exactly what they accept.
import * as backend from "../../../plugins/size-recommendation/src/core/measurements"

const blank: MeasurementsInput = { bust_cm: null, waist_cm: null, hips_cm: null, height_cm: null, weight_kg: null, bra_size: null, body_type: null, preferred_fit: null }

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

const metric = (fields: Record<string, string>) => validateMeasurements(form({ unit: "cm", ...fields }))
const imperial = (fields: Record<string, string>) => validateMeasurements(form({ unit: "in", ...fields }))

describe("validateMeasurements, centimetres and kilograms", () => {
  it("reads an empty form as nothing, without errors", () => {
    expect(validateMeasurements(form({}))).toEqual({ values: blank, fieldErrors: {} })
    expect(metric({ bust_cm: "", waist_cm: "  ", bra_size: " ", body_type: "", preferred_fit: "" })).toEqual({ values: blank, fieldErrors: {} })
  })

  it("reads a complete form", () => {
    expect(
      metric({ bust_cm: "86", waist_cm: "68.5", hips_cm: "94,2", height_cm: "163", weight_kg: "58", bra_size: "34 b", body_type: "hourglass", preferred_fit: "regular" }),
    ).toEqual({
      values: { bust_cm: 86, waist_cm: 68.5, hips_cm: 94.2, height_cm: 163, weight_kg: 58, bra_size: "34B", body_type: "hourglass", preferred_fit: "regular" },
      fieldErrors: {},
    })
  })

  it("treats the form as metric when no unit is sent", () => {
    expect(validateMeasurements(form({ bust_cm: "86", weight_kg: "58" })).values).toEqual({ ...blank, bust_cm: 86, weight_kg: 58 })
  })

  it("rounds to one decimal and trims spaces", () => {
    expect(metric({ bust_cm: " 86.44 ", waist_cm: "70.06", weight_kg: "58.25001" }).values).toEqual({ ...blank, bust_cm: 86.4, waist_cm: 70.1, weight_kg: 58.3 })
  })

  it.each([
    ["bust_cm", "Bust", 40, 200],
    ["waist_cm", "Waist", 40, 200],
    ["hips_cm", "Hips", 40, 200],
    ["height_cm", "Height", 120, 220],
    ["weight_kg", "Weight", 30, 250],
  ] as const)("%s (%s) accepts %d..%d inclusive and nothing outside", (key, label, min, max) => {
    const unit = key === "weight_kg" ? "kg" : "cm"
    expect(metric({ [key]: String(min) })).toEqual({ values: { ...blank, [key]: min }, fieldErrors: {} })
    expect(metric({ [key]: String(max) })).toEqual({ values: { ...blank, [key]: max }, fieldErrors: {} })
    for (const out of [min - 0.1, min - 0.04, max + 0.04, max + 0.1, 0, 1000]) {
      expect(metric({ [key]: String(out) })).toEqual({ values: blank, fieldErrors: { [key]: `${label}: between ${min} and ${max} ${unit}` } })
    }
  })

  it.each(["abc", "1e2", "0x50", "-80", "+80", "80.", ".5", "8 0", "80cm", "Infinity", "NaN", "80,5,1", "1.2.3"])("rejects %j as not a number", (raw) => {
    expect(metric({ bust_cm: raw, weight_kg: raw })).toEqual({ values: blank, fieldErrors: { bust_cm: "Bust: enter a number", weight_kg: "Weight: enter a number" } })
  })

  it("reports every bad field at once and keeps the good ones", () => {
    expect(metric({ bust_cm: "abc", waist_cm: "10", hips_cm: "95", height_cm: "300", weight_kg: "20", bra_size: "34Z", body_type: "spoon", preferred_fit: "tight" })).toEqual({
      values: { ...blank, hips_cm: 95 },
      fieldErrors: {
        bust_cm: "Bust: enter a number",
        waist_cm: "Waist: between 40 and 200 cm",
        height_cm: "Height: between 120 and 220 cm",
        weight_kg: "Weight: between 30 and 250 kg",
        bra_size: "Bra size: a band and cup such as 34B (bands 28-48, cups AA-H, DD, DDD, FF, GG)",
        body_type: "Body type: choose one from the list",
        preferred_fit: "Fit: choose snug, regular or relaxed",
      },
    })
  })
})

describe("validateMeasurements, inches and pounds", () => {
  it("converts to centimetres and kilograms, to one decimal", () => {
    expect(imperial({ bust_cm: "34", waist_cm: "27.5", hips_cm: "37", height_cm: "64", weight_kg: "132" }).values).toEqual({
      ...blank,
      bust_cm: 86.4,
      waist_cm: 69.9,
      hips_cm: 94,
      height_cm: 162.6,
      weight_kg: 59.9,
    })
  })

  it("states the ranges in inches and pounds", () => {
    expect(imperial({ bust_cm: "15.6", waist_cm: "78.8", height_cm: "47.1", weight_kg: "65" }).fieldErrors).toEqual({
      bust_cm: "Bust: between 16 and 78 in",
      waist_cm: "Waist: between 16 and 78 in",
      height_cm: "Height: between 48 and 86 in",
      weight_kg: "Weight: between 67 and 551 lb",
    })
    expect(imperial({ hips_cm: "200", height_cm: "87", weight_kg: "552" }).fieldErrors).toEqual({
      hips_cm: "Hips: between 16 and 78 in",
      height_cm: "Height: between 48 and 86 in",
      weight_kg: "Weight: between 67 and 551 lb",
    })
  })

  it("reads a value at the edge of a range, as the form shows it, as that edge", () => {
    // The form shows 40 cm as 15.7 in (39.88 cm) and 30 kg as 66 lb (29.94 kg).
    expect(imperial({ bust_cm: "15.7", height_cm: "47.2", weight_kg: "66" }).values).toEqual({ ...blank, bust_cm: 40, height_cm: 120, weight_kg: 30 })
    expect(imperial({ bust_cm: "78.7", height_cm: "86.6", weight_kg: "551" }).values).toEqual({ ...blank, bust_cm: 199.9, height_cm: 220, weight_kg: 249.9 })
    // Just over an edge by less than the form's rounding is that edge; further out is an error.
    expect(imperial({ bust_cm: "78.75", height_cm: "86.65", weight_kg: "551.5" }).values).toEqual({ ...blank, bust_cm: 200, height_cm: 220, weight_kg: 250 })
    expect(imperial({ bust_cm: "15.65" }).fieldErrors).toEqual({ bust_cm: "Bust: between 16 and 78 in" })
    expect(imperial({ weight_kg: "65.5" }).fieldErrors).toEqual({ weight_kg: "Weight: between 67 and 551 lb" })
  })

  it("lets every value the store can hold be saved again from the form in inches and pounds", () => {
    // The form fills its fields from what is stored: lengths as cmToInches(cm), weight as whole pounds.
    const lengths: [string, number, number][] = [
      ["bust_cm", 40, 200],
      ["height_cm", 120, 220],
    ]
    for (const [key, min, max] of lengths) {
      for (let tenths = min * 10; tenths <= max * 10; tenths++) {
        const stored = tenths / 10
        const { values, fieldErrors } = imperial({ [key]: String(cmToInches(stored)) })
        expect({ stored, fieldErrors }).toEqual({ stored, fieldErrors: {} })
        const saved = values[key as "bust_cm" | "height_cm"]!
        expect(saved).toBeGreaterThanOrEqual(min)
        expect(saved).toBeLessThanOrEqual(max)
        expect(Math.abs(saved - stored)).toBeLessThanOrEqual(0.2)
      }
    }
    for (let tenths = 300; tenths <= 2500; tenths++) {
      const stored = tenths / 10
      const { values, fieldErrors } = imperial({ weight_kg: String(Math.round(stored / 0.45359237)) })
      expect({ stored, fieldErrors }).toEqual({ stored, fieldErrors: {} })
      expect(values.weight_kg).toBeGreaterThanOrEqual(30)
      expect(values.weight_kg).toBeLessThanOrEqual(250)
      expect(Math.abs(values.weight_kg! - stored)).toBeLessThanOrEqual(0.3)
    }
  })
})

describe("bra sizes", () => {
  it.each([
    ["34B", "34B"],
    ["34 b", "34B"],
    [" 36 dd ", "36DD"],
    ["28AA", "28AA"],
    ["29a", "29A"],
    ["30H", "30H"],
    ["38ddd", "38DDD"],
    ["40FF", "40FF"],
    ["48GG", "48GG"],
    ["47 e", "47E"],
    ["3 4 C", "34C"],
  ])("accepts %j as %j", (raw, expected) => {
    expect(normaliseBraSize(raw)).toBe(expected)
    expect(metric({ bra_size: raw })).toEqual({ values: { ...blank, bra_size: expected }, fieldErrors: {} })
  })

  it.each(["27B", "49B", "50C", "34", "B", "34I", "34AAA", "34EE", "34HH", "34DDDD", "34-B", "B34", "34B+", "3B", "034B", "34 cup B"])("rejects %j", (raw) => {
    expect(normaliseBraSize(raw)).toBeNull()
    expect(metric({ bra_size: raw })).toEqual({ values: blank, fieldErrors: { bra_size: "Bra size: a band and cup such as 34B (bands 28-48, cups AA-H, DD, DDD, FF, GG)" } })
  })

  it("uses the same pattern as the backend", () => {
    expect(BRA_SIZE.source).toBe(backend.BRA_SIZE.source)
  })
})

describe("body type and fit", () => {
  it("accepts each listed body type and fit", () => {
    for (const body_type of BODY_TYPES) expect(metric({ body_type }).values.body_type).toBe(body_type)
    for (const preferred_fit of FITS) expect(metric({ preferred_fit }).values.preferred_fit).toBe(preferred_fit)
  })

  it("rejects anything else, including other capitalisation", () => {
    expect(metric({ body_type: "Hourglass", preferred_fit: "Snug" }).fieldErrors).toEqual({
      body_type: "Body type: choose one from the list",
      preferred_fit: "Fit: choose snug, regular or relaxed",
    })
  })

  it("offers the same choices as the backend", () => {
    expect(BODY_TYPES).toEqual(backend.BODY_TYPES)
    expect(FITS).toEqual(backend.FITS)
  })
})

describe("agreement with the backend", () => {
  const numeric = Object.keys(backend.NUMERIC_FIELDS) as (keyof typeof backend.NUMERIC_FIELDS)[]
  const samples = [
    "0", "1", "29.9", "29.95", "30", "30.04", "39.9", "39.95", "39.96", "40", "40,5", "41.25", "65", "86.44", "119.9", "119.95", "120", "150.55",
    "199.9", "199.96", "200", "200.04", "200.1", "219.99", "220", "220.01", "249.9", "250", "250.04", "250.1", "300", "1e2", "-50", "abc", "80.", ".5",
  ]

  it("accepts and rejects the same numbers, and saves the same values", () => {
    for (const field of numeric) {
      for (const raw of samples) {
        const mine = metric({ [field]: raw })
        const theirs = backend.validateMeasurementsPatch({ [field]: raw })
        const mineOk = Object.keys(mine.fieldErrors).length === 0
        expect({ field, raw, ok: mineOk }).toEqual({ field, raw, ok: theirs.ok })
        if (theirs.ok && mineOk) expect({ field, raw, value: mine.values[field] }).toEqual({ field, raw, value: theirs.value[field] })
      }
    }
  })

  it("accepts and rejects the same bra sizes, normalised the same way", () => {
    const bands = Array.from({ length: 30 }, (_, i) => 25 + i)
    const cups = ["A", "AA", "AAA", "B", "C", "D", "DD", "DDD", "DDDD", "E", "EE", "F", "FF", "FFF", "G", "GG", "H", "HH", "I", "J", "K", "Z"]
    let accepted = 0
    for (const band of bands) {
      for (const cup of cups) {
        for (const raw of [`${band}${cup}`, `${band} ${cup.toLowerCase()}`]) {
          const mine = metric({ bra_size: raw })
          const theirs = backend.validateMeasurementsPatch({ bra_size: raw })
          expect({ raw, value: mine.values.bra_size }).toEqual({ raw, value: theirs.ok ? theirs.value.bra_size : null })
          if (mine.values.bra_size) accepted++
        }
      }
    }
    // bands 28-48 (21) x cups AA, A-H, DD, DDD, FF, GG (13), written two ways
    expect(accepted).toBe(21 * 13 * 2)
  })

  it("sends the backend only values it accepts unchanged", () => {
    const { values, fieldErrors } = imperial({ bust_cm: "15.7", waist_cm: "27.3", hips_cm: "78.75", height_cm: "47.2", weight_kg: "551.5", bra_size: "28 aa", body_type: "full_bust", preferred_fit: "snug" })
    expect(fieldErrors).toEqual({})
    const result = backend.validateMeasurementsPatch(values)
    expect(result).toEqual({ ok: true, value: values })
  })
})
