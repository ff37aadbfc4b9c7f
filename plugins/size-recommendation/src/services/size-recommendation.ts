import { Lifetime } from "awilix"
import { PollingLoop } from "@fashion/plugin-kit"
import { MedusaError } from "@medusajs/utils"
import type { EntityManager } from "typeorm"
import {
  FitLabel,
  FitModel,
  FitObservation,
  MeasurementValues,
  ProductSizing,
  SizeAdvice,
  adviseSize,
  bodyFactsFromMeasurements,
  scaleSizes,
} from "../core"
import { trainOffThread } from "../lib/fit-training-thread"
import type BodyMeasurementsService from "./body-measurements"
import type SizeChartService from "./size-chart"

/** One review with fit feedback, as the reviews plugin's productReviewService lists them. */
type FitFeedback = {
  product_id: string
  customer_id: string | null
  size: string | null
  fit: "runs_small" | "true_to_size" | "runs_large"
  verified_purchase: boolean
  created_at: Date | string
}
type ReviewSource = { listFitFeedback(): Promise<FitFeedback[]> }
type LoggerLike = { info(m: string): void; warn(m: string): void; error(m: string): void }

export type SizeRecommendationOptions = {
  /** How often to look for new reviews or measurements and retrain if there are any. */
  retrain_check_interval_ms?: number
  /** After a review event, wait this long for more before retraining. */
  retrain_debounce_ms?: number
}

export type ModelStatus = {
  state: "untrained" | "training" | "ready" | "failed"
  trained_at: string | null
  training_ms: number | null
  reviews: number
  products: number
  shoppers: number
  learned: boolean
  last_error: string | null
}

const FIT_OF_REVIEW: Record<FitFeedback["fit"], FitLabel> = { runs_small: "small", true_to_size: "fit", runs_large: "large" }
const PRODUCT_CACHE_MS = 60_000
/** An unverified review still counts, for half as much as a verified purchase. */
const UNVERIFIED_TRUST = 0.5

/**
 * The size model in memory: trained from the reviews and measurements in the database,
 * retrained when they change, and answering size advice without touching the model's
 * data on the request path. One per process (a singleton), so each server replica
 * trains its own copy from the shared database.
 */
export default class SizeRecommendationService {
  static LIFE_TIME = Lifetime.SINGLETON

  private model: FitModel | null = null
  private status_: ModelStatus = { state: "untrained", trained_at: null, training_ms: null, reviews: 0, products: 0, shoppers: 0, learned: false, last_error: null }
  private training: Promise<ModelStatus> | null = null
  private fingerprint: string | null = null
  private debounceTimer: NodeJS.Timeout | null = null
  // One check at a time, whether the minute's tick or a review's kick started it.
  private readonly schedule: PollingLoop
  private readonly products = new Map<string, { sizing: ProductSizing; loadedAt: number }>()
  private readonly options: Required<SizeRecommendationOptions>

  constructor(
    private readonly container: Record<string, unknown>,
    options: SizeRecommendationOptions = {}
  ) {
    this.options = { retrain_check_interval_ms: options.retrain_check_interval_ms ?? 60_000, retrain_debounce_ms: options.retrain_debounce_ms ?? 5_000 }
    this.schedule = new PollingLoop("Size recommendation: retraining failed", async () => void (await this.retrainIfChanged()), this.options.retrain_check_interval_ms, {
      error: (message) => this.logger.error(message),
    })
  }

  private get manager(): EntityManager {
    return this.container.manager as EntityManager
  }

  private get logger(): LoggerLike {
    return this.container.logger as LoggerLike
  }

  status(): ModelStatus {
    return { ...this.status_ }
  }

  /** Starts the periodic check; the first one trains the model. */
  startSchedule(): void {
    this.schedule.start(0)
  }

