import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierService from "../../../../services/supplier"
import { mappingImportSchema, validate } from "../../../validation"

/**
 * POST /admin/supplier-mappings/import {csv, dry_run}: bulk mapping from a spreadsheet
 * (sku,supplier_code,supplier_sku,cost_price). All rows or none: any error imports nothing.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { csv, dry_run } = validate(mappingImportSchema, req.body, "import")
  const result = await req.scope.resolve<SupplierService>("supplierService").importMappingCsv(csv, { dryRun: dry_run ?? false })
  res.status(result.errors.length ? 422 : 200).json({ ...result, dry_run: dry_run ?? false })
}
