import { cmToInches, formatRange, humanize } from "@/lib/core/units"

describe("cmToInches", () => {
  it("converts to one decimal", () => {
    expect(cmToInches(2.54)).toBe(1)
    expect(cmToInches(0)).toBe(0)
    expect(cmToInches(86)).toBe(33.9)
    expect(cmToInches(40)).toBe(15.7)
    expect(cmToInches(100)).toBe(39.4)
    expect(cmToInches(200)).toBe(78.7)
    expect(cmToInches(91.44)).toBe(36)
  })
})

describe("formatRange", () => {
  it("shows centimetres as given, with an en dash", () => {
    expect(formatRange([82, 86], "cm")).toBe("82–86")
    expect(formatRange([82.5, 86], "cm")).toBe("82.5–86")
  })

  it("converts to inches", () => {
    expect(formatRange([82, 86], "in")).toBe("32.3–33.9")
    expect(formatRange([91.44, 96.52], "in")).toBe("36–38")
  })

  it("shows a single value when both ends are the same", () => {
    expect(formatRange([86, 86], "cm")).toBe("86")
    expect(formatRange([86, 86], "in")).toBe("33.9")
    // different in centimetres, the same once rounded to a tenth of an inch
    expect(formatRange([86, 86.1], "in")).toBe("33.9")
  })
})

describe("humanize", () => {
  it("turns keys into labels", () => {
    expect(humanize("full_bust")).toBe("Full bust")
    expect(humanize("inverted_triangle")).toBe("Inverted triangle")
    expect(humanize("bodycon-dresses")).toBe("Bodycon dresses")
    expect(humanize("snug")).toBe("Snug")
    expect(humanize("a__b--c")).toBe("A b c")
    expect(humanize("_party_")).toBe("Party")
    expect(humanize("XL")).toBe("XL")
    expect(humanize("")).toBe("")
  })
})
