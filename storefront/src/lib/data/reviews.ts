import "server-only"
import { medusa, MedusaError } from "../medusa/client"
import type { MyReviews, ReviewPage } from "../medusa/types"
import { REVIEWS_PAGE_SIZE, type ReviewSort } from "../core/reviews"
import { getAuthToken } from "../session"

/**
 * Approved reviews are the same for every shopper: cached briefly, like the catalog
 * (REVIEWS_CACHE_SECONDS, default 30; the browser tests set it low so an approval shows at once).
 */
const REVIEWS_TTL = reviewsCacheSeconds(process.env.REVIEWS_CACHE_SECONDS)

function reviewsCacheSeconds(raw: string | undefined): number {
  const seconds = Number(raw)
  return raw && Number.isInteger(seconds) && seconds >= 0 ? seconds : 30
}

/**
 * A page of the product's approved reviews and its summary (GET /store/products/:id/reviews).
 * Null when the store has no reviews (plugin off: 404) or cannot answer: the page goes on without them.
 */
export async function getReviews(productId: string, { sort = "newest", offset = 0, limit = REVIEWS_PAGE_SIZE }: { sort?: ReviewSort; offset?: number; limit?: number } = {}): Promise<ReviewPage | null> {
  try {
    return await medusa<ReviewPage>(`/store/products/${encodeURIComponent(productId)}/reviews`, {
      query: { limit, offset, sort },
      revalidate: REVIEWS_TTL,
      tags: ["reviews", `reviews:${productId}`],
      timeoutMs: 8000,
    })
  } catch (error) {
    if (!(error instanceof MedusaError && error.status === 404)) console.warn(`Reviews of ${productId} failed:`, error instanceof Error ? error.message : error)
    return null
  }
}

/**
 * The logged-in shopper's reviews of this product (any status) and the sizes she bought
 * and may still review. Null for a guest, an expired login or a store that cannot answer.
 */
export async function getMyReviews(productId: string): Promise<MyReviews | null> {
  const token = await getAuthToken()
  if (!token) return null
  try {
    const res = await medusa<MyReviews>("/store/customers/me/reviews", { query: { product_id: productId }, token, timeoutMs: 8000 })
    return { reviews: res.reviews ?? [], reviewable_variants: res.reviewable_variants ?? [] }
  } catch (error) {
    if (!(error instanceof MedusaError && (error.status === 401 || error.status === 404))) console.warn(`Her reviews of ${productId} failed:`, error instanceof Error ? error.message : error)
    return null
  }
}
