import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pathId } from "@fashion/plugin-kit"
import ProductModelService, { ModelRejected } from "../../../../../services/product-model"
import { adminModel } from "../../../../model-views"

const productId = (req: MedusaRequest) => pathId(req.params.id, (id) => `No product with id ${id}`)

/** The product's 3D models, primary first, with their processing status. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const models = await req.scope.resolve<ProductModelService>("productModelService").listForProduct(productId(req))
  res.json({ models: models.map(adminModel) })
}

/**
 * A model for the product (multipart field `file`: a .glb, or a .zip of a .gltf with its
 * files). Checked before anything is stored; processing into LODs then runs in the background.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const file = (req as MedusaRequest & { file?: { path: string; originalname: string; size: number } }).file
  const id = productId(req)
  if (!file) {
    res.status(400).json({ type: "invalid_data", message: 'Send the model as multipart/form-data in the form field "file" (.glb, or .zip with a .gltf and its files)' })
    return
  }
  try {
    const model = await req.scope.resolve<ProductModelService>("productModelService").acceptUpload(id, file)
    res.status(202).json({ model: adminModel(model) })
  } catch (error) {
    if (!(error instanceof ModelRejected)) throw error
    res.status(error.status).json({ type: error.code, message: error.message, problems: error.problems })
  }
}
