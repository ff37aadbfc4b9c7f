import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** A product (optionally one variant of it) in a wishlist; unique per wishlist, product and variant. */
@Entity()
export class WishlistItem extends BaseEntity {
  @Index("IDX_wishlist_item_wishlist_id")
  @Column({ type: "text" })
  wishlist_id: string

  /** Not a foreign key: the item outlives an unpublished or deleted product (shown with product null). */
  @Column({ type: "text" })
  product_id: string

  @Column({ type: "text", nullable: true })
  variant_id: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "wishitem")
  }
}
