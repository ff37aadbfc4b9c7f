import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import type { Fit, ReviewStatus } from "../core/review"

/**
 * A customer's review of one size (variant) of a product: stars, optional title and text, how
 * the size fitted. The size and whether she bought it are decided by the server when the
 * review is written. Shown in the store once a moderator approves it.
 */
@Entity({ name: "product_review" })
@Index("IDX_product_review_customer_variant", ["customer_id", "variant_id"], { unique: true })
export class ProductReview extends BaseEntity {
  @Column({ type: "text" })
  product_id: string

  @Column({ type: "text" })
  variant_id: string

  @Column({ type: "text" })
  customer_id: string

  @Column({ type: "smallint" })
  rating: number

  @Column({ type: "text", nullable: true })
  title: string | null

  @Column({ type: "text", nullable: true })
  body: string | null

  @Column({ type: "text", nullable: true })
  fit: Fit | null

  /** The variant's Size option value when the review was written. */
  @Column({ type: "text", nullable: true })
  size: string | null

  @Column({ type: "boolean", default: false })
  verified_purchase: boolean

  @Column({ type: "text", default: "pending" })
  status: ReviewStatus

  /** For moderators only; never shown to the shopper. */
  @Column({ type: "text", nullable: true })
  moderation_note: string | null

  @Column({ type: "timestamptz", nullable: true })
  moderated_at: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "prev")
  }
}
