import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm"
import type { BookingState, TimelineStage } from "../core"

export type ShipmentItem = { line_item_id: string; quantity: number }

/**
 * One parcel at Shiprocket: a fulfillment shipped from a supplier's door (forward) or a
 * reverse pickup (return). The row is written before any call to Shiprocket and records
 * how far booking got, so retries carry on and never book twice.
 */
@Entity()
export class ShiprocketShipment {
  @PrimaryColumn({ type: "text" })
  id: string

  @Column({ type: "text" })
  kind: "forward" | "return"

  @Column({ type: "text", default: "pending" })
  state: BookingState

  @Column({ type: "text" })
  order_id: string

  @Column({ type: "text", nullable: true })
  fulfillment_id: string | null

  @Column({ type: "text", nullable: true })
  return_id: string | null

  @Column({ type: "text", nullable: true })
  supplier_id: string | null

  /** The pickup address's nickname at Shiprocket (the supplier's). */
  @Column({ type: "text", nullable: true })
  pickup_location: string | null

  @Column({ type: "text", default: "prepaid" })
  payment_method: "cod" | "prepaid"

  /** The courier the shopper chose at checkout (cheapest or fastest), when known. */
  @Column({ type: "integer", nullable: true })
  courier_preference: number | null

  @Column({ type: "jsonb", default: [] })
  items: ShipmentItem[]

  /** Our order_id at Shiprocket is "<fulfillment or return id>-<attempt>"; the attempt only goes up. */
  @Column({ type: "integer", default: 1 })
  attempt: number

  @Column({ type: "text", nullable: true })
  channel_order_id: string | null

  /** Set before the create call is sent: a later try looks the order up before creating it. */
  @Column({ type: "timestamptz", nullable: true })
  create_requested_at: Date | null

  @Column({ type: "bigint", nullable: true })
  sr_order_id: string | null

  @Column({ type: "bigint", nullable: true })
  sr_shipment_id: string | null

  @Column({ type: "text", nullable: true })
  awb: string | null

  @Column({ type: "integer", nullable: true })
  courier_id: number | null

  @Column({ type: "text", nullable: true })
  courier_name: string | null

  @Column({ type: "text", nullable: true })
  label_url: string | null

  @Column({ type: "text", nullable: true })
  manifest_url: string | null

  @Column({ type: "text", nullable: true })
  track_url: string | null

  @Column({ type: "timestamptz", nullable: true })
  pickup_requested_at: Date | null

  @Column({ type: "text", nullable: true })
  pickup_scheduled_date: string | null

  @Column({ type: "text", nullable: true })
  pickup_token: string | null

  @Column({ type: "text", default: "unknown" })
  stage: TimelineStage

  @Column({ type: "integer", nullable: true })
  status_id: number | null

  @Column({ type: "text", nullable: true })
  status_label: string | null

  @Column({ type: "timestamptz", nullable: true })
  status_at: Date | null

  @Column({ type: "text", nullable: true })
  etd: string | null

  @Column({ type: "integer", default: 0 })
  attempts: number

  @Column({ type: "timestamptz" })
  next_attempt_at: Date

  @Column({ type: "timestamptz", nullable: true })
  claimed_until: Date | null

  @Column({ type: "text", nullable: true })
  last_error: string | null

  @Column({ type: "timestamptz", nullable: true })
  last_polled_at: Date | null

  @Column({ type: "timestamptz", nullable: true })
  shipped_in_medusa_at: Date | null

  @Column({ type: "timestamptz", nullable: true })
  delivered_at: Date | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at: Date
}
