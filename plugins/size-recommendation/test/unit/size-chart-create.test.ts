import { LIMITS, formatProblems, validateSizeChartContent, validateSizeChartCreate } from "../../src/core"
import { fieldsOf, problemsOf, valueOf } from "./helpers"

const dress = {
  category_id: "pcat_dresses",
  measurements: ["bust", "waist"],
  rows: [
    { size: "S", bust: [82, 86], waist: [64, 68] },
    { size: "M", bust: [86, 91], waist: [68, 73] },
  ],
  notes: "Body measurements",
}

/** A one-measurement chart for the category, with the given rows. */
const withRows = (...rows: unknown[]) => ({ category_id: "pcat_1", measurements: ["bust"], rows })

describe("validateSizeChartCreate: a good chart", () => {
  it("accepts a category chart and fills the defaults (unit cm, no product)", () => {
    expect(validateSizeChartCreate(dress)).toEqual({
      ok: true,
      value: { product_id: null, category_id: "pcat_dresses", unit: "cm", measurements: ["bust", "waist"], rows: dress.rows, notes: "Body measurements" },
    })
  })

  it("accepts a product chart with text columns such as UK and US shoe sizes, and a numeric size label", () => {
    expect(
      validateSizeChartCreate({
        product_id: "prod_1",
        category_id: null,
        unit: "cm",
        measurements: ["foot_length"],
        rows: [{ size: 36, foot_length: [22.5, 23], uk: "3", us: 5 }],
      })
    ).toEqual({
      ok: true,
      value: { product_id: "prod_1", category_id: null, unit: "cm", measurements: ["foot_length"], rows: [{ size: "36", foot_length: [22.5, 23], uk: "3", us: "5" }], notes: null },
    })
  })

  it("trims ids, names, size labels, text values and notes; empty notes become null", () => {
    const value = valueOf(
      validateSizeChartCreate({
        category_id: "  pcat_1 ",
        measurements: [" bust "],
        rows: [{ size: " M ", bust: [86, 91], uk: " 12 " }],
        notes: "   ",
      })
    )
    expect(value).toEqual({ product_id: null, category_id: "pcat_1", unit: "cm", measurements: ["bust"], rows: [{ size: "M", bust: [86, 91], uk: "12" }], notes: null })
  })

  it("accepts ranges at the limits: just above 0, up to 300, and min equal to max", () => {
    const value = valueOf(validateSizeChartCreate(withRows({ size: "S", bust: [0.5, 300] }, { size: "M", bust: [90, 90] })))
    expect(value.rows).toEqual([
      { size: "S", bust: [0.5, 300] },
      { size: "M", bust: [90, 90] },
    ])
  })

  it(`accepts ${LIMITS.measurements} measurements and ${LIMITS.rows} sizes`, () => {
    const measurements = Array.from({ length: LIMITS.measurements }, (_, i) => `m${i}`)
    const row = (size: string) => Object.fromEntries([["size", size], ...measurements.map((m) => [m, [10, 20]])])
    const rows = Array.from({ length: LIMITS.rows }, (_, i) => row(`S${i}`))
    const value = valueOf(validateSizeChartCreate({ category_id: "pcat_1", measurements, rows }))
    expect(value.measurements).toHaveLength(LIMITS.measurements)
    expect(value.rows).toHaveLength(LIMITS.rows)
  })
})

describe("validateSizeChartCreate: the target", () => {
  it("needs exactly one of product_id and category_id", () => {
    const { category_id: _, ...noTarget } = dress
    expect(problemsOf(validateSizeChartCreate(noTarget))).toEqual([{ field: "product_id", message: "give exactly one of product_id or category_id" }])
    expect(problemsOf(validateSizeChartCreate({ ...noTarget, product_id: null, category_id: null }))).toEqual([
      { field: "product_id", message: "give exactly one of product_id or category_id" },
    ])
    expect(problemsOf(validateSizeChartCreate({ ...dress, product_id: "prod_1" }))).toEqual([{ field: "category_id", message: "give exactly one of product_id or category_id" }])
  })

  it.each([
    ["a number", 5, "Expected string, received number"],
    ["an empty string", "", "must not be empty"],
    ["only spaces", "   ", "must not be empty"],
    ["over 100 characters", `prod_${"x".repeat(96)}`, "must be at most 100 characters"],
    ["an id with a space", "prod 1", "must be an id such as prod_01H... or pcat_01H..."],
    ["an id with a NUL character", "prod_\u00001", "must be an id such as prod_01H... or pcat_01H..."],
    ["an id with non-ASCII letters", "prod_é", "must be an id such as prod_01H... or pcat_01H..."],
  ])("refuses a product_id that is %s", (_name, product_id, message) => {
    const { category_id: _, ...noTarget } = dress
    expect(problemsOf(validateSizeChartCreate({ ...noTarget, product_id }))).toEqual([{ field: "product_id", message }])
  })

  it("checks category_id the same way", () => {
    expect(problemsOf(validateSizeChartCreate({ ...dress, category_id: "pcat dresses" }))).toEqual([
      { field: "category_id", message: "must be an id such as prod_01H... or pcat_01H..." },
    ])
  })
})

