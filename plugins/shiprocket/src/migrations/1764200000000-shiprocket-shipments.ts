import { MigrationInterface, QueryRunner } from "typeorm"

export class ShiprocketShipments1764200000000 implements MigrationInterface {
  name = "ShiprocketShipments1764200000000"

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "shiprocket_shipment" (
        "id" text PRIMARY KEY,
        "kind" text NOT NULL CHECK ("kind" IN ('forward', 'return')),
        "state" text NOT NULL DEFAULT 'pending' CHECK ("state" IN ('pending', 'booking', 'booked', 'failed', 'cancelled')),
        "order_id" text NOT NULL,
        "fulfillment_id" text UNIQUE,
        "return_id" text UNIQUE,
        "supplier_id" text,
        "pickup_location" text,
        "payment_method" text NOT NULL DEFAULT 'prepaid' CHECK ("payment_method" IN ('cod', 'prepaid')),
        "courier_preference" integer,
        "items" jsonb NOT NULL DEFAULT '[]',
        "attempt" integer NOT NULL DEFAULT 1,
        "channel_order_id" text UNIQUE,
        "create_requested_at" timestamptz,
        "sr_order_id" bigint,
        "sr_shipment_id" bigint,
        "awb" text,
        "courier_id" integer,
        "courier_name" text,
        "label_url" text,
        "manifest_url" text,
        "track_url" text,
        "pickup_requested_at" timestamptz,
        "pickup_scheduled_date" text,
        "pickup_token" text,
        "stage" text NOT NULL DEFAULT 'unknown',
        "status_id" integer,
        "status_label" text,
        "status_at" timestamptz,
        "etd" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "claimed_until" timestamptz,
        "last_error" text,
        "last_polled_at" timestamptz,
        "shipped_in_medusa_at" timestamptz,
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX "IDX_shiprocket_shipment_order" ON "shiprocket_shipment" ("order_id")`)
    await queryRunner.query(`CREATE INDEX "IDX_shiprocket_shipment_due" ON "shiprocket_shipment" ("next_attempt_at") WHERE "state" IN ('pending', 'booking')`)
    // AWBs are unique per courier, not across couriers (nor across Shiprocket accounts): not a key.
    await queryRunner.query(`CREATE INDEX "IDX_shiprocket_shipment_awb" ON "shiprocket_shipment" ("awb") WHERE "awb" IS NOT NULL`)
    await queryRunner.query(`CREATE INDEX "IDX_shiprocket_shipment_sr_order" ON "shiprocket_shipment" ("sr_order_id") WHERE "sr_order_id" IS NOT NULL`)
    await queryRunner.query(`
      CREATE TABLE "shiprocket_tracking_event" (
        "id" bigserial PRIMARY KEY,
        "shipment_id" text NOT NULL REFERENCES "shiprocket_shipment" ("id") ON DELETE CASCADE,
        "dedupe_key" text NOT NULL UNIQUE,
        "source" text NOT NULL,
        "status_id" integer,
        "label" text NOT NULL,
        "stage" text NOT NULL,
        "occurred_at" timestamptz,
        "location" text,
        "activity" text,
        "raw" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX "IDX_shiprocket_tracking_event_shipment" ON "shiprocket_tracking_event" ("shipment_id", "occurred_at")`)
    await queryRunner.query(`
      CREATE TABLE "shiprocket_setting" (
        "key" text PRIMARY KEY,
        "value" jsonb NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "shiprocket_setting"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "shiprocket_tracking_event"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "shiprocket_shipment"`)
  }
}
