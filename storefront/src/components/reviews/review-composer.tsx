"use client"

import { useActionState, useId, useState } from "react"
import type { MyReview, ReviewableVariant } from "@/lib/medusa/types"
import { submitReview } from "@/lib/actions/reviews"
import type { ActionResult } from "@/lib/actions/result"
import { FIT_LABELS, REVIEW_FITS, REVIEW_LIMITS, reviewTextLength, validateReview, type ReviewField } from "@/lib/core/reviews"
import { FormError } from "@/components/common/field"
import { ReviewItem } from "./review-item"
import { StarShape } from "./stars"

const STATUS: Record<MyReview["status"], { text: string; className: string }> = {
  pending: { text: "Awaiting moderation", className: "bg-gold-light/30 text-ink" },
  approved: { text: "Published", className: "bg-ok/10 text-ok" },
  rejected: { text: "Not published", className: "bg-sale/10 text-sale" },
}

/**
 * The logged-in shopper's side of reviews: her own reviews of this product with their
 * status, and the form for a size she bought and has not reviewed yet. After sending, the
 * page refreshes: her review shows here as awaiting moderation.
 */
export function ReviewComposer({ productId, mine, reviewable }: { productId: string; mine: MyReview[]; reviewable: ReviewableVariant[] }) {
  const [open, setOpen] = useState(false)
  const [state, action, pending] = useActionState(async (prev: ActionResult<ReviewField> | null, form: FormData) => {
    const result = await submitReview(productId, prev, form)
    if (result.ok) setOpen(false)
    return result
  }, null)

  return (
    <div className="space-y-4" data-testid="review-composer">
      <div role="status" aria-live="polite">
        {state?.ok ? (
          <p className="rounded-lg border border-ok/30 bg-ok/5 p-3 text-sm text-ok" data-testid="review-sent">
            {state.message}
          </p>
        ) : null}
      </div>

      {mine.length ? (
        <div data-testid="my-reviews">
          <h3 className="font-sans text-sm font-semibold">Your reviews</h3>
          <ul className="divide-y divide-line">
            {mine.map((review) => (
              <li key={review.id}>
                <ReviewItem
                  review={review}
                  status={
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS[review.status].className}`} data-testid="my-review-status">
                      {STATUS[review.status].text}
                    </span>
                  }
                />
                {review.status === "pending" ? <p className="-mt-3 pb-3 text-xs text-muted">It will appear on this page once it has been checked.</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {reviewable.length ? (
        open ? (
          <ReviewForm reviewable={reviewable} action={action} pending={pending} state={state && !state.ok ? state : null} onCancel={() => setOpen(false)} />
        ) : (
          <button type="button" className="btn-primary w-full sm:w-auto" onClick={() => setOpen(true)} data-testid="write-review">
            Write a review
          </button>
        )
      ) : !mine.length ? (
        <p className="text-sm text-muted">Bought this? You can review the sizes you ordered once your order is placed.</p>
      ) : null}
    </div>
  )
}

function ReviewForm({
  reviewable,
  action,
  pending,
  state,
  onCancel,
}: {
  reviewable: ReviewableVariant[]
  action: (form: FormData) => void
  pending: boolean
  state: { ok: false; error: string; fieldErrors?: Partial<Record<ReviewField, string>> } | null
  onCancel: () => void
}) {
  const id = useId()
  const [rating, setRating] = useState(0)
  const [body, setBody] = useState("")
  const [localErrors, setLocalErrors] = useState<Partial<Record<ReviewField, string>> | null>(null)
  const errors = localErrors ?? state?.fieldErrors ?? {}
  const bodyLength = reviewTextLength(body, true)
  const over = bodyLength > REVIEW_LIMITS.body
  const describe = (name: ReviewField, ...extra: string[]) => [errors[name] ? `${id}-${name}-error` : null, ...extra].filter(Boolean).join(" ") || undefined
  const error = (name: ReviewField) =>
    errors[name] ? (
      <p id={`${id}-${name}-error`} className="field-error">
        {errors[name]}
      </p>
    ) : null

  return (
    <form
      action={action}
      noValidate
      className="space-y-5 rounded-xl border border-line bg-white p-4"
      data-testid="review-form"
      aria-labelledby={`${id}-title`}
      onChange={(e) => {
        // A field she changes is no longer "highlighted": its message goes until the next check.
        const name = (e.target as EventTarget as HTMLInputElement).name as ReviewField
        if (localErrors?.[name]) {
          const rest = { ...localErrors }
          delete rest[name]
          setLocalErrors(rest)
        }
      }}
      onSubmit={(e) => {
        const found = validateReview(new FormData(e.currentTarget), reviewable.map((v) => v.variant_id)).fieldErrors
        if (Object.keys(found).length) {
          e.preventDefault()
          setLocalErrors(found)
          const first = Object.keys(found)[0] as ReviewField
          e.currentTarget.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
        } else setLocalErrors(null)
      }}
    >
      <h3 id={`${id}-title`} className="text-xl">
        Write a review
      </h3>
      <FormError message={localErrors && Object.keys(localErrors).length ? "Please correct the highlighted fields." : state?.error} />

      <fieldset aria-describedby={describe("variant_id")}>
        <legend className="field-label">Size you bought</legend>
        <div className="flex flex-wrap gap-2">
          {reviewable.map((v, i) => (
            <label key={v.variant_id} className="relative">
              <input type="radio" name="variant_id" value={v.variant_id} defaultChecked={reviewable.length === 1 || i === 0} className="peer sr-only" />
              <span className="flex h-11 min-w-12 cursor-pointer items-center justify-center rounded-lg border border-line bg-white px-3 text-sm peer-checked:border-ink peer-checked:bg-ink peer-checked:text-ivory peer-focus-visible:ring-2 peer-focus-visible:ring-plum">
                {v.size ?? v.title}
              </span>
            </label>
          ))}
        </div>
        {error("variant_id")}
      </fieldset>

      <fieldset aria-describedby={describe("rating")}>
        <legend className="field-label">Your rating</legend>
        <div className="flex gap-1" data-testid="review-rating">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="relative cursor-pointer text-gold">
              <input type="radio" name="rating" value={n} checked={rating === n} onChange={() => setRating(n)} className="peer sr-only" aria-invalid={Boolean(errors.rating)} />
              <span className="block rounded p-1 peer-focus-visible:ring-2 peer-focus-visible:ring-plum">
                <StarShape filled={n <= rating} className="h-8 w-8" />
              </span>
              <span className="sr-only">
                {n} {n === 1 ? "star" : "stars"}
              </span>
            </label>
          ))}
        </div>
        {error("rating")}
      </fieldset>

      <div>
        <label htmlFor={`${id}-title-input`} className="field-label">
          Title <span className="font-normal text-muted">(optional)</span>
        </label>
        <input id={`${id}-title-input`} name="title" className="field" aria-invalid={Boolean(errors.title)} aria-describedby={describe("title")} />
        {error("title")}
      </div>

      <div>
        <label htmlFor={`${id}-body`} className="field-label">
          Your review <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={5}
          className="field py-2"
          value={body}
          onChange={(e) => setBody(e.target.value)}
          aria-invalid={Boolean(errors.body) || over}
          aria-describedby={describe("body", `${id}-body-count`)}
        />
        <p id={`${id}-body-count`} className={`mt-1 text-right text-xs tabular-nums ${over ? "font-medium text-sale" : "text-muted"}`} data-testid="review-body-count">
          {bodyLength.toLocaleString("en-IN")} / {REVIEW_LIMITS.body.toLocaleString("en-IN")} characters
        </p>
        {error("body")}
      </div>

      <fieldset aria-describedby={describe("fit")}>
        <legend className="field-label">
          How did it fit? <span className="font-normal text-muted">(optional)</span>
        </legend>
        <div className="flex flex-wrap gap-2">
          {[...REVIEW_FITS, null].map((fit) => (
            <label key={fit || "none"} className="relative">
              <input type="radio" name="fit" value={fit ?? ""} defaultChecked={!fit} className="peer sr-only" />
              <span className="flex min-h-11 cursor-pointer items-center rounded-full border border-line bg-white px-4 text-sm peer-checked:border-ink peer-checked:bg-ink peer-checked:text-ivory peer-focus-visible:ring-2 peer-focus-visible:ring-plum">
                {fit ? FIT_LABELS[fit] : "Rather not say"}
              </span>
            </label>
          ))}
        </div>
        {error("fit")}
      </fieldset>

      <p className="text-xs text-muted">Marked as a verified purchase: you ordered this size. Reviews are checked before they appear.</p>
      <div className="flex flex-col gap-3 sm:flex-row">
        <button type="submit" className="btn-primary" disabled={pending || over} data-testid="review-submit">
          {pending ? "Sending…" : "Send review"}
        </button>
        <button type="button" className="btn-secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </button>
      </div>
    </form>
  )
}
