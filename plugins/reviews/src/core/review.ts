/**
 * What a review is and which inputs make one: rating, title, text, fit, and what a
 * moderator sends. The database checks mirror these limits (migration 1764300000000).
 */
import { z } from "zod"
import { Result, problemsFromZod } from "@fashion/plugin-kit/result"

export const FITS = ["runs_small", "true_to_size", "runs_large"] as const
export const REVIEW_STATUSES = ["pending", "approved", "rejected"] as const

export type Fit = (typeof FITS)[number]
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const LIMITS = { title: 120, body: 5000, note: 1000, id: 100 } as const

/** Input of POST /store/products/:id/reviews, once read. */
export type ReviewCreate = {
  variant_id: string
  rating: number
  title: string | null
  body: string | null
  fit: Fit | null
  /** What the shopper claims; the server checks it against her orders. */
  verified_purchase: boolean | null
}

/** Lengths count characters as PostgreSQL's char_length does (code points, so an emoji is one). */
export const charLength = (text: string) => Array.from(text).length

// NUL cannot be stored in PostgreSQL text (the insert would fail with a 500); other control
// characters are never typed by a person. Tabs and line breaks are kept in the review's text.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** A text field: spaces trimmed (a title on one line), empty means none, limits in characters. */
function text(max: number, { multiline }: { multiline: boolean }) {
  return z
    .string({ invalid_type_error: "must be text" })
    .nullish()
    .transform((raw, ctx) => {
      if (raw === null || raw === undefined) return null
      const cleaned = multiline ? raw.replace(/\r\n?/g, "\n").trim() : raw.replace(/\s+/g, " ").trim()
      if (CONTROL.test(cleaned)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "must not contain control characters" })
        return z.NEVER
      }
      const length = charLength(cleaned)
      if (length > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be at most ${max} characters (this one has ${length})` })
        return z.NEVER
      }
      return cleaned || null
    })
}

const RATING_MESSAGE = "must be a whole number from 1 to 5"

/** 1-5; a form may send "4". */
const rating = z.unknown().transform((raw, ctx) => {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*[0-9]\s*$/.test(raw) ? Number(raw) : Number.NaN
  if (raw === undefined || raw === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `is required: ${RATING_MESSAGE.replace("must be ", "")}` })
    return z.NEVER
  }
  if (!Number.isInteger(n) || n < 1 || n > 5) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: RATING_MESSAGE })
    return z.NEVER
  }
  return n
})

/** One id, one message: empty, too long or not an id (zod would report "" twice). */
const id = (example: string) =>
  z.string({ required_error: "is required", invalid_type_error: `must be an id such as ${example}` }).transform((raw, ctx) => {
    const value = raw.trim()
    const message = !value ? "must not be empty" : value.length > LIMITS.id ? `must be at most ${LIMITS.id} characters` : !/^[\x21-\x7e]+$/.test(value) ? `must be an id such as ${example}` : null
    if (message) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message })
      return z.NEVER
    }
    return value
  })

const fit = z
  .enum(FITS, { errorMap: () => ({ message: `must be one of ${FITS.join(", ")}` }) })
  .nullish()
  .transform((v) => v ?? null)

const createSchema = z
  .object({
    variant_id: id("variant_01H..."),
    rating,
    title: text(LIMITS.title, { multiline: false }),
    body: text(LIMITS.body, { multiline: true }),
    fit,
    verified_purchase: z
      .boolean({ invalid_type_error: "must be true or false" })
      .nullish()
      .transform((v) => v ?? null),
  })
  .strict()

function notAnObject(body: unknown): boolean {
  return body === null || typeof body !== "object" || Array.isArray(body)
}

/** Reads a new review; every problem is reported by field. */
export function validateReviewCreate(body: unknown): Result<ReviewCreate> {
  if (notAnObject(body)) return { ok: false, problems: [{ field: "body", message: "must be an object describing the review" }] }
  const parsed = createSchema.safeParse(body)
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) }
  return { ok: true, value: parsed.data as ReviewCreate }
}

/** Input of POST /admin/reviews/:id. */
export type ModerationInput = { status: "approved" | "rejected"; note: string | null }

const moderationSchema = z
  .object({
    status: z.enum(["approved", "rejected"], {
      errorMap: (issue) => ({ message: issue.code === "invalid_type" && issue.received === "undefined" ? "is required: approved or rejected" : "must be approved or rejected" }),
    }),
    note: text(LIMITS.note, { multiline: true }),
  })
  .strict()

export function validateModeration(body: unknown): Result<ModerationInput> {
  if (notAnObject(body)) return { ok: false, problems: [{ field: "body", message: "must be an object such as { \"status\": \"approved\" }" }] }
  const parsed = moderationSchema.safeParse(body)
  if (!parsed.success) return { ok: false, problems: problemsFromZod(parsed.error.issues) }
  return { ok: true, value: parsed.data as ModerationInput }
}
