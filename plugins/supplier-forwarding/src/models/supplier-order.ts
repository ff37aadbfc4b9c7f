import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import { Supplier } from "./supplier"
import type { SupplierOrderDraftItem } from "../core/split-order"
import type { SupplierOrderStatus } from "../core/supplier-order-status"

/** The part of one of our orders that one supplier fulfils. Its id is the idempotency key sent to the supplier. */
@Entity()
@Index("IDX_supplier_order_order_supplier", ["order_id", "supplier_id"], { unique: true })
export class SupplierOrder extends BaseEntity {
  @Column({ type: "text" })
  order_id: string

  @Index("IDX_supplier_order_supplier_id")
  @Column({ type: "text" })
  supplier_id: string

  @ManyToOne(() => Supplier)
  @JoinColumn({ name: "supplier_id" })
  supplier: Supplier

  @Index("IDX_supplier_order_status")
  @Column({ type: "text", default: "pending" })
  status: SupplierOrderStatus

  @Column({ type: "jsonb" })
  items: SupplierOrderDraftItem[]

  @Column({ type: "integer", default: 0 })
  total_cost: number

  @Column({ type: "text", default: "inr" })
  currency_code: string

  @Column({ type: "text", nullable: true })
  rejection_reason: string | null

  /** carrier, awb, tracking_url from supplier_order.shipped */
  @Column({ type: "jsonb", nullable: true })
  shipment: Record<string, unknown> | null

  @Column({ type: "timestamptz", nullable: true })
  sent_at: Date | null

  @Column({ type: "timestamptz", nullable: true })
  accepted_at: Date | null

  @Column({ type: "timestamptz", nullable: true })
  shipped_at: Date | null

  @Column({ type: "timestamptz", nullable: true })
  cancelled_at: Date | null

  /** The Medusa fulfillment created when the supplier shipped. */
  @Column({ type: "text", nullable: true })
  fulfillment_id: string | null

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "supord")
  }
}
