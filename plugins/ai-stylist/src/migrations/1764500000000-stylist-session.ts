import { MigrationInterface, QueryRunner } from "typeorm"

export class StylistSession1764500000000 implements MigrationInterface {
  name = "StylistSession1764500000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    // No foreign keys: a conversation is deleted with its customer by the service, and a guest's has none.
    await queryRunner.query(`
      CREATE TABLE "stylist_session" (
        "id" text PRIMARY KEY,
        "customer_id" text,
        "region_id" text NOT NULL,
        "turns" jsonb NOT NULL DEFAULT '[]',
        "constraints" jsonb,
        "shown_products" jsonb NOT NULL DEFAULT '[]',
        "expires_at" timestamptz NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX "IDX_stylist_session_customer" ON "stylist_session" ("customer_id")`)
    // Expired conversations are swept by this index.
    await queryRunner.query(`CREATE INDEX "IDX_stylist_session_expires" ON "stylist_session" ("expires_at")`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "stylist_session"`)
  }
}
