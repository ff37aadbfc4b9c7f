import { TransactionBaseService } from "@medusajs/medusa"
import { EntityManager } from "typeorm"
import { MEASUREMENT_FIELDS, MeasurementValues, MeasurementsPatch } from "../core/measurements"
import { BodyMeasurements } from "../models/body-measurements"

/** What the storefront gets (notes/storefront-api.md, "Body measurements"). */
export type StoreMeasurements = MeasurementValues & { updated_at: string }

const NUMERIC = new Set(["bust_cm", "waist_cm", "hips_cm", "height_cm", "weight_kg"])

/** Each customer's body measurements; a customer only ever reaches her own (the routes pass her id). */
export default class BodyMeasurementsService extends TransactionBaseService {
  constructor(container: { manager: EntityManager }, options: Record<string, unknown> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(container, options)
  }

  async retrieveForCustomer(customerId: string): Promise<StoreMeasurements | null> {
    const row = await this.activeManager_.getRepository(BodyMeasurements).findOne({ where: { customer_id: customerId } })
    return row ? toStore(row) : null
  }

  /** Several customers' measurements at once (the size model reads every reviewer's), by customer id. */
  async listForCustomers(customerIds: string[]): Promise<Map<string, StoreMeasurements>> {
    if (!customerIds.length) return new Map()
    // One array parameter: In() would send a placeholder per id, and PostgreSQL takes at most 65,535.
    const rows: Record<string, unknown>[] = await this.activeManager_.query(`SELECT * FROM "body_measurements" WHERE "customer_id" = ANY($1::text[])`, [customerIds])
    return new Map(rows.map((row) => [row.customer_id as string, toStore(row)]))
  }

  /** Saves the fields given (null clears one) and keeps the others; one statement, so two saves at once cannot collide. */
  async upsertForCustomer(customerId: string, patch: MeasurementsPatch): Promise<StoreMeasurements> {
    return this.atomicPhase_(async (manager) => {
      const fields = MEASUREMENT_FIELDS.filter((f) => f in patch)
      const columns = ["customer_id", ...fields]
      const values = [customerId, ...fields.map((f) => patch[f] ?? null)]
      const set = fields.length ? [...fields.map((f) => `"${f}" = EXCLUDED."${f}"`), `"updated_at" = now()`].join(", ") : `"customer_id" = EXCLUDED."customer_id"`
      const [row] = await manager.query(
        `INSERT INTO "body_measurements" (${columns.map((c) => `"${c}"`).join(", ")})
         VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})
         ON CONFLICT ("customer_id") DO UPDATE SET ${set}
         RETURNING *`,
        values
      )
      return toStore(row)
    })
  }
}

function toStore(row: Record<string, unknown> | BodyMeasurements): StoreMeasurements {
  const r = row as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const f of MEASUREMENT_FIELDS) {
    const v = r[f]
    out[f] = v === null || v === undefined ? null : NUMERIC.has(f) ? Number(v) : v
  }
  out.updated_at = new Date(r.updated_at as string | Date).toISOString()
  return out as StoreMeasurements
}
