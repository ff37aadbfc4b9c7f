/** Labels, colours and numbers as moderators read them. No React here. */
import type { Fit, ReviewStatus } from "./types"

export { formatDateTime, plural } from "@fashion/plugin-kit/admin"

export type BadgeColor = "green" | "red" | "orange" | "grey" | "blue"

export const STATUS_LABEL: Record<ReviewStatus, string> = { pending: "Pending", approved: "Approved", rejected: "Rejected" }
export const STATUS_COLOR: Record<ReviewStatus, BadgeColor> = { pending: "orange", approved: "green", rejected: "red" }

export const FITS: Fit[] = ["runs_small", "true_to_size", "runs_large"]
export const FIT_LABEL: Record<Fit, string> = { runs_small: "Runs small", true_to_size: "True to size", runs_large: "Runs large" }

/** "★★★★☆" */
export const stars = (rating: number) => "★".repeat(Math.max(0, Math.min(5, Math.round(rating)))) + "☆".repeat(5 - Math.max(0, Math.min(5, Math.round(rating))))

/** Share of a total as a whole percentage; 0 when there is nothing. */
export const percent = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 100) : 0)

