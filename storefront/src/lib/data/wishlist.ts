import "server-only"
import { medusa, MedusaError } from "../medusa/client"
import type { Wishlist } from "../medusa/types"
import { getAuthToken, getWishlistToken } from "../session"

export async function wishlistHeaders(): Promise<{ token: string | null; headers: Record<string, string> }> {
  const guest = await getWishlistToken()
  return { token: await getAuthToken(), headers: guest ? { "x-wishlist-token": guest } : {} }
}

export async function getWishlist(regionId: string): Promise<Wishlist> {
  const { token, headers } = await wishlistHeaders()
  if (!token && !headers["x-wishlist-token"]) return { id: null, items: [] }
  try {
    const { wishlist } = await medusa<{ wishlist: Wishlist }>("/store/wishlist", { query: { region_id: regionId }, token, headers })
    return wishlist
  } catch (error) {
    // The wishlist is a nicety: a failure must not take the page down with it.
    if (error instanceof MedusaError) return { id: null, items: [] }
    throw error
  }
}
