import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierOrderService from "../../../../services/supplier-order"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const supplier_order = await req.scope.resolve<SupplierOrderService>("supplierOrderService").retrieveWithDetails(req.params.id)
  res.json({ supplier_order })
}
