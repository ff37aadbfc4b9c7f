/**
 * Which moderation decisions apply to a review. A new review waits as pending; a moderator
 * approves it (it is published) or rejects it. Either decision can be reversed later (a
 * published review taken down, a rejected one reinstated), but nothing goes back to pending:
 * once a person has looked at a review, it has been moderated.
 */
import type { ModerationInput, ReviewStatus } from "./review"

export type ModerationChange = {
  status: "approved" | "rejected"
  note: string | null
  /** false when the review already had this status (only the note changes). */
  status_changed: boolean
}

export const MODERATION_TRANSITIONS: Record<ReviewStatus, readonly ReviewStatus[]> = {
  pending: ["approved", "rejected"],
  approved: ["rejected"],
  rejected: ["approved"],
}

export type Moderation = { ok: true; change: ModerationChange } | { ok: false; reason: string }

export function moderate(current: ReviewStatus, input: ModerationInput): Moderation {
  if (current === input.status) return { ok: true, change: { status: input.status, note: input.note, status_changed: false } }
  if (!MODERATION_TRANSITIONS[current]?.includes(input.status)) {
    return { ok: false, reason: `A ${current} review cannot be ${input.status}` }
  }
  return { ok: true, change: { status: input.status, note: input.note, status_changed: true } }
}

/** Only approved reviews are shown in the store and count in a product's summary. */
export const isPublished = (status: ReviewStatus) => status === "approved"
