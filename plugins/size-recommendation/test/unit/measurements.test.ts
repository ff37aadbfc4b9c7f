import { BODY_TYPES, FITS, MEASUREMENT_FIELDS, formatProblems, normalizeBraSize, validateMeasurementsPatch } from "../../src/core"
import { fieldsOf, problemsOf, valueOf } from "./helpers"

const BRA = "must be a band and cup such as 34B (bands 28-48, cups AA-H)"
const BODY_TYPE = "must be one of hourglass, pear, apple, rectangle, inverted_triangle, athletic, petite, full_bust"
const FIT = "must be one of snug, regular, relaxed"

describe("validateMeasurementsPatch: a good patch", () => {
  it("accepts a full set, reads bra sizes loosely and rounds to a millimetre", () => {
    expect(
      validateMeasurementsPatch({ bust_cm: 86.44, waist_cm: 70, hips_cm: "95.5", height_cm: 162, weight_kg: 58.06, bra_size: "34 b", body_type: "hourglass", preferred_fit: "regular" })
    ).toEqual({
      ok: true,
      value: { bust_cm: 86.4, waist_cm: 70, hips_cm: 95.5, height_cm: 162, weight_kg: 58.1, bra_size: "34B", body_type: "hourglass", preferred_fit: "regular" },
    })
  })

  it("returns only the fields sent: what is left out keeps its saved value", () => {
    expect(validateMeasurementsPatch({})).toEqual({ ok: true, value: {} })
    expect(validateMeasurementsPatch({ waist_cm: 71 })).toEqual({ ok: true, value: { waist_cm: 71 } })
  })

  it("clears each field sent as null or as an empty string", () => {
    const cleared = Object.fromEntries(MEASUREMENT_FIELDS.map((f) => [f, null]))
    expect(validateMeasurementsPatch(Object.fromEntries(MEASUREMENT_FIELDS.map((f) => [f, null])))).toEqual({ ok: true, value: cleared })
    expect(validateMeasurementsPatch(Object.fromEntries(MEASUREMENT_FIELDS.map((f) => [f, ""])))).toEqual({ ok: true, value: cleared })
    expect(MEASUREMENT_FIELDS).toEqual(["bust_cm", "waist_cm", "hips_cm", "height_cm", "weight_kg", "bra_size", "body_type", "preferred_fit"])
  })

  it("ignores the updated_at a client sends back with what it read", () => {
    expect(validateMeasurementsPatch({ waist_cm: 70, updated_at: "2025-01-01T00:00:00.000Z" })).toEqual({ ok: true, value: { waist_cm: 70 } })
    expect(validateMeasurementsPatch({ updated_at: null })).toEqual({ ok: true, value: {} })
  })
})

