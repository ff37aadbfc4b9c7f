import { validateSizeChartUpdate } from "../../src/core"
import type { SizeChartRow } from "../../src/core"
import { problemsOf, valueOf } from "./helpers"

/** What the route passes: the chart as it is now. */
const current = {
  product_id: null,
  category_id: "pcat_dresses",
  measurements: ["bust", "waist"],
  rows: [
    { size: "S", bust: [82, 86], waist: [64, 68] },
    { size: "M", bust: [86, 91], waist: [68, 73] },
  ] as SizeChartRow[],
}
const productChart = { ...current, product_id: "prod_1", category_id: null }
const CANNOT = "cannot be changed; delete this chart and create one for the other target"

describe("validateSizeChartUpdate: what may change", () => {
  it("changes nothing for an empty, missing or null body", () => {
    for (const body of [{}, undefined, null]) expect(validateSizeChartUpdate(body, current)).toEqual({ ok: true, value: {} })
  })

  it("changes notes alone, trimmed; empty or null clears them", () => {
    expect(validateSizeChartUpdate({ notes: "  Snug fit " }, current)).toEqual({ ok: true, value: { notes: "Snug fit" } })
    expect(validateSizeChartUpdate({ notes: "" }, current)).toEqual({ ok: true, value: { notes: null } })
    expect(validateSizeChartUpdate({ notes: null }, current)).toEqual({ ok: true, value: { notes: null } })
  })

  it("checks new rows against the chart's current measurements and returns both", () => {
    expect(validateSizeChartUpdate({ rows: [{ size: "S", bust: [82, 86], waist: [64, 68] }] }, current)).toEqual({
      ok: true,
      value: { measurements: ["bust", "waist"], rows: [{ size: "S", bust: [82, 86], waist: [64, 68] }] },
    })
    expect(problemsOf(validateSizeChartUpdate({ rows: [{ size: "S", bust: [82, 86] }] }, current))).toEqual([
      { field: "rows.0.waist", message: "is required: a range [min, max] in cm" },
    ])
  })

  it("checks new measurements against the chart's current rows", () => {
    expect(problemsOf(validateSizeChartUpdate({ measurements: ["bust", "waist", "hips"] }, current))).toEqual([
      { field: "rows.0.hips", message: "is required: a range [min, max] in cm" },
      { field: "rows.1.hips", message: "is required: a range [min, max] in cm" },
    ])
  })

  it("drops a measurement only together with its ranges: the current rows still carry them", () => {
    expect(problemsOf(validateSizeChartUpdate({ measurements: ["bust"] }, current))).toEqual([
      { field: "rows.0.waist", message: "is a range but waist is not in measurements" },
      { field: "rows.1.waist", message: "is a range but waist is not in measurements" },
    ])
    expect(valueOf(validateSizeChartUpdate({ measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }] }, current))).toEqual({
      measurements: ["bust"],
      rows: [{ size: "S", bust: [82, 86] }],
    })
  })

  it("replaces measurements, rows and notes at once", () => {
    expect(
      validateSizeChartUpdate({ measurements: ["bust", "waist"], rows: [{ size: "S", bust: [82, 86], waist: [64, 68] }], notes: "Snug fit" }, { ...current, measurements: ["bust"], rows: [] })
    ).toEqual({ ok: true, value: { measurements: ["bust", "waist"], rows: [{ size: "S", bust: [82, 86], waist: [64, 68] }], notes: "Snug fit" } })
  })

  it("accepts unit cm, the only unit, without returning it", () => {
    expect(validateSizeChartUpdate({ unit: "cm" }, current)).toEqual({ ok: true, value: {} })
    expect(problemsOf(validateSizeChartUpdate({ unit: "in" }, current))).toEqual([{ field: "unit", message: 'must be "cm" (the only unit supported)' }])
  })

  it("does not change the current chart it is given", () => {
    const before = JSON.parse(JSON.stringify(current))
    validateSizeChartUpdate({ measurements: ["bust"], rows: [{ size: "XS", bust: [78, 82] }] }, current)
    expect(current).toEqual(before)
  })
})

