/**
 * Reviews on the product page (plugin medusa-plugin-reviews): the summary as bars and
 * shares, sorting, dates, and the review form read with the backend's own rules (lengths
 * in characters as PostgreSQL counts them, text clean-up, fits), so the shopper hears about
 * a problem before sending.
 */
export const REVIEW_FITS = ["runs_small", "true_to_size", "runs_large"] as const
export type Fit = (typeof REVIEW_FITS)[number]

export const FIT_LABELS: Record<Fit, string> = { runs_small: "Runs small", true_to_size: "True to size", runs_large: "Runs large" }

export const REVIEW_SORTS = ["newest", "highest", "lowest"] as const
export type ReviewSort = (typeof REVIEW_SORTS)[number]
export const SORT_LABELS: Record<ReviewSort, string> = { newest: "Newest", highest: "Highest rated", lowest: "Lowest rated" }

/** Reviews per page on the product page (the API allows 1-50). */
export const REVIEWS_PAGE_SIZE = 5

export const REVIEW_LIMITS = { title: 120, body: 5000 } as const

export function parseReviewSort(value: unknown): ReviewSort {
  return typeof value === "string" && (REVIEW_SORTS as readonly string[]).includes(value) ? (value as ReviewSort) : "newest"
}

/** A whole-number offset, 0 for anything else. */
export function parseOffset(value: unknown): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : typeof value === "number" && Number.isInteger(value) ? value : 0
  return Math.max(0, n)
}

/**
 * Whole percentages of counts that add up to exactly 100 (largest remainders get the
 * rounding), all 0 when there is nothing to share.
 */
export function percentages(counts: number[]): number[] {
  const safe = counts.map((c) => (Number.isFinite(c) && c > 0 ? c : 0))
  const total = safe.reduce((a, b) => a + b, 0)
  if (!total) return safe.map(() => 0)
  const exact = safe.map((c) => (c * 100) / total)
  const floors = exact.map(Math.floor)
  let left = 100 - floors.reduce((a, b) => a + b, 0)
  const order = exact.map((e, i) => ({ i, rest: e - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i]++
    left--
  }
  return floors
}

export type FitShare = { fit: Fit; label: string; count: number; percent: number }

/** Runs small / true to size / runs large, as counts and whole percentages that add up to 100. */
export function fitShares(counts: Partial<Record<Fit, number>>): { total: number; shares: FitShare[] } {
  const values = REVIEW_FITS.map((f) => counts[f] ?? 0)
  const percents = percentages(values)
  return {
    total: values.reduce((a, b) => a + (b > 0 ? b : 0), 0),
    shares: REVIEW_FITS.map((fit, i) => ({ fit, label: FIT_LABELS[fit], count: values[i], percent: percents[i] })),
  }
}

/** "Mostly true to size" (the largest share), or null without fit answers; ties read as true to size. */
export function fitVerdict(counts: Partial<Record<Fit, number>>): string | null {
  const { total, shares } = fitShares(counts)
  if (!total) return null
  const top = [...shares].sort((a, b) => b.count - a.count || (a.fit === "true_to_size" ? -1 : b.fit === "true_to_size" ? 1 : 0))[0]
  return `Mostly ${top.label.toLowerCase()}`
}

/** Five bars, 5 stars first, each with its count and share of all ratings. */
export function ratingBars(ratings: Partial<Record<string, number>>): { stars: number; count: number; percent: number }[] {
  const stars = [5, 4, 3, 2, 1]
  const counts = stars.map((s) => ratings[String(s)] ?? 0)
  const percents = percentages(counts)
  return stars.map((s, i) => ({ stars: s, count: counts[i], percent: percents[i] }))
}

/** How full each of five stars is for an average, to the nearest half star. */
export function starFills(average: number | null | undefined): number[] {
  const rounded = typeof average === "number" && Number.isFinite(average) ? Math.round(Math.min(5, Math.max(0, average)) * 2) / 2 : 0
  return [0, 1, 2, 3, 4].map((i) => Math.min(1, Math.max(0, rounded - i)))
}

export function reviewCountText(count: number): string {
  return `${count} ${count === 1 ? "review" : "reviews"}`
}

/** "4.5 out of 5 stars, 12 reviews": what a screen reader hears for the stars. */
export function ratingText(average: number | null | undefined, count: number): string {
  if (!count || typeof average !== "number") return "No reviews yet"
  return `${average.toFixed(1)} out of 5 stars, ${reviewCountText(count)}`
}

const DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })

