import { adviseSize, chartTightness, fitNote, FitModel, ProductSizing, scaleSizes } from "../../src/core"
import { syntheticReviews } from "./synthetic-fit"

const chart: ProductSizing["chart"] = {
  measurements: ["bust", "waist", "hips"],
  rows: [
    { size: "S", bust: [82, 86], waist: [64, 68], hips: [88, 92] },
    { size: "M", bust: [86, 90], waist: [68, 72], hips: [92, 96] },
    { size: "L", bust: [90, 94], waist: [72, 76], hips: [96, 100] },
    { size: "XL", bust: [94, 98], waist: [76, 80], hips: [100, 104] },
  ],
}
const dress = (id = "prod_dress"): ProductSizing => ({ product_id: id, category_id: "dresses", sizes: scaleSizes(["S", "M", "L", "XL"]), chart })

describe("chart tightness", () => {
  it("is 0 in the middle of every range and about 1 a size too tight", () => {
    expect(chartTightness(chart!.rows[1], { bust_cm: 88, waist_cm: 70, hips_cm: 94 }, chart!.measurements)).toBeCloseTo(0)
    expect(chartTightness(chart!.rows[0], { bust_cm: 90, waist_cm: 70, hips_cm: 94 }, chart!.measurements)).toBeCloseTo(1.5)
    expect(chartTightness(chart!.rows[0], { height_cm: 160 }, chart!.measurements)).toBeNull()
  })
})

describe("adviseSize", () => {
  it("advises from the size chart alone when nothing has been learned", () => {
    const advice = adviseSize(null, dress(), { customer_id: null, measurements: { bust_cm: 88, waist_cm: 70, hips_cm: 94 } })
    expect(advice.recommended_size).toBe("M")
    expect(advice.confidence).toBeGreaterThan(0.5)
    expect(advice.based_on).toEqual({ measurements: true, history: false, size_chart: true, reviews: 0 })
    expect(advice.probabilities.map((p) => p.size)).toEqual(["S", "M", "L", "XL"])
    const small = advice.probabilities[0]
    expect(small.small).toBeGreaterThan(small.large)
    expect(advice.alternatives.length).toBeGreaterThan(0)
    expect(advice.reason).toMatch(/measurements against this product's size chart/)
  })

  it("leans to the smaller size for a snug fit and the larger for a relaxed one, between sizes", () => {
    const between = { bust_cm: 90, waist_cm: 72, hips_cm: 96 }
    expect(adviseSize(null, dress(), { customer_id: null, measurements: { ...between, preferred_fit: "snug" } }).recommended_size).toBe("M")
    expect(adviseSize(null, dress(), { customer_id: null, measurements: { ...between, preferred_fit: "relaxed" } }).recommended_size).toBe("L")
  })

  it("asks a guest with no measurements for them and still says how the product runs", () => {
    const advice = adviseSize(null, dress(), { customer_id: null, measurements: null })
    expect(advice.recommended_size).toBeNull()
    expect(advice.confidence).toBeNull()
    expect(advice.reason).toMatch(/Add your measurements/)
  })

  it("uses her history when she has reviews, even without measurements", () => {
    const { rows, shoppers } = syntheticReviews(6000)
    const model = FitModel.train(rows)
    const shopper = shoppers.find((s) => s.trueSize === 3 && rows.filter((r) => r.user === s.id).length >= 15)!
    const product: ProductSizing = { product_id: "prod_1", category_id: "dresses", sizes: scaleSizes(["XS", "S", "M", "L", "XL"]).map((s, i) => ({ ...s, position: i + 1 })), chart: null }
    const advice = adviseSize(model, product, { customer_id: shopper.id, measurements: null })
    expect(advice.based_on.history).toBe(true)
    expect(advice.based_on.measurements).toBe(false)
    // prod_1 runs true to size: her true size, 3, is M here.
    expect(advice.recommended_size).toBe("M")
    expect(advice.reason).toMatch(/your reviews \(you usually take/)
  })

  it("moves a shopper up a size on a product that runs small", () => {
    const { rows, shoppers, items } = syntheticReviews(6000)
    const model = FitModel.train(rows)
    const runsSmall = items.find((item) => item.offset === 1)!
    const runsTrue = items.find((item) => item.offset === 0)!
    const shopper = shoppers.find((s) => s.trueSize === 3 && rows.filter((r) => r.user === s.id).length >= 15)!
    const sizes = [1, 2, 3, 4, 5, 6].map((position) => ({ label: `S${position}`, position }))
    const advise = (item: string) => adviseSize(model, { product_id: item, category_id: "dresses", sizes, chart: null }, { customer_id: shopper.id, measurements: null })
    expect(advise(runsTrue.id).recommended_size).toBe("S3")
    expect(advise(runsSmall.id).recommended_size).toBe("S4")
    expect(advise(runsSmall.id).fit_note).toMatch(/runs small/)
  })
})

describe("fitNote", () => {
  it("needs a few reviews and says which way a product runs", () => {
    expect(fitNote({ small: 1, fit: 0, large: 0, total: 1, reviews: 1 })).toBeNull()
    expect(fitNote({ small: 6, fit: 4, large: 0, total: 10, reviews: 10 })).toBe("runs small: we suggest one size up")
    expect(fitNote({ small: 0, fit: 8, large: 2, total: 10, reviews: 10 })).toBe("runs slightly large: if between sizes, take the smaller")
    expect(fitNote({ small: 1, fit: 8, large: 1, total: 10, reviews: 10 })).toBe("true to size")
  })
})
