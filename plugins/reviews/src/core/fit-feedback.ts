import type { Fit, ReviewStatus } from "./review"

/**
 * One shopper's word on how a size fitted, from a review that is not rejected (pending ones
 * included: a fit answer is useful before the text is moderated). The size-recommendation
 * plugin learns from these through `productReviewService.listFitFeedback()`.
 */
export type FitFeedback = {
  review_id: string
  product_id: string
  variant_id: string
  customer_id: string
  /** The variant's Size option value when the review was written; null if it had none. */
  size: string | null
  fit: Fit
  verified_purchase: boolean
  status: Exclude<ReviewStatus, "rejected">
  created_at: Date
}
