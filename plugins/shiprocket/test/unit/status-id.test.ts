import { statusIdOf } from "../../src/core/shipment-status"

describe("statusIdOf", () => {
  it("reads whole, non-negative ids from numbers and digit strings", () => {
    expect(statusIdOf(18)).toBe(18)
    expect(statusIdOf(" 18 ")).toBe(18)
    expect(statusIdOf("0")).toBe(0)
  })

  it("refuses what no id column could hold: fractions, negatives, numbers past 2^53", () => {
    for (const value of [1.5, -1, 1e308, "123456789012345678901234567890", Number.NaN, "18a", null, undefined, {}]) expect(statusIdOf(value)).toBeNull()
  })
})
