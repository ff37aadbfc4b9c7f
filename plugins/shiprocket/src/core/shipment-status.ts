/**
 * Shiprocket shipment status ids -> the stages of our order timeline.
 *
 * Shiprocket has two status tables (order statuses and shipment statuses) that number
 * things differently, and published lists disagree above 26. The tracking webhook
 * carries one id of each (`current_status_id` from the order table, `shipment_status_id`
 * from the shipment table; the documented sample's IN TRANSIT is 20 and 18), so we map
 * on `shipment_status_id` and the scans' `sr-status`, and always keep the raw id and
 * label. An id we do not know is classified from its label, and failing that is
 * `unknown` (never guessed into a stage that would move money or stock).
 */

export type TimelineStage =
  | "pickup_pending" // booked with a courier, waiting for pickup (AWB assigned, pickup queued, manifest...)
  | "picked_up"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "undelivered" // a failed delivery attempt (NDR); the courier usually tries again
  | "rto" // return to origin under way
  | "rto_delivered" // back at the pickup address
  | "cancelled"
  | "lost" // lost, damaged, destroyed, untraceable
  | "exception" // pickup error, QC failure...: needs a person
  | "unknown"

export const TIMELINE_STAGES: readonly TimelineStage[] = [
  "pickup_pending",
  "picked_up",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "undelivered",
  "rto",
  "rto_delivered",
  "cancelled",
  "lost",
  "exception",
  "unknown",
]

const TERMINAL: ReadonlySet<TimelineStage> = new Set(["delivered", "rto_delivered", "cancelled", "lost"])

/** id -> [label, stage], the shipment status table (CONTRACTS.md plus the commonly published extras). */
export const SHIPMENT_STATUSES: Readonly<Record<number, readonly [string, TimelineStage]>> = {
  1: ["AWB Assigned", "pickup_pending"],
  2: ["Label Generated", "pickup_pending"],
  3: ["Pickup Generated", "pickup_pending"],
  4: ["Pickup Queued", "pickup_pending"],
  5: ["Manifest Generated", "pickup_pending"],
  6: ["Shipped", "in_transit"],
  7: ["Delivered", "delivered"],
  8: ["Canceled", "cancelled"],
  9: ["RTO Initiated", "rto"],
  10: ["RTO Delivered", "rto_delivered"],
  11: ["Pending", "pickup_pending"],
  12: ["Lost", "lost"],
  13: ["Pickup Error", "exception"],
  14: ["RTO Acknowledged", "rto_delivered"],
  15: ["Pickup Rescheduled", "pickup_pending"],
  16: ["Cancellation Requested", "exception"],
  17: ["Out For Delivery", "out_for_delivery"],
  18: ["In Transit", "in_transit"],
  19: ["Out For Pickup", "pickup_pending"],
  20: ["Pickup Exception", "exception"],
  21: ["Undelivered", "undelivered"],
  22: ["Delayed", "in_transit"],
  23: ["Partial Delivered", "exception"],
  24: ["Destroyed", "lost"],
  25: ["Damaged", "lost"],
  26: ["Fulfilled", "delivered"],
  27: ["Pickup Booked", "pickup_pending"],
  38: ["Reached Destination Hub", "in_transit"],
  39: ["Misrouted", "in_transit"],
  40: ["RTO NDR", "rto"],
  41: ["RTO Out For Delivery", "rto"],
  42: ["Picked Up", "picked_up"],
  43: ["Self Fulfilled", "delivered"],
  44: ["Disposed Off", "lost"],
  45: ["Cancelled Before Dispatch", "cancelled"],
  46: ["RTO In Transit", "rto"],
  47: ["QC Failed", "exception"],
  48: ["Reached Warehouse", "in_transit"],
  51: ["Handover To Courier", "picked_up"],
  52: ["Shipment Booked", "pickup_pending"],
  75: ["RTO Lock", "rto"],
  76: ["Untraceable", "lost"],
  77: ["Issue Related To The Recipient", "undelivered"],
  78: ["Reached Back At Seller City", "rto"],
}

