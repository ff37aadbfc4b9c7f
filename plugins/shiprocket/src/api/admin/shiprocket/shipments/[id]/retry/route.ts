import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { kickShiprocketLoop } from "../../../../../../loaders/shiprocket-loop"
import { presentShipments, shipmentService } from "../../../present"

/** POST /admin/shiprocket/shipments/:id/retry: books a failed parcel again (after fixing what was wrong). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const row = await shipmentService(req).retry(req.params.id)
  kickShiprocketLoop(req.scope)
  const [shipment] = await presentShipments(req, [row])
  res.json({ shipment })
}
