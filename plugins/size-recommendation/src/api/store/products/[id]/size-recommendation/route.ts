import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MEASUREMENT_FIELDS, validateMeasurementsPatch } from "../../../../../core"
import type BodyMeasurementsService from "../../../../../services/body-measurements"
import type SizeRecommendationService from "../../../../../services/size-recommendation"
import { ensureValid, pathId } from "@fashion/plugin-kit"

/**
 * Size advice for a product page (`:id` is the product's id or handle). A logged-in
 * shopper's saved measurements and reviews are used; anyone may pass measurements in the
 * query (bust_cm, waist_cm, hips_cm, height_cm, weight_kg, bra_size, body_type,
 * preferred_fit), which override saved ones for this answer and are never stored.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = pathId(req.params.id, (i) => `No product with id ${i}`)
  const query = req.query as Record<string, unknown>
  const given = Object.fromEntries(MEASUREMENT_FIELDS.filter((field) => query[field] !== undefined && query[field] !== "").map((field) => [field, query[field]]))
  const fromQuery = ensureValid(validateMeasurementsPatch(given), "measurements")
  const customerId = (req.user as { customer_id?: string } | undefined)?.customer_id ?? null
  const saved = customerId ? await req.scope.resolve<BodyMeasurementsService>("bodyMeasurementsService").retrieveForCustomer(customerId) : null
  const advice = await req.scope
    .resolve<SizeRecommendationService>("sizeRecommendationService")
    .recommend(id, { customer_id: customerId, measurements: { ...(saved ?? {}), ...fromQuery } })
  res.json(advice)
}
