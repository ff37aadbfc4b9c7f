import { orderTimeline, type TimelineOrder, type TimelineStep } from "@/lib/core/order-timeline"

const PLACED = "2025-03-01T10:00:00.000Z"
const PACKED = "2025-03-02T09:00:00.000Z"
const SHIPPED = "2025-03-03T12:00:00.000Z"
const DELIVERED = "2025-03-05T16:30:00.000Z"
const CANCELED = "2025-03-01T18:00:00.000Z"

type Fulfillment = TimelineOrder["fulfillments"][number]

function order(overrides: Partial<TimelineOrder> = {}): TimelineOrder {
  return {
    status: "pending",
    payment_status: "not_paid",
    fulfillment_status: "not_fulfilled",
    created_at: PLACED,
    canceled_at: null,
    payments: [],
    fulfillments: [],
    ...overrides,
  }
}

const card = { provider_id: "razorpay", captured_at: null }
const cod = { provider_id: "cod", captured_at: null }
const packedFulfillment: Fulfillment = { created_at: PACKED, shipped_at: null, canceled_at: null, tracking_links: [] }
const shippedFulfillment: Fulfillment = { created_at: PACKED, shipped_at: SHIPPED, canceled_at: null, tracking_links: [{ tracking_number: "DL123456789IN", url: "https://track.example/DL123456789IN" }] }

/** key:state pairs, the shape a shopper sees at a glance. */
const states = (steps: TimelineStep[]) => steps.map((s) => `${s.key}:${s.state}`)
const step = (steps: TimelineStep[], key: TimelineStep["key"]) => steps.find((s) => s.key === key)!

