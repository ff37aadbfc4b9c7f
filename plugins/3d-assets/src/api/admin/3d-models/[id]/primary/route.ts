import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ProductModelService from "../../../../../services/product-model"
import { adminModel, modelId } from "../../../../model-views"

/** The model the product page shows first. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  res.json({ model: adminModel(await req.scope.resolve<ProductModelService>("productModelService").setPrimary(modelId(req))) })
}
