import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierOrderService from "../../../../../services/supplier-order"

/** GET /admin/orders/:id/supplier-orders: the order's supplier orders, each with its messages and status history. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const supplier_orders = await req.scope.resolve<SupplierOrderService>("supplierOrderService").listForOrder(req.params.id)
  res.json({ supplier_orders })
}
