import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm"
import type { TimelineStage } from "../core"

/** One status a shipment went through, from the webhook, the catch-up poll or our own booking. Unique per (AWB, status, time). */
@Entity()
export class ShiprocketTrackingEvent {
  @PrimaryGeneratedColumn({ type: "bigint" })
  id: string

  @Column({ type: "text" })
  shipment_id: string

  @Column({ type: "text" })
  dedupe_key: string

  @Column({ type: "text" })
  source: "webhook" | "poll" | "booking"

  @Column({ type: "integer", nullable: true })
  status_id: number | null

  @Column({ type: "text" })
  label: string

  @Column({ type: "text" })
  stage: TimelineStage

  @Column({ type: "timestamptz", nullable: true })
  occurred_at: Date | null

  @Column({ type: "text", nullable: true })
  location: string | null

  @Column({ type: "text", nullable: true })
  activity: string | null

  @Column({ type: "jsonb", nullable: true })
  raw: unknown

  @CreateDateColumn({ type: "timestamptz" })
  created_at: Date
}
