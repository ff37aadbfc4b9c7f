import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierService from "../../../../services/supplier"
import { supplierUpdateSchema, validate } from "../../../validation"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const supplier = await req.scope.resolve<SupplierService>("supplierService").retrieve(req.params.id)
  res.json({ supplier })
}

export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = validate(supplierUpdateSchema, req.body)
  const supplier = await req.scope.resolve<SupplierService>("supplierService").update(req.params.id, input)
  res.json({ supplier })
}
