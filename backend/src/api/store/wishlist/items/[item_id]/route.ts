import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseRegionQuery } from "../../../../../core/catalog-query"
import type WishlistService from "../../../../../services/wishlist"
import { storeContext, validated, wishlistCaller } from "../../../store-request"

/** DELETE /store/wishlist/items/:item_id: removes an item of the caller's own wishlist (404 otherwise). */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  const { region_id } = validated(parseRegionQuery(req.query))
  const ctx = await storeContext(req, region_id)
  res.json(await req.scope.resolve<WishlistService>("wishlistService").removeItem(wishlistCaller(req), req.params.item_id, ctx))
}