describe("validateSizeChartCreate: the body and its fields", () => {
  it.each([[[]], ["a chart"], [42], [true]])("refuses a body that is not an object: %p", (body) => {
    expect(problemsOf(validateSizeChartCreate(body))).toEqual([{ field: "body", message: "must be an object describing the size chart" }])
  })

  it("reads a missing body as an empty one: measurements and rows are required", () => {
    for (const body of [undefined, null, {}]) {
      expect(problemsOf(validateSizeChartCreate(body))).toEqual([
        { field: "measurements", message: "is required" },
        { field: "rows", message: "is required" },
      ])
    }
  })

  it("refuses measurements and rows that are not lists", () => {
    expect(problemsOf(validateSizeChartCreate({ category_id: "pcat_1", measurements: "bust", rows: { size: "S" } }))).toEqual([
      { field: "measurements", message: "must be a list of measurement names" },
      { field: "rows", message: "must be a list of sizes" },
    ])
  })

  it("reports every unknown field by name, one problem each", () => {
    const result = validateSizeChartCreate({ ...dress, colour: "red", brand: "x" })
    expect(problemsOf(result)).toEqual([
      { field: "colour", message: "is not a known field" },
      { field: "brand", message: "is not a known field" },
    ])
    expect(formatProblems(problemsOf(result))).toBe("colour: is not a known field; brand: is not a known field")
  })

  it("refuses any unit but cm", () => {
    for (const unit of ["in", "CM", 1, null]) {
      expect(problemsOf(validateSizeChartCreate({ ...dress, unit }))).toEqual([{ field: "unit", message: 'must be "cm" (the only unit supported)' }])
    }
  })

  it("refuses notes that are too long or not text", () => {
    expect(problemsOf(validateSizeChartCreate({ ...dress, notes: "x".repeat(LIMITS.notes + 1) }))).toEqual([{ field: "notes", message: "must be at most 2000 characters" }])
    expect(problemsOf(validateSizeChartCreate({ ...dress, notes: 5 }))).toEqual([{ field: "notes", message: "Expected string, received number" }])
    expect(valueOf(validateSizeChartCreate({ ...dress, notes: "x".repeat(LIMITS.notes) })).notes).toHaveLength(LIMITS.notes)
    expect(valueOf(validateSizeChartCreate({ ...dress, notes: null })).notes).toBeNull()
  })

  it("reports shape problems before content problems: the content is not checked until the shape is right", () => {
    expect(problemsOf(validateSizeChartCreate({ category_id: "pcat_1", measurements: [], rows: [], colour: "red" }))).toEqual([{ field: "colour", message: "is not a known field" }])
  })
})

describe("validateSizeChartCreate: measurements", () => {
  it("needs at least one and at most 12", () => {
    expect(problemsOf(validateSizeChartCreate({ category_id: "pcat_1", measurements: [], rows: [{ size: "S" }] }))).toEqual([
      { field: "measurements", message: "must name at least one measurement, e.g. bust" },
    ])
    const thirteen = Array.from({ length: LIMITS.measurements + 1 }, (_, i) => `m${i}`)
    const row = Object.fromEntries([["size", "S"], ...thirteen.map((m) => [m, [10, 20]])])
    expect(problemsOf(validateSizeChartCreate({ category_id: "pcat_1", measurements: thirteen, rows: [row] }))).toEqual([
      { field: "measurements", message: "must list at most 12 measurements" },
    ])
  })

  it.each([["Waist"], ["waist!"], ["foot length"], ["1bust"], [""], [5], [null], ["a".repeat(41)]])("refuses the name %p", (name) => {
    expect(problemsOf(validateSizeChartCreate({ category_id: "pcat_1", measurements: ["bust", name], rows: [{ size: "S", bust: [80, 84] }] }))).toEqual([
      { field: "measurements.1", message: "must be a lowercase name such as bust, waist or foot_length" },
    ])
  })

  it('refuses "size", which is the row label', () => {
    expect(problemsOf(validateSizeChartCreate({ category_id: "pcat_1", measurements: ["bust", "size"], rows: [{ size: "S", bust: [80, 84] }] }))).toEqual([
      { field: "measurements.1", message: '"size" is the row label, not a measurement' },
    ])
  })

  it("refuses a name listed twice, also when only spaces differ", () => {
    expect(problemsOf(validateSizeChartCreate({ category_id: "pcat_1", measurements: ["bust", " bust"], rows: [{ size: "S", bust: [80, 84] }] }))).toEqual([
      { field: "measurements.1", message: "bust is listed twice" },
    ])
  })

  it("checks the rows against the names that are valid, so a bad name also shows up in the rows", () => {
    const result = validateSizeChartCreate({ ...dress, measurements: ["bust", "bust", "Waist!", "size"] })
    expect(fieldsOf(result)).toEqual(["measurements.1", "measurements.2", "measurements.3", "rows.0.waist", "rows.1.waist"])
    expect(problemsOf(result)[3]).toEqual({ field: "rows.0.waist", message: "is a range but waist is not in measurements" })
  })
})

