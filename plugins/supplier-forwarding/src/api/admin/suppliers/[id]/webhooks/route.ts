import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierService from "../../../../../services/supplier"
import type SupplierWebhookService from "../../../../../services/supplier-webhook"

/** GET /admin/suppliers/:id/webhooks: the latest webhooks the supplier sent us, applied or not (unknown types are kept here). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const supplier = await req.scope.resolve<SupplierService>("supplierService").retrieve(req.params.id)
  const receipts = await req.scope.resolve<SupplierWebhookService>("supplierWebhookService").listReceipts(supplier.id)
  res.json({ receipts })
}
