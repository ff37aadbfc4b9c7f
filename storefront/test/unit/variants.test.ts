import { isInStock, LOW_STOCK, pickerModel, type PickerOption, type PickerVariant } from "@/lib/core/variants"

const options: PickerOption[] = [
  { id: "opt_size", title: "Size" },
  { id: "opt_colour", title: "Colour" },
]

function variant(id: string, size: string | null, colour: string | null, stock: Partial<PickerVariant> = {}, metadata: Record<string, unknown> | null = null): PickerVariant {
  return {
    id,
    inventory_quantity: 10,
    allow_backorder: false,
    manage_inventory: true,
    options: [...(size ? [{ option_id: "opt_size", value: size }] : []), ...(colour ? [{ option_id: "opt_colour", value: colour }] : [])],
    metadata,
    ...stock,
  }
}

describe("isInStock", () => {
  it("is in stock with units on hand", () => {
    expect(isInStock({ inventory_quantity: 1, allow_backorder: false, manage_inventory: true })).toBe(true)
  })
  it("is sold out with none on hand", () => {
    expect(isInStock({ inventory_quantity: 0, allow_backorder: false, manage_inventory: true })).toBe(false)
    expect(isInStock({ inventory_quantity: -2, allow_backorder: false, manage_inventory: true })).toBe(false)
  })
  it("is always in stock when inventory is not managed", () => {
    expect(isInStock({ inventory_quantity: 0, allow_backorder: false, manage_inventory: false })).toBe(true)
  })
  it("is always in stock when backorders are allowed", () => {
    expect(isInStock({ inventory_quantity: 0, allow_backorder: true, manage_inventory: true })).toBe(true)
    expect(isInStock({ inventory_quantity: -5, allow_backorder: true, manage_inventory: true })).toBe(true)
  })
})

