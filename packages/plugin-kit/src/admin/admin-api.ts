/** What every plugin's admin API client needs, whatever its routes. */
import { useQueryClient } from "@tanstack/react-query"

/** The `message` of a Medusa error response ({type, message}), else the transport error. */
export function errorMessage(error: unknown): string {
  const e = error as { response?: { status?: number; data?: unknown }; message?: string } | null
  const data = e?.response?.data
  if (data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string") return (data as { message: string }).message
  if (typeof data === "string" && data.trim()) return data.trim().slice(0, 300)
  if (e?.response?.status) return `The server answered ${e.response.status}`
  return e?.message || String(error)
}

/**
 * Refreshes every medusa-react custom query tagged `tag`: medusa-react keys them
 * [path, query, queryKey], so a plugin that passes [tag] as queryKey to all its queries
 * refreshes all its views with one call after any change.
 */
export function useRefreshCustomQueries(tag: string) {
  const queryClient = useQueryClient()
  return () =>
    queryClient.invalidateQueries({
      predicate: (q) => Array.isArray(q.queryKey[2]) && (q.queryKey[2] as unknown[])[0] === tag,
    })
}
