import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import { COLOR_OPTION_TITLES, SIZE_OPTION_TITLES, SqlParams, inStockSql, optionValueSql, publicCategorySql, visibleProductSql } from "../catalog/sql"
import type { CatalogListQuery, CatalogSort } from "../core/catalog-query"
import {
  ColorFacetValue,
  colorFacet,
  CountFacetValue,
  occasionFacet,
  pageCount,
  priceFacet,
  PriceFacet,
  sizeFacet,
  toMinor,
} from "../core/catalog-facets"
import type { ProductCard } from "../core/product-card"
import type ProductCardService from "./product-card"
import type { StoreContext } from "./product-card"

type SearchHit = { id?: unknown; objectID?: unknown }
type SearchResult = { hits?: SearchHit[]; estimatedTotalHits?: number; nbHits?: number; corrected_query?: string | null } | SearchHit[] | undefined
type SearchService = {
  isDefault?: boolean
  search(indexName: string, query: string, options: Record<string, unknown>): Promise<SearchResult>
}

type Deps = { manager: EntityManager; productCardService: ProductCardService; searchService: SearchService }

export type CategoryInfo = {
  id: string
  handle: string
  name: string
  description: string
  parent: { handle: string; name: string } | null
  children: { handle: string; name: string }[]
}
export type CollectionInfo = { id: string; handle: string; title: string }

export type CatalogListResponse = {
  products: ProductCard[]
  count: number
  page: number
  limit: number
  pages: number
  facets: { sizes: CountFacetValue[]; colors: ColorFacetValue[]; occasions: CountFacetValue[]; price: PriceFacet }
  category: CategoryInfo | null
  collection: CollectionInfo | null
  q: string | null
  corrected_query: string | null
}

export type SuggestResponse = {
  q: string
  corrected_query: string | null
  products: ProductCard[]
  categories: { handle: string; name: string }[]
}

/** The products index of Medusa's search service (PostgreSQL search here, Meilisearch in production). */
const PRODUCTS_INDEX = "products"
/** Search hits asked for per call, and in all: a listing filters and sorts within these. */
const SEARCH_PAGE = 100
const MAX_SEARCH_HITS = 1000
const SUGGEST_PRODUCTS = 6
const SUGGEST_CATEGORIES = 3
const SUGGEST_SEARCH_HITS = 24

const ORDER_BY: Record<CatalogSort, string> = {
  relevance: "search_rank ASC NULLS LAST, released DESC, id ASC",
  newest: "released DESC, id ASC",
  popular: "popularity DESC, released DESC, id ASC",
  price_asc: "price ASC NULLS LAST, popularity DESC, id ASC",
  price_desc: "price DESC NULLS LAST, popularity DESC, id ASC",
}

