import { bookingRetryDecision, cancellability, needsTrackingPoll, nextBookingStep, type BookingProgress } from "../../src/core"

const progress = (p: Partial<BookingProgress>): BookingProgress => ({ sr_order_id: null, sr_shipment_id: null, awb: null, pickup_requested_at: null, kind: "forward", ...p })

test("booking carries on from the last step that went through", () => {
  expect(nextBookingStep(progress({}))).toBe("create")
  expect(nextBookingStep(progress({ sr_order_id: "5", sr_shipment_id: "7" }))).toBe("assign_awb")
  expect(nextBookingStep(progress({ sr_order_id: "5", awb: "AWB1" }))).toBe("pickup")
  expect(nextBookingStep(progress({ sr_order_id: "5", awb: "AWB1", pickup_requested_at: new Date() }))).toBe("done")
})

test("a return is done once Shiprocket has the return order (the reverse pickup comes with it)", () => {
  expect(nextBookingStep(progress({ kind: "return" }))).toBe("create")
  expect(nextBookingStep(progress({ kind: "return", sr_order_id: 9 }))).toBe("done")
})

test("refused data is never retried; transient failures back off up to the limit", () => {
  const policy = { baseMs: 1000, maxMs: 8000, maxAttempts: 4 }
  const half = () => 0.5
  expect(bookingRetryDecision(1, "invalid", policy, half)).toEqual({ retry: false })
  expect(bookingRetryDecision(1, "transient", policy, half)).toEqual({ retry: true, delayMs: expect.any(Number) })
  const delays = [1, 2, 3].map((n) => (bookingRetryDecision(n, "transient", policy, () => 1) as { delayMs: number }).delayMs)
  expect(delays[0]).toBeLessThanOrEqual(delays[1])
  expect(delays[2]).toBeLessThanOrEqual(8000)
  expect(bookingRetryDecision(4, "transient", policy, half)).toEqual({ retry: false })
  expect(bookingRetryDecision(3, "no_courier", policy, half)).toMatchObject({ retry: true })
})

test("refused logins stop early: repeated logins get accounts blocked", () => {
  const policy = { baseMs: 1000, maxMs: 8000, maxAttempts: 10 }
  expect(bookingRetryDecision(2, "auth", policy)).toMatchObject({ retry: true })
  expect(bookingRetryDecision(3, "auth", policy)).toEqual({ retry: false })
})

test("a parcel can be cancelled until the courier has it", () => {
  expect(cancellability({ state: "booked", stage: "pickup_pending" })).toEqual({ ok: true })
  expect(cancellability({ state: "pending", stage: "unknown" })).toEqual({ ok: true })
  for (const stage of ["picked_up", "in_transit", "out_for_delivery", "delivered", "rto"] as const) {
    const answer = cancellability({ state: "booked", stage })
    expect(answer.ok).toBe(false)
    expect(!answer.ok && answer.reason).toMatch(/create a return instead/)
  }
  expect(cancellability({ state: "cancelled", stage: "cancelled" })).toEqual({ ok: false, reason: "the shipment is already cancelled" })
})

test("only booked, unfinished parcels with an AWB are polled", () => {
  expect(needsTrackingPoll({ state: "booked", awb: "A", stage: "in_transit" })).toBe(true)
  expect(needsTrackingPoll({ state: "booked", awb: "A", stage: "delivered" })).toBe(false)
  expect(needsTrackingPoll({ state: "booked", awb: null, stage: "unknown" })).toBe(false)
  expect(needsTrackingPoll({ state: "failed", awb: "A", stage: "pickup_pending" })).toBe(false)
})
