/**
 * An order's parcels as the shopper follows them, from the store's
 * GET /store/orders/:id/tracking: the main steps with the current one, what is happening
 * in plain words, the expected date, the courier's scans with their time in India, and
 * the courier's own tracking page. Pure, so the order pages and the tests agree.
 */
import { formatDeliveryDate } from "./delivery-estimate"

export type TrackingStage =
  | "pickup_pending"
  | "picked_up"
  | "in_transit"
  | "out_for_delivery"
  | "delivered"
  | "undelivered"
  | "rto"
  | "rto_delivered"
  | "cancelled"
  | "lost"
  | "exception"
  | "unknown"

export type TrackingEventInput = { stage: TrackingStage; label: string; at: string | null; location: string | null; activity: string | null }

export type TrackingShipmentInput = {
  id: string
  kind: "forward" | "return"
  state: "pending" | "booking" | "booked" | "failed" | "cancelled"
  awb: string | null
  courier_name: string | null
  track_url: string | null
  stage: TrackingStage
  status_label: string
  status_at: string | null
  etd: string | null
  items: { line_item_id: string; title: string; quantity: number; thumbnail: string | null }[]
  /** oldest first */
  events: TrackingEventInput[]
}

export type StepState = "done" | "current" | "upcoming"

export type ShipmentView = {
  id: string
  kind: "forward" | "return"
  /** "Your parcel", "Parcel 2 of 3", "Return" */
  title: string
  /** what is happening now, in plain words */
  headline: string
  /** ok: delivered or received; attention: the courier reports a problem; progress: on its way */
  tone: "progress" | "ok" | "attention"
  /** booked with a courier yet (an AWB, scans, a tracking page) */
  booked: boolean
  steps: { key: string; label: string; state: StepState }[]
  /** "Expected by Tue, 2 Dec" while on its way */
  expected: string | null
  /** "Updated Tue, 2 Dec, 3:45 pm" */
  updated: string | null
  courier: string | null
  awb: string | null
  trackUrl: string | null
  items: TrackingShipmentInput["items"]
  /** newest first */
  events: { key: string; text: string; at: string | null; location: string | null }[]
}

export const FORWARD_STEPS = [
  { key: "ordered", label: "Ordered" },
  { key: "picked_up", label: "Picked up" },
  { key: "in_transit", label: "In transit" },
  { key: "out_for_delivery", label: "Out for delivery" },
  { key: "delivered", label: "Delivered" },
] as const

export const RETURN_STEPS = [
  { key: "requested", label: "Return requested" },
  { key: "picked_up", label: "Picked up" },
  { key: "in_transit", label: "On its way back" },
  { key: "received", label: "Received" },
] as const

/** Where a stage sits on the main steps; null for stages off the happy path (returned to us, lost, exception, cancelled, unknown). */
export function stageStep(stage: TrackingStage, kind: "forward" | "return" = "forward"): number | null {
  if (kind === "return") {
    const steps: Partial<Record<TrackingStage, number>> = { pickup_pending: 0, picked_up: 1, in_transit: 2, out_for_delivery: 2, undelivered: 2, delivered: 3 }
    return steps[stage] ?? null
  }
  // A failed delivery attempt was out for delivery; the courier usually tries again.
  const steps: Partial<Record<TrackingStage, number>> = { pickup_pending: 0, picked_up: 1, in_transit: 2, out_for_delivery: 3, undelivered: 3, delivered: 4 }
  return steps[stage] ?? null
}

/** The step a shipment is at: its own stage's, or for a stage off the path, the furthest its scans got. */
export function currentStepIndex(shipment: Pick<TrackingShipmentInput, "kind" | "state" | "stage" | "events">): number {
  if (shipment.state !== "booked") return 0
  const own = stageStep(shipment.stage, shipment.kind)
  if (own !== null) return own
  return shipment.events.reduce((furthest, e) => Math.max(furthest, stageStep(e.stage, shipment.kind) ?? 0), 0)
}

const ATTENTION: ReadonlySet<TrackingStage> = new Set(["undelivered", "rto", "rto_delivered", "cancelled", "lost", "exception"])

const FORWARD_HEADLINES: Record<TrackingStage, string | null> = {
  pickup_pending: "Packed, waiting for the courier to pick it up",
  picked_up: "Picked up by the courier",
  in_transit: "On its way to you",
  out_for_delivery: "Out for delivery",
  delivered: "Delivered",
  undelivered: "Delivery attempted: the courier will try again",
  rto: "Could not be delivered: it is coming back to us",
  rto_delivered: "Could not be delivered: it is back with us",
  cancelled: "This shipment was cancelled",
  lost: "Delayed: we are looking into it with the courier",
  exception: "Delayed: we are looking into it with the courier",
  unknown: null,
}

