import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm"

/** Every signed webhook a supplier sent, kept by (supplier, webhook-id): replays are refused, unknown types kept. */
@Entity()
export class SupplierWebhookReceipt {
  @PrimaryColumn({ type: "text" })
  supplier_id: string

  @PrimaryColumn({ type: "text" })
  webhook_id: string

  @Column({ type: "text", nullable: true })
  type: string | null

  /** processed | unknown_type | rejected */
  @Column({ type: "text" })
  outcome: string

  @Column({ type: "text", nullable: true })
  error: string | null

  @Column({ type: "text" })
  raw_body: string

  @CreateDateColumn({ type: "timestamptz" })
  received_at: Date
}
