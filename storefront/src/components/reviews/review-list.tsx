"use client"

import { useId, useRef, useState } from "react"
import type { Review, ReviewPage } from "@/lib/medusa/types"
import { REVIEW_SORTS, SORT_LABELS, type ReviewSort } from "@/lib/core/reviews"
import { ReviewItem } from "./review-item"

/**
 * The product's approved reviews: the first page comes with the page; sorting and "Load
 * more" ask /api/reviews (the store's reviews, cached briefly) without reloading.
 */
export function ReviewList({ productId, initial }: { productId: string; initial: Pick<ReviewPage, "reviews" | "count"> }) {
  const id = useId()
  const [sort, setSort] = useState<ReviewSort>("newest")
  const [reviews, setReviews] = useState<Review[]>(initial.reviews)
  const [count, setCount] = useState(initial.count)
  const [loading, setLoading] = useState<"sort" | "more" | null>(null)
  const [error, setError] = useState<string | null>(null)
  const inflight = useRef<AbortController | null>(null)

  async function load(nextSort: ReviewSort, offset: number) {
    inflight.current?.abort()
    const controller = new AbortController()
    inflight.current = controller
    setLoading(offset === 0 ? "sort" : "more")
    setError(null)
    try {
      const query = new URLSearchParams({ product: productId, sort: nextSort, offset: String(offset) })
      const res = await fetch(`/api/reviews?${query}`, { signal: controller.signal })
      const body = (await res.json().catch(() => null)) as (ReviewPage & { message?: string }) | null
      if (controller.signal.aborted) return
      if (!res.ok || !body || !Array.isArray(body.reviews)) {
        setError(body?.message ?? "Reviews are unavailable right now. Please try again in a moment.")
        return
      }
      // A review approved or removed meanwhile shifts the pages: never show one twice.
      setReviews((current) => (offset === 0 ? body.reviews : [...current, ...body.reviews.filter((r) => !current.some((c) => c.id === r.id))]))
      setCount(body.count)
    } catch {
      if (!controller.signal.aborted) setError("We could not reach the store. Check your connection and try again.")
    } finally {
      if (!controller.signal.aborted) setLoading(null)
    }
  }

  if (!count && !reviews.length) return null
  const more = count - reviews.length
  return (
    <div data-testid="review-list">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
        <p className="text-sm text-muted" data-testid="review-list-count">
          Showing {reviews.length} of {count}
        </p>
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-sort`} className="text-sm font-medium">
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            className="field min-h-10 w-auto py-1 text-sm"
            value={sort}
            onChange={(e) => {
              const next = e.target.value as ReviewSort
              setSort(next)
              void load(next, 0)
            }}
            data-testid="review-sort"
          >
            {REVIEW_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div aria-busy={loading === "sort"} className={loading === "sort" ? "opacity-60 transition-opacity" : undefined}>
        <ul className="divide-y divide-line" data-testid="reviews-items">
          {reviews.map((review) => (
            <li key={review.id}>
              <ReviewItem review={review} />
            </li>
          ))}
        </ul>
      </div>
      <div role="status" aria-live="polite" className="text-sm">
        {loading ? <p className="py-2 text-muted">{loading === "sort" ? "Sorting reviews…" : "Loading more reviews…"}</p> : null}
        {error ? <p className="py-2 font-medium text-sale">{error}</p> : null}
      </div>
      {more > 0 ? (
        <button type="button" className="btn-secondary mt-2 w-full sm:w-auto" onClick={() => void load(sort, reviews.length)} disabled={loading !== null} data-testid="reviews-load-more">
          {loading === "more" ? "Loading…" : `Load more reviews (${more} more)`}
        </button>
      ) : null}
    </div>
  )
}
