/**
 * The catalogue as the stylist sees it: one StylistItem per purchasable variant in
 * one region (its price is in that region's currency), and an index over them. The
 * service builds rows from Medusa products; everything after that is plain data.
 */
import { Colour } from "./colours"
import { Problem, Result, failed, ok } from "./result"
import { unique, words } from "./text"

/** The part an item plays in an outfit. */
export const ROLES = ["dress", "top", "bottom", "coord", "shoes", "bag", "jewellery"] as const
export type Role = (typeof ROLES)[number]
export const ACCESSORY_ROLES: Role[] = ["shoes", "bag", "jewellery"]

export type SizeKind = "letter" | "shoe" | "one" | "other"

export type StylistItem = {
  product_id: string
  variant_id: string
  handle: string
  title: string
  /** The category's handle ("heels") and its path from the root (["accessories", "heels"]). */
  category: string
  category_path: string[]
  product_type: string
  role: Role
  tags: string[]
  /** The catalogue's occasion vocabulary (metadata.occasion): "party", "wedding-guest"... */
  occasions: string[]
  /** metadata.pattern ("solid", "floral", "sequin"...), "solid" when not given. */
  pattern: string
  /** Lower-case words from the product's sleeve, length, fit, neckline, fabric and tags: what "nothing sleeveless" is checked against. */
  features: string[]
  color: Colour
  size: string
  size_kind: SizeKind
  /** The selling price in minor units, in `currency`; null when the variant has no price in the region. */
  price_minor: number | null
  currency: string
  /** null: inventory not managed (always purchasable). */
  inventory: number | null
  in_stock: boolean
  published: boolean
  thumbnail: string | null
  popularity: number
  /** Every word the item can be recognised by (title, type, category, tags, features), singular. */
  words: string[]
}

/** A variant as the service reads it from Medusa, before anything is derived. */
export type VariantRow = {
  product_id: string
  variant_id: string
  handle: string
  title: string
  category: string | null
  product_type: string | null
  tags?: string[]
  metadata?: Record<string, unknown> | null
  color: Colour | null
  size: string | null
  price_minor: number | null
  currency: string
  inventory_quantity: number
  manage_inventory?: boolean
  allow_backorder?: boolean
  published: boolean
  thumbnail?: string | null
  popularity?: number
}

export type CategoryRow = { handle: string; name?: string; parent: string | null }

const ROLE_BY_TYPE: Record<string, Role> = {
  dress: "dress", top: "top", bottoms: "bottom", bottom: "bottom", skirt: "bottom", "co-ord set": "coord", "co-ord": "coord",
  heels: "shoes", shoes: "shoes", footwear: "shoes", clutch: "bag", bag: "bag", earrings: "jewellery", jewellery: "jewellery",
}
const ROLE_BY_CATEGORY: Record<string, Role> = {
  "bodycon-dresses": "dress", dresses: "dress", "crop-tops": "top", tops: "top", "co-ord-sets": "coord", skirts: "bottom", bottoms: "bottom",
  heels: "shoes", shoes: "shoes", clutches: "bag", bags: "bag", earrings: "jewellery", jewellery: "jewellery",
}

/** A role from the product type first (Party Wear holds dresses and tops alike), then the category path. */
export function roleFor(productType: string | null, categoryPath: string[]): Role | null {
  const byType = productType ? ROLE_BY_TYPE[productType.trim().toLowerCase()] : undefined
  if (byType) return byType
  for (const handle of [...categoryPath].reverse()) {
    if (ROLE_BY_CATEGORY[handle]) return ROLE_BY_CATEGORY[handle]
  }
  return null
}

const LETTER_SIZES = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL", "5XL"]
const SIZE_ALIASES: Record<string, string> = { "2XS": "XXS", "2XL": "XXL", "3XL": "XXXL", SMALL: "S", MEDIUM: "M", LARGE: "L", "EXTRASMALL": "XS", "EXTRALARGE": "XL", ONESIZE: "One Size", OS: "One Size", FREESIZE: "One Size" }

/** "xl" and "XL", "2xl" and "XXL", "one size" and "One Size" are the same size. */
export function normalizeSize(label: string): string {
  const key = label.trim().toUpperCase().replace(/[\s-]+/g, "")
  const alias = SIZE_ALIASES[key]
  if (alias) return alias
  if (/^(EU)?\d{2}(\.5)?$/.test(key)) return key.replace(/^EU/, "")
  return key
}

export function sizeKind(label: string): SizeKind {
  const size = normalizeSize(label)
  if (size === "One Size") return "one"
  if (LETTER_SIZES.includes(size)) return "letter"
  if (/^\d{2}(\.5)?$/.test(size) && Number(size) >= 33 && Number(size) <= 46) return "shoe"
  return "other"
}

/** Positions on the letter ladder or the EU number, so "the nearest size" means something. */
export function sizePosition(label: string): number | null {
  const size = normalizeSize(label)
  const letter = LETTER_SIZES.indexOf(size)
  if (letter >= 0) return letter
  return /^\d+(\.\d+)?$/.test(size) ? Number(size) : null
}