  /** A review arrived or was moderated: retrain soon, once for a burst of them. */
  retrainSoon(): void {
    if (this.debounceTimer) clearTimeout(this.debounceTimer)
    this.debounceTimer = setTimeout(() => this.schedule.kick(), this.options.retrain_debounce_ms)
    this.debounceTimer.unref()
  }

  async retrainIfChanged(): Promise<ModelStatus> {
    const fingerprint = await this.dataFingerprint()
    if (fingerprint === this.fingerprint && this.model) return this.status()
    return this.retrain(fingerprint)
  }

  /**
   * Trains from everything in the database now; concurrent calls share one training.
   * `fingerprint`: the data's, when the caller has just read it.
   */
  async retrain(fingerprint?: string): Promise<ModelStatus> {
    if (this.training) return this.training
    this.training = this.train(fingerprint).finally(() => {
      this.training = null
    })
    return this.training
  }

  async recommend(productIdOrHandle: string, shopper: { customer_id: string | null; measurements: Partial<MeasurementValues> | null }): Promise<SizeAdvice & { model: Pick<ModelStatus, "trained_at" | "reviews"> }> {
    // Asked before the schedule's first training: start it now. After a failed one, the
    // schedule tries again; a request does not start a training of its own each time.
    if (this.status_.state === "untrained" && !this.training) void this.retrain().catch(() => undefined)
    const sizing = await this.productSizing(productIdOrHandle)
    const advice = adviseSize(this.model, sizing, shopper)
    return { ...advice, model: { trained_at: this.status_.trained_at, reviews: this.status_.reviews } }
  }