describe("validateSizeChartCreate: rows", () => {
  it("needs at least one size and at most 40", () => {
    expect(problemsOf(validateSizeChartCreate(withRows()))).toEqual([{ field: "rows", message: "must have at least one size" }])
    const rows = Array.from({ length: LIMITS.rows + 1 }, (_, i) => ({ size: `S${i}`, bust: [80, 84] }))
    expect(problemsOf(validateSizeChartCreate(withRows(...rows)))).toEqual([{ field: "rows", message: "must have at most 40 sizes" }])
  })

  it.each([[null], [[]], ["S"], [5]])("refuses a row that is not an object: %p", (row) => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust: [80, 84] }, row)))).toEqual([
      { field: "rows.1", message: 'must be an object such as { size: "M", bust: [86, 91] }' },
    ])
  })

  it.each([
    ["missing", { bust: [80, 84] }],
    ["empty", { size: "", bust: [80, 84] }],
    ["only spaces", { size: "  ", bust: [80, 84] }],
    ["not text or a number", { size: true, bust: [80, 84] }],
    ["null", { size: null, bust: [80, 84] }],
    ["a number that is not finite", { size: Number.NaN, bust: [80, 84] }],
  ])("needs a size label (%s)", (_name, row) => {
    expect(problemsOf(validateSizeChartCreate(withRows(row)))).toEqual([{ field: "rows.0.size", message: "is required (the size label, e.g. M or 38)" }])
  })

  it("refuses a size label over 20 characters and accepts one of 20", () => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "x".repeat(21), bust: [80, 84] })))).toEqual([{ field: "rows.0.size", message: "must be at most 20 characters" }])
    expect(valueOf(validateSizeChartCreate(withRows({ size: "x".repeat(20), bust: [80, 84] }))).rows[0].size).toBe("x".repeat(20))
  })

  it("refuses a size listed twice, whatever its case or spacing, naming the later row", () => {
    const result = validateSizeChartCreate(withRows({ size: "M", bust: [86, 91] }, { size: "L", bust: [91, 96] }, { size: " m ", bust: [86, 91] }, { size: "l", bust: [91, 96] }))
    expect(problemsOf(result)).toEqual([
      { field: "rows.2.size", message: "m is listed twice" },
      { field: "rows.3.size", message: "l is listed twice" },
    ])
  })

  it("treats the number 38 and the text 38 as the same size", () => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: 38, bust: [86, 91] }, { size: "38", bust: [86, 91] })))).toEqual([
      { field: "rows.1.size", message: "38 is listed twice" },
    ])
  })

  it("needs every measurement in every row", () => {
    expect(problemsOf(validateSizeChartCreate({ ...dress, rows: [{ size: "S", bust: [82, 86] }, { size: "M", bust: [86, 91], waist: null }] }))).toEqual([
      { field: "rows.0.waist", message: "is required: a range [min, max] in cm" },
      { field: "rows.1.waist", message: "is required: a range [min, max] in cm" },
    ])
  })

  it.each([
    ["text", "82-86"],
    ["one number", [82]],
    ["three numbers", [82, 84, 86]],
    ["a number", 84],
    ["text in the list", ["82", "86"]],
    ["an object", { min: 82, max: 86 }],
  ])("refuses a range that is %s", (_name, bust) => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust })))).toEqual([{ field: "rows.0.bust", message: "must be a range [min, max] of two numbers in cm" }])
  })

  it.each([
    ["min 0", [0, 60]],
    ["a negative min", [-1, 60]],
    ["max over 300", [82, 860]],
    ["max just over 300", [250, 300.5]],
    ["both ends over 300 and reversed", [400, 350]],
    ["a min over 300 with a small max", [400, 10]],
    ["both ends negative", [-10, -5]],
  ])("refuses a range outside (0, 300] cm: %s", (_name, bust) => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust })))).toEqual([{ field: "rows.0.bust", message: "must lie between 0 and 300 cm" }])
  })

  it("refuses a range whose min is above its max", () => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust: [90, 86] })))).toEqual([{ field: "rows.0.bust", message: "min 90 is above max 86" }])
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust: [86.5, 86.4] })))).toEqual([{ field: "rows.0.bust", message: "min 86.5 is above max 86.4" }])
  })

  it("keeps text columns as trimmed text, numbers included", () => {
    const value = valueOf(validateSizeChartCreate(withRows({ size: "S", bust: [80, 84], uk: 8, us: " 4 ", eu: "34", in_size: "S" })))
    expect(value.rows).toEqual([{ size: "S", bust: [80, 84], uk: "8", us: "4", eu: "34", in_size: "S" }])
  })

  it.each([["UK"], ["uk size"], ["uk-size"], ["1uk"]])("refuses the column name %p", (key) => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust: [80, 84], [key]: "8" })))).toEqual([
      { field: `rows.0.${key}`, message: "is not a valid column name (lowercase letters, digits and _)" },
    ])
  })

  it("refuses a range in a column that is not a measurement", () => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust: [80, 84], hips: [88, 92] })))).toEqual([
      { field: "rows.0.hips", message: "is a range but hips is not in measurements" },
    ])
  })

  it.each([
    ["empty", ""],
    ["only spaces", "   "],
    ["over 40 characters", "x".repeat(41)],
  ])("refuses a text column that is %s", (_name, uk) => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust: [80, 84], uk })))).toEqual([
      { field: "rows.0.uk", message: "must be a short text of 1-40 characters, e.g. a UK size" },
    ])
  })

  it.each([[null], [true], [{ uk: 8 }]])("refuses a text column value %p that is neither text nor a number", (uk) => {
    expect(problemsOf(validateSizeChartCreate(withRows({ size: "S", bust: [80, 84], uk })))).toEqual([
      { field: "rows.0.uk", message: "must be a range in measurements or a short text" },
    ])
  })

  it("lists every problem of every row, in order, and formats them on one line", () => {
    const result = validateSizeChartCreate({
      ...dress,
      rows: [
        { size: "S", bust: [90, 86], waist: [64, 68] },
        { size: "", bust: [86, 91], waist: [68, 73] },
        { size: "s", bust: [86, 400], waist: "68" },
        { size: "L", bust: [91], waist: [0, 78], hips: [97, 102] },
        { size: "XL", bust: [96, 102] },
      ],
    })
    expect(problemsOf(result)).toEqual([
      { field: "rows.0.bust", message: "min 90 is above max 86" },
      { field: "rows.1.size", message: "is required (the size label, e.g. M or 38)" },
      { field: "rows.2.size", message: "s is listed twice" },
      { field: "rows.2.bust", message: "must lie between 0 and 300 cm" },
      { field: "rows.2.waist", message: "must be a range [min, max] of two numbers in cm" },
      { field: "rows.3.bust", message: "must be a range [min, max] of two numbers in cm" },
      { field: "rows.3.waist", message: "must lie between 0 and 300 cm" },
      { field: "rows.3.hips", message: "is a range but hips is not in measurements" },
      { field: "rows.4.waist", message: "is required: a range [min, max] in cm" },
    ])
    expect(formatProblems(problemsOf(result))).toMatch(/^rows\.0\.bust: min 90 is above max 86; rows\.1\.size: is required/)
  })

  it("reports target and content problems together", () => {
    expect(fieldsOf(validateSizeChartCreate({ measurements: ["bust"], rows: [] }))).toEqual(["product_id", "rows"])
  })
})

describe("validateSizeChartContent", () => {
  it("returns the checked measurements and rows alone", () => {
    expect(validateSizeChartContent({ measurements: ["bust"], rows: [{ size: "S", bust: [80, 84] }] })).toEqual({
      ok: true,
      value: { measurements: ["bust"], rows: [{ size: "S", bust: [80, 84] }] },
    })
  })

  it("does not change the input it is given", () => {
    const rows = [{ size: " S ", bust: [80, 84], uk: 8 }]
    const copy = JSON.parse(JSON.stringify(rows))
    valueOf(validateSizeChartContent({ measurements: ["bust"], rows }))
    expect(rows).toEqual(copy)
  })
})
