import { braBandAndCup, bodyFactsFromMeasurements, letterPosition, scaleSizes } from "../../src/core"

describe("scaleSizes", () => {
  it("puts letter sizes on one ladder, whatever order the shop lists them in", () => {
    expect(scaleSizes(["L", "S", "M", "XL"])).toEqual([
      { label: "S", position: 2 },
      { label: "M", position: 3 },
      { label: "L", position: 4 },
      { label: "XL", position: 5 },
    ])
    expect(letterPosition("2XL")).toBe(letterPosition("XXL"))
    expect(letterPosition(" xs ")).toBe(1)
  })

  it("uses numeric sizes as numbers and keeps other labels in the shop's order", () => {
    expect(scaleSizes(["38", "36", "40"]).map((s) => s.position)).toEqual([36, 38, 40])
    expect(scaleSizes(["Petite", "Regular", "Tall"])).toEqual([
      { label: "Petite", position: 0 },
      { label: "Regular", position: 1 },
      { label: "Tall", position: 2 },
    ])
  })

  it("drops blanks and repeats", () => {
    expect(scaleSizes(["M", "M", " ", "S"]).map((s) => s.label)).toEqual(["S", "M"])
  })
})

describe("body facts from the store's measurements", () => {
  it("reads band and cup from a bra size", () => {
    expect(braBandAndCup("34B")).toEqual({ band_in: 34, cup: 2 })
    expect(braBandAndCup("36DD")).toEqual({ band_in: 36, cup: 5 })
    expect(braBandAndCup(null)).toEqual({ band_in: null, cup: null })
    expect(braBandAndCup("large")).toEqual({ band_in: null, cup: null })
  })

  it("keeps unknown facts unknown", () => {
    expect(bodyFactsFromMeasurements({ height_cm: 160, body_type: "pear" })).toEqual({
      height_cm: 160,
      weight_kg: null,
      bust_cm: null,
      waist_cm: null,
      hips_cm: null,
      band_in: null,
      cup: null,
      body_type: "pear",
      age: null,
    })
  })
})
