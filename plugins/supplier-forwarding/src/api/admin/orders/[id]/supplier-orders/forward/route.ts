import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierForwardingService from "../../../../../../services/supplier-forwarding"

/**
 * POST /admin/orders/:id/supplier-orders/forward: forwards now (a prepaid order not yet
 * captured, or lines mapped since). Suppliers that already have their part are not sent it again.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<SupplierForwardingService>("supplierForwardingService")
  const result = await service.forwardOrder(req.params.id, "forwarded from the admin")
  res.json({ created: result.created, unmapped: result.unmapped, supplier_orders: await service.listForOrder(req.params.id) })
}