/** "24 Nov 2025": the same on the server and in any browser's time zone, so the page hydrates cleanly. */
export function formatReviewDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? "" : DATE.format(date)
}

/** Characters as the store counts them (PostgreSQL's char_length: an emoji is one), after the store's clean-up. */
export function reviewTextLength(text: string, multiline: boolean): number {
  return Array.from(cleanText(text, multiline)).length
}

function cleanText(raw: string, multiline: boolean): string {
  return multiline ? raw.replace(/\r\n?/g, "\n").trim() : raw.replace(/\s+/g, " ").trim()
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

export type ReviewInput = {
  variant_id: string
  rating: number
  title: string | null
  body: string | null
  fit: Fit | null
  verified_purchase: boolean
}
export type ReviewField = "variant_id" | "rating" | "title" | "body" | "fit"

type FormLike = { get(name: string): FormDataEntryValue | null }

/**
 * Reads the review form. `reviewable` are the variants she bought and has not reviewed
 * (the only ones the form offers), so a review from it is always a verified purchase.
 */
export function validateReview(form: FormLike, reviewable: string[]): { values: ReviewInput; fieldErrors: Partial<Record<ReviewField, string>> } {
  const fieldErrors: Partial<Record<ReviewField, string>> = {}
  const variant = String(form.get("variant_id") ?? "").trim()
  if (!variant || !reviewable.includes(variant)) fieldErrors.variant_id = "Choose the size you bought"

  const ratingRaw = String(form.get("rating") ?? "").trim()
  const rating = /^[1-5]$/.test(ratingRaw) ? Number(ratingRaw) : 0
  if (!rating) fieldErrors.rating = "Choose from 1 to 5 stars"

  const text = (name: "title" | "body", label: string, max: number, multiline: boolean): string | null => {
    const cleaned = cleanText(String(form.get(name) ?? ""), multiline)
    if (CONTROL.test(cleaned)) {
      fieldErrors[name] = `${label}: remove the unusual characters`
      return null
    }
    const length = Array.from(cleaned).length
    if (length > max) {
      fieldErrors[name] = `${label}: at most ${max.toLocaleString("en-IN")} characters (this one has ${length.toLocaleString("en-IN")})`
      return null
    }
    return cleaned || null
  }
  const title = text("title", "Title", REVIEW_LIMITS.title, false)
  const body = text("body", "Review", REVIEW_LIMITS.body, true)

  const fitRaw = String(form.get("fit") ?? "")
  let fit: Fit | null = null
  if (fitRaw) {
    if ((REVIEW_FITS as readonly string[]).includes(fitRaw)) fit = fitRaw as Fit
    else fieldErrors.fit = "Fit: choose runs small, true to size or runs large"
  }
  return { values: { variant_id: variant, rating, title, body, fit, verified_purchase: true }, fieldErrors }
}

/** The backend's 400 (`Invalid review: rating: ...; body: ...`) in words: "Rating: ... Review: ...". */
export function reviewErrorText(message: string): string {
  const body = message.replace(/^Invalid review:\s*/i, "")
  if (body === message) return message
  const labels: Record<string, string> = { variant_id: "Size", rating: "Rating", title: "Title", body: "Review", fit: "Fit", verified_purchase: "Verified purchase" }
  return body
    .split(/;\s*/)
    .filter(Boolean)
    .map((part) => {
      const match = /^([a-z_]+):\s*(.*)$/.exec(part)
      return match && labels[match[1]] ? `${labels[match[1]]}: ${match[2]}` : part
    })
    .join(". ")
}