  /** A product's sizes, category and chart, kept for a minute so advice is served from memory. */
  async productSizing(idOrHandle: string): Promise<ProductSizing> {
    const cached = this.products.get(idOrHandle)
    if (cached && Date.now() - cached.loadedAt < PRODUCT_CACHE_MS) return cached.sizing
    const [product] = await this.manager.query(
      `SELECT p.id FROM product p WHERE (p.id = $1 OR p.handle = $1) AND p.status = 'published' AND p.deleted_at IS NULL LIMIT 1`,
      [idOrHandle]
    )
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with id ${idOrHandle}`)
    const labels = (await this.sizeLabels([product.id])).get(product.id) ?? []
    let chart: ProductSizing["chart"] = null
    try {
      chart = await (this.container.sizeChartService as SizeChartService).retrieveForProduct(product.id)
    } catch (error) {
      if ((error as MedusaError).type !== MedusaError.Types.NOT_FOUND) throw error
    }
    // Without a Size option the chart's rows are the sizes.
    const sizes = scaleSizes(labels.length ? labels : chart?.rows.map((row) => String(row.size)) ?? [])
    const category_id = (await this.modelCategories([product.id])).get(product.id) ?? null
    const sizing: ProductSizing = { product_id: product.id, category_id, sizes, chart }
    if (this.products.size > 5000) this.products.clear()
    this.products.set(idOrHandle, { sizing, loadedAt: Date.now() })
    return sizing
  }

  private async train(knownFingerprint?: string): Promise<ModelStatus> {
    const started = Date.now()
    this.status_ = { ...this.status_, state: "training" }
    try {
      const fingerprint = knownFingerprint ?? (await this.dataFingerprint())
      const rows = await this.trainingRows()
      const model = await trainOffThread(rows)
      const summary = model.summary()
      this.model = model
      this.fingerprint = fingerprint
      this.status_ = {
        state: "ready",
        trained_at: new Date().toISOString(),
        training_ms: Date.now() - started,
        reviews: summary.reviews,
        products: summary.items,
        shoppers: summary.shoppers,
        learned: model.isTrained(),
        last_error: null,
      }
      this.logger.info(`Size recommendation: trained on ${summary.reviews} fit reviews in ${this.status_.training_ms} ms`)
      return this.status()
    } catch (error) {
      this.status_ = { ...this.status_, state: this.model ? "ready" : "failed", last_error: (error as Error).message }
      throw error
    }
  }

  /** Fit reviews as observations: her size as a position on the product's scale, her body as she last gave it. */
  private async trainingRows(): Promise<FitObservation[]> {
    const feedback = (await this.reviewSource()?.listFitFeedback()) ?? []
    const usable = feedback.filter((f) => f.size !== null && FIT_OF_REVIEW[f.fit])
    const productIds = [...new Set(usable.map((f) => f.product_id))]
    const customerIds = [...new Set(usable.map((f) => f.customer_id).filter((id): id is string => Boolean(id)))]
    const labels = await this.sizeLabels(productIds)
    const categories = await this.modelCategories(productIds)
    const bodies = await (this.container.bodyMeasurementsService as BodyMeasurementsService).listForCustomers(customerIds)
    const positions = new Map<string, Map<string, number>>()
    for (const [productId, productLabels] of labels) {
      positions.set(productId, new Map(scaleSizes(productLabels).map((s) => [s.label.toUpperCase(), s.position])))
    }
    const observations: FitObservation[] = []
    for (const f of usable) {
      const position = positions.get(f.product_id)?.get(f.size!.trim().toUpperCase())
      if (position === undefined) continue
      observations.push({
        user: f.customer_id,
        item: f.product_id,
        size: position,
        category: categories.get(f.product_id) ?? null,
        body: bodyFactsFromMeasurements(f.customer_id ? bodies.get(f.customer_id) ?? null : null),
        fit: FIT_OF_REVIEW[f.fit],
        at: new Date(f.created_at).getTime(),
        trust: f.verified_purchase ? 1 : UNVERIFIED_TRUST,
      })
    }
    return observations
  }

  /**
   * The one category the model groups each product by (the lowest id of its categories), the
   * same at training and when advising, so a product's reviews and its advice share a category.
   */
  private async modelCategories(productIds: string[]): Promise<Map<string, string>> {
    if (!productIds.length) return new Map()
    const rows: { product_id: string; category_id: string }[] = await this.manager.query(
      `SELECT product_id, min(product_category_id) AS category_id FROM product_category_product WHERE product_id = ANY($1) GROUP BY product_id`,
      [productIds]
    )
    return new Map(rows.map((row) => [row.product_id, row.category_id]))
  }

  /** Each product's Size option values, in the order of its variants. */
  private async sizeLabels(productIds: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>()
    if (!productIds.length) return result
    const rows: { product_id: string; value: string }[] = await this.manager.query(
      `SELECT o.product_id, ov.value
         FROM product_option o
         JOIN product_option_value ov ON ov.option_id = o.id AND ov.deleted_at IS NULL
         JOIN product_variant v ON v.id = ov.variant_id AND v.deleted_at IS NULL
        WHERE o.product_id = ANY($1) AND lower(o.title) = 'size' AND o.deleted_at IS NULL
        ORDER BY o.product_id, v.variant_rank, v.created_at`,
      [productIds]
    )
    for (const row of rows) {
      const list = result.get(row.product_id) ?? []
      if (!list.includes(row.value)) list.push(row.value)
      result.set(row.product_id, list)
    }
    return result
  }

  /** Changes when a review or a measurement does: the periodic check retrains only then. */
  private async dataFingerprint(): Promise<string> {
    const [measurements] = await this.manager.query(`SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') AS state FROM body_measurements`)
    const [{ exists }] = await this.manager.query(`SELECT to_regclass('product_review') IS NOT NULL AS exists`)
    if (!exists) return `${measurements.state}|`
    const [reviews] = await this.manager.query(`SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') AS state FROM product_review`)
    return `${measurements.state}|${reviews.state}`
  }

  private reviewSource(): ReviewSource | null {
    try {
      return this.container.productReviewService as ReviewSource
    } catch {
      // The reviews plugin is not installed: advice comes from size charts alone.
      return null
    }
  }
}

