import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierService from "../../../services/supplier"
import { mappingQuerySchema, mappingUpsertSchema, validate } from "../../validation"

/** GET /admin/supplier-mappings?product_id= or ?variant_id=: which supplier fulfils each variant. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = validate(mappingQuerySchema, req.query, "query")
  const service = req.scope.resolve<SupplierService>("supplierService")
  const variantIds = query.variant_id === undefined ? [] : Array.isArray(query.variant_id) ? query.variant_id : [query.variant_id]
  const mappings = query.product_id ? await service.listMappingsForProduct(query.product_id) : await service.listVariantMappings(variantIds)
  res.json({ mappings })
}

/** POST /admin/supplier-mappings: sets the supplier, supplier SKU and cost of variants (replace: true overwrites existing mappings). */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { mappings, replace } = validate(mappingUpsertSchema, req.body, "mapping")
  const updated = await req.scope.resolve<SupplierService>("supplierService").mapVariants(mappings, { replace: replace ?? true })
  res.json({ updated })
}
