import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ShiprocketService from "../../../../../services/shiprocket"
import { presentShipments, shipmentService } from "../../../shiprocket/present"

/** GET /admin/orders/:id/shiprocket: the order's parcels at Shiprocket, with their timelines. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const rows = await shipmentService(req).listForOrder(req.params.id)
  res.json({ configured: req.scope.resolve<ShiprocketService>("shiprocketService").isConfigured, shipments: await presentShipments(req, rows) })
}