describe("pickerModel", () => {
  const variants = [
    variant("v_black_s", "S", "Black", { inventory_quantity: 5 }, { color_hex: "#000000", image: "/black.jpg" }),
    variant("v_black_m", "M", "Black", { inventory_quantity: 2 }),
    variant("v_black_l", "L", "Black", { inventory_quantity: 0 }),
    variant("v_red_s", "S", "Red", { inventory_quantity: 0 }, { color_hex: "#c00000" }),
    variant("v_red_m", "M", "Red", { inventory_quantity: 0 }),
    variant("v_green_m", "M", "Green", { inventory_quantity: 0, allow_backorder: true }, { color_hex: 42, image: null }),
    variant("v_white_xl", "XL", "White", { inventory_quantity: 0, manage_inventory: false }),
  ]
  const model = pickerModel(options, variants)

  it("lists colours in first-seen order, with swatch and stock from their variants", () => {
    expect(model.colours).toEqual([
      { name: "Black", hex: "#000000", image: "/black.jpg", inStock: true },
      { name: "Red", hex: "#c00000", image: null, inStock: false },
      { name: "Green", hex: null, image: null, inStock: true },
      { name: "White", hex: null, image: null, inStock: true },
    ])
    expect(model.hasColours).toBe(true)
  })

  it("lists sizes in first-seen order", () => {
    expect(model.sizes).toEqual(["S", "M", "L", "XL"])
    expect(model.hasSizes).toBe(true)
  })

  it("gives sizes across all colours while no colour is chosen, without unit counts", () => {
    expect(model.sizesFor(null)).toEqual([
      { value: "S", inStock: true, lowStock: null },
      { value: "M", inStock: true, lowStock: null },
      { value: "L", inStock: false, lowStock: null },
      { value: "XL", inStock: true, lowStock: null },
    ])
  })

  it("gives a colour's sizes, sold out where it has none, and the units left when few", () => {
    expect(model.sizesFor("Black")).toEqual([
      { value: "S", inStock: true, lowStock: null },
      { value: "M", inStock: true, lowStock: 2 },
      { value: "L", inStock: false, lowStock: null },
      { value: "XL", inStock: false, lowStock: null },
    ])
    expect(model.sizesFor("Red").map((s) => s.inStock)).toEqual([false, false, false, false])
  })

  it("never counts units that do not run out (backorder or unmanaged)", () => {
    expect(model.sizesFor("Green")).toEqual([
      { value: "S", inStock: false, lowStock: null },
      { value: "M", inStock: true, lowStock: null },
      { value: "L", inStock: false, lowStock: null },
      { value: "XL", inStock: false, lowStock: null },
    ])
    expect(model.sizesFor("White")[3]).toEqual({ value: "XL", inStock: true, lowStock: null })
  })

  it(`tells the units left at ${LOW_STOCK} or fewer, not above`, () => {
    expect(LOW_STOCK).toBe(3)
    for (const [units, lowStock] of [[1, 1], [2, 2], [3, 3], [4, null], [50, null]] as const) {
      const m = pickerModel(options, [variant("a", "S", "Black", { inventory_quantity: units }), variant("b", "M", "Black")])
      expect(m.sizesFor("Black")[0]).toEqual({ value: "S", inStock: true, lowStock })
    }
  })

  it("tells the units left for a product without colours", () => {
    const m = pickerModel([{ id: "opt_size", title: "Size" }], [variant("a", "S", null, { inventory_quantity: 1 }), variant("b", "M", null, { inventory_quantity: 9 }), variant("c", "L", null, { inventory_quantity: 0 })])
    expect(m.hasColours).toBe(false)
    expect(m.colours).toEqual([])
    const expected = [
      { value: "S", inStock: true, lowStock: 1 },
      { value: "M", inStock: true, lowStock: null },
      { value: "L", inStock: false, lowStock: null },
    ]
    expect(m.sizesFor(null)).toEqual(expected)
    // a colour left over from another product means nothing here
    expect(m.sizesFor("Black")).toEqual(expected)
  })

  it("finds the variant for a size and colour", () => {
    expect(model.variantFor("M", "Black")?.id).toBe("v_black_m")
    expect(model.variantFor("S", "Red")?.id).toBe("v_red_s")
    expect(model.variantFor("XL", "White")?.id).toBe("v_white_xl")
  })

  it("finds nothing for a combination that does not exist or is not fully chosen", () => {
    expect(model.variantFor("XL", "Black")).toBeNull()
    expect(model.variantFor(null, "Black")).toBeNull()
    expect(model.variantFor("M", null)).toBeNull()
    expect(model.variantFor(null, null)).toBeNull()
  })

  it("tells the choice a variant stands for", () => {
    expect(model.choiceOf(variants[1])).toEqual({ size: "M", colour: "Black" })
    expect(model.choiceOf(variant("x", null, null))).toEqual({ size: null, colour: null })
  })

  it("matches option titles case-insensitively, spaces trimmed, colour or color", () => {
    const m = pickerModel(
      [
        { id: "opt_size", title: " SIZE " },
        { id: "opt_colour", title: "color" },
      ],
      variants,
    )
    expect(m.sizes).toEqual(["S", "M", "L", "XL"])
    expect(m.colours.map((c) => c.name)).toEqual(["Black", "Red", "Green", "White"])
    expect(m.variantFor("L", "Black")?.id).toBe("v_black_l")
  })

  it("picks by size alone when a product has no colours", () => {
    const m = pickerModel([{ id: "opt_size", title: "Size" }], [variant("a", "S", null), variant("b", "M", null)])
    expect(m.hasSizes).toBe(true)
    expect(m.variantFor("M", null)?.id).toBe("b")
    expect(m.variantFor("M", "Black")?.id).toBe("b")
    expect(m.variantFor("L", null)).toBeNull()
  })

  it("picks by colour alone when a product has no sizes", () => {
    const m = pickerModel([{ id: "opt_colour", title: "Colour" }], [variant("a", null, "Black"), variant("b", null, "Red", { inventory_quantity: 0 })])
    expect(m.hasSizes).toBe(false)
    expect(m.sizes).toEqual([])
    expect(m.sizesFor("Black")).toEqual([])
    expect(m.colours.map((c) => [c.name, c.inStock])).toEqual([
      ["Black", true],
      ["Red", false],
    ])
    expect(m.variantFor(null, "Red")?.id).toBe("b")
  })

  it("a product with a single variant always means that variant", () => {
    const only = variant("only", null, null, { inventory_quantity: 0 })
    const m = pickerModel([{ id: "opt_default", title: "Default option" }], [only])
    expect(m).toMatchObject({ colours: [], sizes: [], hasSizes: false, hasColours: false })
    expect(m.variantFor(null, null)).toBe(only)
    expect(m.variantFor("M", "Black")).toBe(only)
  })

  it("has no choices for a product without variants", () => {
    const m = pickerModel(options, [])
    expect(m).toMatchObject({ colours: [], sizes: [], hasSizes: false, hasColours: false })
    expect(m.variantFor("S", "Black")).toBeNull()
  })
})