describe("orderTimeline", () => {
  it("a placed, unpaid order is at 'placed' with the rest to come", () => {
    const steps = orderTimeline(order())
    expect(steps).toEqual([
      { key: "placed", label: "Order placed", state: "current", at: PLACED, detail: null },
      { key: "confirmed", label: "Confirmed", state: "upcoming", at: null, detail: null },
      { key: "packed", label: "Packed by our partner", state: "upcoming", at: null, detail: null },
      { key: "shipped", label: "Shipped", state: "upcoming", at: null, detail: null },
      { key: "delivered", label: "Delivered", state: "upcoming", at: null, detail: null },
    ])
  })

  it.each(["awaiting", "authorized", "captured", "partially_refunded", "refunded"])("payment status %s confirms the order", (payment_status) => {
    const steps = orderTimeline(order({ payment_status, payments: [card] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:current", "packed:upcoming", "shipped:upcoming", "delivered:upcoming"])
    expect(step(steps, "confirmed")).toEqual({ key: "confirmed", label: "Confirmed", state: "current", at: PLACED, detail: null })
  })

  it.each(["not_paid", "requires_action", "canceled"])("payment status %s does not", (payment_status) => {
    expect(states(orderTimeline(order({ payment_status })))).toEqual(["placed:current", "confirmed:upcoming", "packed:upcoming", "shipped:upcoming", "delivered:upcoming"])
  })

  it("a cash-on-delivery order awaiting payment is confirmed, with a reminder to pay on arrival", () => {
    const steps = orderTimeline(order({ payment_status: "awaiting", payments: [cod] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:current", "packed:upcoming", "shipped:upcoming", "delivered:upcoming"])
    expect(step(steps, "confirmed").detail).toBe("Pay in cash when it arrives")
  })

  it("drops the cash reminder once the cash is collected", () => {
    const delivered = order({ status: "completed", payment_status: "captured", fulfillment_status: "shipped", payments: [{ provider_id: "cod", captured_at: DELIVERED }], fulfillments: [shippedFulfillment] })
    expect(step(orderTimeline(delivered), "confirmed").detail).toBeNull()
    // a capture recorded on the payment counts even before the order's status catches up
    const collected = order({ payment_status: "awaiting", payments: [{ provider_id: "cod", captured_at: DELIVERED }] })
    expect(step(orderTimeline(collected), "confirmed").detail).toBeNull()
  })

  it("a packed order shows when it was packed", () => {
    const steps = orderTimeline(order({ payment_status: "awaiting", fulfillment_status: "fulfilled", payments: [cod], fulfillments: [packedFulfillment] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:current", "shipped:upcoming", "delivered:upcoming"])
    expect(step(steps, "packed").at).toBe(PACKED)
  })

  it("a shipped order shows the ship date and the tracking number", () => {
    const steps = orderTimeline(order({ payment_status: "captured", fulfillment_status: "shipped", payments: [card], fulfillments: [shippedFulfillment] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:current", "delivered:upcoming"])
    expect(step(steps, "shipped")).toEqual({ key: "shipped", label: "Shipped", state: "current", at: SHIPPED, detail: "Tracking number DL123456789IN" })
  })

  it("counts as shipped from the fulfillment status alone, or from a ship date alone", () => {
    expect(step(orderTimeline(order({ payment_status: "captured", fulfillment_status: "partially_shipped", fulfillments: [packedFulfillment] })), "shipped").state).toBe("current")
    const byDate = orderTimeline(order({ payment_status: "captured", fulfillment_status: "fulfilled", fulfillments: [{ ...packedFulfillment, shipped_at: SHIPPED }] }))
    expect(step(byDate, "shipped")).toMatchObject({ state: "current", at: SHIPPED, detail: null })
  })

  it("uses the earliest packing and shipping dates, ignores cancelled fulfillments and empty tracking numbers", () => {
    const steps = orderTimeline(
      order({
        payment_status: "captured",
        fulfillment_status: "shipped",
        fulfillments: [
          { created_at: "2025-03-01T11:00:00.000Z", shipped_at: "2025-03-01T12:00:00.000Z", canceled_at: "2025-03-01T13:00:00.000Z", tracking_links: [{ tracking_number: "OLD1", url: null }] },
          { created_at: "2025-03-04T08:00:00.000Z", shipped_at: "2025-03-04T10:00:00.000Z", canceled_at: null, tracking_links: [{ tracking_number: "", url: null }, { tracking_number: "LATE2", url: null }] },
          { created_at: "2025-03-02T08:00:00.000Z", shipped_at: null, canceled_at: null, tracking_links: [] },
        ],
      }),
    )
    expect(step(steps, "packed").at).toBe("2025-03-02T08:00:00.000Z")
    expect(step(steps, "shipped").at).toBe("2025-03-04T10:00:00.000Z")
    expect(step(steps, "shipped").detail).toBe("Tracking number LATE2")
  })

  it("a fulfillment that was cancelled is not packed", () => {
    const steps = orderTimeline(order({ payment_status: "captured", fulfillments: [{ ...packedFulfillment, canceled_at: PACKED }] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:current", "packed:upcoming", "shipped:upcoming", "delivered:upcoming"])
    expect(step(steps, "packed").at).toBeNull()
  })

  it("a delivered order is done all the way, with the delivery date", () => {
    const steps = orderTimeline(order({ payment_status: "captured", fulfillment_status: "shipped", payments: [card], fulfillments: [shippedFulfillment], delivered_at: DELIVERED }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "delivered:done"])
    expect(step(steps, "delivered").at).toBe(DELIVERED)
    expect(steps.some((s) => s.state === "current")).toBe(false)
  })

  it.each(["completed", "archived"])("a %s order counts as delivered, even without a delivery date", (status) => {
    const steps = orderTimeline(order({ status, payment_status: "captured", fulfillment_status: "shipped", fulfillments: [shippedFulfillment] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "delivered:done"])
    expect(step(steps, "delivered").at).toBeNull()
  })

  it("a completed order counts as confirmed whatever its payment status", () => {
    const steps = orderTimeline(order({ status: "completed", payment_status: "not_paid" }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "delivered:done"])
    expect(step(steps, "confirmed").at).toBe(PLACED)
  })

  it("a delivery reported before a ship date fills in the steps before it", () => {
    const steps = orderTimeline(order({ payment_status: "awaiting", payments: [cod], delivered_at: DELIVERED }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "delivered:done"])
  })

  it("a cancelled order stops at 'Cancelled', keeping only what had happened", () => {
    const steps = orderTimeline(order({ status: "canceled", canceled_at: CANCELED, payment_status: "canceled", payments: [cod] }))
    expect(steps).toEqual([
      { key: "placed", label: "Order placed", state: "done", at: PLACED, detail: null },
      { key: "canceled", label: "Cancelled", state: "current", at: CANCELED, detail: null },
    ])
  })

  it("a cancelled order that had been confirmed and packed shows those, without a cash reminder", () => {
    const steps = orderTimeline(order({ status: "canceled", canceled_at: CANCELED, payment_status: "awaiting", payments: [cod], fulfillments: [packedFulfillment] }))
    expect(steps).toEqual([
      { key: "placed", label: "Order placed", state: "done", at: PLACED, detail: null },
      { key: "confirmed", label: "Confirmed", state: "done", at: PLACED, detail: null },
      { key: "packed", label: "Packed by our partner", state: "done", at: PACKED, detail: null },
      { key: "canceled", label: "Cancelled", state: "current", at: CANCELED, detail: null },
    ])
  })

  it("a cancelled order never shows as delivered", () => {
    const steps = orderTimeline(order({ status: "canceled", canceled_at: CANCELED, payment_status: "refunded", fulfillment_status: "shipped", fulfillments: [shippedFulfillment], delivered_at: DELIVERED }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "canceled:current"])
  })

  it("a returned order ends at 'Returned', the only current step", () => {
    const steps = orderTimeline(order({ status: "completed", payment_status: "refunded", fulfillment_status: "returned", fulfillments: [shippedFulfillment], delivered_at: DELIVERED }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "delivered:done", "returned:current"])
    expect(steps[5]).toEqual({ key: "returned", label: "Returned", state: "current", at: null, detail: null })
  })

  it("a parcel returned before delivery (refused at the door) does not promise a delivery", () => {
    const steps = orderTimeline(order({ payment_status: "awaiting", fulfillment_status: "returned", payments: [cod], fulfillments: [shippedFulfillment] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "returned:current"])
  })

  it("a partly returned order says so", () => {
    const steps = orderTimeline(order({ status: "completed", payment_status: "partially_refunded", fulfillment_status: "partially_returned", fulfillments: [shippedFulfillment] }))
    expect(states(steps)).toEqual(["placed:done", "confirmed:done", "packed:done", "shipped:done", "delivered:done", "returned:current"])
    expect(steps[5].label).toBe("Partly returned")
  })

  it("has exactly one current step unless the order was delivered", () => {
    const orders: TimelineOrder[] = [
      order(),
      order({ payment_status: "awaiting", payments: [cod] }),
      order({ payment_status: "captured", fulfillments: [packedFulfillment] }),
      order({ payment_status: "captured", fulfillment_status: "shipped", fulfillments: [shippedFulfillment] }),
      order({ status: "canceled", canceled_at: CANCELED }),
      order({ fulfillment_status: "returned", fulfillments: [shippedFulfillment] }),
      order({ status: "completed", fulfillment_status: "partially_returned" }),
    ]
    for (const o of orders) expect(orderTimeline(o).filter((s) => s.state === "current")).toHaveLength(1)
    expect(orderTimeline(order({ status: "completed" })).filter((s) => s.state === "current")).toHaveLength(0)
  })
})
