import { formatMoney, listInWords, namedProducts, namesOtherProducts, singular, toMinor, words } from "../../src/core"

describe("money", () => {
  it("formats rupees with Indian grouping and dollars with cents only when there are some", () => {
    expect(formatMoney(189900, "inr")).toBe("₹1,899")
    expect(formatMoney(12345600, "inr")).toBe("₹1,23,456")
    expect(formatMoney(3900, "usd")).toBe("$39")
    expect(formatMoney(3950, "USD")).toBe("$39.50")
    expect(formatMoney(123456700, "usd")).toBe("$1,234,567")
  })

  it("converts major units to minor units without float drift", () => {
    expect(toMinor(19.99, "usd")).toBe(1999)
    expect(toMinor(2500, "inr")).toBe(250000)
  })
})

describe("words", () => {
  it("makes plurals singular so shopper text and catalogue text meet", () => {
    expect(singular("dresses")).toBe("dress")
    expect(singular("florals")).toBe("floral")
    expect(singular("dress")).toBe("dress")
    expect(words("Crop-Tops & Dresses")).toEqual(["crop", "top", "dress"])
    expect(listInWords(["a", "b", "c"])).toBe("a, b and c")
  })
})

describe("product names in text", () => {
  const titles = ["Sequin Mini Skirt", "Sequin Mini Skirt Set", "Cowl Neck Satin Slip Dress"]

  it("finds titles whatever the case and punctuation, longest first", () => {
    const found = namedProducts("Try the sequin mini skirt set with the cowl-neck satin slip dress!", titles)
    expect(found.map((n) => n.title)).toEqual(["Sequin Mini Skirt Set", "Cowl Neck Satin Slip Dress"])
  })

  it("lists the titles named that are not allowed", () => {
    expect(namesOtherProducts("Pair the Sequin Mini Skirt with heels", ["Sequin Mini Skirt"], titles)).toEqual([])
    expect(namesOtherProducts("Or the Cowl Neck Satin Slip Dress", ["Sequin Mini Skirt"], titles)).toEqual(["Cowl Neck Satin Slip Dress"])
  })
})
