import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ProductModelService from "../../../../../services/product-model"
import { adminModel, modelId } from "../../../../model-views"

/** A failed model back in the queue. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  res.json({ model: adminModel(await req.scope.resolve<ProductModelService>("productModelService").retry(modelId(req))) })
}
