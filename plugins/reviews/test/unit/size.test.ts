import { orderSizes, sizeOfVariant } from "../../src/core"

describe("sizeOfVariant", () => {
  it("takes the value of the option titled Size, in any case and spacing", () => {
    expect(sizeOfVariant([{ option_title: "Colour", value: "Red" }, { option_title: "Size", value: "M" }])).toBe("M")
    expect(sizeOfVariant([{ option_title: " SIZE ", value: " 38 " }])).toBe("38")
    expect(sizeOfVariant([{ option_title: "size", value: "XL" }])).toBe("XL")
  })

  it("is null without a Size option or value", () => {
    expect(sizeOfVariant([{ option_title: "Colour", value: "Gold" }])).toBeNull()
    expect(sizeOfVariant([{ option_title: "Sizes", value: "M" }])).toBeNull()
    expect(sizeOfVariant([{ option_title: "Size", value: "  " }])).toBeNull()
    expect(sizeOfVariant([{ option_title: null, value: null }])).toBeNull()
    expect(sizeOfVariant([])).toBeNull()
  })
})

describe("orderSizes", () => {
  it("follows the product's order, ignoring case and spaces", () => {
    expect(orderSizes(["L", "xs", "M"], ["XS", "S", "M", "L"])).toEqual(["xs", "M", "L"])
    expect(orderSizes(["40", "36", "38"], ["36", "38", "40"])).toEqual(["36", "38", "40"])
  })

  it("puts sizes the product no longer lists after its own, smallest first", () => {
    expect(orderSizes(["XL", "M", "S", "XS"], ["M"])).toEqual(["M", "XS", "S", "XL"])
    expect(orderSizes(["42", "9", "M", "Free"], [])).toEqual(["M", "9", "42", "Free"])
    expect(orderSizes(["Petite", "Free"], [])).toEqual(["Free", "Petite"])
  })

  it("does not change its input", () => {
    const sizes = ["L", "S"]
    orderSizes(sizes, ["S", "L"])
    expect(sizes).toEqual(["L", "S"])
  })
})
