/**
 * The seeded catalogue (data/catalog) as StylistItems, the way the service will build
 * them from Medusa: one row per colour and size, stock from the file's defaults and
 * overrides, selling prices in INR or USD minor units. A few variants are then sold
 * out on purpose so the tests see stock gaps the seed does not have.
 */
import fs from "fs"
import path from "path"
import { CategoryRow, StylistIndex, VariantRow, buildStylistIndex } from "../../src/core"

const dir = path.resolve(__dirname, "..", "..", "..", "..", "data", "catalog")

type SeedProduct = {
  handle: string
  title: string
  category: string
  type: string
  tags: string[]
  metadata: Record<string, unknown>
  sizes: string[]
  colors: { name: string; hex: string }[]
  price: { inr: number; usd: number }
  stock: { default: number; overrides?: { color: string; size: string; quantity: number }[] }
  popularity?: number
}

export const seedProducts: SeedProduct[] = JSON.parse(fs.readFileSync(path.join(dir, "products.json"), "utf8"))
export const seedCategories: CategoryRow[] = JSON.parse(fs.readFileSync(path.join(dir, "categories.json"), "utf8"))

export const productId = (handle: string) => `prod_${handle}`
export const variantId = (handle: string, colour: string, size: string) => `variant_${handle}_${colour.replace(/\s+/g, "-").toLowerCase()}_${size.replace(/\s+/g, "").toLowerCase()}`

/** Sold out here on top of the seed's own zero-stock overrides. */
export const SOLD_OUT: [string, string, string][] = [
  ["cowl-neck-satin-slip-dress", "Champagne", "M"],
  ["cowl-neck-satin-slip-dress", "Emerald", "M"],
  ["cowl-neck-satin-slip-dress", "Midnight Navy", "M"],
  ["ribbed-baby-tee-crop-top", "White", "S"],
  ["pointed-toe-stiletto-pumps", "Black", "38"],
]

export function seedRows(region: "inr" | "usd", change?: (row: VariantRow) => VariantRow | null): VariantRow[] {
  const rows: VariantRow[] = []
  for (const p of seedProducts) {
    for (const colour of p.colors) {
      for (const size of p.sizes) {
        const override = p.stock.overrides?.find((o) => o.color === colour.name && o.size === size)
        const soldOut = SOLD_OUT.some(([h, c, s]) => h === p.handle && c === colour.name && s === size)
        const row: VariantRow = {
          product_id: productId(p.handle),
          variant_id: variantId(p.handle, colour.name, size),
          handle: p.handle,
          title: p.title,
          category: p.category,
          product_type: p.type,
          tags: p.tags,
          metadata: p.metadata,
          color: colour,
          size,
          price_minor: p.price[region] * 100,
          currency: region,
          inventory_quantity: soldOut ? 0 : override?.quantity ?? p.stock.default,
          manage_inventory: true,
          allow_backorder: false,
          published: true,
          thumbnail: `/images/${p.handle}/${colour.name.toLowerCase().replace(/\s+/g, "-")}.webp`,
          popularity: p.popularity ?? 0,
        }
        const changed = change ? change(row) : row
        if (changed) rows.push(changed)
      }
    }
  }
  return rows
}

const cache = new Map<string, StylistIndex>()

/** The seeded catalogue for a region, built once per test file. */
export function seedIndex(region: "inr" | "usd"): StylistIndex {
  if (!cache.has(region)) {
    const { index, problems } = buildStylistIndex(seedRows(region), { currency: region, categories: seedCategories })
    if (problems.length > 0) throw new Error(problems.map((p) => `${p.field}: ${p.message}`).join("; "))
    cache.set(region, index)
  }
  return cache.get(region)!
}

export function indexFrom(rows: VariantRow[], region: "inr" | "usd"): StylistIndex {
  return buildStylistIndex(rows, { currency: region, categories: seedCategories }).index
}
