/**
 * The ground truth, read only through the Store API (regions, categories, products with
 * their variants' regional prices and stock), never through the stylist plugin's code: the
 * bench checks the stylist against what any shopper's browser would see.
 */

/** The Store API's product fields the checks need; `expand` replaces Medusa's defaults, so all are listed. */
const PRODUCT_EXPAND = "variants,variants.prices,variants.options,options,options.values,tags,type,categories"
const PAGE = 100

/** Category handles of a product and all their ancestors ("heels" also means "accessories"). */
function withAncestors(categoryIds, categoriesById) {
  const handles = new Set()
  for (let id of categoryIds) {
    // Bounded walk: a broken parent link must not hang the bench.
    for (let depth = 0; id && depth < 10; depth++) {
      const category = categoriesById.get(id)
      if (!category) break
      handles.add(category.handle)
      id = category.parent_category_id
    }
  }
  return [...handles]
}

/** Outfit role from the product type the catalogue gives it; null for anything else. */
export function roleOf(type) {
  const t = String(type ?? "").toLowerCase()
  if (t === "dress") return "dress"
  if (t.startsWith("co-ord") || t.startsWith("coord")) return "coord"
  if (t === "top") return "top"
  if (t === "bottoms" || t === "skirt") return "bottom"
  if (t === "heels") return "shoes"
  if (t === "clutch") return "bag"
  if (t === "earrings") return "jewellery"
  return null
}

function optionValue(product, variant, title) {
  const option = (product.options ?? []).find((o) => o.title?.toLowerCase() === title)
  if (!option) return null
  const value = (variant.options ?? []).find((v) => v.option_id === option.id)
  return value?.value ?? null
}

/**
 * Turns Store API products (listed with a region_id) into one row per variant. Pure, so it
 * can be unit-checked on fixtures. `price_minor` is the region's `calculated_price` (sale
 * price lists included): what the shopper pays per unit.
 */
export function variantRows(products, { currency, categoriesById }) {
  const rows = []
  const problems = []
  for (const product of products) {
    const categories = withAncestors((product.categories ?? []).map((c) => c.id), categoriesById)
    const type = product.type?.value ?? null
    for (const variant of product.variants ?? []) {
      const size = optionValue(product, variant, "size")
      const color = optionValue(product, variant, "colour") ?? optionValue(product, variant, "color")
      const priced = typeof variant.calculated_price === "number"
      if (!priced) problems.push(`${product.handle} / ${variant.title}: no calculated_price in ${currency}`)
      rows.push({
        product_id: product.id,
        variant_id: variant.id,
        handle: product.handle,
        title: product.title,
        status: product.status ?? "published",
        type,
        role: roleOf(type),
        categories,
        tags: (product.tags ?? []).map((t) => t.value),
        metadata: product.metadata ?? {},
        size,
        color,
        currency,
        price_minor: priced ? variant.calculated_price : null,
        // Medusa's own rule for "can be bought": untracked, backorderable, or quantity left.
        in_stock: variant.manage_inventory === false || variant.allow_backorder === true || (variant.inventory_quantity ?? 0) > 0,
        inventory_quantity: variant.inventory_quantity ?? null,
      })
    }
  }
  return { rows, problems }
}

/** Reads the regions, categories and every published product of each region through the Store API. */
export async function loadCatalog(client) {
  const get = async (path) => {
    const res = await client.call("GET", path)
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${String(res.text).slice(0, 300)}`)
    return res.body
  }
  const { regions } = await get("/store/regions")
  const { product_categories: categoryList } = await get("/store/product-categories?limit=1000")
  const categoriesById = new Map(categoryList.map((c) => [c.id, c]))
  const byRegion = {}
  for (const region of regions) {
    const currency = region.currency_code.toLowerCase()
    const products = []
    for (let offset = 0; ; offset += PAGE) {
      const page = await get(`/store/products?region_id=${region.id}&limit=${PAGE}&offset=${offset}&expand=${PRODUCT_EXPAND}`)
      products.push(...page.products)
      if (page.products.length < PAGE || products.length >= page.count) break
    }
    const { rows, problems } = variantRows(products, { currency, categoriesById })
    byRegion[currency] = { region, currency, products, rows, problems, byVariant: new Map(rows.map((r) => [r.variant_id, r])) }
  }
  return { regions, byRegion, categories: categoryList }
}

/** The region for a request's "in" / "us" key, by the currency it sells in. */
export function regionFor(catalog, key) {
  const currency = { in: "inr", us: "usd" }[key] ?? key
  const entry = catalog.byRegion[currency]
  if (!entry) throw new Error(`no region sells in ${currency}`)
  return entry
}
