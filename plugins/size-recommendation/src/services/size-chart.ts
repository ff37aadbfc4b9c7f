import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager, In, QueryFailedError } from "typeorm"
import { formatProblems } from "@fashion/plugin-kit"
import { SizeChartCreate, SizeChartUpdate, categoryLookupOrder, validateSizeChartCreate } from "../core/size-chart"
import { SizeChart } from "../models/size-chart"

/** What the storefront gets (notes/storefront-api.md, "Size chart"). */
export type StoreSizeChart = {
  id: string
  source: "product" | "category"
  category_handle: string | null
  unit: "cm"
  measurements: string[]
  rows: SizeChart["rows"]
  notes: string | null
}

export type AdminSizeChart = Pick<SizeChart, "id" | "product_id" | "category_id" | "unit" | "measurements" | "rows" | "notes" | "created_at" | "updated_at"> & {
  category_handle: string | null
}

/** A category chart from the seed or an import: the category by id, the content unchecked yet. */
export type CategoryChartImport = { category_id: string; category_handle: string; unit?: unknown; measurements: unknown; rows: unknown; notes?: unknown }

const UNIQUE_VIOLATION = "23505"

export default class SizeChartService extends TransactionBaseService {
  constructor(container: { manager: EntityManager }, options: Record<string, unknown> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
  }

  async list(selector: { product_id?: string; category_id?: string } = {}): Promise<AdminSizeChart[]> {
    const where: Record<string, string> = {}
    if (selector.product_id) where.product_id = selector.product_id
    if (selector.category_id) where.category_id = selector.category_id
    const charts = await this.activeManager_.getRepository(SizeChart).find({ where, order: { created_at: "ASC", id: "ASC" } })
    return this.withHandles(charts)
  }

