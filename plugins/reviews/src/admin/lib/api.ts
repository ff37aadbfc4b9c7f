/**
 * The admin UI's access to the plugin's admin API, through medusa-react's custom hooks (the
 * dashboard's admin session). Every query carries QUERY_KEY, so one invalidation after any
 * decision refreshes the reviews page and the product widget alike.
 */
import { useRefreshCustomQueries } from "@fashion/plugin-kit/admin"
import { useAdminCustomDelete, useAdminCustomPost, useAdminCustomQuery } from "medusa-react"
import type { AdminReview, ModerationBody, ReviewListResponse, ReviewQuery } from "./types"

export { errorMessage } from "@fashion/plugin-kit/admin"

export const QUERY_KEY = ["product-reviews"]

/** Refreshes every query of the plugin (all carry QUERY_KEY). */
export const useRefreshReviews = () => useRefreshCustomQueries(QUERY_KEY[0])

export function useReviews(query: ReviewQuery, options: { keepPreviousData?: boolean; enabled?: boolean } = {}) {
  return useAdminCustomQuery<ReviewQuery, ReviewListResponse>("/reviews", QUERY_KEY, query, { retry: false, ...options })
}

export function useModerateReview(id: string) {
  const refresh = useRefreshReviews()
  return useAdminCustomPost<ModerationBody, { review: AdminReview }>(`/reviews/${id}`, [], undefined, { onSuccess: () => void refresh() })
}

export function useDeleteReview(id: string) {
  const refresh = useRefreshReviews()
  return useAdminCustomDelete<{ id: string; deleted: boolean }>(`/reviews/${id}`, [], undefined, { onSuccess: () => void refresh() })
}
