import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { validateMeasurementsPatch } from "../../../../../core/measurements"
import type BodyMeasurementsService from "../../../../../services/body-measurements"
import { customerIdOf, ensureValid } from "@fashion/plugin-kit"

// Medusa 1.20 only protects /store/me/* file routes by itself, so each handler checks the
// customer; the id always comes from her session or token, never from the request.

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const customerId = customerIdOf(req, "see your measurements")
  const measurements = await req.scope.resolve<BodyMeasurementsService>("bodyMeasurementsService").retrieveForCustomer(customerId)
  res.json({ measurements })
}

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const customerId = customerIdOf(req, "save your measurements")
  const patch = ensureValid(validateMeasurementsPatch(req.body), "measurements")
  const measurements = await req.scope.resolve<BodyMeasurementsService>("bodyMeasurementsService").upsertForCustomer(customerId, patch)
  res.json({ measurements })
}
