/**
 * Which order ids a shopper may ask to link to her new or existing account: Medusa order
 * ids (order_ + 26 ULID characters), deduplicated, at most MAX_GUEST_ORDER_IDS.
 */
import type { ParseResult } from "./catalog-query"

export const MAX_GUEST_ORDER_IDS = 20
const ORDER_ID = /^order_[0-9A-HJKMNP-TV-Z]{26}$/

export function parseGuestOrderIds(body: unknown): ParseResult<{ order_ids: string[] }> {
  const raw = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>).order_ids : undefined
  if (!Array.isArray(raw)) return { ok: false, errors: ["order_ids must be a list of order ids, e.g. [\"order_01H…\"]"] }
  if (raw.length > MAX_GUEST_ORDER_IDS) return { ok: false, errors: [`order_ids may list at most ${MAX_GUEST_ORDER_IDS} orders`] }
  const bad = raw.filter((id) => typeof id !== "string" || !ORDER_ID.test(id))
  if (bad.length) return { ok: false, errors: [`order_ids has ${bad.length} value(s) that are not order ids (order_ followed by 26 characters)`] }
  return { ok: true, value: { order_ids: [...new Set(raw as string[])] } }
}