export type ShipmentStatus = {
  /** the raw id as Shiprocket sent it (null when it sent none or not a number) */
  id: number | null
  /** Shiprocket's label when it sent one, else ours for the id */
  label: string
  stage: TimelineStage
  /** delivered, rto_delivered, cancelled, lost: nothing normally follows */
  terminal: boolean
  /** false when the id is not in our table (the stage then comes from the label, or is unknown) */
  known: boolean
}

/** "18", 18, " 18 " -> 18; anything else (negative, fractional, past 2^53) -> null. */
export function statusIdOf(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN
  return Number.isSafeInteger(n) && n >= 0 ? n : null
}

/** A stage from a label such as "OUT FOR DELIVERY" or "RTO IN INTRANSIT", for ids we do not know. */
export function stageFromLabel(label: string | null | undefined): TimelineStage {
  const l = (label ?? "").toUpperCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim()
  if (!l) return "unknown"
  if (/\bRTO\b|RETURN TO ORIGIN/.test(l)) return /DELIVERED|ACKNOWLEDGED/.test(l) && !/UNDELIVERED/.test(l) ? "rto_delivered" : "rto"
  if (/CANCEL/.test(l)) return /REQUEST/.test(l) ? "exception" : "cancelled"
  if (/\bLOST\b|DAMAGED|DESTROYED|UNTRACEABLE|DISPOSED/.test(l)) return "lost"
  if (/OUT FOR DELIVERY|\bOFD\b/.test(l)) return "out_for_delivery"
  if (/UNDELIVERED|\bNDR\b|DELIVERY FAILED|FAILED DELIVERY/.test(l)) return "undelivered"
  if (/DELIVERED|FULFILLED/.test(l)) return "delivered"
  if (/PICKED UP|PICKUP DONE|HANDOVER/.test(l)) return "picked_up"
  if (/PICK ?UP/.test(l) && /EXCEPTION|ERROR|FAIL/.test(l)) return "exception"
  if (/PICK ?UP|AWB|MANIFEST|LABEL|BOOKED|PENDING/.test(l)) return "pickup_pending"
  if (/TRANSIT|HUB|SHIPPED|DISPATCHED|DELAYED|MISROUTED|WAREHOUSE/.test(l)) return "in_transit"
  if (/EXCEPTION|QC FAIL|ERROR/.test(l)) return "exception"
  return "unknown"
}

/** Classifies a shipment status id (and/or label) for the timeline, keeping the raw values. */
export function describeShipmentStatus(id: unknown, rawLabel?: string | null): ShipmentStatus {
  const n = statusIdOf(id)
  const entry = n !== null ? SHIPMENT_STATUSES[n] : undefined
  const label = typeof rawLabel === "string" && rawLabel.trim() ? rawLabel.trim() : entry ? entry[0] : n !== null ? `Status ${n}` : "Unknown"
  const stage = entry ? entry[1] : stageFromLabel(rawLabel)
  return { id: n, label, stage, terminal: TERMINAL.has(stage), known: entry !== undefined }
}

export function isTerminalStage(stage: TimelineStage): boolean {
  return TERMINAL.has(stage)
}

export type TimelinePosition = { stage: TimelineStage; occurredAt: Date | null }

/**
 * Whether a tracking event should become the shipment's current status. Events arrive
 * late, twice, and out of order (webhook and poll both report them), so: an event older
 * than the current one is history only; a terminal stage is only replaced by a later
 * terminal one (an "in transit" scan that turns up after "delivered" does not reopen
 * it); `unknown` never replaces a known stage. Deduplicate before calling this.
 */
export function shouldAdvanceTimeline(current: TimelinePosition | null | undefined, next: TimelinePosition): boolean {
  if (!current) return true
  if (next.stage === "unknown" && current.stage !== "unknown") return false
  if (current.occurredAt && next.occurredAt && next.occurredAt.getTime() < current.occurredAt.getTime()) return false
  if (isTerminalStage(current.stage) && !isTerminalStage(next.stage)) return false
  return true
}
