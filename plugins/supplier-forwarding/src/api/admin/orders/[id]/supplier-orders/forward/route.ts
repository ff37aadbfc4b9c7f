import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { kickDispatcher } from "../../../../../../loaders/supplier-dispatch-loop"
import type SupplierForwardingService from "../../../../../../services/supplier-forwarding"
import type SupplierOrderService from "../../../../../../services/supplier-order"

/**
 * POST /admin/orders/:id/supplier-orders/forward: forwards now (a prepaid order not yet
 * captured, or lines mapped since). Suppliers that already have their part are not sent it again.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const result = await req.scope.resolve<SupplierForwardingService>("supplierForwardingService").forwardOrder(req.params.id, "forwarded from the admin")
  if (result.created) kickDispatcher(req.scope)
  const supplier_orders = await req.scope.resolve<SupplierOrderService>("supplierOrderService").listForOrder(req.params.id)
  res.json({ created: result.created, unmapped: result.unmapped, supplier_orders })
}
