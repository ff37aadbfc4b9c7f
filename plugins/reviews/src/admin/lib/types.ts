/** The shapes of the plugin's admin API, as the admin UI reads them. */

export type ReviewStatus = "pending" | "approved" | "rejected"
export type Fit = "runs_small" | "true_to_size" | "runs_large"

export type AdminReview = {
  id: string
  product_id: string
  product_title: string | null
  product_handle: string | null
  variant_id: string
  variant_title: string | null
  customer_id: string
  customer_email: string | null
  author_name: string
  rating: number
  title: string | null
  body: string | null
  fit: Fit | null
  size: string | null
  verified_purchase: boolean
  status: ReviewStatus
  moderation_note: string | null
  moderated_at: string | null
  created_at: string
  updated_at: string
}

export type FitCounts = Record<Fit, number>

export type ReviewSummary = {
  average_rating: number | null
  count: number
  ratings: Record<"1" | "2" | "3" | "4" | "5", number>
  fit: FitCounts
  fit_by_size: ({ size: string; count: number } & FitCounts)[]
}

export type StatusCounts = Record<ReviewStatus, number>

export type ReviewListResponse = {
  reviews: AdminReview[]
  count: number
  limit: number
  offset: number
  counts: StatusCounts
  /** Only when the list is of one product. */
  summary?: ReviewSummary
}

export type ReviewQuery = { status?: ReviewStatus; product_id?: string; q?: string; limit?: number; offset?: number }

export type ModerationBody = { status: "approved" | "rejected"; note?: string | null }
