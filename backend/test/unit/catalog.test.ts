import path from "path"
import { gstRateFor, loadCatalog, planVariants } from "../../src/seed/catalog"

const catalogDir = path.resolve(__dirname, "..", "..", "..", "data", "catalog")

describe("gstRateFor (GST 2.0)", () => {
  it("charges 5% on apparel up to Rs 2,500 and 18% above", () => {
    expect(gstRateFor({ category: "crop-tops", price: { inr: 2500, usd: 30 } })).toBe(5)
    expect(gstRateFor({ category: "party-wear", price: { inr: 2599, usd: 40 } })).toBe(18)
  })
  it("charges 3% on imitation jewellery and 18% on handbags", () => {
    expect(gstRateFor({ category: "earrings", price: { inr: 499, usd: 9 } })).toBe(3)
    expect(gstRateFor({ category: "clutches", price: { inr: 999, usd: 19 } })).toBe(18)
  })
})

describe("planVariants", () => {
  const product = {
    handle: "x", title: "X", description: "", category: "skirts", collections: [], type: "Skirt", tags: [], silhouette: "skirt-mini",
    sku_prefix: "SKT-001", supplier: "S", weight_g: 200, metadata: {}, sizes: ["S", "M"],
    colors: [{ name: "Dusty Rose", hex: "#D8A7B1" }], price: { inr: 1299, usd: 25 }, mrp: { inr: 2599, usd: 49 },
    stock: { default: 10, overrides: [{ color: "Dusty Rose", size: "M", quantity: 0 }] },
  }
  it("makes one variant per size and colour with SKU, stock and prices in minor units", () => {
    const variants = planVariants(product)
    expect(variants.map((v) => v.sku)).toEqual(["SKT-001-DUSTYR-S", "SKT-001-DUSTYR-M"])
    expect(variants.map((v) => v.inventory_quantity)).toEqual([10, 0])
    expect(variants[0].mrp).toEqual({ inr: 259900, usd: 4900 })
    expect(variants[0].sale).toEqual({ inr: 129900, usd: 2500 })
    expect(variants[0].title).toBe("S / Dusty Rose")
  })
  it("has no sale price when the price is the MRP", () => {
    expect(planVariants({ ...product, price: product.mrp })[0].sale).toBeNull()
  })
})

describe("the catalog in data/catalog", () => {
  const catalog = loadCatalog(catalogDir)
  it("has at least 48 garments across the six garment categories plus accessories", () => {
    const garments = ["bodycon-dresses", "crop-tops", "co-ord-sets", "party-wear", "skirts", "bottoms"]
    for (const c of garments) expect(catalog.products.filter((p) => p.category === c).length).toBeGreaterThanOrEqual(8)
    for (const c of ["heels", "clutches", "earrings"]) expect(catalog.products.filter((p) => p.category === c).length).toBeGreaterThanOrEqual(3)
  })
  it("gives every garment XS-XXL in each colour, with some sizes sold out", () => {
    const garments = catalog.products.filter((p) => !["heels", "clutches", "earrings"].includes(p.category))
    for (const p of garments) expect(p.sizes).toEqual(["XS", "S", "M", "L", "XL", "XXL"])
    const soldOut = catalog.products.flatMap((p) => p.variants).filter((v) => v.inventory_quantity === 0)
    expect(soldOut.length).toBeGreaterThan(0)
  })
  it("prices everything in INR and USD with MRP at or above the selling price", () => {
    for (const p of catalog.products) {
      expect(p.price.inr).toBeGreaterThan(0)
      expect(p.price.usd).toBeGreaterThan(0)
      expect(p.mrp.inr).toBeGreaterThanOrEqual(p.price.inr)
    }
  })
})
