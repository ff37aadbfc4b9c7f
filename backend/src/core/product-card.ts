/**
 * The ProductCard shape the storefront shows in listings, suggestions and the
 * wishlist, built from plain product data and Medusa's computed variant prices.
 * Pure: no Medusa, TypeORM or HTTP imports.
 */

export type ProductCard = {
  id: string
  handle: string
  title: string
  subtitle: string | null
  thumbnail: string | null
  category: { handle: string; name: string } | null
  price: { amount: number; original: number; currency_code: string; discount_percent: number } | null
  colors: { name: string; hex: string; image: string | null }[]
  sizes: { value: string; in_stock: boolean }[]
  in_stock: boolean
  popularity: number
  released_at: string | null
}

export type StockFields = { manage_inventory: boolean; allow_backorder: boolean; inventory_quantity: number }

/** The prices Medusa's pricing service puts on a variant (setProductPrices). */
export type VariantPricing = {
  calculated_price?: number | null
  calculated_price_incl_tax?: number | null
  original_price?: number | null
  original_price_incl_tax?: number | null
}

export type CardVariant = StockFields &
  VariantPricing & {
    id: string
    /** The value of the product's Size option for this variant, if it has one. */
    size: string | null
    /** The value of the product's Colour option for this variant, if it has one. */
    color: string | null
    metadata: Record<string, unknown> | null
  }

export type CardCategory = { handle: string; name: string; depth: number; rank: number }

export type CardProduct = {
  id: string
  handle: string | null
  title: string
  subtitle: string | null
  thumbnail: string | null
  created_at: string | Date
  metadata: Record<string, unknown> | null
  /** The product's active, public categories. */
  categories: CardCategory[]
  /** In variant order (variant_rank). */
  variants: CardVariant[]
}

export type CardRegion = { currency_code: string; includes_tax: boolean }

/** A variant can be bought now: not inventory-managed, backorderable, or with stock. */
export function isInStock(v: StockFields): boolean {
  return !v.manage_inventory || v.allow_backorder || v.inventory_quantity > 0
}

/**
 * What the shopper pays per unit: tax-inclusive where the region's prices include tax
 * (India), the pre-tax price otherwise (US). Null when the variant has no price here.
 */
export function shopperPrice(v: VariantPricing, region: CardRegion): { amount: number; original: number } | null {
  const amount = region.includes_tax ? v.calculated_price_incl_tax ?? v.calculated_price : v.calculated_price
  if (amount === null || amount === undefined) return null
  const original = region.includes_tax ? v.original_price_incl_tax ?? v.original_price : v.original_price
  return { amount, original: original ?? amount }
}

/** round((original - amount) / original * 100); 0 without a discount. */
export function discountPercent(amount: number, original: number): number {
  if (!(original > 0) || !(amount < original)) return 0
  return Math.round(((original - amount) / original) * 100)
}

/** The deepest category; among equally deep ones the first by rank, then name. */
export function pickCategory(categories: CardCategory[]): { handle: string; name: string } | null {
  const [best] = [...categories].sort((a, b) => b.depth - a.depth || a.rank - b.rank || a.name.localeCompare(b.name))
  return best ? { handle: best.handle, name: best.name } : null
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() ? value : null
}

/** metadata.released_at when it is a date, else created_at. */
export function releasedAt(metadata: Record<string, unknown> | null, createdAt: string | Date): string | null {
  const released = text(metadata?.released_at)
  if (released && !Number.isNaN(Date.parse(released))) return released
  const created = createdAt instanceof Date ? createdAt : new Date(createdAt)
  return Number.isNaN(created.getTime()) ? null : created.toISOString()
}

export function popularity(metadata: Record<string, unknown> | null): number {
  const value = metadata?.popularity
  return typeof value === "number" && Number.isFinite(value) ? value : 0
}

export function buildProductCard(product: CardProduct, region: CardRegion): ProductCard {
  let price: ProductCard["price"] = null
  for (const variant of product.variants) {
    const p = shopperPrice(variant, region)
    if (p && (price === null || p.amount < price.amount)) {
      price = { amount: p.amount, original: p.original, currency_code: region.currency_code.toLowerCase(), discount_percent: discountPercent(p.amount, p.original) }
    }
  }

  const colors = new Map<string, ProductCard["colors"][number]>()
  const sizes = new Map<string, ProductCard["sizes"][number]>()
  for (const variant of product.variants) {
    const inStock = isInStock(variant)
    if (variant.color) {
      const key = variant.color.toLowerCase()
      const color = colors.get(key) ?? { name: variant.color, hex: "", image: null }
      color.hex ||= text(variant.metadata?.color_hex) ?? ""
      color.image ??= text(variant.metadata?.image)
      colors.set(key, color)
    }
    if (variant.size) {
      const key = variant.size.toLowerCase()
      const size = sizes.get(key) ?? { value: variant.size, in_stock: false }
      size.in_stock ||= inStock
      sizes.set(key, size)
    }
  }

  return {
    id: product.id,
    handle: product.handle ?? "",
    title: product.title,
    subtitle: product.subtitle ?? null,
    thumbnail: product.thumbnail ?? null,
    category: pickCategory(product.categories),
    price,
    colors: [...colors.values()],
    sizes: [...sizes.values()],
    in_stock: product.variants.some(isInStock),
    popularity: popularity(product.metadata),
    released_at: releasedAt(product.metadata, product.created_at),
  }
}
