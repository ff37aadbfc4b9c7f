import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type SupplierService from "../../../../services/supplier"

/** DELETE /admin/supplier-mappings/:variant_id: the variant no longer goes to a supplier (its orders wait for the merchant). */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const deleted = await req.scope.resolve<SupplierService>("supplierService").deleteVariantMapping(req.params.variant_id)
  if (!deleted) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant ${req.params.variant_id} has no supplier mapping`)
  res.json({ variant_id: req.params.variant_id, deleted: true })
}
