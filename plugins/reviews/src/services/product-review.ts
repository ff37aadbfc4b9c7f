import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { EntityManager, QueryFailedError } from "typeorm"
import {
  AdminReviewQuery,
  FitFeedback,
  ModerationInput,
  ReviewCreate,
  ReviewGroup,
  ReviewStatus,
  ReviewSummary,
  StoreReviewQuery,
  displayName,
  likePattern,
  moderate,
  sizeOfVariant,
  summarize,
} from "../core"
import { ProductReview } from "../models/product-review"

export const ReviewEvents = {
  CREATED: "product_review.created",
  MODERATED: "product_review.moderated",
} as const

/** What the store shows of a published review: no email, no customer id. */
export type StoreReview = {
  id: string
  rating: number
  title: string | null
  body: string | null
  fit: ProductReview["fit"]
  size: string | null
  verified_purchase: boolean
  author_name: string
  created_at: Date
}

/** A customer's own review, whatever its status (so she sees "awaiting moderation"). */
export type CustomerReview = StoreReview & { product_id: string; variant_id: string; status: ReviewStatus; updated_at: Date }

/** What moderators see. */
export type AdminReview = CustomerReview & {
  product_title: string | null
  product_handle: string | null
  variant_title: string | null
  customer_id: string
  customer_email: string | null
  moderation_note: string | null
  moderated_at: Date | null
}

/** A size of the product she bought and has not reviewed yet: the storefront offers the form for these. */
export type ReviewableVariant = { variant_id: string; title: string | null; size: string | null }

export type StatusCounts = Record<ReviewStatus, number>

type EventBusLike = { withTransaction(m: EntityManager): EventBusLike; emit(event: string, data: unknown): Promise<unknown> }
type LoggerLike = { warn(message: string): void }

type ReviewRow = ProductReview & {
  first_name: string | null
  last_name: string | null
  customer_email: string | null
  product_title: string | null
  product_handle: string | null
  variant_title: string | null
}

type VariantRow = { variant_id: string; title: string | null; option_title: string | null; value: string | null }

const UNIQUE_VIOLATION = "23505"

const SELECT_REVIEWS = `
  SELECT r.*, c.first_name, c.last_name, c.email AS customer_email,
         p.title AS product_title, p.handle AS product_handle, v.title AS variant_title
    FROM product_review r
    JOIN customer c ON c.id = r.customer_id
    JOIN product p ON p.id = r.product_id
    LEFT JOIN product_variant v ON v.id = r.variant_id`

/**
 * The variants a customer ($1) has bought: line items of her orders that are not canceled,
 * including items she received through an exchange (swap) or a claim that was not canceled.
 */
const BOUGHT_VARIANTS = `
  SELECT li.variant_id
    FROM line_item li
    LEFT JOIN swap s ON s.id = li.swap_id
    LEFT JOIN claim_order co ON co.id = li.claim_order_id
    JOIN "order" o ON o.id = COALESCE(li.order_id, s.order_id, co.order_id)
   WHERE o.customer_id = $1 AND o.status <> 'canceled' AND s.canceled_at IS NULL AND co.canceled_at IS NULL`

const STORE_ORDER = {
  newest: `r.created_at DESC, r.id DESC`,
  highest: `r.rating DESC, r.created_at DESC, r.id DESC`,
  lowest: `r.rating ASC, r.created_at DESC, r.id DESC`,
} as const

/**
 * Product reviews: written by logged-in customers, published once a moderator approves them,
 * summarised per product, and read by the size-recommendation plugin as fit feedback.
 */
export default class ProductReviewService extends TransactionBaseService {
  static Events = ReviewEvents

  protected readonly eventBus_: EventBusLike
  protected readonly logger_: LoggerLike | undefined

  constructor(container: { manager: EntityManager; eventBusService: EventBusLike; logger?: LoggerLike }, options: Record<string, unknown> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
    this.eventBus_ = container.eventBusService
    this.logger_ = container.logger
  }

  // ---------------------------------------------------------------- store

