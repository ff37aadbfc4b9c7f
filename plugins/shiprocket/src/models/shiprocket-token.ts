import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm"

/**
 * The Shiprocket API token, shared by every server and worker: Shiprocket may block an
 * account that logs in too often, so one login serves all processes for its 10 days.
 */
@Entity()
export class ShiprocketToken {
  /** The account's email: one row per Shiprocket account. */
  @PrimaryColumn({ type: "text" })
  account: string

  @Column({ type: "text" })
  token: string

  @Column({ type: "timestamptz" })
  expires_at: Date

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at: Date
}
