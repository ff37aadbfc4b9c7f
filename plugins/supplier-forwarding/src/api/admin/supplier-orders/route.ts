import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierOrderService from "../../../services/supplier-order"
import { supplierOrderQuerySchema, validate } from "../../validation"

/**
 * GET /admin/supplier-orders: supplier orders, newest first. queue=manual: waiting for the
 * merchant to pass them on; queue=attention: failed or rejected.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = validate(supplierOrderQuerySchema, req.query, "query")
  const { supplier_orders, count } = await req.scope.resolve<SupplierOrderService>("supplierOrderService").list(query)
  res.json({ supplier_orders, count, limit: query.limit ?? 50, offset: query.offset ?? 0 })
}
