import { MigrationInterface, QueryRunner } from "typeorm"

export class ShiprocketToken1764100000000 implements MigrationInterface {
  name = "ShiprocketToken1764100000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "shiprocket_token" (
        "account" text PRIMARY KEY,
        "token" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "shiprocket_token"`)
  }
}
