import { NextResponse, type NextRequest } from "next/server"
import { getReviews } from "@/lib/data/reviews"
import { REVIEWS_PAGE_SIZE, parseOffset, parseReviewSort } from "@/lib/core/reviews"

const PRODUCT_ID = /^prod_[A-Za-z0-9]{1,60}$/

/** More of a product's approved reviews, in the order the shopper chose ("Load more", sorting on the product page). */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams
  const productId = params.get("product") ?? ""
  if (!PRODUCT_ID.test(productId)) return NextResponse.json({ message: "Unknown product" }, { status: 400 })
  const page = await getReviews(productId, { sort: parseReviewSort(params.get("sort")), offset: parseOffset(params.get("offset")), limit: REVIEWS_PAGE_SIZE })
  if (!page) return NextResponse.json({ message: "Reviews are unavailable right now. Please try again in a moment." }, { status: 503, headers: { "cache-control": "no-store" } })
  // Approved reviews are public and change rarely: shared briefly, as the store caches them too.
  return NextResponse.json(page, { headers: { "cache-control": "public, max-age=30" } })
}
