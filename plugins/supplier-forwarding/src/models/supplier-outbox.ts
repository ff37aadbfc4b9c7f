import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"

/** withdrawn: a cancellation stopped it before it was ever sent. */
export type OutboxStatus = "pending" | "delivered" | "failed" | "withdrawn"

/**
 * A message to a supplier, written in the same transaction as the supplier order and
 * delivered afterwards. webhook_id stays the same across retries, so the supplier can
 * deduplicate; one message per (supplier order, event type).
 */
@Entity()
@Index("IDX_supplier_outbox_order_event", ["supplier_order_id", "event_type"], { unique: true })
@Index("IDX_supplier_outbox_due", ["status", "next_attempt_at"])
export class SupplierOutbox extends BaseEntity {
  @Column({ type: "text" })
  supplier_order_id: string

  /** supplier_order.created | supplier_order.cancelled */
  @Column({ type: "text" })
  event_type: string

  @Index("IDX_supplier_outbox_webhook_id", { unique: true })
  @Column({ type: "text" })
  webhook_id: string

  @Column({ type: "jsonb" })
  payload: Record<string, unknown>

  @Column({ type: "text", default: "pending" })
  status: OutboxStatus

  @Column({ type: "integer", default: 0 })
  attempts: number

  @Column({ type: "timestamptz", default: () => "now()" })
  next_attempt_at: Date

  /** A dispatcher that claims the message holds it until then; another may take it after. */
  @Column({ type: "timestamptz", nullable: true })
  locked_until: Date | null

  @Column({ type: "text", nullable: true })
  last_error: string | null

  @Column({ type: "timestamptz", nullable: true })
  delivered_at: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "supout")
  }
}
