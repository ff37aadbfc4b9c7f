import { Column, Entity, Index, PrimaryColumn, CreateDateColumn, UpdateDateColumn } from "typeorm"
import type { AnswerOutfit, ShopperConstraints } from "../core"

export type StylistTurn = { role: "shopper" | "stylist"; text: string; outfits?: AnswerOutfit[]; created_at: string }

/**
 * One conversation with the stylist. A signed-in shopper's belongs to her customer id;
 * a guest's to whoever holds its id, which is long and random for that reason. It
 * lives `expires_at` past its last message and can be deleted by its owner.
 */
@Entity({ name: "stylist_session" })
export class StylistSession {
  @PrimaryColumn({ type: "text" })
  id: string

  @Index("IDX_stylist_session_customer")
  @Column({ type: "text", nullable: true })
  customer_id: string | null

  @Column({ type: "text" })
  region_id: string

  @Column({ type: "jsonb", default: [] })
  turns: StylistTurn[]

  /** What she asked for so far, carried into her next message. */
  @Column({ type: "jsonb", nullable: true })
  constraints: ShopperConstraints | null

  /** Products already shown, so "show me more" brings new ones. */
  @Column({ type: "jsonb", default: [] })
  shown_products: string[]

  @Index("IDX_stylist_session_expires")
  @Column({ type: "timestamptz" })
  expires_at: Date

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at: Date
}
