import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * What the dispatcher and the supplier webhooks need: when a supplier order was sent and
 * cancelled, the Medusa fulfillment a shipment created, the newest stock update applied
 * per variant (late updates must not undo newer ones), and outbox messages that a
 * cancellation withdrew before they were sent.
 */
export class SupplierDispatch1764000000000 implements MigrationInterface {
  name = "SupplierDispatch1764000000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supplier_order" ADD COLUMN "sent_at" timestamptz, ADD COLUMN "cancelled_at" timestamptz, ADD COLUMN "fulfillment_id" text`)
    await queryRunner.query(`ALTER TABLE "supplier_variant" ADD COLUMN "stock_updated_at" timestamptz`)
    await queryRunner.query(`ALTER TABLE "supplier_outbox" DROP CONSTRAINT IF EXISTS "supplier_outbox_status_check"`)
    await queryRunner.query(`ALTER TABLE "supplier_outbox" ADD CONSTRAINT "supplier_outbox_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed', 'withdrawn'))`)
    await queryRunner.query(`CREATE INDEX "IDX_supplier_order_order_id" ON "supplier_order" ("order_id")`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_supplier_order_order_id"`)
    await queryRunner.query(`UPDATE "supplier_outbox" SET "status" = 'failed' WHERE "status" = 'withdrawn'`)
    await queryRunner.query(`ALTER TABLE "supplier_outbox" DROP CONSTRAINT IF EXISTS "supplier_outbox_status_check"`)
    await queryRunner.query(`ALTER TABLE "supplier_outbox" ADD CONSTRAINT "supplier_outbox_status_check" CHECK ("status" IN ('pending', 'delivered', 'failed'))`)
    await queryRunner.query(`ALTER TABLE "supplier_variant" DROP COLUMN "stock_updated_at"`)
    await queryRunner.query(`ALTER TABLE "supplier_order" DROP COLUMN "sent_at", DROP COLUMN "cancelled_at", DROP COLUMN "fulfillment_id"`)
  }
}
