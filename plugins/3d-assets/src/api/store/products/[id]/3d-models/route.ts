import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pathId } from "@fashion/plugin-kit"
import type ProductModelService from "../../../../../services/product-model"

/** The product's ready 3D models, primary first: `[{id, lods: [{level, url, bytes, triangles}], bbox, poster_url}]`. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const id = pathId(req.params.id, (value) => `No product with id ${value}`)
  res.json(await req.scope.resolve<ProductModelService>("productModelService").listForStore(id))
}
