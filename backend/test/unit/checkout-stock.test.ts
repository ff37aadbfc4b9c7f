import { checkoutShortages, shortageMessage, stockedVariantIds, type CheckoutLine } from "../../src/core/checkout-stock"

const line = (variant_id: string, quantity: number, extra: Partial<CheckoutLine> = {}): CheckoutLine => ({
  variant_id,
  quantity,
  title: `Dress (${variant_id})`,
  manage_inventory: true,
  allow_backorder: false,
  ...extra,
})

describe("stockedVariantIds", () => {
  it("lists each managed variant once, in one order, and leaves out backorders and unmanaged stock", () => {
    expect(stockedVariantIds([line("b", 1), line("a", 2), line("b", 1), line("c", 1, { allow_backorder: true }), line("d", 1, { manage_inventory: false })])).toEqual(["a", "b"])
  })
})

describe("checkoutShortages", () => {
  it("is empty when every stocked line is covered", () => {
    expect(checkoutShortages([line("a", 2), line("b", 1)], new Map([["a", 2], ["b", 5]]))).toEqual([])
  })

  it("adds up several lines of one variant", () => {
    expect(checkoutShortages([line("a", 2), line("a", 1)], new Map([["a", 2]]))).toEqual([{ variant_id: "a", title: "Dress (a)", wanted: 3, available: 2 }])
  })

  it("takes an unknown or negative stock as none, and ignores backorders and unmanaged variants", () => {
    const lines = [line("gone", 1), line("minus", 1), line("back", 9, { allow_backorder: true }), line("free", 9, { manage_inventory: false })]
    expect(checkoutShortages(lines, new Map([["minus", -3]])).map((s) => [s.variant_id, s.available])).toEqual([
      ["gone", 0],
      ["minus", 0],
    ])
  })
})

describe("shortageMessage", () => {
  it("says what sold out and what to do", () => {
    expect(shortageMessage([{ variant_id: "a", title: "Linen dress (M)", wanted: 1, available: 0 }])).toBe(
      "Linen dress (M) has sold out while you were checking out. Remove it or lower the quantity, then place your order again."
    )
  })

  it("says how many are left when some are", () => {
    expect(
      shortageMessage([
        { variant_id: "a", title: "Kurta (S)", wanted: 3, available: 1 },
        { variant_id: "b", title: "Scarf", wanted: 2, available: 0 },
      ])
    ).toBe("Only 1 of Kurta (S) is left (your bag has 3); Scarf has sold out while you were checking out. Remove what is missing or lower the quantity, then place your order again.")
  })
})
