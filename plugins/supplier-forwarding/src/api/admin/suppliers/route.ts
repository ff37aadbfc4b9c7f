import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type SupplierService from "../../../services/supplier"
import { supplierCreateSchema, validate } from "../../validation"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const suppliers = await req.scope.resolve<SupplierService>("supplierService").list()
  res.json({ suppliers, count: suppliers.length })
}

/** Creates a supplier; the response carries its webhook secret, the only time it is shown. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const input = validate(supplierCreateSchema, req.body)
  const { supplier, secret } = await req.scope.resolve<SupplierService>("supplierService").create(input)
  res.status(201).json({ supplier, secret })
}
