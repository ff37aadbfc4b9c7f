import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Wishlists (one per customer, or one per guest token, stored hashed) and a helper the
 * catalog listing uses to sort by product.metadata.released_at without failing on a
 * value that is not a date.
 */
export class CatalogWishlist1763900000000 implements MigrationInterface {
  name = "CatalogWishlist1763900000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "wishlist" (
        "id" text PRIMARY KEY,
        "customer_id" text REFERENCES "customer" ("id") ON DELETE CASCADE,
        "token_hash" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_wishlist_one_owner" CHECK (("customer_id" IS NULL) <> ("token_hash" IS NULL))
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wishlist_customer_id" ON "wishlist" ("customer_id") WHERE "customer_id" IS NOT NULL`)
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wishlist_token_hash" ON "wishlist" ("token_hash") WHERE "token_hash" IS NOT NULL`)

    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "wishlist_item" (
        "id" text PRIMARY KEY,
        "wishlist_id" text NOT NULL REFERENCES "wishlist" ("id") ON DELETE CASCADE,
        "product_id" text NOT NULL,
        "variant_id" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_wishlist_item_wishlist_id" ON "wishlist_item" ("wishlist_id")`)
    // The same product (and variant) once per wishlist; a product-level item has no variant.
    await queryRunner.query(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_wishlist_item_unique" ON "wishlist_item" ("wishlist_id", "product_id", COALESCE("variant_id", ''))`
    )

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION catalog_try_timestamptz(value text) RETURNS timestamptz
      LANGUAGE plpgsql STABLE AS $$
      BEGIN
        IF value IS NULL OR btrim(value) = '' THEN
          RETURN NULL;
        END IF;
        RETURN value::timestamptz;
      EXCEPTION WHEN others THEN
        RETURN NULL;
      END
      $$`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS catalog_try_timestamptz(text)`)
    await queryRunner.query(`DROP TABLE IF EXISTS "wishlist_item"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "wishlist"`)
  }
}
