import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierService from "../../../../../services/supplier"

/** Replaces the supplier's webhook secret; the new one is shown in this response only. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { supplier, secret } = await req.scope.resolve<SupplierService>("supplierService").rotateSecret(req.params.id)
  res.json({ supplier, secret })
}
