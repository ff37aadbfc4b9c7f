import { Column, Entity, PrimaryColumn, UpdateDateColumn } from "typeorm"

/** Settings the merchant changes in the admin: the default package and the tracking webhook token. */
@Entity()
export class ShiprocketSetting {
  @PrimaryColumn({ type: "text" })
  key: string

  @Column({ type: "jsonb" })
  value: unknown

  @UpdateDateColumn({ type: "timestamptz" })
  updated_at: Date
}
