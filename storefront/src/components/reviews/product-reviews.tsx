import Link from "next/link"
import { getCustomer } from "@/lib/data/customer"
import { getMyReviews, getReviews } from "@/lib/data/reviews"
import { ReviewSummary } from "./review-summary"
import { ReviewList } from "./review-list"
import { ReviewComposer } from "./review-composer"
import { ProductSection } from "@/components/product/product-section"

/**
 * Reviews on the product page: the summary (average, spread of ratings, fit overall and per
 * size) and the first page of approved reviews come from the server; sorting, "Load more"
 * and the review form are the client's. Guests get a link to log in; a logged-in shopper
 * sees her own reviews with their status and may review the sizes she bought.
 * Renders nothing when the store has no reviews (plugin off).
 */
export async function ProductReviews({ productId, productHandle, countryCode }: { productId: string; productHandle: string; countryCode: string }) {
  // Her own reviews are asked for alongside: without a login that asks nothing (no token).
  const [page, customer, myReviews] = await Promise.all([getReviews(productId), getCustomer().catch(() => null), getMyReviews(productId)])
  if (!page) return null
  const mine = customer ? myReviews : null
  const loginHref = `/${countryCode}/account/login?next=${encodeURIComponent(`/${countryCode}/products/${productHandle}#reviews`)}`
  return (
    <ProductSection id="reviews" title="Reviews">
      <div className={page.count ? "grid gap-8 md:grid-cols-[minmax(0,20rem)_minmax(0,1fr)] lg:gap-12" : "max-w-xl"}>
        <div className="space-y-6">
          {page.summary.count ? <ReviewSummary summary={page.summary} /> : <p className="text-sm text-muted" data-testid="no-reviews">No reviews yet.</p>}
          {customer ? (
            mine ? (
              <ReviewComposer productId={productId} mine={mine.reviews} reviewable={mine.reviewable_variants} />
            ) : (
              <p className="text-sm text-muted">Your reviews could not be loaded right now. Please try again later.</p>
            )
          ) : (
            <p className="text-sm">
              <Link href={loginHref} className="btn-secondary" data-testid="login-to-review">
                Log in to review
              </Link>
            </p>
          )}
        </div>
        <ReviewList productId={productId} initial={{ reviews: page.reviews, count: page.count }} />
      </div>
    </ProductSection>
  )
}

/** While reviews load: the section's shape, and a word for screen readers. */
export function ProductReviewsSkeleton() {
  return (
    <ProductSection id="reviews" title="Reviews" loading>
      <div>
        <span role="status" className="sr-only">
          Loading reviews…
        </span>
        <div aria-hidden="true" className="grid animate-pulse gap-8 md:grid-cols-[20rem_1fr]">
          <div className="space-y-3">
            <div className="h-10 w-24 rounded bg-sand" />
            {[0, 1, 2, 3, 4].map((i) => (
              <div key={i} className="h-2 rounded bg-sand" />
            ))}
          </div>
          <div className="space-y-4">
            {[0, 1].map((i) => (
              <div key={i} className="space-y-2">
                <div className="h-3 w-28 rounded bg-sand" />
                <div className="h-3 w-3/4 rounded bg-sand" />
                <div className="h-3 w-1/2 rounded bg-sand" />
              </div>
            ))}
          </div>
        </div>
      </div>
    </ProductSection>
  )
}
