/**
 * Booking a parcel at Shiprocket is three calls (create the order, assign an AWB, book the
 * pickup), each of which can fail on its own. A shipment row remembers how far it got, so
 * a retry (after a timeout, a crash, an outage) carries on from there and never repeats a
 * step that went through. Pure: the service runs the steps and stores the results.
 */
import { backoffDelayMs, type BackoffPolicy } from "./backoff"
import { isTerminalStage, type TimelineStage } from "./shipment-status"

/** pending: queued; booking: the order exists at Shiprocket, AWB or pickup still to do; booked: AWB and pickup done. */
export type BookingState = "pending" | "booking" | "booked" | "failed" | "cancelled"

export type BookingStep = "create" | "assign_awb" | "pickup" | "done"

export type BookingProgress = {
  sr_order_id: number | string | null
  sr_shipment_id: number | string | null
  awb: string | null
  pickup_requested_at: Date | string | null
  kind: "forward" | "return"
}

/** The next call to make. Returns get their AWB from Shiprocket with the order and need no pickup booking. */
export function nextBookingStep(p: BookingProgress): BookingStep {
  if (p.sr_order_id === null || p.sr_order_id === undefined) return "create"
  if (p.kind === "return") return "done"
  if (!p.awb) return "assign_awb"
  if (!p.pickup_requested_at) return "pickup"
  return "done"
}

/**
 * What a failure means for the next try:
 * - invalid: Shiprocket (422) or our payload check refused the data; retrying changes nothing until a person fixes it
 * - auth: credentials refused, MFA on the API user
 * - no_courier: no courier would take it now (may change)
 * - transient: timeouts, 429, 5xx, network, outcome unknown
 */
export type BookingFailureKind = "invalid" | "auth" | "no_courier" | "transient"

export type BookingRetryPolicy = BackoffPolicy & { maxAttempts: number }

export const DEFAULT_BOOKING_RETRY: BookingRetryPolicy = { baseMs: 30_000, maxMs: 30 * 60_000, maxAttempts: 10 }

/** Retry later (after delayMs) or give up and show it to a person. `attempts` counts the try that just failed. */
export function bookingRetryDecision(
  attempts: number,
  kind: BookingFailureKind,
  policy: BookingRetryPolicy = DEFAULT_BOOKING_RETRY,
  random: () => number = Math.random
): { retry: true; delayMs: number } | { retry: false } {
  if (kind === "invalid") return { retry: false }
  // A refused login is not going to fix itself quickly, and repeated logins get accounts blocked.
  const limit = kind === "auth" ? Math.min(3, policy.maxAttempts) : policy.maxAttempts
  if (attempts >= limit) return { retry: false }
  return { retry: true, delayMs: backoffDelayMs(attempts, policy, random) }
}

/** Stages at which the courier has the parcel: cancelling at Shiprocket no longer stops it. */
const WITH_COURIER: ReadonlySet<TimelineStage> = new Set(["picked_up", "in_transit", "out_for_delivery", "delivered", "undelivered", "rto", "rto_delivered", "lost"])

/** Whether a shipment can still be cancelled at Shiprocket, and if not, why, in words for a merchant. */
export function cancellability(s: { state: BookingState; stage: TimelineStage }): { ok: true } | { ok: false; reason: string } {
  if (s.state === "cancelled" || s.stage === "cancelled") return { ok: false, reason: "the shipment is already cancelled" }
  if (WITH_COURIER.has(s.stage)) return { ok: false, reason: `the courier already has the parcel (${s.stage.replace(/_/g, " ")}): create a return instead` }
  return { ok: true }
}

/** The courier has the parcel: the Medusa fulfillment becomes a shipment. */
export function isWithCourier(stage: TimelineStage): boolean {
  return WITH_COURIER.has(stage)
}

/** Tracking worth polling: booked, has an AWB, not finished. */
export function needsTrackingPoll(s: { state: BookingState; awb: string | null; stage: TimelineStage }): boolean {
  return (s.state === "booked" || s.state === "booking") && Boolean(s.awb) && !isTerminalStage(s.stage)
}
