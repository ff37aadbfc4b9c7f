import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import { parseRegionQuery, parseWishlistMergeBody } from "../../../../core/catalog-query"
import type WishlistService from "../../../../services/wishlist"
import { customerId, storeContext, validated } from "../../store-request"

/** POST /store/wishlist/merge: a logged-in customer takes over a guest wishlist by its token. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const customer = customerId(req)
  if (!customer) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in as a customer to merge a guest wishlist")
  const { region_id } = validated(parseRegionQuery(req.query))
  const { token } = validated(parseWishlistMergeBody(req.body))
  const ctx = await storeContext(req, region_id)
  res.json(await req.scope.resolve<WishlistService>("wishlistService").merge(customer, token, ctx))
}
