import type { Review } from "@/lib/medusa/types"
import { FIT_LABELS, formatReviewDate } from "@/lib/core/reviews"
import { CheckIcon } from "@/components/common/icons"
import { Stars } from "./stars"

/** One review: stars, title, who and when, verified purchase, size and fit, and the text (line breaks kept). */
export function ReviewItem({ review, status }: { review: Review; status?: React.ReactNode }) {
  return (
    <article className="py-5" data-testid="review">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Stars value={review.rating} label={`${review.rating} out of 5 stars`} />
        {review.title ? <h3 className="font-sans text-base font-semibold">{review.title}</h3> : null}
        {status}
      </div>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
        <span className="font-medium text-ink">{review.author_name}</span>
        <span aria-hidden="true">·</span>
        <time dateTime={review.created_at}>{formatReviewDate(review.created_at)}</time>
        {review.verified_purchase ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-ok/10 px-2 py-0.5 font-medium text-ok" data-testid="verified-purchase">
            <CheckIcon className="h-3 w-3" /> Verified purchase
          </span>
        ) : null}
      </p>
      {review.size || review.fit ? (
        <dl className="mt-2 flex flex-wrap gap-x-4 text-xs">
          {review.size ? (
            <div className="flex gap-1">
              <dt className="text-muted">Size bought:</dt>
              <dd className="font-medium">{review.size}</dd>
            </div>
          ) : null}
          {review.fit ? (
            <div className="flex gap-1">
              <dt className="text-muted">Fit:</dt>
              <dd className="font-medium">{FIT_LABELS[review.fit]}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {review.body ? <p className="mt-2 whitespace-pre-line text-sm leading-relaxed text-ink/90">{review.body}</p> : null}
    </article>
  )
}
