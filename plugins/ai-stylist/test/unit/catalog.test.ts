import { buildStylistIndex, categoryPath, normalizeSize, roleFor, sizeKind, VariantRow } from "../../src/core"
import { seedCategories, seedIndex, seedProducts, seedRows, variantId } from "./catalogue"

describe("the stylist index over the seeded catalogue", () => {
  const index = seedIndex("inr")

  it("has one item per colour and size of every product", () => {
    const variants = seedProducts.reduce((sum, p) => sum + p.colors.length * p.sizes.length, 0)
    expect(index.items).toHaveLength(variants)
    expect(index.byProduct.size).toBe(seedProducts.length)
    expect(index.productTitles).toHaveLength(seedProducts.length)
  })

  it("gives every item an outfit role", () => {
    const roles = new Set(index.items.map((i) => i.role))
    expect([...roles].sort()).toEqual(["bag", "bottom", "coord", "dress", "jewellery", "shoes", "top"])
    const partyTop = index.items.find((i) => i.handle === "pearl-embellished-corset-top")!
    expect(partyTop.role).toBe("top")
    expect(partyTop.category_path).toEqual(["party-wear"])
  })

  it("files accessories under their parent category too", () => {
    expect(index.byCategory.get("accessories")!.map((i) => i.role).every((r) => ["shoes", "bag", "jewellery"].includes(r))).toBe(true)
    expect(index.byCategory.get("heels")![0].category_path).toEqual(["accessories", "heels"])
  })

  it("reads stock, sizes, prices and features", () => {
    const soldOut = index.byVariant.get(variantId("ruched-satin-bodycon-midi", "Emerald", "XS"))!
    expect(soldOut.in_stock).toBe(false)
    const dress = index.byVariant.get(variantId("ruched-satin-bodycon-midi", "Black", "M"))!
    expect(dress).toMatchObject({ in_stock: true, inventory: 2, price_minor: 189900, currency: "inr", size: "M", size_kind: "letter", pattern: "solid" })
    expect(dress.features).toContain("sleeveless")
    expect(dress.occasions).toEqual(["party", "date-night", "cocktail"])
    expect(index.bySize.get("One Size")!.every((i) => i.size_kind === "one")).toBe(true)
    expect(index.bySize.get("38")!.every((i) => i.role === "shoes")).toBe(true)
  })
})

describe("reading rows", () => {
  const base = seedRows("usd")[0]

  it("reports rows it cannot use, by row, and keeps the rest", () => {
    const rows: VariantRow[] = [base, { ...base, variant_id: "v2", category: null }, { ...base, variant_id: "v3", price_minor: 12.5 }, { ...base }]
    const { index, problems } = buildStylistIndex(rows, { currency: "usd", categories: seedCategories })
    expect(index.items).toHaveLength(1)
    expect(problems.map((p) => p.field)).toEqual(["rows.1.category", "rows.2.price_minor", "rows.3.variant_id"])
  })

  it("treats unmanaged or backorderable inventory as in stock", () => {
    const rows = [{ ...base, inventory_quantity: 0, manage_inventory: false }, { ...base, variant_id: "b", inventory_quantity: 0, allow_backorder: true }]
    const { index } = buildStylistIndex(rows, { currency: "usd", categories: seedCategories })
    expect(index.items.map((i) => i.in_stock)).toEqual([true, true])
    expect(index.items[0].inventory).toBeNull()
  })

  it("normalises sizes and knows their kind", () => {
    expect(normalizeSize("2xl")).toBe("XXL")
    expect(normalizeSize("one size")).toBe("One Size")
    expect(normalizeSize("EU 38")).toBe("38")
    expect(sizeKind("38")).toBe("shoe")
    expect(sizeKind("m")).toBe("letter")
    expect(sizeKind("One Size")).toBe("one")
  })

  it("finds roles from the type, then the category path, and survives category cycles", () => {
    expect(roleFor("Skirt", ["skirts"])).toBe("bottom")
    expect(roleFor(null, ["accessories", "heels"])).toBe("shoes")
    expect(roleFor("Scarf", ["misc"])).toBeNull()
    const cyclic = new Map([["a", { handle: "a", parent: "b" }], ["b", { handle: "b", parent: "a" }]])
    expect(categoryPath("a", cyclic)).toEqual(["b", "a"])
  })
})
