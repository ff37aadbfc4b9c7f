import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import { COLOR_OPTION_TITLES, SIZE_OPTION_TITLES, SqlParams, optionValueSql, publicCategorySql, visibleProductSql } from "../catalog/sql"
import { buildProductCard, CardCategory, CardProduct, CardVariant, ProductCard, VariantPricing } from "../core/product-card"

export type StoreRegion = { id: string; currency_code: string; includes_tax: boolean; automatic_taxes: boolean }

/** Who is asking and where: the region prices are in, the sales channels shown, the customer (for group prices). */
export type StoreContext = { region: StoreRegion; salesChannelIds: string[]; customerId: string | null }

type PricingService = {
  setProductPrices(products: { id: string; variants: { id: string }[] }[], context: Record<string, unknown>): Promise<unknown>
}
type SalesChannelService = { retrieveDefault(): Promise<{ id: string }> }
type PublishableApiKeyService = { getResourceScopes(id: string): Promise<{ sales_channel_ids: string[] }> }

type Deps = {
  manager: EntityManager
  pricingService: PricingService
  salesChannelService: SalesChannelService
  publishableApiKeyService: PublishableApiKeyService
}

type CardRow = {
  id: string
  handle: string | null
  title: string
  subtitle: string | null
  thumbnail: string | null
  created_at: Date
  metadata: Record<string, unknown> | null
  categories: CardCategory[]
  variants: (Omit<CardVariant, keyof VariantPricing> & VariantPricing)[]
}

/**
 * Builds ProductCards: the one place that turns products into what the storefront
 * lists (catalog, suggestions, wishlist). Product data comes from one SQL query, prices
 * from Medusa's pricing service exactly as the Store API computes them.
 */
export default class ProductCardService extends TransactionBaseService {
  protected readonly pricingService_: PricingService
  protected readonly salesChannelService_: SalesChannelService
  protected readonly publishableApiKeyService_: PublishableApiKeyService

  constructor(container: Deps) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
    this.pricingService_ = container.pricingService
    this.salesChannelService_ = container.salesChannelService
    this.publishableApiKeyService_ = container.publishableApiKeyService
  }

  /**
   * The region (404 when unknown), the sales channels in scope (the publishable key's
   * when the x-publishable-api-key header names one with channels, else the default
   * channel, as Medusa's own store routes do) and the customer.
   */
  async context(input: { regionId: string; publishableKey?: string | null; customerId?: string | null }): Promise<StoreContext> {
    const [region] = await this.activeManager_.query(
      `SELECT id, currency_code, includes_tax, automatic_taxes FROM region WHERE id = $1 AND deleted_at IS NULL`,
      [input.regionId]
    )
    if (!region) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No region with id ${input.regionId}`)
    let salesChannelIds: string[] = []
    if (input.publishableKey) {
      salesChannelIds = (await this.publishableApiKeyService_.getResourceScopes(input.publishableKey)).sales_channel_ids
    }
    if (!salesChannelIds.length) salesChannelIds = [(await this.salesChannelService_.retrieveDefault()).id]
    return { region, salesChannelIds, customerId: input.customerId ?? null }
  }

  /** Which of the ids are products the store shows (published, in the channels), in the given order. */
  async visibleIds(ids: string[], ctx: StoreContext, options: { excludeGiftCards?: boolean } = {}): Promise<string[]> {
    if (!ids.length) return []
    const params = new SqlParams()
    const idsParam = params.add(ids)
    const channels = params.add(ctx.salesChannelIds)
    const rows: { id: string }[] = await this.activeManager_.query(
      `SELECT p.id FROM product p
        WHERE p.id = ANY(${idsParam}::text[]) AND ${visibleProductSql("p", channels)}
          ${options.excludeGiftCards ? "AND p.is_giftcard = false" : ""}`,
      params.values
    )
    const visible = new Set(rows.map((r) => r.id))
    return ids.filter((id) => visible.has(id))
  }

  /**
   * Cards for the visible products among `ids`, keyed by product id. Products that are
   * unpublished, deleted or outside the sales channels are absent from the map.
   */
  async cards(ids: string[], ctx: StoreContext): Promise<Map<string, ProductCard>> {
    const unique = [...new Set(ids)]
    const result = new Map<string, ProductCard>()
    if (!unique.length) return result
    const params = new SqlParams()
    const idsParam = params.add(unique)
    const channels = params.add(ctx.salesChannelIds)
    const rows: CardRow[] = await this.activeManager_.query(
      `SELECT p.id, p.handle, p.title, p.subtitle, p.thumbnail, p.created_at, p.metadata,
              coalesce((
                SELECT json_agg(json_build_object(
                         'handle', c.handle, 'name', c.name, 'rank', c.rank,
                         'depth', cardinality(array_remove(string_to_array(coalesce(c.mpath, c.id), '.'), ''))))
                  FROM product_category_product pcp JOIN product_category c ON c.id = pcp.product_category_id
                 WHERE pcp.product_id = p.id AND ${publicCategorySql("c")}
              ), '[]'::json) AS categories,
              coalesce((
                SELECT json_agg(json_build_object(
                         'id', v.id, 'manage_inventory', v.manage_inventory, 'allow_backorder', v.allow_backorder,
                         'inventory_quantity', v.inventory_quantity, 'metadata', v.metadata,
                         'size', ${optionValueSql("v", SIZE_OPTION_TITLES)},
                         'color', ${optionValueSql("v", COLOR_OPTION_TITLES)})
                         ORDER BY v.variant_rank ASC NULLS LAST, v.created_at ASC, v.id ASC)
                  FROM product_variant v
                 WHERE v.product_id = p.id AND v.deleted_at IS NULL
              ), '[]'::json) AS variants
         FROM product p
        WHERE p.id = ANY(${idsParam}::text[]) AND ${visibleProductSql("p", channels)}`,
      params.values
    )
    if (!rows.length) return result

    // Medusa's pricing service fills calculated_price, original_price and their _incl_tax
    // variants on each variant, exactly as GET /store/products does for this region and customer.
    const priced = rows.map((r) => ({ id: r.id, variants: r.variants }))
    await this.pricingService_.setProductPrices(priced, {
      region_id: ctx.region.id,
      customer_id: ctx.customerId ?? undefined,
      include_discount_prices: true,
    })
    for (const row of rows) {
      const product: CardProduct = { ...row, variants: row.variants as CardVariant[] }
      result.set(row.id, buildProductCard(product, ctx.region))
    }
    return result
  }

  /** Cards in the order of `ids`, skipping products that are not visible. */
  async orderedCards(ids: string[], ctx: StoreContext): Promise<ProductCard[]> {
    const cards = await this.cards(ids, ctx)
    return ids.map((id) => cards.get(id)).filter((c): c is ProductCard => Boolean(c))
  }
}
