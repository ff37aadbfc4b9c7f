import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm"
import type { BodyType, PreferredFit } from "../core/measurements"

/** numeric columns come back from PostgreSQL as strings. */
const decimal = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
}

/** One customer's body measurements (cm, kg); one row per customer. */
@Entity({ name: "body_measurements" })
export class BodyMeasurements {
  @PrimaryColumn({ type: "text" })
  customer_id: string

  @Column({ type: "numeric", precision: 4, scale: 1, nullable: true, transformer: decimal })
  bust_cm: number | null

  @Column({ type: "numeric", precision: 4, scale: 1, nullable: true, transformer: decimal })
  waist_cm: number | null

  @Column({ type: "numeric", precision: 4, scale: 1, nullable: true, transformer: decimal })
  hips_cm: number | null

  @Column({ type: "numeric", precision: 4, scale: 1, nullable: true, transformer: decimal })
  height_cm: number | null

  @Column({ type: "numeric", precision: 4, scale: 1, nullable: true, transformer: decimal })
  weight_kg: number | null

  @Column({ type: "text", nullable: true })
  bra_size: string | null

  @Column({ type: "text", nullable: true })
  body_type: BodyType | null

  @Column({ type: "text", nullable: true })
  preferred_fit: PreferredFit | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at: Date
}
