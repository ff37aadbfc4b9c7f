import { currencySymbol, discountPercent, formatMoney } from "@/lib/core/money"

describe("formatMoney", () => {
  it("groups rupees the Indian way", () => {
    expect(formatMoney(12345600, "inr")).toBe("₹1,23,456")
    expect(formatMoney(1234567800, "inr")).toBe("₹1,23,45,678")
    expect(formatMoney(10000000, "inr")).toBe("₹1,00,000")
    expect(formatMoney(99900, "inr")).toBe("₹999")
    expect(formatMoney(100000, "inr")).toBe("₹1,000")
  })

  it("groups dollars in thousands", () => {
    expect(formatMoney(123450, "usd")).toBe("$1,234.50")
    expect(formatMoney(12345600, "usd")).toBe("$123,456")
    expect(formatMoney(123456789, "usd")).toBe("$1,234,567.89")
  })

  it("shows whole amounts without decimals and others with two", () => {
    expect(formatMoney(0, "inr")).toBe("₹0")
    expect(formatMoney(0, "usd")).toBe("$0")
    expect(formatMoney(149900, "inr")).toBe("₹1,499")
    expect(formatMoney(149950, "inr")).toBe("₹1,499.50")
    expect(formatMoney(149901, "inr")).toBe("₹1,499.01")
    expect(formatMoney(1, "usd")).toBe("$0.01")
    expect(formatMoney(50, "usd")).toBe("$0.50")
    expect(formatMoney(2500, "usd")).toBe("$25")
    expect(formatMoney(2599, "usd")).toBe("$25.99")
  })

  it("accepts the currency code in any case", () => {
    expect(formatMoney(12345600, "INR")).toBe("₹1,23,456")
    expect(formatMoney(123450, "USD")).toBe("$1,234.50")
  })

  it("shows negative amounts (refunds, discounts) with a minus", () => {
    expect(formatMoney(-50000, "inr")).toBe("-₹500")
    expect(formatMoney(-1050, "usd")).toBe("-$10.50")
  })

  it("formats other currencies the US way", () => {
    expect(formatMoney(123450, "eur")).toBe("€1,234.50")
    expect(formatMoney(100000, "gbp")).toBe("£1,000")
  })

  it("does not divide zero-decimal currencies, which Medusa stores in whole units", () => {
    expect(formatMoney(1500, "jpy")).toBe("¥1,500")
    expect(formatMoney(1500, "JPY")).toBe("¥1,500")
    expect(formatMoney(25000, "krw")).toBe("₩25,000")
    expect(formatMoney(0, "jpy")).toBe("¥0")
  })
})

describe("discountPercent", () => {
  it("gives the whole percent off", () => {
    expect(discountPercent(75000, 100000)).toBe(25)
    expect(discountPercent(149900, 299900)).toBe(50)
    expect(discountPercent(1, 2)).toBe(50)
    expect(discountPercent(2, 3)).toBe(33)
    expect(discountPercent(1, 3)).toBe(67)
  })

  it("rounds half up to the nearest whole percent", () => {
    expect(discountPercent(99750, 100000)).toBe(0) // 0.25%
    expect(discountPercent(99500, 100000)).toBe(1) // 0.5%
    expect(discountPercent(87450, 100000)).toBe(13) // 12.55%
    expect(discountPercent(87560, 100000)).toBe(12) // 12.44%
  })

  it("is 0 when there is no saving", () => {
    expect(discountPercent(100000, 100000)).toBe(0)
    expect(discountPercent(120000, 100000)).toBe(0)
    expect(discountPercent(100000, 0)).toBe(0)
    expect(discountPercent(0, 0)).toBe(0)
    expect(discountPercent(-5, -1)).toBe(0)
    expect(discountPercent(100, -200)).toBe(0)
    expect(discountPercent(Number.NaN, 100)).toBe(0)
    expect(discountPercent(100, Number.NaN)).toBe(0)
  })

  it("is 100 only when the item is free", () => {
    expect(discountPercent(0, 100000)).toBe(100)
    expect(discountPercent(1, 100000)).toBe(99)
    expect(discountPercent(400, 100000)).toBe(99)
  })
})

describe("currencySymbol", () => {
  it("gives the symbol shoppers know", () => {
    expect(currencySymbol("inr")).toBe("₹")
    expect(currencySymbol("INR")).toBe("₹")
    expect(currencySymbol("usd")).toBe("$")
    expect(currencySymbol("eur")).toBe("€")
    expect(currencySymbol("gbp")).toBe("£")
    expect(currencySymbol("jpy")).toBe("¥")
  })

  it("falls back to the code for a currency without a symbol", () => {
    expect(currencySymbol("xyz")).toBe("XYZ")
  })
})
