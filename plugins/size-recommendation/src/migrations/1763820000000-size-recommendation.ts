import { MigrationInterface, QueryRunner } from "typeorm"

export class SizeRecommendation1763820000000 implements MigrationInterface {
  name = "SizeRecommendation1763820000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "size_chart" (
        "id" text PRIMARY KEY,
        "product_id" text REFERENCES "product" ("id") ON DELETE CASCADE,
        "category_id" text REFERENCES "product_category" ("id") ON DELETE CASCADE,
        "unit" text NOT NULL DEFAULT 'cm' CHECK ("unit" = 'cm'),
        "measurements" jsonb NOT NULL CHECK (jsonb_typeof("measurements") = 'array'),
        "rows" jsonb NOT NULL CHECK (jsonb_typeof("rows") = 'array'),
        "notes" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_size_chart_one_target" CHECK (("product_id" IS NULL) <> ("category_id" IS NULL))
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_size_chart_product_id" ON "size_chart" ("product_id") WHERE "product_id" IS NOT NULL`)
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_size_chart_category_id" ON "size_chart" ("category_id") WHERE "category_id" IS NOT NULL`)

    await queryRunner.query(`
      CREATE TABLE "body_measurements" (
        "customer_id" text PRIMARY KEY REFERENCES "customer" ("id") ON DELETE CASCADE,
        "bust_cm" numeric(4,1) CHECK ("bust_cm" BETWEEN 40 AND 200),
        "waist_cm" numeric(4,1) CHECK ("waist_cm" BETWEEN 40 AND 200),
        "hips_cm" numeric(4,1) CHECK ("hips_cm" BETWEEN 40 AND 200),
        "height_cm" numeric(4,1) CHECK ("height_cm" BETWEEN 120 AND 220),
        "weight_kg" numeric(4,1) CHECK ("weight_kg" BETWEEN 30 AND 250),
        "bra_size" text,
        "body_type" text CHECK ("body_type" IN ('hourglass', 'pear', 'apple', 'rectangle', 'inverted_triangle', 'athletic', 'petite', 'full_bust')),
        "preferred_fit" text CHECK ("preferred_fit" IN ('snug', 'regular', 'relaxed')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "body_measurements"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "size_chart"`)
  }
}
