import { Lifetime } from "awilix"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import { CategoryRow, StylistIndex, VariantRow, buildStylistIndex } from "../core"

type PricedVariant = {
  id: string
  calculated_price?: number | null
  calculated_price_incl_tax?: number | null
}
type PricingServiceLike = {
  setProductPrices(products: { id: string; variants: PricedVariant[] }[], context: Record<string, unknown>): Promise<unknown>
}
type LoggerLike = { warn(m: string): void }

export type StylistRegion = { id: string; currency_code: string; includes_tax: boolean; countries: string[] }
type RegionCatalog = { region: StylistRegion; index: StylistIndex; loadedAt: number }

type ProductRow = {
  product_id: string
  handle: string
  title: string
  thumbnail: string | null
  product_metadata: Record<string, unknown> | null
  product_type: string | null
  category: string | null
  tags: string[] | null
  variants: {
    id: string
    size: string | null
    color: string | null
    color_hex: string | null
    image: string | null
    inventory_quantity: number
    manage_inventory: boolean
    allow_backorder: boolean
  }[]
}

/** How long a region's catalogue is reused; stock is read again for every answer anyway. */
const CATALOG_TTL_MS = 60_000

/**
 * The live catalogue as the stylist sees it: one StylistIndex per region, built from the
 * published products of the default sales channel with Medusa's own prices for the region
 * (price lists and tax included, as the product page shows them). Rebuilt after a product
 * changes and at most a minute old; `freshen` re-reads stock and status of the variants
 * about to be shown, so an answer never rests on a stale index.
 */
export default class StylistCatalogService {
  static LIFE_TIME = Lifetime.SINGLETON

  private readonly regions = new Map<string, Promise<RegionCatalog>>()

  constructor(private readonly container: Record<string, unknown>) {}

  private get manager(): EntityManager {
    return this.container.manager as EntityManager
  }

  /** The region's catalogue; a region that does not exist is a 404 naming it. */
  async forRegion(regionId: string): Promise<{ region: StylistRegion; index: StylistIndex }> {
    const cached = this.regions.get(regionId)
    if (cached) {
      const catalog = await cached.catch(() => null)
      if (catalog && Date.now() - catalog.loadedAt < CATALOG_TTL_MS) return catalog
      if (this.regions.get(regionId) === cached) this.regions.delete(regionId)
    }
    if (!this.regions.has(regionId)) {
      const loading = this.load(regionId)
      this.regions.set(regionId, loading)
      loading.catch(() => this.regions.delete(regionId))
    }
    return this.regions.get(regionId)!
  }

  /** Products changed: the next answer reads the catalogue again. */
  invalidate(): void {
    this.regions.clear()
  }

  /**
   * Stock, publication and deletion of these variants as they are now, written into the
   * index's items, so the guarantees judge today's stock and not the cached one.
   */
  async freshen(index: StylistIndex, variantIds: string[]): Promise<void> {
    const ids = [...new Set(variantIds)].filter((id) => index.byVariant.has(id))
    if (ids.length === 0) return
    const rows: { id: string; inventory_quantity: number; manage_inventory: boolean; allow_backorder: boolean; live: boolean }[] = await this.manager.query(
      `SELECT v.id, v.inventory_quantity, v.manage_inventory, v.allow_backorder,
              (v.deleted_at IS NULL AND p.deleted_at IS NULL AND p.status = 'published') AS live
         FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE v.id = ANY($1::text[])`,
      [ids]
    )
    const found = new Map(rows.map((r) => [r.id, r]))
    for (const id of ids) {
      const item = index.byVariant.get(id)!
      const row = found.get(id)
      if (!row) {
        item.published = false
        continue
      }
      item.published = row.live
      item.inventory = row.manage_inventory ? row.inventory_quantity : null
      item.in_stock = !row.manage_inventory || row.allow_backorder || row.inventory_quantity > 0
    }
  }