const RETURN_HEADLINES: Partial<Record<TrackingStage, string>> = {
  pickup_pending: "Waiting for the courier to collect your return",
  picked_up: "Collected from you",
  in_transit: "On its way back to us",
  out_for_delivery: "On its way back to us",
  undelivered: "On its way back to us",
  delivered: "Received by us",
}

/**
 * A courier's label made readable: "IN TRANSIT" → "In transit"; mixed case stays as
 * written; abbreviations (RTO, NDR, AWB, OFD) stay in capitals.
 */
export function tidyLabel(label: string | null | undefined): string {
  const text = (label ?? "").replace(/[_\s]+/g, " ").trim()
  if (!text || text !== text.toUpperCase()) return text
  const lower = text.toLowerCase().replace(/\b(rto|ndr|awb|ofd|qc)\b/g, (w) => w.toUpperCase())
  return lower.charAt(0).toUpperCase() + lower.slice(1)
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000

/**
 * An instant in India Standard Time (UTC+05:30 all year, no daylight saving):
 * "2025-12-02T10:15:00Z" → "Tue, 2 Dec, 3:45 pm". Null when it is not a time.
 */
export function formatIstDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  const ist = new Date(ms + IST_OFFSET_MS)
  const hours = ist.getUTCHours()
  const minutes = String(ist.getUTCMinutes()).padStart(2, "0")
  const clock = `${hours % 12 || 12}:${minutes} ${hours < 12 ? "am" : "pm"}`
  return `${WEEKDAYS[ist.getUTCDay()]}, ${ist.getUTCDate()} ${MONTHS[ist.getUTCMonth()]}, ${clock}`
}

/** Only a web address a browser should open: http(s), nothing else (no javascript: links from a courier's data). */
export function safeTrackUrl(url: string | null | undefined): string | null {
  if (!url) return null
  try {
    const parsed = new URL(url)
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null
  } catch {
    return null
  }
}

function headlineOf(shipment: TrackingShipmentInput): string {
  if (shipment.state !== "booked") return shipment.kind === "return" ? "Arranging the pickup of your return" : "Preparing your parcel"
  const words = shipment.kind === "return" ? RETURN_HEADLINES[shipment.stage] ?? FORWARD_HEADLINES[shipment.stage] : FORWARD_HEADLINES[shipment.stage]
  return words ?? (tidyLabel(shipment.status_label) || (shipment.kind === "return" ? "On its way back to us" : "On its way to you"))
}

/** One shipment for the order page. */
export function shipmentView(shipment: TrackingShipmentInput, title: string): ShipmentView {
  const booked = shipment.state === "booked"
  const steps = shipment.kind === "return" ? RETURN_STEPS : FORWARD_STEPS
  const current = currentStepIndex(shipment)
  const complete = booked && shipment.stage === "delivered"
  const attention = booked && ATTENTION.has(shipment.stage)
  const expected = booked && !complete && !attention && shipment.kind === "forward" ? formatDeliveryDate(shipment.etd) : null
  return {
    id: shipment.id,
    kind: shipment.kind,
    title,
    headline: headlineOf(shipment),
    tone: complete ? "ok" : attention ? "attention" : "progress",
    booked,
    steps: steps.map((s, i) => ({ key: s.key, label: s.label, state: i < current ? "done" : i === current ? "current" : "upcoming" })),
    expected: expected ? `Expected by ${expected}` : null,
    updated: booked ? (formatIstDateTime(shipment.status_at) ? `Updated ${formatIstDateTime(shipment.status_at)}` : null) : null,
    courier: booked ? shipment.courier_name?.trim() || null : null,
    awb: booked ? shipment.awb?.trim() || null : null,
    trackUrl: booked ? safeTrackUrl(shipment.track_url) : null,
    items: shipment.items,
    events: booked
      ? shipment.events
          .map((e, i) => ({ key: `${i}-${e.at ?? ""}`, text: tidyLabel(e.activity) || tidyLabel(e.label), at: formatIstDateTime(e.at), location: e.location?.trim() || null }))
          .filter((e) => e.text)
          .reverse()
      : [],
  }
}

/**
 * Every shipment worth showing, parcels before returns, each titled. A shipment whose
 * booking was cancelled never left and has nothing to follow, so it is not shown (the
 * order's own timeline says when an order is cancelled); one not booked yet, or whose
 * booking failed and is being redone, is "Preparing your parcel".
 */
export function shipmentViews(shipments: TrackingShipmentInput[]): ShipmentView[] {
  const shown = shipments.filter((s) => s.state !== "cancelled")
  const forward = shown.filter((s) => s.kind === "forward")
  const returns = shown.filter((s) => s.kind === "return")
  const titled = (list: TrackingShipmentInput[], one: string, many: string) =>
    list.map((s, i) => shipmentView(s, list.length === 1 ? one : `${many} ${i + 1} of ${list.length}`))
  return [...titled(forward, "Your parcel", "Parcel"), ...titled(returns, "Return", "Return")]
}
