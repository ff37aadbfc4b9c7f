import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierForwardingService from "../../../../../services/supplier-forwarding"

/** GET /admin/orders/:id/supplier-orders: the order's supplier orders, each with its messages and status history. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const supplier_orders = await req.scope.resolve<SupplierForwardingService>("supplierForwardingService").listForOrder(req.params.id)
  res.json({ supplier_orders })
}
