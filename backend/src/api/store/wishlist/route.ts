import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseRegionQuery } from "../../../core/catalog-query"
import type WishlistService from "../../../services/wishlist"
import { storeContext, validated, wishlistCaller } from "../store-request"

/** GET /store/wishlist: the caller's wishlist (customer, or guest by x-wishlist-token); empty when there is none. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { region_id } = validated(parseRegionQuery(req.query))
  const ctx = await storeContext(req, region_id)
  const wishlist = await req.scope.resolve<WishlistService>("wishlistService").retrieve(wishlistCaller(req), ctx)
  res.json({ wishlist })
}
