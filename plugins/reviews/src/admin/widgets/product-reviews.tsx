/**
 * Product page: the product's rating and fit as the store shows them (approved reviews), and
 * all its reviews, pending first, with the moderation buttons.
 */
import type { ProductDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { RatingSummary } from "../components/rating-summary"
import { ReviewCard } from "../components/review-card"
import { Empty, ErrorNote, Loading } from "../components/ui"
import { errorMessage, useReviews } from "../lib/api"
import { plural } from "../lib/format"

const PAGE_SIZE = 10
/** The admin API lists at most 100 at a time; the Reviews page pages through the rest. */
const MAX_SHOWN = 100

const ProductReviewsWidget = ({ product, notify }: ProductDetailsWidgetProps) => {
  const [limit, setLimit] = useState(PAGE_SIZE)
  const { data, isLoading, isError, error, refetch, isFetching } = useReviews({ product_id: product.id, limit }, { enabled: !!product.id, keepPreviousData: true })
  const reviews = data?.reviews ?? []

  return (
    <Container className="grid grid-cols-[minmax(0,1fr)]" data-testid="product-reviews-widget">
      <div className="mb-4 flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Reviews</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {data?.counts
              ? `${plural(data.counts.pending, "review")} waiting, ${data.counts.approved} published, ${data.counts.rejected} rejected.`
              : "What shoppers say about this product and how its sizes fit."}{" "}
            <Link to="/a/reviews" className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
              All reviews
            </Link>
          </Text>
        </div>
        <Button size="small" variant="transparent" className="shrink-0" onClick={() => refetch()} isLoading={isFetching && !isLoading}>
          Refresh
        </Button>
      </div>

      {isLoading ? (
        <Loading label="Loading reviews…" />
      ) : isError ? (
        <ErrorNote
          title="Could not load the reviews"
          message={errorMessage(error)}
          action={
            <Button size="small" variant="secondary" onClick={() => refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-y-4">
          {data?.summary && <RatingSummary summary={data.summary} />}
          {reviews.length === 0 ? (
            <Empty>No reviews of this product yet.</Empty>
          ) : (
            <div className="flex flex-col gap-y-3">
              {reviews.map((r) => (
                <ReviewCard key={r.id} review={r} notify={notify} showProduct={false} />
              ))}
              {(data?.count ?? 0) > reviews.length && limit < MAX_SHOWN && (
                <Button size="small" variant="secondary" className="self-start" onClick={() => setLimit(Math.min(limit + PAGE_SIZE, MAX_SHOWN))} isLoading={isFetching}>
                  Show more ({(data?.count ?? 0) - reviews.length} left)
                </Button>
              )}
            </div>
          )}
        </div>
      )}
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "product.details.after",
}

export default ProductReviewsWidget
