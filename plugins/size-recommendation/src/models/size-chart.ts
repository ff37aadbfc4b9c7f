import { BeforeInsert, Column, Entity, Index } from "typeorm"
import { BaseEntity, generateEntityId } from "@medusajs/medusa"
import type { SizeChartRow } from "../core/size-chart"

/**
 * A size chart for one product, or for one category (used by its products and by the
 * products of its subcategories that have no chart of their own). Exactly one of
 * product_id and category_id is set; each product and each category has at most one chart.
 */
@Entity()
export class SizeChart extends BaseEntity {
  @Index("IDX_size_chart_product_id", { unique: true, where: "product_id IS NOT NULL" })
  @Column({ type: "text", nullable: true })
  product_id: string | null

  @Index("IDX_size_chart_category_id", { unique: true, where: "category_id IS NOT NULL" })
  @Column({ type: "text", nullable: true })
  category_id: string | null

  @Column({ type: "text", default: "cm" })
  unit: "cm"

  /** Names of the measurements every row gives a [min, max] range for, in display order. */
  @Column({ type: "jsonb" })
  measurements: string[]

  @Column({ type: "jsonb" })
  rows: SizeChartRow[]

  @Column({ type: "text", nullable: true })
  notes: string | null

  @BeforeInsert()
  private beforeInsert(): void {
    this.id = generateEntityId(this.id, "szc")
  }
}
