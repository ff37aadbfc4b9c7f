import { MigrationInterface, QueryRunner } from "typeorm"

/** The checks mirror the API's rules (src/core/review.ts), so no other writer can break them. */
export class ProductReview1764300000000 implements MigrationInterface {
  name = "ProductReview1764300000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "product_review" (
        "id" text PRIMARY KEY,
        "product_id" text NOT NULL REFERENCES "product" ("id") ON DELETE CASCADE,
        "variant_id" text NOT NULL REFERENCES "product_variant" ("id") ON DELETE CASCADE,
        "customer_id" text NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
        "rating" smallint NOT NULL CHECK ("rating" BETWEEN 1 AND 5),
        "title" text CHECK (char_length("title") BETWEEN 1 AND 120),
        "body" text CHECK (char_length("body") BETWEEN 1 AND 5000),
        "fit" text CHECK ("fit" IN ('runs_small', 'true_to_size', 'runs_large')),
        "size" text,
        "verified_purchase" boolean NOT NULL DEFAULT false,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'rejected')),
        "moderation_note" text CHECK (char_length("moderation_note") BETWEEN 1 AND 1000),
        "moderated_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_product_review_moderated" CHECK (("status" = 'pending') = ("moderated_at" IS NULL))
      )`)
    // One review per customer and size bought (variant); the service turns a violation into a 409.
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_product_review_customer_variant" ON "product_review" ("customer_id", "variant_id")`)
    // The product page: its published reviews, newest first, and its summary.
    await queryRunner.query(`CREATE INDEX "IDX_product_review_product_status" ON "product_review" ("product_id", "status", "created_at" DESC)`)
    // The moderation queue.
    await queryRunner.query(`CREATE INDEX "IDX_product_review_status_created" ON "product_review" ("status", "created_at" DESC)`)
    await queryRunner.query(`CREATE INDEX "IDX_product_review_variant" ON "product_review" ("variant_id")`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "product_review"`)
  }
}
