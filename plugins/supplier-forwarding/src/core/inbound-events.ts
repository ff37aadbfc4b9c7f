/**
 * The messages suppliers send us, checked field by field so a supplier's developer gets
 * an answer that says exactly what to fix. Pure: signature checks happen before this.
 */

export type InboundEvent =
  | { type: "supplier_order.accepted"; data: { supplier_order_id: string; expected_ship_date: string | null; note: string | null } }
  | { type: "supplier_order.rejected"; data: { supplier_order_id: string; reason: string } }
  | { type: "supplier_order.shipped"; data: { supplier_order_id: string; carrier: string; awb: string; tracking_url: string | null; shipped_at: string | null } }
  | { type: "inventory.updated"; data: { items: { sku: string; quantity: number; updated_at: string | null }[] } }

export const INBOUND_EVENT_TYPES = ["supplier_order.accepted", "supplier_order.rejected", "supplier_order.shipped", "inventory.updated"] as const

export type ParsedInbound = { ok: true; event: InboundEvent } | { ok: false; unknownType: boolean; type: string | null; error: string }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)
const text = (v: unknown, max: number) => (typeof v === "string" && v.trim() && v.length <= max ? v.trim() : null)
/** Strict ISO 8601 (2026-11-25 or 2026-11-25T10:00:00+05:30): "12/11/2026" is ambiguous in India, and "2026-02-30" is not a day. */
function isoDate(v: unknown): string | null {
  if (typeof v !== "string") return null
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2}))?$/.exec(v.trim())
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const calendar = new Date(Date.UTC(year, month - 1, day))
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null
  const at = new Date(v.trim())
  return Number.isNaN(at.getTime()) ? null : at.toISOString()
}

export function parseInboundEvent(payload: unknown): ParsedInbound {
  if (!isObject(payload)) return { ok: false, unknownType: false, type: null, error: "the body must be a JSON object {type, timestamp, data}" }
  const type = typeof payload.type === "string" ? payload.type : null
  if (!type) return { ok: false, unknownType: false, type: null, error: "type: is required (e.g. supplier_order.accepted)" }
  if (!(INBOUND_EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, unknownType: true, type, error: `type: "${type}" is not an event we handle; send one of ${INBOUND_EVENT_TYPES.join(", ")}` }
  }
  const data = payload.data
  if (!isObject(data)) return { ok: false, unknownType: false, type, error: "data: must be an object" }
  const problems: string[] = []
  const need = <T>(value: T | null, problem: string): T => {
    if (value === null) problems.push(problem)
    return value as T
  }
  const fail = () => ({ ok: false as const, unknownType: false, type, error: problems.join("; ") })

  if (type === "inventory.updated") {
    if (!Array.isArray(data.items) || !data.items.length || data.items.length > 1000) return { ok: false, unknownType: false, type, error: "data.items: must be a list of 1 to 1000 {sku, quantity, updated_at}" }
    const items = data.items.map((raw, i) => {
      const item = isObject(raw) ? raw : {}
      const sku = need(text(item.sku, 100), `data.items[${i}].sku: is required`)
      const quantity: number = Number.isInteger(item.quantity) && (item.quantity as number) >= 0 && (item.quantity as number) <= 1_000_000 ? (item.quantity as number) : need<number>(null, `data.items[${i}].quantity: must be a whole number from 0 to 1000000`)
      const updated_at = item.updated_at === undefined || item.updated_at === null ? null : need(isoDate(item.updated_at), `data.items[${i}].updated_at: must be an ISO 8601 date`)
      return { sku, quantity, updated_at }
    })
    return problems.length ? fail() : { ok: true, event: { type, data: { items } } }
  }

  const supplier_order_id = need(text(data.supplier_order_id, 100), "data.supplier_order_id: is required (the id we sent in supplier_order.created)")
  if (type === "supplier_order.accepted") {
    const expected_ship_date = data.expected_ship_date == null ? null : need(isoDate(data.expected_ship_date), "data.expected_ship_date: must be an ISO 8601 date")
    const note = data.note == null ? null : need(text(data.note, 1000), "data.note: must be text up to 1000 characters")
    return problems.length ? fail() : { ok: true, event: { type, data: { supplier_order_id, expected_ship_date, note } } }
  }
  if (type === "supplier_order.rejected") {
    const reason = need(text(data.reason, 1000), "data.reason: is required (why the order cannot be fulfilled, e.g. out of stock)")
    return problems.length ? fail() : { ok: true, event: { type, data: { supplier_order_id, reason } } }
  }
  const carrier = need(text(data.carrier, 100), "data.carrier: is required (e.g. Delhivery)")
  const awb = need(text(data.awb, 100), "data.awb: is required (the courier's airway bill number)")
  let tracking_url: string | null = null
  if (data.tracking_url != null) {
    const url = text(data.tracking_url, 500)
    if (url && /^https?:\/\/[^\s]+$/.test(url)) tracking_url = url
    else problems.push("data.tracking_url: must be an http(s) URL")
  }
  const shipped_at = data.shipped_at == null ? null : need(isoDate(data.shipped_at), "data.shipped_at: must be an ISO 8601 date")
  return problems.length ? fail() : { ok: true, event: { type: "supplier_order.shipped", data: { supplier_order_id, carrier, awb, tracking_url, shipped_at } } }
}
