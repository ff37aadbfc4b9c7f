/**
 * GET /admin/store-health as the admin reads it: the answer's shape (its parts from the pure
 * src/core/store-health.ts, types only; the whole is assembled in src/observability, which the
 * admin bundle cannot import), the query that refreshes it every 15 s while the tab is visible,
 * and the words and links for each number.
 */
import type { BadgeColor } from "@fashion/plugin-kit/admin"
import type { CheckFigure, Indicator, IndicatorKey, Level, RequestFigures } from "../../core/store-health"
import { useAdminCustomQuery } from "medusa-react"

export { errorMessage } from "@fashion/plugin-kit/admin"

export type { Level, IndicatorKey, Indicator, RequestFigures } from "../../core/store-health"
export type Check = CheckFigure

export type StoreHealth = {
  generated_at: string
  level: Level
  scope: { requests: "process"; note: string }
  process: { instance: string; pid: number; started_at: string; uptime_seconds: number; memory: { rss_bytes: number; heap_used_bytes: number; heap_total_bytes: number; heap_limit_bytes: number } }
  dependencies: { status: "ok" | "degraded" | "down"; checks: { database: Check; redis: Check; search: Check & { engine?: "postgres" | "meilisearch" } } }
  requests: { since_start: RequestFigures; recent: RequestFigures | null; judged_on: "recent" | "since_start" }
  supplier: { outbox_pending: number | null; outbox_retrying: number | null; outbox_failed: number | null; oldest_pending_seconds: number | null; outbox_trend: "growing" | "shrinking" | "steady" | "unknown"; failed_orders: number | null }
  shiprocket: { pending: number | null; booking: number | null; failed: number | null }
  models_3d: { queued: number | null; processing: number | null; failed: number | null; failed_products: { product_id: string; title: string | null; failed: number }[] | null }
  stylist: { active_sessions: number | null }
  unavailable: { source: string; error: string }[]
  indicators: Indicator[]
}

/** Refreshed this often while the page is visible; react-query pauses the interval in a hidden tab and refreshes on return. */
export const REFRESH_MS = 15_000

export const QUERY_KEY = ["store-health"]

/**
 * medusa-react's option type leaves out refetchInterval, but passes it on to react-query. The
 * admin's query client keeps data fresh for 90 s and never refreshes on focus; health numbers
 * are fresh for 5 s only (a page opened from the orders list does not ask twice in a row), and
 * a tab coming back into view asks at once.
 */
const refreshing = { refetchInterval: REFRESH_MS, refetchIntervalInBackground: false, refetchOnWindowFocus: true, staleTime: 5_000 } as Record<string, unknown>

export function useStoreHealth() {
  return useAdminCustomQuery<Record<string, never>, StoreHealth>("/store-health", QUERY_KEY, undefined, { retry: false, ...refreshing })
}

export const LEVEL_COLOR: Record<Level, BadgeColor> = { ok: "green", warning: "orange", critical: "red", unknown: "grey" }
export const LEVEL_WORD: Record<Level, string> = { ok: "Good", warning: "Needs a look", critical: "Problem", unknown: "Not known" }
export const OVERALL_WORD: Record<Level, string> = { ok: "All good", warning: "Needs attention", critical: "Something is wrong", unknown: "Not known yet" }
/** The dot beside a level (Tailwind classes of @medusajs/ui's preset). */
export const LEVEL_DOT: Record<Level, string> = {
  ok: "bg-ui-tag-green-icon",
  warning: "bg-ui-tag-orange-icon",
  critical: "bg-ui-tag-red-icon",
  unknown: "bg-ui-tag-neutral-icon",
}

/** Where the merchant deals with each kind of failed item (admin paths, under /app). */
export const LINKS = {
  supplierOrders: "/a/supplier-orders",
  shiprocketSettings: "/a/settings/shiprocket",
  product: (id: string) => `/a/products/${id}`,
  storeHealth: "/a/store-health",
}

const whole = new Intl.NumberFormat("en-IN", { maximumFractionDigits: 0 })
export const count = (n: number | null | undefined): string => (n === null || n === undefined ? "–" : whole.format(n))
export const percent = (ratio: number | null | undefined): string =>
  ratio === null || ratio === undefined ? "–" : `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.1 ? 2 : 1).replace(/\.0+$/, "")}%`
export const latency = (seconds: number | null | undefined): string =>
  seconds === null || seconds === undefined ? "–" : seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`

export function span(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)} s`
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`
  return `${Math.round(seconds / 86400)} days`
}

export function bytes(n: number): string {
  const mb = n / (1024 * 1024)
  return mb < 1024 ? `${Math.round(mb)} MB` : `${(mb / 1024).toFixed(1)} GB`
}

export const indicatorOf = (health: StoreHealth, key: IndicatorKey): Indicator =>
  health.indicators.find((i) => i.key === key) ?? { key, level: "unknown", reason: "Not reported by the server." }
