import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierOrderService from "../../../../services/supplier-order"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<SupplierOrderService>("supplierOrderService")
  const [supplier_order] = await service.withDetails([await service.retrieve(req.params.id)])
  res.json({ supplier_order })
}
