/**
 * An order's status timeline for the shopper, derived from Medusa's order, payment and
 * fulfillment states. Delivery is known only once a carrier reports it (tracking), so
 * until then it is the next step, not a guess.
 */
export type TimelineStep = {
  key: "placed" | "confirmed" | "packed" | "shipped" | "delivered" | "canceled" | "returned"
  label: string
  state: "done" | "current" | "upcoming"
  at: string | null
  detail: string | null
}

export type TimelineOrder = {
  status: string
  payment_status: string
  fulfillment_status: string
  created_at: string
  canceled_at: string | null
  payments: { provider_id: string; captured_at: string | null }[]
  fulfillments: { created_at: string; shipped_at: string | null; canceled_at: string | null; tracking_links: { tracking_number: string; url: string | null }[] }[]
  delivered_at?: string | null
}

const CONFIRMED_PAYMENT = ["awaiting", "authorized", "captured", "partially_refunded", "refunded"]
const PAID = ["captured", "partially_refunded", "refunded"]
const SHIPPED = ["shipped", "partially_shipped", "returned", "partially_returned"]
const RETURNED = ["returned", "partially_returned"]
/** Medusa only archives completed orders, so an archived order was completed too. */
const COMPLETED = ["completed", "archived"]

export function orderTimeline(order: TimelineOrder): TimelineStep[] {
  const fulfillments = order.fulfillments.filter((f) => !f.canceled_at)
  const packedAt = fulfillments.map((f) => f.created_at).sort()[0] ?? null
  const shippedAt = fulfillments.map((f) => f.shipped_at).filter((d): d is string => Boolean(d)).sort()[0] ?? null
  const tracking = fulfillments.flatMap((f) => f.tracking_links).find((t) => t.tracking_number)
  const cod = order.payments.some((p) => p.provider_id === "cod")
  const paid = PAID.includes(order.payment_status) || order.payments.some((p) => Boolean(p.captured_at))
  const completed = COMPLETED.includes(order.status)
  const canceled = order.status === "canceled"

  const reached = {
    placed: true,
    confirmed: CONFIRMED_PAYMENT.includes(order.payment_status) || completed,
    packed: fulfillments.length > 0,
    shipped: SHIPPED.includes(order.fulfillment_status) || Boolean(shippedAt),
    delivered: Boolean(order.delivered_at) || completed,
  }
  const steps: Omit<TimelineStep, "state">[] = [
    { key: "placed", label: "Order placed", at: order.created_at, detail: null },
    { key: "confirmed", label: "Confirmed", at: reached.confirmed ? order.created_at : null, detail: cod && !paid && !canceled ? "Pay in cash when it arrives" : null },
    { key: "packed", label: "Packed by our partner", at: packedAt, detail: null },
    { key: "shipped", label: "Shipped", at: shippedAt, detail: tracking ? `Tracking number ${tracking.tracking_number}` : null },
    { key: "delivered", label: "Delivered", at: order.delivered_at ?? null, detail: null },
  ]

  // A cancelled or returned order ends there: what happened is done, the steps it never reached are not shown.
  if (canceled) {
    const done = steps.filter((s) => reached[s.key as keyof typeof reached] && s.key !== "delivered")
    return [
      ...done.map((s) => ({ ...s, state: "done" as const })),
      { key: "canceled", label: "Cancelled", state: "current", at: order.canceled_at, detail: null },
    ]
  }
  const lastReached = steps.reduce((last, s, i) => (reached[s.key as keyof typeof reached] ? i : last), 0)
  if (RETURNED.includes(order.fulfillment_status)) {
    return [
      ...steps.slice(0, lastReached + 1).map((s) => ({ ...s, state: "done" as const })),
      { key: "returned", label: order.fulfillment_status === "returned" ? "Returned" : "Partly returned", state: "current", at: null, detail: null },
    ]
  }
  return steps.map((s, i) => ({
    ...s,
    state: i < lastReached ? "done" : i === lastReached ? (s.key === "delivered" ? "done" : "current") : "upcoming",
  }))
}
