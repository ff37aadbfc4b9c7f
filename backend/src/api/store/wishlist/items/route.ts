import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { parseRegionQuery, parseWishlistAddBody } from "../../../../core/catalog-query"
import type WishlistService from "../../../../services/wishlist"
import { storeContext, validated, wishlistCaller } from "../../store-request"

/** POST /store/wishlist/items: adds a product (and variant); a guest's first add returns the new token once. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { region_id } = validated(parseRegionQuery(req.query))
  const body = validated(parseWishlistAddBody(req.body))
  const ctx = await storeContext(req, region_id)
  res.status(200).json(await req.scope.resolve<WishlistService>("wishlistService").addItem(wishlistCaller(req), body, ctx))
}
