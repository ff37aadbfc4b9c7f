import { BeforeInsert, Column, Entity, Index, JoinColumn, ManyToOne } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import { Supplier } from "./supplier"

/** Which supplier fulfils a variant, under which SKU and at what cost. One supplier per variant. */
@Entity()
export class SupplierVariant extends BaseEntity {
  @Index("IDX_supplier_variant_variant_id", { unique: true })
  @Column({ type: "text" })
  variant_id: string

  @Index("IDX_supplier_variant_supplier_id")
  @Column({ type: "text" })
  supplier_id: string

  @ManyToOne(() => Supplier)
  @JoinColumn({ name: "supplier_id" })
  supplier: Supplier

  @Column({ type: "text" })
  supplier_sku: string

  /** Minor units of currency_code. */
  @Column({ type: "integer" })
  cost_price: number

  @Column({ type: "text", default: "inr" })
  currency_code: string

  /** When the stock last set from the supplier's inventory.updated was true; older updates are ignored. */
  @Column({ type: "timestamptz", nullable: true })
  stock_updated_at: Date | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "supvar")
  }
}