  private async load(regionId: string): Promise<RegionCatalog> {
    const [region] = await this.manager.query(
      `SELECT r.id, r.currency_code, r.includes_tax, coalesce(array_agg(c.iso_2) FILTER (WHERE c.iso_2 IS NOT NULL), '{}') AS countries
         FROM region r LEFT JOIN country c ON c.region_id = r.id
        WHERE r.id = $1 AND r.deleted_at IS NULL GROUP BY r.id`,
      [regionId]
    )
    if (!region) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No region with id ${regionId}: use one of GET /store/regions`)

    const categories: CategoryRow[] = await this.manager.query(
      `SELECT c.handle, c.name, parent.handle AS parent
         FROM product_category c LEFT JOIN product_category parent ON parent.id = c.parent_category_id
        WHERE c.is_active IS TRUE AND c.is_internal IS FALSE`
    )
    const products: ProductRow[] = await this.manager.query(PRODUCTS_SQL)
    const priced = products.map((p) => ({ id: p.product_id, variants: p.variants.map((v) => ({ id: v.id }) as PricedVariant) }))
    await this.pricing().setProductPrices(priced, { region_id: regionId, currency_code: region.currency_code, include_discount_prices: true })

    const rows: VariantRow[] = []
    products.forEach((p, i) => {
      const metadata = p.product_metadata ?? {}
      p.variants.forEach((v, j) => {
        const price = priced[i].variants[j]
        const amount = region.includes_tax ? price.calculated_price_incl_tax ?? price.calculated_price : price.calculated_price
        rows.push({
          product_id: p.product_id,
          variant_id: v.id,
          handle: p.handle,
          title: p.title,
          category: p.category,
          product_type: p.product_type,
          tags: p.tags ?? [],
          metadata,
          color: v.color ? { name: v.color, hex: v.color_hex ?? "" } : null,
          size: v.size,
          price_minor: typeof amount === "number" ? Math.round(amount) : null,
          currency: region.currency_code,
          inventory_quantity: v.inventory_quantity,
          manage_inventory: v.manage_inventory,
          allow_backorder: v.allow_backorder,
          published: true,
          thumbnail: v.image ?? p.thumbnail,
          popularity: typeof metadata.popularity === "number" ? metadata.popularity : 0,
        })
      })
    })
    const { index, problems } = buildStylistIndex(rows, { currency: region.currency_code, categories })
    if (problems.length > 0) this.logger()?.warn(`ai-stylist: ${problems.length} variants left out of the stylist's catalogue (first: ${problems[0].field} ${problems[0].message})`)
    return { region: { ...region, countries: region.countries ?? [] }, index, loadedAt: Date.now() }
  }

  private pricing(): PricingServiceLike {
    return this.container.pricingService as PricingServiceLike
  }

  private logger(): LoggerLike | null {
    try {
      return this.container.logger as LoggerLike
    } catch {
      return null
    }
  }
}

/**
 * Published products of the default sales channel with their deepest public category,
 * type, tags and variants (size and colour from the options, the colour's hex and image
 * from the variant's metadata). Gift cards have no place in an outfit.
 */
const PRODUCTS_SQL = `
  SELECT p.id AS product_id, p.handle, p.title, p.thumbnail, p.metadata AS product_metadata, t.value AS product_type,
         (SELECT c.handle FROM product_category_product pcp JOIN product_category c ON c.id = pcp.product_category_id
           WHERE pcp.product_id = p.id AND c.is_active IS TRUE AND c.is_internal IS FALSE
           ORDER BY cardinality(string_to_array(coalesce(c.mpath, c.id), '.')) DESC, c.handle LIMIT 1) AS category,
         (SELECT array_agg(tag.value ORDER BY tag.value) FROM product_tags pt JOIN product_tag tag ON tag.id = pt.product_tag_id
           WHERE pt.product_id = p.id) AS tags,
         coalesce((
           SELECT json_agg(json_build_object(
                    'id', v.id,
                    'size', (SELECT ov.value FROM product_option_value ov JOIN product_option o ON o.id = ov.option_id
                              WHERE ov.variant_id = v.id AND ov.deleted_at IS NULL AND o.deleted_at IS NULL AND lower(o.title) = 'size' LIMIT 1),
                    'color', (SELECT ov.value FROM product_option_value ov JOIN product_option o ON o.id = ov.option_id
                              WHERE ov.variant_id = v.id AND ov.deleted_at IS NULL AND o.deleted_at IS NULL AND lower(o.title) IN ('colour', 'color') LIMIT 1),
                    'color_hex', v.metadata->>'color_hex',
                    'image', v.metadata->>'image',
                    'inventory_quantity', v.inventory_quantity,
                    'manage_inventory', v.manage_inventory,
                    'allow_backorder', v.allow_backorder)
                  ORDER BY v.variant_rank ASC NULLS LAST, v.id)
             FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL
         ), '[]'::json) AS variants
    FROM product p
    LEFT JOIN product_type t ON t.id = p.type_id
   WHERE p.deleted_at IS NULL AND p.status = 'published' AND p.is_giftcard = false
     AND EXISTS (SELECT 1 FROM product_sales_channel psc JOIN sales_channel sc ON sc.id = psc.sales_channel_id
                  WHERE psc.product_id = p.id AND sc.id = (SELECT default_sales_channel_id FROM store LIMIT 1))
   ORDER BY p.id`
