"use server"

import { refresh } from "next/cache"
import { medusa, MedusaError } from "../medusa/client"
import type { MyReview } from "../medusa/types"
import { getMyReviews } from "../data/reviews"
import { getAuthToken } from "../session"
import { reviewErrorText, validateReview, type ReviewField } from "../core/reviews"
import { failure, type ActionResult } from "./result"

const PRODUCT_ID = /^prod_[A-Za-z0-9]{1,60}$/

/**
 * A review by the logged-in shopper of a size she bought (POST /store/products/:id/reviews).
 * Saved as pending: it shows in the store once a moderator approves it. The page refreshes,
 * so her review appears as "awaiting moderation" and that size leaves the form.
 */
export async function submitReview(productId: string, _prev: ActionResult<ReviewField> | null, form: FormData): Promise<ActionResult<ReviewField>> {
  const token = await getAuthToken()
  if (!token) return { ok: false, error: "Please log in again to write a review." }
  if (!PRODUCT_ID.test(productId)) return { ok: false, error: "We could not find this product." }
  const mine = await getMyReviews(productId)
  if (!mine) return { ok: false, error: "We could not check your orders right now. Please try again in a moment." }
  const reviewable = mine.reviewable_variants.map((v) => v.variant_id)
  const { values, fieldErrors } = validateReview(form, reviewable)
  if (Object.keys(fieldErrors).length) {
    const error = fieldErrors.variant_id && !reviewable.length ? "You have already reviewed every size you bought of this product." : "Please correct the highlighted fields."
    return { ok: false, error, fieldErrors }
  }
  try {
    await medusa<{ review: MyReview }>(`/store/products/${productId}/reviews`, { method: "POST", token, body: values })
    refresh()
    return { ok: true, message: "Thank you! Your review will appear here once it has been checked (usually within a day)." }
  } catch (error) {
    if (error instanceof MedusaError && error.status === 401) return { ok: false, error: "Please log in again to write a review." }
    if (error instanceof MedusaError && error.status < 500) return { ok: false, error: reviewErrorText(error.message) }
    return failure(error, "We could not send your review. Please try again.")
  }
}