describe("validateMeasurementsPatch: numbers", () => {
  it.each([
    ["86", 86],
    ["86.5", 86.5],
    ["86,5", 86.5],
    [" 86,25 ", 86.3],
    ["070", 70],
    [86.449, 86.4],
  ])("reads %p as %p", (raw, n) => {
    expect(validateMeasurementsPatch({ bust_cm: raw })).toEqual({ ok: true, value: { bust_cm: n } })
  })

  it.each([["wide"], ["86cm"], ["86."], [".5"], ["1e2"], ["-50"], ["+86"], ["86,5,1"], ["8 6"], [true], [[86]], [{ cm: 86 }], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "refuses %p as not a number",
    (raw) => {
      expect(problemsOf(validateMeasurementsPatch({ bust_cm: raw }))).toEqual([{ field: "bust_cm", message: "must be a number of cm" }])
    }
  )

  it("says kg for weight", () => {
    expect(problemsOf(validateMeasurementsPatch({ weight_kg: "heavy" }))).toEqual([{ field: "weight_kg", message: "must be a number of kg" }])
  })

  it.each([
    ["bust_cm", 40, 200, "cm"],
    ["waist_cm", 40, 200, "cm"],
    ["hips_cm", 40, 200, "cm"],
    ["height_cm", 120, 220, "cm"],
    ["weight_kg", 30, 250, "kg"],
  ] as const)("keeps %s between %d and %d %s, limits included", (field, min, max, unit) => {
    expect(validateMeasurementsPatch({ [field]: min })).toEqual({ ok: true, value: { [field]: min } })
    expect(validateMeasurementsPatch({ [field]: max })).toEqual({ ok: true, value: { [field]: max } })
    expect(validateMeasurementsPatch({ [field]: String(max).replace(/$/, ",0") })).toEqual({ ok: true, value: { [field]: max } })
    const message = `must be between ${min} and ${max} ${unit}`
    expect(problemsOf(validateMeasurementsPatch({ [field]: min - 0.1 }))).toEqual([{ field, message }])
    expect(problemsOf(validateMeasurementsPatch({ [field]: max + 0.1 }))).toEqual([{ field, message }])
    expect(problemsOf(validateMeasurementsPatch({ [field]: `${max + 1}` }))).toEqual([{ field, message }])
    expect(problemsOf(validateMeasurementsPatch({ [field]: -min }))).toEqual([{ field, message }])
    expect(problemsOf(validateMeasurementsPatch({ [field]: 0 }))).toEqual([{ field, message }])
  })

  it("checks the range on the value as sent, before rounding", () => {
    expect(problemsOf(validateMeasurementsPatch({ bust_cm: 39.96 }))).toEqual([{ field: "bust_cm", message: "must be between 40 and 200 cm" }])
    expect(problemsOf(validateMeasurementsPatch({ bust_cm: 200.04 }))).toEqual([{ field: "bust_cm", message: "must be between 40 and 200 cm" }])
    expect(validateMeasurementsPatch({ bust_cm: 199.96 })).toEqual({ ok: true, value: { bust_cm: 200 } })
  })
})

describe("validateMeasurementsPatch: bra size, body type and fit", () => {
  it.each([
    ["34 b", "34B"],
    [" 34B ", "34B"],
    ["32dd", "32DD"],
    ["36 DDD", "36DDD"],
    ["30aa", "30AA"],
    ["38ff", "38FF"],
    ["40 gg", "40GG"],
    ["28A", "28A"],
    ["48H", "48H"],
  ])("stores the bra size %p as %p", (raw, size) => {
    expect(validateMeasurementsPatch({ bra_size: raw })).toEqual({ ok: true, value: { bra_size: size } })
  })

  it.each([["50Z"], ["34Z"], ["34I"], ["27B"], ["49B"], ["50B"], ["34"], ["B34"], ["34BB"], ["34 B cup"], ["XL"], [34], [true], [["34B"]]])("refuses the bra size %p", (raw) => {
    expect(problemsOf(validateMeasurementsPatch({ bra_size: raw }))).toEqual([{ field: "bra_size", message: BRA }])
  })

  it.each(BODY_TYPES.map((t) => [t]))("accepts the body type %s", (body_type) => {
    expect(validateMeasurementsPatch({ body_type })).toEqual({ ok: true, value: { body_type } })
  })

  it.each([["banana"], ["Hourglass"], [" pear"], ["inverted triangle"], [1], [true]])("refuses the body type %p", (body_type) => {
    expect(problemsOf(validateMeasurementsPatch({ body_type }))).toEqual([{ field: "body_type", message: BODY_TYPE }])
  })

  it.each(FITS.map((f) => [f]))("accepts the fit %s", (preferred_fit) => {
    expect(validateMeasurementsPatch({ preferred_fit })).toEqual({ ok: true, value: { preferred_fit } })
  })

  it.each([["tight"], ["Regular"], ["loose"], [0]])("refuses the fit %p", (preferred_fit) => {
    expect(problemsOf(validateMeasurementsPatch({ preferred_fit }))).toEqual([{ field: "preferred_fit", message: FIT }])
  })
})

describe("validateMeasurementsPatch: what is refused", () => {
  it("names each bad or unknown field, in a fixed order, and keeps none of the good ones", () => {
    const result = validateMeasurementsPatch({
      shoe: 38,
      bust_cm: 20,
      waist_cm: "lots",
      hips_cm: 86,
      height_cm: 119,
      weight_kg: 251,
      bra_size: "34Z",
      body_type: "banana",
      preferred_fit: "tight",
      customer_id: "cus_other",
    })
    expect(problemsOf(result)).toEqual([
      { field: "bust_cm", message: "must be between 40 and 200 cm" },
      { field: "waist_cm", message: "must be a number of cm" },
      { field: "height_cm", message: "must be between 120 and 220 cm" },
      { field: "weight_kg", message: "must be between 30 and 250 kg" },
      { field: "bra_size", message: BRA },
      { field: "body_type", message: BODY_TYPE },
      { field: "preferred_fit", message: FIT },
      { field: "shoe", message: "is not a known measurement" },
      { field: "customer_id", message: "is not a known measurement" },
    ])
    expect(formatProblems(problemsOf(result))).toMatch(/^bust_cm: must be between 40 and 200 cm; waist_cm: must be a number of cm; height_cm: /)
  })

  it("reports unknown fields even when everything else is good, created_at and id included", () => {
    expect(problemsOf(validateMeasurementsPatch({ bust_cm: 86, created_at: "2025-01-01", id: "x", Bust_cm: 86 }))).toEqual([
      { field: "created_at", message: "is not a known measurement" },
      { field: "id", message: "is not a known measurement" },
      { field: "Bust_cm", message: "is not a known measurement" },
    ])
  })

  it.each([[null], [undefined], [[]], [[{ bust_cm: 86 }]], ["34B"], [86], [true]])("refuses a body that is not an object: %p", (body) => {
    expect(problemsOf(validateMeasurementsPatch(body))).toEqual([{ field: "body", message: "must be an object of measurements" }])
  })

  it("does not read fields from the object's prototype", () => {
    const inherited = Object.create({ bust_cm: 86 })
    expect(validateMeasurementsPatch(inherited)).toEqual({ ok: true, value: {} })
  })

  it("does not change the body it is given", () => {
    const body = { bust_cm: "86,5", bra_size: "34 b" }
    valueOf(validateMeasurementsPatch(body))
    expect(body).toEqual({ bust_cm: "86,5", bra_size: "34 b" })
    expect(fieldsOf(validateMeasurementsPatch({ bust_cm: "x" }))).toEqual(["bust_cm"])
  })
})

describe("normalizeBraSize", () => {
  it.each([
    ["32a", "32A"],
    ["46H", "46H"],
    ["36 DD", "36DD"],
    ["30AA", "30AA"],
    ["28B", "28B"],
    ["48ddd", "48DDD"],
    ["3 4b", "34B"],
  ])("reads %p as %p", (raw, size) => expect(normalizeBraSize(raw)).toBe(size))

  it.each(["34", "B34", "50B", "34I", "26A", "", "  ", "34AAA", "34HH", "340B", "3B"])("refuses %p", (raw) => expect(normalizeBraSize(raw)).toBeNull())
})
