import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierOrderService from "../../../../services/supplier-order"

/** GET /admin/suppliers/performance: per supplier, time to accept and to ship, rejection rate. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const performance = await req.scope.resolve<SupplierOrderService>("supplierOrderService").performance()
  res.json({ performance })
}