  async retrieve(id: string): Promise<AdminSizeChart> {
    const chart = await this.activeManager_.getRepository(SizeChart).findOne({ where: { id } })
    if (!chart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No size chart with id ${id}`)
    return (await this.withHandles([chart]))[0]
  }

  async create(input: SizeChartCreate): Promise<AdminSizeChart> {
    return this.atomicPhase_(async (manager) => {
      await this.assertTargetExists(manager, input)
      const repo = manager.getRepository(SizeChart)
      const existing = await repo.findOne({ where: input.product_id ? { product_id: input.product_id } : { category_id: input.category_id! } })
      if (existing) throw this.duplicate(input, existing.id)
      try {
        const { id } = await repo.save(repo.create(input))
        return this.withTransaction(manager).retrieve(id)
      } catch (error) {
        // Two requests for the same target at once: the unique index decides.
        if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === UNIQUE_VIOLATION) throw this.duplicate(input)
        throw error
      }
    })
  }

  async update(id: string, input: SizeChartUpdate): Promise<AdminSizeChart> {
    return this.atomicPhase_(async (manager) => {
      const repo = manager.getRepository(SizeChart)
      const chart = await repo.findOne({ where: { id } })
      if (!chart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No size chart with id ${id}`)
      await repo.save(Object.assign(chart, input))
      return this.withTransaction(manager).retrieve(id)
    })
  }

  async delete(id: string): Promise<void> {
    return this.atomicPhase_(async (manager) => {
      const repo = manager.getRepository(SizeChart)
      const chart = await repo.findOne({ where: { id } })
      if (!chart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No size chart with id ${id}`)
      await repo.remove(chart)
    })
  }

  /**
   * The chart for a product page: the product's own chart, else the chart of its most
   * specific category that has one, walking up to parent categories.
   */
  async retrieveForProduct(idOrHandle: string): Promise<StoreSizeChart> {
    const manager = this.activeManager_
    const [product] = await manager.query(`SELECT id FROM product WHERE (id = $1 OR handle = $1) AND status = 'published' AND deleted_at IS NULL LIMIT 1`, [idOrHandle])
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with id ${idOrHandle}`)
    const repo = manager.getRepository(SizeChart)
    const own = await repo.findOne({ where: { product_id: product.id } })
    if (own) return toStore(own, "product", null)

    const tree: { id: string; parent_category_id: string | null; handle: string }[] = await manager.query(
      `WITH RECURSIVE up AS (
         SELECT c.id, c.parent_category_id, c.handle, 0 AS depth
           FROM product_category c JOIN product_category_product pcp ON pcp.product_category_id = c.id
          WHERE pcp.product_id = $1
         UNION
         SELECT p.id, p.parent_category_id, p.handle, up.depth + 1
           FROM product_category p JOIN up ON p.id = up.parent_category_id
          WHERE up.depth < 32
       )
       SELECT DISTINCT id, parent_category_id, handle FROM up`,
      [product.id]
    )
    const direct: { product_category_id: string }[] = await manager.query(`SELECT product_category_id FROM product_category_product WHERE product_id = $1`, [product.id])
    const order = categoryLookupOrder(
      direct.map((d) => d.product_category_id),
      new Map(tree.map((c) => [c.id, c.parent_category_id]))
    )
    if (order.length) {
      const charts = await repo.find({ where: { category_id: In(order) } })
      const byCategory = new Map(charts.map((c) => [c.category_id, c]))
      const handles = new Map(tree.map((c) => [c.id, c.handle]))
      for (const categoryId of order) {
        const chart = byCategory.get(categoryId)
        if (chart) return toStore(chart, "category", handles.get(categoryId) ?? null)
      }
    }
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No size chart for this product")
  }

  /**
   * Creates the charts of categories that have none yet and leaves existing ones alone (a
   * merchant may have edited them), so importing twice changes nothing. Each chart is
   * validated like an admin request. Returns the handles of the categories given a chart.
   */
  async createMissingForCategories(charts: CategoryChartImport[]): Promise<string[]> {
    if (!charts.length) return []
    return this.atomicPhase_(async (manager) => {
      const repo = manager.getRepository(SizeChart)
      const existing = new Set((await repo.find({ where: { category_id: In(charts.map((c) => c.category_id)) }, select: ["id", "category_id"] })).map((c) => c.category_id))
      const created: string[] = []
      for (const chart of charts) {
        if (existing.has(chart.category_id)) continue
        const { category_handle, ...body } = chart
        const result = validateSizeChartCreate(body)
        if (!result.ok) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid size chart for category ${category_handle}: ${formatProblems(result.problems)}`)
        await this.withTransaction(manager).create(result.value)
        existing.add(chart.category_id)
        created.push(category_handle)
      }
      return created
    })
  }

  protected async assertTargetExists(manager: EntityManager, input: Pick<SizeChartCreate, "product_id" | "category_id">): Promise<void> {
    if (input.product_id) {
      const [found] = await manager.query(`SELECT id FROM product WHERE id = $1 AND deleted_at IS NULL`, [input.product_id])
      if (!found) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid size chart: product_id: no product with id ${input.product_id}`)
    } else if (input.category_id) {
      const [found] = await manager.query(`SELECT id FROM product_category WHERE id = $1`, [input.category_id])
      if (!found) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid size chart: category_id: no category with id ${input.category_id}`)
    }
  }

  protected duplicate(input: Pick<SizeChartCreate, "product_id" | "category_id">, existingId?: string): MedusaError {
    const target = input.product_id ? `product ${input.product_id}` : `category ${input.category_id}`
    return new MedusaError(
      MedusaError.Types.DUPLICATE_ERROR,
      `A size chart for ${target} already exists${existingId ? ` (${existingId}); update or delete it instead` : ""}`
    )
  }

  protected async withHandles(charts: SizeChart[]): Promise<AdminSizeChart[]> {
    const ids = [...new Set(charts.map((c) => c.category_id).filter((id): id is string => Boolean(id)))]
    const rows: { id: string; handle: string }[] = ids.length ? await this.activeManager_.query(`SELECT id, handle FROM product_category WHERE id = ANY($1)`, [ids]) : []
    const handles = new Map(rows.map((r) => [r.id, r.handle]))
    return charts.map((c) => ({
      id: c.id,
      product_id: c.product_id,
      category_id: c.category_id,
      category_handle: c.category_id ? handles.get(c.category_id) ?? null : null,
      unit: c.unit,
      measurements: c.measurements,
      rows: c.rows,
      notes: c.notes,
      created_at: c.created_at,
      updated_at: c.updated_at,
    }))
  }
}

function toStore(chart: SizeChart, source: "product" | "category", categoryHandle: string | null): StoreSizeChart {
  return {
    id: chart.id,
    source,
    category_handle: categoryHandle,
    unit: "cm",
    measurements: chart.measurements,
    rows: chart.rows,
    notes: chart.notes,
  }
}
