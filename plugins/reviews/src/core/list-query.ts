/**
 * The query strings of the review lists: paging, sort and the moderators' filters.
 * A bad parameter is a 400 naming it, never a silent default.
 */
import { z } from "zod"
import { REVIEW_STATUSES, ReviewStatus } from "./review"
import { Result, problemsFromZod } from "@fashion/plugin-kit/result"

export const REVIEW_SORTS = ["newest", "highest", "lowest"] as const
export type ReviewSort = (typeof REVIEW_SORTS)[number]

export type StoreReviewQuery = { limit: number; offset: number; sort: ReviewSort }
export type AdminReviewQuery = { limit: number; offset: number; status: ReviewStatus | null; product_id: string | null; q: string | null }

export const STORE_PAGE = { default: 10, max: 50 } as const
export const ADMIN_PAGE = { default: 20, max: 100 } as const

/** A whole number from the query string ("20"); anything else (a list, "2.5", "ten") is refused. */
const whole = (min: number, max: number, fallback: number) =>
  z.unknown().transform((raw, ctx) => {
    if (raw === undefined || raw === "") return fallback
    if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a whole number from ${min} to ${max}` })
      return z.NEVER
    }
    return Number(raw)
  })

const oneOf = <T extends string>(values: readonly T[], fallback: T | null) =>
  z.unknown().transform((raw, ctx): T | null => {
    if (raw === undefined || raw === "") return fallback
    if (typeof raw !== "string" || !(values as readonly string[]).includes(raw)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be one of ${values.join(", ")}` })
      return z.NEVER
    }
    return raw as T
  })

const storeSchema = z.object({
  limit: whole(1, STORE_PAGE.max, STORE_PAGE.default),
  offset: whole(0, 1_000_000, 0),
  sort: oneOf(REVIEW_SORTS, "newest"),
})

// Admin filters from Medusa's admin links and React Query may carry extra keys (expand, fields): ignored.
const adminSchema = z.object({
  limit: whole(1, ADMIN_PAGE.max, ADMIN_PAGE.default),
  offset: whole(0, 1_000_000, 0),
  status: oneOf(REVIEW_STATUSES, null),
  product_id: z.unknown().transform((raw, ctx) => {
    if (raw === undefined || raw === "") return null
    if (typeof raw !== "string" || !/^[\x21-\x7e]{1,100}$/.test(raw)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must be one id such as prod_01H..." })
      return z.NEVER
    }
    return raw
  }),
  q: z.unknown().transform((raw, ctx) => {
    if (raw === undefined) return null
    if (typeof raw !== "string" || raw.length > 200 || raw.includes("\u0000")) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must be a search text of at most 200 characters" })
      return z.NEVER
    }
    return raw.trim() || null
  }),
})

export function parseStoreReviewQuery(query: Record<string, unknown>): Result<StoreReviewQuery> {
  const parsed = storeSchema.safeParse(query ?? {})
  return parsed.success ? { ok: true, value: parsed.data as StoreReviewQuery } : { ok: false, problems: problemsFromZod(parsed.error.issues) }
}

export function parseAdminReviewQuery(query: Record<string, unknown>): Result<AdminReviewQuery> {
  const parsed = adminSchema.safeParse(query ?? {})
  return parsed.success ? { ok: true, value: parsed.data as AdminReviewQuery } : { ok: false, problems: problemsFromZod(parsed.error.issues) }
}

/** A search text as a LIKE pattern matching it anywhere, its own % and _ taken literally. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
