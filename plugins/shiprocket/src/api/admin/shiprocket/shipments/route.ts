import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { BookingState } from "../../../../core"
import { presentShipments, shipmentService } from "../present"

const STATES: BookingState[] = ["pending", "booking", "booked", "failed", "cancelled"]

/** GET /admin/shiprocket/shipments?state=failed&limit=50&offset=0: parcels, newest change first (state=failed is the attention queue). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { state, limit = "50", offset = "0" } = req.query as Record<string, string | undefined>
  if (state !== undefined && !STATES.includes(state as BookingState)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `state: must be one of ${STATES.join(", ")}`)
  const take = Number(limit)
  const skip = Number(offset)
  if (!Number.isInteger(take) || take < 1 || take > 200) throw new MedusaError(MedusaError.Types.INVALID_DATA, "limit: a whole number from 1 to 200")
  if (!Number.isInteger(skip) || skip < 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, "offset: a whole number of at least 0")
  const { shipments, count } = await shipmentService(req).list({ state: state as BookingState | undefined, limit: take, offset: skip })
  res.json({ shipments: await presentShipments(req, shipments), count })
}
