/**
 * Our `order_id` at Shiprocket ("channel order id"). Shiprocket has no idempotency key and
 * refuses an order_id it has seen before, cancelled ones included, so each attempt to
 * ship a fulfillment gets its own id: "<fulfillment id>-<attempt>", attempt 1, 2, 3...
 * The attempt counter lives in our database and only ever goes up; a retry of the same
 * attempt after a timeout reuses the id (and looks the order up first).
 *
 * Ids are at most 50 characters of [A-Za-z0-9_-]. A longer or odd base id is shortened
 * and suffixed with a hash of the original, so two different bases never collide.
 */
import { createHash } from "node:crypto"

export const SHIPROCKET_ORDER_ID_MAX = 50
const SAFE = /^[A-Za-z0-9_-]+$/

export function shiprocketOrderId(baseId: string, attempt: number): string {
  if (typeof baseId !== "string" || baseId.trim() === "") throw new RangeError("the base id is empty")
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`)
  const suffix = `-${attempt}`
  const room = SHIPROCKET_ORDER_ID_MAX - suffix.length
  if (SAFE.test(baseId) && baseId.length <= room) return `${baseId}${suffix}`
  const hash = createHash("sha256").update(baseId).digest("hex").slice(0, 10)
  const cleaned = baseId.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "")
  const head = cleaned.slice(0, Math.max(0, room - hash.length - 1))
  return `${head ? `${head}-` : ""}${hash}${suffix}`
}

/**
 * "ful_01J9ZQ-3" -> { baseId: "ful_01J9ZQ", attempt: 3 }. For shortened ids the base is the
 * shortened form: store the id you sent rather than rebuilding it from this.
 */
export function parseShiprocketOrderId(id: string): { baseId: string; attempt: number } | null {
  const m = /^(.+)-(\d+)$/.exec(id ?? "")
  if (!m) return null
  const attempt = Number(m[2])
  return attempt >= 1 ? { baseId: m[1], attempt } : null
}
