"use server"

import { refresh } from "next/cache"
import { medusa } from "../medusa/client"
import type { Wishlist } from "../medusa/types"
import { getRegion } from "../data/regions"
import { wishlistHeaders } from "../data/wishlist"
import { setWishlistToken } from "../session"
import { addToCart } from "./cart"
import { failure, type ActionResult } from "./result"

export async function addToWishlist(countryCode: string, productId: string, variantId?: string | null): Promise<ActionResult> {
  try {
    const region = await getRegion(countryCode)
    const { token, headers } = await wishlistHeaders()
    const res = await medusa<{ wishlist: Wishlist; token?: string }>("/store/wishlist/items", {
      method: "POST",
      query: { region_id: region?.id },
      token,
      headers,
      body: { product_id: productId, ...(variantId ? { variant_id: variantId } : {}) },
    })
    if (res.token) await setWishlistToken(res.token)
    refresh()
    return { ok: true, message: "Saved to your wishlist" }
  } catch (error) {
    return failure(error, "We could not save this to your wishlist.")
  }
}

export async function removeFromWishlist(countryCode: string, itemId: string): Promise<ActionResult> {
  try {
    const region = await getRegion(countryCode)
    const { token, headers } = await wishlistHeaders()
    await medusa(`/store/wishlist/items/${encodeURIComponent(itemId)}`, { method: "DELETE", query: { region_id: region?.id }, token, headers })
    refresh()
    return { ok: true, message: "Removed from your wishlist" }
  } catch (error) {
    return failure(error, "We could not remove this from your wishlist.")
  }
}

/** Into the bag, out of the wishlist: removed only once the bag has it. */
export async function moveWishlistItemToCart(countryCode: string, itemId: string, variantId: string): Promise<ActionResult> {
  const added = await addToCart(countryCode, variantId)
  if (!added.ok) return added
  const removed = await removeFromWishlist(countryCode, itemId)
  return removed.ok ? { ok: true, message: "Moved to your bag" } : added
}
