import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from "typeorm"

export type ModelStatus = "queued" | "processing" | "ready" | "failed"

/** One level of detail as stored: the file and what it holds. */
export type StoredLod = { level: number; url: string; key: string; bytes: number; triangles: number; vertices: number; max_texture_px: number }

/**
 * A 3D model of a product: the merchant's upload (the master, kept as uploaded) and, once
 * processed, its levels of detail. Processing is a job recorded here (status, progress,
 * attempts), so it survives restarts and shows in the admin.
 */
@Entity({ name: "product_3d_model" })
@Index("IDX_product_3d_model_product", ["product_id"])
export class ProductModel {
  @PrimaryColumn({ type: "text" })
  id: string

  @Column({ type: "text" })
  product_id: string

  @Column({ type: "text" })
  status: ModelStatus

  /** 0-100 while processing. */
  @Column({ type: "smallint", default: 0 })
  progress: number

  @Column({ type: "text", nullable: true })
  stage: string | null

  /** Why it failed, in words for the merchant. */
  @Column({ type: "text", nullable: true })
  error: string | null

  @Column({ type: "smallint", default: 0 })
  attempts: number

  @Column({ type: "boolean", default: false })
  is_primary: boolean

  @Column({ type: "text" })
  original_name: string

  @Column({ type: "text" })
  master_url: string

  @Column({ type: "text" })
  master_key: string

  @Column({ type: "bigint" })
  master_bytes: number

  @Column({ type: "jsonb", default: [] })
  lods: StoredLod[]

  /** Size in metres: { min: [x, y, z], max: [x, y, z] }. */
  @Column({ type: "jsonb", nullable: true })
  bbox: { min: number[]; max: number[] } | null

  /** What processing learnt: input counts, extensions, textures, validator summaries, timing. */
  @Column({ type: "jsonb", nullable: true })
  metadata: Record<string, unknown> | null

  @Column({ type: "timestamptz", nullable: true })
  locked_at: Date | null

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at: Date
}
