import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { pathId, queryId } from "@fashion/plugin-kit"
import { answerOutfit } from "../../../../../core"
import type StylistService from "../../../../../services/stylist"

/** Looks built around this product for its page, from what is in stock in the region now. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const productId = pathId(req.params.id, (id) => `No product with id ${id}`)
  const query = req.query as Record<string, unknown>
  const regionId = queryId(query, "region_id", "reg_01H...")
  if (!regionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, "region_id is required: the shopper's region (GET /store/regions)")
  const variantId = queryId(query, "variant_id", "variant_01H...") ?? null
  const { outfits } = await req.scope.resolve<StylistService>("stylistService").completeTheLook(productId, regionId, variantId)
  res.json({ product_id: productId, outfits: outfits.map(answerOutfit) })
}
