import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { presentShipments, shipmentService } from "../../../present"

/** POST /admin/shiprocket/shipments/:id/cancel: cancels a parcel before the courier has it (400 with the reason after). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const row = await shipmentService(req).cancel(req.params.id)
  const [shipment] = await presentShipments(req, [row])
  res.json({ shipment })
}
