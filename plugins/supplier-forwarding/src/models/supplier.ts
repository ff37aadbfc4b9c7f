import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { SoftDeletableEntity, generateEntityId } from "@medusajs/medusa"

export type SupplierIntegration = "api" | "email" | "whatsapp" | "manual"

@Entity()
export class Supplier extends SoftDeletableEntity {
  @Index("IDX_supplier_code", { unique: true, where: "deleted_at IS NULL" })
  @Column({ type: "text" })
  code: string

  @Column({ type: "text" })
  name: string

  @Column({ type: "text", nullable: true })
  contact_name: string | null

  @Column({ type: "text", nullable: true })
  email: string | null

  @Column({ type: "text", nullable: true })
  phone: string | null

  @Column({ type: "text", nullable: true })
  whatsapp: string | null

  @Column({ type: "text", nullable: true })
  address: string | null

  @Column({ type: "text", nullable: true })
  city: string | null

  @Column({ type: "text", nullable: true })
  state: string | null

  @Column({ type: "text", nullable: true })
  pincode: string | null

  @Column({ type: "text", default: "in" })
  country_code: string

  /** Nickname of the supplier's pickup address registered at Shiprocket. */
  @Column({ type: "text", nullable: true })
  pickup_location: string | null

  @Column({ type: "text" })
  integration: SupplierIntegration

  @Column({ type: "text", nullable: true })
  endpoint: string | null

  /** The supplier's whsec_ secret, encrypted (core/secret-box); never returned by the API. */
  @Column({ type: "text", nullable: true, select: false })
  secret_encrypted: string | null

  @Column({ type: "boolean", default: true })
  auto_forward: boolean

  @Column({ type: "integer", default: 2 })
  processing_days: number

  @Column({ type: "boolean", default: true })
  is_active: boolean

  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "sup")
  }
}