type ListRow = {
  count: number
  ids: string[]
  sizes: CountFacetValue[]
  colors: { value: string; hex: string | null; count: number }[]
  occasions: CountFacetValue[]
  price: { min: number | null; max: number | null }
  selected_hex: Record<string, string | null> | null
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The storefront's catalog: filtered, faceted, sorted and paginated listing and
 * search-as-you-type suggestions. Filters, facet counts and sorting run in one SQL
 * statement over the store's visible products; only the page's products are then
 * priced by Medusa's pricing service (through ProductCardService).
 */
export default class CatalogService extends TransactionBaseService {
  protected readonly productCardService_: ProductCardService
  protected readonly searchService_: SearchService

  constructor(container: Deps) {
    // eslint-disable-next-line prefer-rest-params
    super(container)
    this.productCardService_ = container.productCardService
    this.searchService_ = container.searchService
  }

  /** Ranked product ids (deduplicated) for a search text, and the engine's typo correction. */
  async searchIds(q: string, max: number): Promise<{ ids: string[]; corrected_query: string | null }> {
    const ids: string[] = []
    const seen = new Set<string>()
    let corrected: string | null = null
    for (let offset = 0; offset < max; offset += SEARCH_PAGE) {
      const limit = Math.min(SEARCH_PAGE, max - offset)
      const result = await this.searchService_.search(PRODUCTS_INDEX, q, { paginationOptions: { offset, limit } })
      const hits = Array.isArray(result) ? result : result?.hits ?? []
      if (offset === 0 && result && !Array.isArray(result) && typeof result.corrected_query === "string") corrected = result.corrected_query
      for (const hit of hits) {
        const id = hit?.id ?? hit?.objectID
        if (typeof id === "string" && !seen.has(id)) {
          seen.add(id)
          ids.push(id)
        }
      }
      const total = Array.isArray(result) ? hits.length : result?.estimatedTotalHits ?? result?.nbHits ?? hits.length
      if (hits.length < limit || offset + hits.length >= total) break
    }
    return { ids, corrected_query: corrected }
  }

  async category(handle: string): Promise<{ info: CategoryInfo; ids: string[] }> {
    const [row] = await this.activeManager_.query(
      `SELECT c.id, c.handle, c.name, c.description, c.mpath,
              (SELECT json_build_object('handle', pc.handle, 'name', pc.name) FROM product_category pc
                WHERE pc.id = c.parent_category_id AND ${publicCategorySql("pc")}) AS parent,
              coalesce((SELECT json_agg(json_build_object('handle', cc.handle, 'name', cc.name) ORDER BY cc.rank, cc.name)
                          FROM product_category cc WHERE cc.parent_category_id = c.id AND ${publicCategorySql("cc")}), '[]'::json) AS children
         FROM product_category c WHERE c.handle = $1 AND ${publicCategorySql("c")}`,
      [handle]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No category with handle ${handle}`)
    // The category and its public descendants (materialized path "root.child.").
    const descendants: { id: string }[] = await this.activeManager_.query(
      `SELECT c.id FROM product_category c WHERE c.mpath LIKE $1 ESCAPE '\\' AND ${publicCategorySql("c")}`,
      [`${escapeLike(row.mpath ?? `${row.id}.`)}%`]
    )
    const ids = [...new Set([row.id, ...descendants.map((d) => d.id)])]
    return {
      info: { id: row.id, handle: row.handle, name: row.name, description: row.description ?? "", parent: row.parent ?? null, children: row.children },
      ids,
    }
  }

  async collection(handle: string): Promise<CollectionInfo> {
    const [row] = await this.activeManager_.query(
      `SELECT id, handle, title FROM product_collection WHERE handle = $1 AND deleted_at IS NULL`,
      [handle]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No collection with handle ${handle}`)
    return row
  }

  async list(query: CatalogListQuery, ctx: StoreContext): Promise<CatalogListResponse> {
    const [category, collection] = await Promise.all([
      query.category ? this.category(query.category) : null,
      query.collection ? this.collection(query.collection) : null,
    ])
    const search = query.q ? await this.searchIds(query.q, MAX_SEARCH_HITS) : null
    // Relevance needs a search; without one the listing falls back to newest first.
    const sort: CatalogSort = query.sort === "relevance" && !search ? "newest" : query.sort
    const currency = ctx.region.currency_code
    const row = await this.runListQuery({
      ctx,
      categoryIds: category?.ids ?? null,
      collectionId: collection?.id ?? null,
      searchIds: search?.ids ?? null,
      sizes: query.sizes.map((s) => s.toLowerCase()),
      colors: query.colors.map((c) => c.toLowerCase()),
      occasions: query.occasions.map((o) => o.toLowerCase()),
      priceMin: query.price_min === null ? null : toMinor(query.price_min, currency),
      priceMax: query.price_max === null ? null : toMinor(query.price_max, currency),
      sort,
      limit: query.limit,
      offset: (query.page - 1) * query.limit,
    })
    const products = await this.productCardService_.orderedCards(row.ids, ctx)
    const selectedHex = row.selected_hex ?? {}
    return {
      products,
      count: row.count,
      page: query.page,
      limit: query.limit,
      pages: pageCount(row.count, query.limit),
      facets: {
        sizes: sizeFacet(row.sizes, query.sizes),
        colors: colorFacet(
          row.colors.map((c) => ({ value: c.value, hex: c.hex ?? "", count: c.count })),
          query.colors,
          (value) => selectedHex[value.toLowerCase()] ?? null
        ),
        occasions: occasionFacet(row.occasions, query.occasions),
        price: priceFacet(row.price?.min, row.price?.max, currency),
      },
      category: category?.info ?? null,
      collection,
      q: query.q,
      corrected_query: search?.corrected_query ?? null,
    }
  }

  /**
   * One statement: the store's visible products narrowed by category, collection and
   * search; each product's price in the region computed the way Medusa's price
   * selection does (the lowest applicable price, compared tax-inclusive, then made
   * tax-inclusive where the region shows tax-inclusive prices); a flag per filter; then
   * the page, the total and the disjunctive facets (each facet ignores its own filter).
   */
  protected async runListQuery(input: {
    ctx: StoreContext
    categoryIds: string[] | null
    collectionId: string | null
    searchIds: string[] | null
    sizes: string[]
    colors: string[]
    occasions: string[]
    priceMin: number | null
    priceMax: number | null
    sort: CatalogSort
    limit: number
    offset: number
  }): Promise<ListRow> {
    const { ctx } = input
    const p = new SqlParams()
    const regionId = p.add(ctx.region.id)
    const channels = p.add(ctx.salesChannelIds)
    const sizes = input.sizes.length ? p.add(input.sizes) : null
    const colors = input.colors.length ? p.add(input.colors) : null
    const occasions = input.occasions.length ? p.add(input.occasions) : null
    const occasionArray = (alias: string) =>
      `(CASE WHEN jsonb_typeof(${alias}.metadata->'occasion') = 'array' THEN ${alias}.metadata->'occasion' ELSE '[]'::jsonb END)`
    const customerGroups = ctx.customerId
      ? `OR EXISTS (SELECT 1 FROM price_list_customer_groups plcg
                      JOIN customer_group cg ON cg.id = plcg.customer_group_id AND cg.deleted_at IS NULL
                      JOIN customer_group_customers cgc ON cgc.customer_group_id = cg.id
                     WHERE plcg.price_list_id = ma.price_list_id AND cgc.customer_id = ${p.add(ctx.customerId)})`
      : ""
    const priceConditions = [
      input.priceMin !== null ? `pp.amount >= ${p.add(input.priceMin)}` : null,
      input.priceMax !== null ? `pp.amount <= ${p.add(input.priceMax)}` : null,
    ].filter(Boolean)

    const sql = `
      WITH rg AS (
        SELECT r.id, r.currency_code, r.includes_tax, r.automatic_taxes,
               coalesce(r.tax_rate::text::float8, 0) / 100 AS default_rate
          FROM region r WHERE r.id = ${regionId}
      ),
      base AS (
        SELECT p.id, p.type_id, p.metadata,
               coalesce(catalog_try_timestamptz(p.metadata->>'released_at'), p.created_at) AS released,
               CASE WHEN jsonb_typeof(p.metadata->'popularity') = 'number' THEN (p.metadata->>'popularity')::float8 ELSE 0 END AS popularity,
               ${input.searchIds ? "s.ord" : "NULL::bigint"} AS search_rank
          FROM product p
          ${input.searchIds ? `JOIN unnest(${p.add(input.searchIds)}::text[]) WITH ORDINALITY AS s(id, ord) ON s.id = p.id` : ""}
         WHERE ${visibleProductSql("p", channels)} AND p.is_giftcard = false
           ${input.categoryIds ? `AND EXISTS (SELECT 1 FROM product_category_product pcp WHERE pcp.product_id = p.id AND pcp.product_category_id = ANY(${p.add(input.categoryIds)}::text[]))` : ""}
           ${input.collectionId ? `AND p.collection_id = ${p.add(input.collectionId)}` : ""}
      ),
      variants AS (
        SELECT v.id, v.product_id, ${inStockSql("v")} AS in_stock,
               sz.value AS size, lower(sz.value) AS size_key,
               co.value AS color, lower(co.value) AS color_key,
               v.metadata->>'color_hex' AS hex
          FROM base b
          JOIN product_variant v ON v.product_id = b.id AND v.deleted_at IS NULL
          LEFT JOIN LATERAL (SELECT ${optionValueSql("v", SIZE_OPTION_TITLES)} AS value) sz ON true
          LEFT JOIN LATERAL (SELECT ${optionValueSql("v", COLOR_OPTION_TITLES)} AS value) co ON true
      ),
      -- Tax rates as Medusa's tax provider resolves them: the product's and its type's
      -- rates in the region, else the region's default rate.
      rates AS (
        SELECT b.id AS product_id,
               coalesce((SELECT sum(coalesce(t.rate::text::float8, 0) / 100) FROM tax_rate t
                          WHERE t.region_id = rg.id
                            AND (t.id IN (SELECT ptr.rate_id FROM product_tax_rate ptr WHERE ptr.product_id = b.id)
                                 OR t.id IN (SELECT pttr.rate_id FROM product_type_tax_rate pttr WHERE pttr.product_type_id = b.type_id))),
                        rg.default_rate) AS rate
          FROM base b CROSS JOIN rg
      ),
      -- Each variant's calculated price, as Medusa's price selection strategy picks it:
      -- base and active price-list prices for the region or its currency (no quantity
      -- tiers; customer-group lists only for their members), lowest when compared tax-inclusive.
      candidates AS (
        SELECT v.id AS variant_id, v.product_id, ma.amount, r.rate,
               CASE WHEN pl.includes_tax THEN true WHEN mr.includes_tax THEN true ELSE coalesce(cur.includes_tax, false) END AS incl
          FROM variants v
          JOIN rates r ON r.product_id = v.product_id
          CROSS JOIN rg
          JOIN product_variant_money_amount pvma ON pvma.variant_id = v.id AND pvma.deleted_at IS NULL
          JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
          LEFT JOIN price_list pl ON pl.id = ma.price_list_id AND pl.deleted_at IS NULL
          LEFT JOIN currency cur ON cur.code = ma.currency_code
          LEFT JOIN region mr ON mr.id = ma.region_id AND mr.deleted_at IS NULL
         WHERE (ma.region_id = rg.id OR ma.currency_code = rg.currency_code)
           AND coalesce(ma.min_quantity, 0) = 0
           AND (ma.price_list_id IS NULL OR (
                 pl.status = 'active'
                 AND (pl.starts_at IS NULL OR pl.starts_at < now())
                 AND (pl.ends_at IS NULL OR pl.ends_at > now())
                 AND (NOT EXISTS (SELECT 1 FROM price_list_customer_groups plcg
                                    JOIN customer_group cg ON cg.id = plcg.customer_group_id AND cg.deleted_at IS NULL
                                   WHERE plcg.price_list_id = ma.price_list_id)
                      ${customerGroups})))
      ),
      variant_prices AS (
        SELECT DISTINCT ON (c.variant_id) c.variant_id, c.product_id,
               -- What the card shows: tax-inclusive in a tax-inclusive region (as calculated_price_incl_tax), else calculated_price.
               CASE WHEN rg.includes_tax AND rg.automatic_taxes AND NOT c.incl
                    THEN c.amount + floor(c.amount::float8 * c.rate + 0.5)::bigint
                    ELSE c.amount END AS amount
          FROM candidates c CROSS JOIN rg
         ORDER BY c.variant_id, CASE WHEN c.incl THEN c.amount::float8 ELSE c.amount::float8 * (1 + c.rate) END ASC, c.amount ASC
      ),
      product_prices AS (
        SELECT product_id, min(amount) AS amount FROM variant_prices GROUP BY product_id
      ),
      flags AS (
        SELECT b.id, b.metadata, b.released, b.popularity, b.search_rank, pp.amount AS price,
               ${occasions ? `EXISTS (SELECT 1 FROM jsonb_array_elements_text(${occasionArray("b")}) o(value) WHERE lower(o.value) = ANY(${occasions}::text[]))` : "true"} AS m_occasion,
               ${priceConditions.length ? `coalesce(${priceConditions.join(" AND ")}, false)` : "true"} AS m_price,
               ${
                 sizes || colors
                   ? `EXISTS (SELECT 1 FROM variants v WHERE v.product_id = b.id AND v.in_stock
                              ${sizes ? `AND v.size_key = ANY(${sizes}::text[])` : ""}
                              ${colors ? `AND v.color_key = ANY(${colors}::text[])` : ""})`
                   : "true"
               } AS m_variant
          FROM base b LEFT JOIN product_prices pp ON pp.product_id = b.id
      ),
      matching AS (
        SELECT * FROM flags WHERE m_occasion AND m_price AND m_variant
      )
      SELECT
        (SELECT count(*)::int FROM matching) AS count,
        (SELECT coalesce(json_agg(id ORDER BY n), '[]'::json) FROM (
           SELECT id, row_number() OVER (ORDER BY ${ORDER_BY[input.sort]}) AS n FROM matching
            ORDER BY ${ORDER_BY[input.sort]} LIMIT ${p.add(input.limit)} OFFSET ${p.add(input.offset)}) page) AS ids,
        (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n)), '[]'::json) FROM (
           SELECT min(v.size) AS value, count(DISTINCT v.product_id)::int AS n
             FROM variants v JOIN flags f ON f.id = v.product_id
            WHERE f.m_occasion AND f.m_price AND v.in_stock AND v.size_key IS NOT NULL
              ${colors ? `AND v.color_key = ANY(${colors}::text[])` : ""}
            GROUP BY v.size_key) s) AS sizes,
        (SELECT coalesce(json_agg(json_build_object('value', value, 'hex', hex, 'count', n)), '[]'::json) FROM (
           SELECT min(v.color) AS value, mode() WITHIN GROUP (ORDER BY v.hex) AS hex, count(DISTINCT v.product_id)::int AS n
             FROM variants v JOIN flags f ON f.id = v.product_id
            WHERE f.m_occasion AND f.m_price AND v.in_stock AND v.color_key IS NOT NULL
              ${sizes ? `AND v.size_key = ANY(${sizes}::text[])` : ""}
            GROUP BY v.color_key) c) AS colors,
        (SELECT coalesce(json_agg(json_build_object('value', value, 'count', n)), '[]'::json) FROM (
           SELECT min(o.value) AS value, count(DISTINCT f.id)::int AS n
             FROM flags f CROSS JOIN LATERAL jsonb_array_elements_text(${occasionArray("f")}) o(value)
            WHERE f.m_price AND f.m_variant AND btrim(o.value) <> ''
            GROUP BY lower(o.value)) o) AS occasions,
        (SELECT json_build_object('min', min(price), 'max', max(price)) FROM flags
          WHERE m_occasion AND m_variant AND price IS NOT NULL) AS price,
        ${
          colors
            ? `(SELECT json_object_agg(color_key, hex) FROM (
                 SELECT v.color_key, mode() WITHIN GROUP (ORDER BY v.hex) AS hex FROM variants v
                  WHERE v.color_key = ANY(${colors}::text[]) GROUP BY v.color_key) h)`
            : "NULL::json"
        } AS selected_hex`

    const [row] = await this.activeManager_.query(sql, p.values)
    return row as ListRow
  }

  async suggest(q: string, ctx: StoreContext): Promise<SuggestResponse> {
    const text = q.trim()
    if (!text) return { q, corrected_query: null, products: [], categories: [] }
    const search = await this.searchIds(text, SUGGEST_SEARCH_HITS)
    const ids = (await this.productCardService_.visibleIds(search.ids, ctx, { excludeGiftCards: true })).slice(0, SUGGEST_PRODUCTS)
    const [products, categories] = await Promise.all([
      this.productCardService_.orderedCards(ids, ctx),
      this.matchCategories([text, search.corrected_query].filter((t): t is string => Boolean(t))),
    ])
    return { q, corrected_query: search.corrected_query, products, categories }
  }

  /** Public categories whose name, or a word in it, starts with one of the texts; name prefixes first. */
  protected async matchCategories(texts: string[]): Promise<{ handle: string; name: string }[]> {
    const phrases = [...new Set(texts.map((t) => t.trim().replace(/\s+/g, " ").toLowerCase()).filter(Boolean))]
    if (!phrases.length) return []
    const starts = phrases.map((t) => `${escapeLike(t)}%`)
    const words = phrases.map((t) => `% ${escapeLike(t)}%`)
    return this.activeManager_.query(
      `SELECT c.handle, c.name FROM product_category c
        WHERE ${publicCategorySql("c")}
          AND (lower(c.name) LIKE ANY($1::text[]) OR lower(replace(c.name, '-', ' ')) LIKE ANY($2::text[]))
        ORDER BY (lower(c.name) LIKE ANY($1::text[])) DESC, c.name ASC
        LIMIT ${SUGGEST_CATEGORIES}`,
      [starts, words]
    )
  }
}
