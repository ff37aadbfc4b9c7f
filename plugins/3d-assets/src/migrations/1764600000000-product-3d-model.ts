import { MigrationInterface, QueryRunner } from "typeorm"

export class Product3dModel1764600000000 implements MigrationInterface {
  name = "Product3dModel1764600000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "product_3d_model" (
        "id" text PRIMARY KEY,
        "product_id" text NOT NULL REFERENCES "product" ("id") ON DELETE CASCADE,
        "status" text NOT NULL CHECK ("status" IN ('queued', 'processing', 'ready', 'failed')),
        "progress" smallint NOT NULL DEFAULT 0 CHECK ("progress" BETWEEN 0 AND 100),
        "stage" text,
        "error" text,
        "attempts" smallint NOT NULL DEFAULT 0,
        "is_primary" boolean NOT NULL DEFAULT false,
        "original_name" text NOT NULL,
        "master_url" text NOT NULL,
        "master_key" text NOT NULL,
        "master_bytes" bigint NOT NULL,
        "lods" jsonb NOT NULL DEFAULT '[]',
        "bbox" jsonb,
        "metadata" jsonb,
        "locked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX "IDX_product_3d_model_product" ON "product_3d_model" ("product_id")`)
    // The job queue: the oldest queued model first.
    await queryRunner.query(`CREATE INDEX "IDX_product_3d_model_queue" ON "product_3d_model" ("created_at") WHERE "status" IN ('queued', 'processing')`)
    // At most one primary model per product.
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_product_3d_model_primary" ON "product_3d_model" ("product_id") WHERE "is_primary"`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "product_3d_model"`)
  }
}