export function categoryPath(handle: string, categories: Map<string, CategoryRow>): string[] {
  const path: string[] = []
  let current: string | null = handle
  // A cycle in bad data must not hang the index: stop at the first repeat.
  while (current && !path.includes(current)) {
    path.unshift(current)
    current = categories.get(current)?.parent ?? null
  }
  return path
}

const FEATURE_KEYS = ["sleeve", "length", "fit_type", "neckline", "fabric"]

function featuresOf(metadata: Record<string, unknown> | null | undefined, tags: string[]): string[] {
  const values = FEATURE_KEYS.map((key) => metadata?.[key]).filter((value): value is string => typeof value === "string")
  return unique([...values, ...tags].flatMap((value) => [value.toLowerCase(), ...words(value)]))
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string").map((v) => v.toLowerCase()) : []
}

export function itemFromRow(row: VariantRow, categories: Map<string, CategoryRow>): Result<StylistItem> {
  const problems: Problem[] = []
  if (!row.product_id) problems.push({ field: "product_id", message: "is missing" })
  if (!row.variant_id) problems.push({ field: "variant_id", message: "is missing" })
  if (!row.category) problems.push({ field: "category", message: "is missing: the stylist cannot place a product without one" })
  if (!row.color || !row.color.name) problems.push({ field: "color", message: "is missing" })
  if (!row.size) problems.push({ field: "size", message: "is missing" })
  if (row.price_minor !== null && (!Number.isInteger(row.price_minor) || row.price_minor < 0)) {
    problems.push({ field: "price_minor", message: "must be a whole, non-negative number of minor units" })
  }
  const path = row.category ? categoryPath(row.category, categories) : []
  const role = roleFor(row.product_type, path)
  if (row.category && !role) problems.push({ field: "product_type", message: `"${row.product_type}" in ${row.category} has no place in an outfit` })
  if (problems.length > 0) return failed(problems)

  const tags = (row.tags ?? []).map((tag) => tag.toLowerCase())
  const metadata = row.metadata ?? {}
  const pattern = typeof metadata.pattern === "string" ? metadata.pattern.toLowerCase() : "solid"
  const features = featuresOf(metadata, tags)
  const managed = row.manage_inventory !== false
  const inStock = !managed || row.allow_backorder === true || row.inventory_quantity > 0
  const size = normalizeSize(row.size!)
  return ok({
    product_id: row.product_id,
    variant_id: row.variant_id,
    handle: row.handle,
    title: row.title,
    category: row.category!,
    category_path: path,
    product_type: row.product_type ?? "",
    role: role!,
    tags,
    occasions: stringList(metadata.occasion),
    pattern,
    features,
    color: { name: row.color!.name, hex: row.color!.hex },
    size,
    size_kind: sizeKind(size),
    price_minor: row.price_minor,
    currency: row.currency.toLowerCase(),
    inventory: managed ? row.inventory_quantity : null,
    in_stock: inStock,
    published: row.published,
    thumbnail: row.thumbnail ?? null,
    popularity: row.popularity ?? 0,
    words: unique([...words(row.title), ...words(row.product_type ?? ""), ...path.flatMap(words), ...tags.flatMap(words), ...features.flatMap(words), pattern]),
  })
}

export type StylistIndex = {
  /** The region's currency: an item priced in another one is not for sale here. */
  currency: string
  items: StylistItem[]
  byVariant: Map<string, StylistItem>
  byProduct: Map<string, StylistItem[]>
  /** Items by their category and by every ancestor ("accessories" holds heels, clutches, earrings). */
  byCategory: Map<string, StylistItem[]>
  bySize: Map<string, StylistItem[]>
  byRole: Map<Role, StylistItem[]>
  /** Every product title in the catalogue: what a reply may not name unless it is in an outfit. */
  productTitles: string[]
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** The index over a region's variants; rows that cannot be read are returned as problems, by row. */
export function buildStylistIndex(rows: VariantRow[], options: { currency: string; categories: CategoryRow[] }): { index: StylistIndex; problems: Problem[] } {
  const categories = new Map(options.categories.map((c) => [c.handle, c]))
  const problems: Problem[] = []
  const index: StylistIndex = {
    currency: options.currency.toLowerCase(),
    items: [],
    byVariant: new Map(),
    byProduct: new Map(),
    byCategory: new Map(),
    bySize: new Map(),
    byRole: new Map(),
    productTitles: [],
  }
  rows.forEach((row, i) => {
    const result = itemFromRow(row, categories)
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ field: `rows.${i}.${p.field}`, message: p.message })))
      return
    }
    const item = result.value
    if (index.byVariant.has(item.variant_id)) {
      problems.push({ field: `rows.${i}.variant_id`, message: `${item.variant_id} appears twice; the first is kept` })
      return
    }
    index.items.push(item)
    index.byVariant.set(item.variant_id, item)
    push(index.byProduct, item.product_id, item)
    item.category_path.forEach((handle) => push(index.byCategory, handle, item))
    push(index.bySize, item.size, item)
    push(index.byRole, item.role, item)
  })
  index.productTitles = unique([...index.byProduct.values()].map((variants) => variants[0].title))
  return { index, problems }
}

/** The sizes a product comes in, whether or not they are in stock. */
export function sizesCarried(index: StylistIndex, kind: SizeKind): Set<string> {
  return new Set(index.items.filter((item) => item.size_kind === kind).map((item) => item.size))
}
