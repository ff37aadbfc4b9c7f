/**
 * Reads the catalog in data/catalog and turns it into a seed plan: every variant with
 * its SKU, stock and prices in minor units (paise, cents), and each product's GST
 * class. Pure apart from reading the JSON files; no Medusa imports.
 */
import fs from "fs"
import path from "path"

export type Money = { inr: number; usd: number }

export type CatalogCategory = { handle: string; name: string; description?: string; parent: string | null; rank?: number }
export type CatalogCollection = { handle: string; title: string }
export type CatalogColor = { name: string; hex: string }

export type CatalogProduct = {
  handle: string
  title: string
  subtitle?: string
  description: string
  category: string
  collections: string[]
  type: string
  tags: string[]
  silhouette: string
  sku_prefix: string
  supplier: string
  weight_g: number
  dimensions_cm?: { length: number; width: number; height: number }
  hs_code?: string
  origin_country?: string
  material?: string
  metadata: Record<string, unknown>
  sizes: string[]
  colors: CatalogColor[]
  price: Money
  mrp: Money
  stock: { default: number; overrides?: { color: string; size: string; quantity: number }[] }
  popularity?: number
  released_days_ago?: number
}

export type VariantPlan = {
  sku: string
  title: string
  size: string
  color: CatalogColor
  inventory_quantity: number
  /** MRP in minor units: the variant's base price. */
  mrp: Money
  /** Selling price in minor units: the sale price list's price (absent when no discount). */
  sale: Money | null
}

export type ProductPlan = CatalogProduct & { variants: VariantPlan[]; gst_rate: number }

export type Catalog = {
  categories: CatalogCategory[]
  collections: CatalogCollection[]
  products: ProductPlan[]
}

/** GST 2.0 (from 22 Sep 2025): apparel and footwear up to Rs 2,500 a piece 5%, above 18%; imitation jewellery 3%; handbags 18%. */
export function gstRateFor(product: Pick<CatalogProduct, "category" | "price">): number {
  if (product.category === "earrings") return 3
  if (product.category === "clutches") return 18
  return product.price.inr > 2500 ? 18 : 5
}

export function colorCode(name: string): string {
  return name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "")
    .slice(0, 6)
}

export function planVariants(product: CatalogProduct): VariantPlan[] {
  const overrides = new Map((product.stock.overrides ?? []).map((o) => [`${o.color}|${o.size}`, o.quantity]))
  const discounted = product.price.inr < product.mrp.inr || product.price.usd < product.mrp.usd
  const variants: VariantPlan[] = []
  for (const color of product.colors) {
    for (const size of product.sizes) {
      const sizeCode = size.toUpperCase().replace(/\s+/g, "")
      variants.push({
        sku: `${product.sku_prefix}-${colorCode(color.name)}-${sizeCode === "ONESIZE" ? "OS" : sizeCode}`,
        title: product.sizes.length > 1 ? `${size} / ${color.name}` : color.name,
        size,
        color,
        inventory_quantity: overrides.get(`${color.name}|${size}`) ?? product.stock.default,
        mrp: { inr: product.mrp.inr * 100, usd: product.mrp.usd * 100 },
        sale: discounted ? { inr: product.price.inr * 100, usd: product.price.usd * 100 } : null,
      })
    }
  }
  return variants
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`)
  }
}

/** Loads and cross-checks the catalog; throws with every problem found. */
export function loadCatalog(catalogDir: string): Catalog {
  const categories = readJson<CatalogCategory[]>(path.join(catalogDir, "categories.json"))
  const collections = readJson<CatalogCollection[]>(path.join(catalogDir, "collections.json"))
  const products = readJson<CatalogProduct[]>(path.join(catalogDir, "products.json"))

  const problems: string[] = []
  const categoryHandles = new Set(categories.map((c) => c.handle))
  const collectionHandles = new Set(collections.map((c) => c.handle))
  const handles = new Set<string>()
  const skus = new Set<string>()
  for (const c of categories) if (c.parent && !categoryHandles.has(c.parent)) problems.push(`category ${c.handle}: unknown parent ${c.parent}`)

  const plans: ProductPlan[] = products.map((p) => {
    if (handles.has(p.handle)) problems.push(`product ${p.handle}: duplicate handle`)
    handles.add(p.handle)
    if (!categoryHandles.has(p.category)) problems.push(`product ${p.handle}: unknown category ${p.category}`)
    for (const c of p.collections ?? []) if (!collectionHandles.has(c)) problems.push(`product ${p.handle}: unknown collection ${c}`)
    if (p.price.inr > p.mrp.inr || p.price.usd > p.mrp.usd) problems.push(`product ${p.handle}: price above MRP`)
    if (!p.colors?.length || !p.sizes?.length) problems.push(`product ${p.handle}: needs at least one size and colour`)
    const variants = planVariants(p)
    for (const v of variants) {
      if (skus.has(v.sku)) problems.push(`product ${p.handle}: duplicate SKU ${v.sku}`)
      skus.add(v.sku)
    }
    return { ...p, collections: p.collections ?? [], tags: p.tags ?? [], variants, gst_rate: gstRateFor(p) }
  })
  if (problems.length) throw new Error(`Catalog in ${catalogDir} is invalid:\n  ${problems.join("\n  ")}`)
  // Parents before children, so a category's parent always exists when it is created.
  const ordered = [...categories].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)) || (a.rank ?? 0) - (b.rank ?? 0))
  return { categories: ordered, collections, products: plans }
}