  /** A published product by id or handle, else 404 (a draft or deleted product counts as missing). */
  async retrievePublishedProduct(idOrHandle: string, manager = this.activeManager_): Promise<{ id: string; title: string }> {
    const [product] = await manager.query(
      `SELECT id, title FROM product WHERE (id = $1 OR handle = $1) AND status = 'published' AND deleted_at IS NULL ORDER BY (id = $1) DESC LIMIT 1`,
      [idOrHandle]
    )
    if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No product with id ${idOrHandle}`)
    return product
  }

  /** A page of the product's published reviews and its summary. */
  async listForProduct(idOrHandle: string, query: StoreReviewQuery): Promise<{ reviews: StoreReview[]; count: number; summary: ReviewSummary }> {
    const manager = this.activeManager_
    const product = await this.retrievePublishedProduct(idOrHandle, manager)
    const rows: ReviewRow[] = await manager.query(
      `${SELECT_REVIEWS} WHERE r.product_id = $1 AND r.status = 'approved' ORDER BY ${STORE_ORDER[query.sort]} LIMIT $2 OFFSET $3`,
      [product.id, query.limit, query.offset]
    )
    const summary = await this.summaryForProduct(product.id, manager)
    return { reviews: rows.map(toStore), count: summary.count, summary }
  }

  /** The summary of a product's published reviews (any product id; an unknown one has none). */
  async summaryForProduct(productId: string, manager = this.activeManager_): Promise<ReviewSummary> {
    const groups: ReviewGroup[] = await manager.query(
      `SELECT rating, fit, size, count(*)::int AS count FROM product_review WHERE product_id = $1 AND status = 'approved' GROUP BY rating, fit, size`,
      [productId]
    )
    const sizeOrder = sizesOf(await this.variantsOf(productId, manager)).map((v) => v.size).filter((s): s is string => s !== null)
    return summarize(groups, sizeOrder)
  }

  /**
   * A customer's review of one size of a published product. It waits for moderation. Whether
   * she bought that size is decided here from her orders; claiming a verified purchase she
   * did not make is refused. One review per customer and size.
   */
  async create(customerId: string, productIdOrHandle: string, input: ReviewCreate): Promise<CustomerReview> {
    const created = await this.atomicPhase_(async (manager) => {
      const product = await this.retrievePublishedProduct(productIdOrHandle, manager)
      const variant = sizesOf(await this.variantsOf(product.id, manager)).find((v) => v.variant_id === input.variant_id)
      if (!variant) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid review: variant_id: ${input.variant_id} is not a variant of product ${product.id}`)
      }
      const what = `${product.title}${variant.size ? ` in size ${variant.size}` : variant.title ? ` (${variant.title})` : ""}`
      const bought = await this.hasBought(customerId, variant.variant_id, manager)
      if (input.verified_purchase === true && !bought) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `This review cannot be a verified purchase: you have no order of ${what}. Send it without verified_purchase to review it anyway.`
        )
      }
      const repo = manager.getRepository(ProductReview)
      const duplicate = () => new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `You have already reviewed ${what}; each size can be reviewed once.`)
      if (await repo.findOne({ where: { customer_id: customerId, variant_id: variant.variant_id }, select: ["id"] })) throw duplicate()
      try {
        const saved = await repo.save(
          repo.create({
            product_id: product.id,
            variant_id: variant.variant_id,
            customer_id: customerId,
            rating: input.rating,
            title: input.title,
            body: input.body,
            fit: input.fit,
            size: variant.size,
            verified_purchase: bought,
            status: "pending",
          })
        )
        await this.emit(manager, ReviewEvents.CREATED, saved)
        return saved.id
      } catch (error) {
        // The same review sent twice at once: the unique index decides.
        if (isUniqueViolation(error)) throw duplicate()
        throw error
      }
    })
    const [row] = await this.query<ReviewRow>(`${SELECT_REVIEWS} WHERE r.id = $1`, [created])
    return toCustomer(row)
  }

  /**
   * Her own reviews, newest first, any status. With a product: only that product's, plus the
   * sizes of it she bought and has not reviewed yet (none when the product is not published).
   */
  async listForCustomer(customerId: string, productId?: string): Promise<{ reviews: CustomerReview[]; reviewable_variants?: ReviewableVariant[] }> {
    const manager = this.activeManager_
    const rows: ReviewRow[] = await manager.query(
      `${SELECT_REVIEWS} WHERE r.customer_id = $1 AND ($2::text IS NULL OR r.product_id = $2) ORDER BY r.created_at DESC, r.id DESC`,
      [customerId, productId ?? null]
    )
    const reviews = rows.map(toCustomer)
    if (!productId) return { reviews }

    const [published] = await manager.query(`SELECT id FROM product WHERE id = $1 AND status = 'published' AND deleted_at IS NULL`, [productId])
    if (!published) return { reviews, reviewable_variants: [] }
    const bought: { variant_id: string }[] = await manager.query(
      `SELECT DISTINCT b.variant_id FROM (${BOUGHT_VARIANTS}) b JOIN product_variant v ON v.id = b.variant_id WHERE v.product_id = $2`,
      [customerId, productId]
    )
    const boughtIds = new Set(bought.map((b) => b.variant_id))
    const reviewed = new Set(reviews.map((r) => r.variant_id))
    const reviewable_variants = sizesOf(await this.variantsOf(productId, manager)).filter((v) => boughtIds.has(v.variant_id) && !reviewed.has(v.variant_id))
    return { reviews, reviewable_variants }
  }

  /** Whether she has a non-canceled order (or exchange) with this variant. */
  async hasBought(customerId: string, variantId: string, manager = this.activeManager_): Promise<boolean> {
    const [row] = await manager.query(`SELECT EXISTS (${BOUGHT_VARIANTS} AND li.variant_id = $2) AS bought`, [customerId, variantId])
    return row?.bought === true
  }

  // ---------------------------------------------------------------- admin

  /**
   * Reviews for moderators, pending first, then newest first; `counts` has the number per
   * status for the same product and search (whatever the status filter).
   */
  async listForAdmin(query: AdminReviewQuery): Promise<{ reviews: AdminReview[]; count: number; counts: StatusCounts }> {
    const manager = this.activeManager_
    const params: unknown[] = []
    const where: string[] = []
    if (query.product_id) {
      params.push(query.product_id)
      where.push(`r.product_id = $${params.length}`)
    }
    if (query.q) {
      params.push(likePattern(query.q), query.q)
      const like = `$${params.length - 1}`
      where.push(`(r.title ILIKE ${like} OR r.body ILIKE ${like} OR c.email ILIKE ${like} OR p.title ILIKE ${like} OR r.size ILIKE ${like} OR r.id = $${params.length})`)
    }
    const from = `FROM product_review r JOIN customer c ON c.id = r.customer_id JOIN product p ON p.id = r.product_id`
    const countRows: { status: ReviewStatus; count: number }[] = await manager.query(
      `SELECT r.status, count(*)::int AS count ${from} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} GROUP BY r.status`,
      params
    )
    const counts: StatusCounts = { pending: 0, approved: 0, rejected: 0 }
    for (const c of countRows) counts[c.status] = Number(c.count)

    if (query.status) {
      params.push(query.status)
      where.push(`r.status = $${params.length}`)
    }
    params.push(query.limit, query.offset)
    const rows: ReviewRow[] = await manager.query(
      `${SELECT_REVIEWS} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
        ORDER BY (r.status = 'pending') DESC, r.created_at DESC, r.id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params
    )
    const count = query.status ? counts[query.status] : counts.pending + counts.approved + counts.rejected
    return { reviews: rows.map(toAdmin), count, counts }
  }

  async retrieveForAdmin(id: string): Promise<AdminReview> {
    const [row] = await this.query<ReviewRow>(`${SELECT_REVIEWS} WHERE r.id = $1`, [id])
    if (!row) throw notFound(id)
    return toAdmin(row)
  }

  /** Approves or rejects (see core/moderation.ts for what may follow what); emits product_review.moderated when the status changes. */
  async moderate(id: string, input: ModerationInput): Promise<AdminReview> {
    await this.atomicPhase_(async (manager) => {
      const repo = manager.getRepository(ProductReview)
      const review = await repo.findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      if (!review) throw notFound(id)
      const decision = moderate(review.status, input)
      if (!decision.ok) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, decision.reason)
      review.status = decision.change.status
      review.moderation_note = decision.change.note
      review.moderated_at = new Date()
      const saved = await repo.save(review)
      if (decision.change.status_changed) await this.emit(manager, ReviewEvents.MODERATED, saved)
    })
    return this.retrieveForAdmin(id)
  }

  async delete(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const result = await manager.getRepository(ProductReview).delete({ id })
      if (!result.affected) throw notFound(id)
    })
  }

  // ---------------------------------------------------------------- size recommendation

  /**
   * Every fit answer of a review that is not rejected, oldest first: one query, rows as
   * plain objects (the size-recommendation plugin may read hundreds of thousands).
   */
  async listFitFeedback(filter: { product_id?: string } = {}): Promise<FitFeedback[]> {
    const rows: FitFeedback[] = await this.activeManager_.query(
      `SELECT id AS review_id, product_id, variant_id, customer_id, size, fit, verified_purchase, status, created_at
         FROM product_review
        WHERE fit IS NOT NULL AND status <> 'rejected' AND ($1::text IS NULL OR product_id = $1)
        ORDER BY created_at, id`,
      [filter.product_id ?? null]
    )
    return rows
  }

  // ---------------------------------------------------------------- helpers

  protected async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.activeManager_.query(sql, params)
  }

  /** The product's variants in the merchant's order, one row per option value. */
  protected async variantsOf(productId: string, manager: EntityManager): Promise<VariantRow[]> {
    return manager.query(
      `SELECT v.id AS variant_id, v.title, po.title AS option_title, pov.value
         FROM product_variant v
         LEFT JOIN product_option_value pov ON pov.variant_id = v.id AND pov.deleted_at IS NULL
         LEFT JOIN product_option po ON po.id = pov.option_id AND po.deleted_at IS NULL
        WHERE v.product_id = $1 AND v.deleted_at IS NULL
        ORDER BY v.variant_rank NULLS LAST, v.created_at, v.id`,
      [productId]
    )
  }

  /** Events must never undo a review: a failure to emit is logged. */
  protected async emit(manager: EntityManager, event: string, review: ProductReview): Promise<void> {
    try {
      await this.eventBus_.withTransaction(manager).emit(event, { id: review.id, product_id: review.product_id, status: review.status })
    } catch (error) {
      this.logger_?.warn(`Reviews: could not emit ${event} for ${review.id}: ${(error as Error).message}`)
    }
  }
}

/** One entry per variant, in order, with its size. */
function sizesOf(rows: VariantRow[]): ReviewableVariant[] {
  const byVariant = new Map<string, { title: string | null; options: VariantRow[] }>()
  for (const row of rows) {
    const entry = byVariant.get(row.variant_id) ?? { title: row.title, options: [] }
    entry.options.push(row)
    byVariant.set(row.variant_id, entry)
  }
  return [...byVariant.entries()].map(([variant_id, v]) => ({ variant_id, title: v.title, size: sizeOfVariant(v.options) }))
}

function toStore(row: ReviewRow): StoreReview {
  return {
    id: row.id,
    rating: Number(row.rating),
    title: row.title,
    body: row.body,
    fit: row.fit,
    size: row.size,
    verified_purchase: row.verified_purchase,
    author_name: displayName(row.first_name, row.last_name),
    created_at: row.created_at,
  }
}

function toCustomer(row: ReviewRow): CustomerReview {
  return { ...toStore(row), product_id: row.product_id, variant_id: row.variant_id, status: row.status, updated_at: row.updated_at }
}

function toAdmin(row: ReviewRow): AdminReview {
  return {
    ...toCustomer(row),
    product_title: row.product_title,
    product_handle: row.product_handle,
    variant_title: row.variant_title,
    customer_id: row.customer_id,
    customer_email: row.customer_email,
    moderation_note: row.moderation_note,
    moderated_at: row.moderated_at,
  }
}

const notFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `No review with id ${id}`)

function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === UNIQUE_VIOLATION
}
