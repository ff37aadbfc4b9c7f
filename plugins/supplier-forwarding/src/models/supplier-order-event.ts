import { BeforeInsert, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from "typeorm"
import { generateEntityId } from "@medusajs/medusa"

/** The status history and delivery attempts of a supplier order, append-only. */
@Entity()
export class SupplierOrderEvent {
  @PrimaryColumn({ type: "text" })
  id: string

  @Index("IDX_supplier_order_event_supplier_order_id")
  @Column({ type: "text" })
  supplier_order_id: string

  /** status_changed | delivery_attempted | delivery_failed | webhook_received | note */
  @Column({ type: "text" })
  type: string

  @Column({ type: "text", nullable: true })
  from_status: string | null

  @Column({ type: "text", nullable: true })
  to_status: string | null

  @Column({ type: "jsonb", nullable: true })
  detail: Record<string, unknown> | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "supevt")
  }
}
