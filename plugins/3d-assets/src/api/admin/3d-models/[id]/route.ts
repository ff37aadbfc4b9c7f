import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ProductModelService from "../../../../services/product-model"
import { adminModel, modelId } from "../../../model-views"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ model: adminModel(await req.scope.resolve<ProductModelService>("productModelService").retrieve(modelId(req))) })
}

/** The model and all its files (master and LODs). */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const id = modelId(req)
  await req.scope.resolve<ProductModelService>("productModelService").delete(id)
  res.json({ id, object: "3d_model", deleted: true })
}
