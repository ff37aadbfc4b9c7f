import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/**
 * A shopper's saved products. Owned either by a customer (one each) or by a guest who
 * holds a secret token; only the token's SHA-256 hash is stored.
 */
@Entity()
export class Wishlist extends BaseEntity {
  @Index("IDX_wishlist_customer_id", { unique: true, where: `"customer_id" IS NOT NULL` })
  @Column({ type: "text", nullable: true })
  customer_id: string | null

  @Index("IDX_wishlist_token_hash", { unique: true, where: `"token_hash" IS NOT NULL` })
  @Column({ type: "text", nullable: true, select: false })
  token_hash: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "wish")
  }
}