describe("validateSizeChartUpdate: what is refused", () => {
  it("refuses a new category or product for the chart", () => {
    expect(problemsOf(validateSizeChartUpdate({ category_id: "pcat_x" }, current))).toEqual([{ field: "category_id", message: CANNOT }])
    expect(problemsOf(validateSizeChartUpdate({ product_id: "prod_2" }, current))).toEqual([{ field: "product_id", message: CANNOT }])
    expect(problemsOf(validateSizeChartUpdate({ product_id: "prod_2" }, productChart))).toEqual([{ field: "product_id", message: CANNOT }])
    expect(problemsOf(validateSizeChartUpdate({ category_id: null }, current))).toEqual([{ field: "category_id", message: CANNOT }])
  })

  it("accepts the target repeated unchanged, as a client sends back what it read", () => {
    expect(validateSizeChartUpdate({ product_id: null, category_id: "pcat_dresses", notes: "x" }, current)).toEqual({ ok: true, value: { notes: "x" } })
    expect(validateSizeChartUpdate({ product_id: "prod_1", category_id: null }, productChart)).toEqual({ ok: true, value: {} })
  })

  it("refuses any target when the current one is not known", () => {
    const { product_id: _p, category_id: _c, ...contentOnly } = current
    expect(problemsOf(validateSizeChartUpdate({ category_id: "pcat_dresses" }, contentOnly))).toEqual([{ field: "category_id", message: CANNOT }])
  })

  it("reports a target change together with the other problems", () => {
    expect(problemsOf(validateSizeChartUpdate({ product_id: "prod_2", notes: 5 }, current))).toEqual([
      { field: "product_id", message: CANNOT },
      { field: "notes", message: "Expected string, received number" },
    ])
    expect(problemsOf(validateSizeChartUpdate({ category_id: "pcat_x", rows: [] }, current))).toEqual([
      { field: "category_id", message: CANNOT },
      { field: "rows", message: "must have at least one size" },
    ])
  })

  it("reports unknown fields by name, one problem each", () => {
    expect(problemsOf(validateSizeChartUpdate({ id: "szc_1", colour: "red", notes: "x" }, current))).toEqual([
      { field: "id", message: "is not a known field" },
      { field: "colour", message: "is not a known field" },
    ])
  })

  it("refuses measurements and rows that are not lists, null included", () => {
    expect(problemsOf(validateSizeChartUpdate({ measurements: null, rows: "S" }, current))).toEqual([
      { field: "measurements", message: "must be a list of measurement names" },
      { field: "rows", message: "must be a list of sizes" },
    ])
  })

  it("refuses an empty list of measurements or rows", () => {
    expect(problemsOf(validateSizeChartUpdate({ measurements: [] }, current))).toEqual([
      { field: "measurements", message: "must name at least one measurement, e.g. bust" },
      { field: "rows.0.bust", message: "is a range but bust is not in measurements" },
      { field: "rows.0.waist", message: "is a range but waist is not in measurements" },
      { field: "rows.1.bust", message: "is a range but bust is not in measurements" },
      { field: "rows.1.waist", message: "is a range but waist is not in measurements" },
    ])
    expect(problemsOf(validateSizeChartUpdate({ rows: [] }, current))).toEqual([{ field: "rows", message: "must have at least one size" }])
  })

  it("refuses duplicate sizes and bad ranges in new rows", () => {
    expect(
      problemsOf(
        validateSizeChartUpdate(
          {
            rows: [
              { size: "M", bust: [86, 91], waist: [68, 73] },
              { size: "m", bust: [91, 86], waist: [73, 78] },
            ],
          },
          current
        )
      )
    ).toEqual([
      { field: "rows.1.size", message: "m is listed twice" },
      { field: "rows.1.bust", message: "min 91 is above max 86" },
    ])
  })

  it.each([[[]], [["notes", "x"]], ["notes"], [7]])("refuses a body that is not an object: %p", (body) => {
    expect(problemsOf(validateSizeChartUpdate(body, current))).toEqual([{ field: "body", message: "must be an object describing the size chart" }])
  })
})
