import { MigrationInterface, QueryRunner } from "typeorm"

export class SupplierForwarding1763810000000 implements MigrationInterface {
  name = "SupplierForwarding1763810000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "supplier" (
        "id" text PRIMARY KEY,
        "code" text NOT NULL,
        "name" text NOT NULL,
        "contact_name" text, "email" text, "phone" text, "whatsapp" text,
        "address" text, "city" text, "state" text, "pincode" text,
        "country_code" text NOT NULL DEFAULT 'in',
        "pickup_location" text,
        "integration" text NOT NULL CHECK ("integration" IN ('api', 'email', 'whatsapp', 'manual')),
        "endpoint" text,
        "secret_encrypted" text,
        "auto_forward" boolean NOT NULL DEFAULT true,
        "processing_days" integer NOT NULL DEFAULT 2 CHECK ("processing_days" >= 0),
        "is_active" boolean NOT NULL DEFAULT true,
        "metadata" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_supplier_code" ON "supplier" ("code") WHERE "deleted_at" IS NULL`)

    await queryRunner.query(`
      CREATE TABLE "supplier_variant" (
        "id" text PRIMARY KEY,
        "variant_id" text NOT NULL,
        "supplier_id" text NOT NULL REFERENCES "supplier" ("id"),
        "supplier_sku" text NOT NULL,
        "cost_price" integer NOT NULL CHECK ("cost_price" >= 0),
        "currency_code" text NOT NULL DEFAULT 'inr',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_supplier_variant_variant_id" ON "supplier_variant" ("variant_id")`)
    await queryRunner.query(`CREATE INDEX "IDX_supplier_variant_supplier_id" ON "supplier_variant" ("supplier_id")`)

    await queryRunner.query(`
      CREATE TABLE "supplier_order" (
        "id" text PRIMARY KEY,
        "order_id" text NOT NULL,
        "supplier_id" text NOT NULL REFERENCES "supplier" ("id"),
        "status" text NOT NULL DEFAULT 'pending'
          CHECK ("status" IN ('pending', 'sent', 'accepted', 'rejected', 'shipped', 'failed', 'cancelled')),
        "items" jsonb NOT NULL,
        "total_cost" integer NOT NULL DEFAULT 0,
        "currency_code" text NOT NULL DEFAULT 'inr',
        "rejection_reason" text,
        "shipment" jsonb,
        "accepted_at" timestamptz,
        "shipped_at" timestamptz,
        "metadata" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_supplier_order_order_supplier" ON "supplier_order" ("order_id", "supplier_id")`)
    await queryRunner.query(`CREATE INDEX "IDX_supplier_order_supplier_id" ON "supplier_order" ("supplier_id")`)
    await queryRunner.query(`CREATE INDEX "IDX_supplier_order_status" ON "supplier_order" ("status")`)

    await queryRunner.query(`
      CREATE TABLE "supplier_order_event" (
        "id" text PRIMARY KEY,
        "supplier_order_id" text NOT NULL REFERENCES "supplier_order" ("id") ON DELETE CASCADE,
        "type" text NOT NULL,
        "from_status" text,
        "to_status" text,
        "detail" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX "IDX_supplier_order_event_supplier_order_id" ON "supplier_order_event" ("supplier_order_id")`)

    await queryRunner.query(`
      CREATE TABLE "supplier_outbox" (
        "id" text PRIMARY KEY,
        "supplier_order_id" text NOT NULL REFERENCES "supplier_order" ("id") ON DELETE CASCADE,
        "event_type" text NOT NULL,
        "webhook_id" text NOT NULL,
        "payload" jsonb NOT NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'delivered', 'failed')),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "locked_until" timestamptz,
        "last_error" text,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_supplier_outbox_order_event" ON "supplier_outbox" ("supplier_order_id", "event_type")`)
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_supplier_outbox_webhook_id" ON "supplier_outbox" ("webhook_id")`)
    await queryRunner.query(`CREATE INDEX "IDX_supplier_outbox_due" ON "supplier_outbox" ("status", "next_attempt_at")`)

    await queryRunner.query(`
      CREATE TABLE "supplier_webhook_receipt" (
        "supplier_id" text NOT NULL REFERENCES "supplier" ("id"),
        "webhook_id" text NOT NULL,
        "type" text,
        "outcome" text NOT NULL,
        "error" text,
        "raw_body" text NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("supplier_id", "webhook_id")
      )`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["supplier_webhook_receipt", "supplier_outbox", "supplier_order_event", "supplier_order", "supplier_variant", "supplier"]) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${table}"`)
    }
  }
}
