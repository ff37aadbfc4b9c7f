/**
 * When an order goes to its suppliers, and what the supplier is sent. Pure.
 */
import type { SupplierOrderDraftItem } from "./split-order"

export type OrderEventName = "order.placed" | "order.payment_captured"

/** Cash on delivery is forwarded when placed (the courier collects); prepaid orders once the payment is captured. */
export function shouldForward(event: OrderEventName, paymentProviderIds: string[]): boolean {
  const cod = paymentProviderIds.includes("cod")
  return event === "order.placed" ? cod : !cod
}

/** Which suppliers are sent the order at once; the others wait in the admin's manual queue. */
export function deliversAutomatically(supplier: { integration: string; auto_forward: boolean; is_active: boolean }): boolean {
  return supplier.is_active && supplier.auto_forward && supplier.integration !== "manual"
}

/**
 * The same webhook-id on every retry of one message, so a supplier can deduplicate. A
 * resend after the supplier answered (rejected, then fixed) is a new message: round 2, 3...
 */
export function webhookIdFor(supplierOrderId: string, eventType: string, round = 1): string {
  return `msg_${supplierOrderId}_${eventType.replace(/^supplier_order\./, "")}${round > 1 ? `_r${round}` : ""}`
}

export type ShipTo = {
  name: string
  phone: string | null
  address_1: string | null
  address_2: string | null
  city: string | null
  province: string | null
  postal_code: string | null
  country_code: string | null
}

export type SupplierOrderCreatedInput = {
  supplier_order_id: string
  supplier_code: string
  order: { id: string; display_id: number; created_at: string; currency_code: string; total: number }
  items: SupplierOrderDraftItem[]
  total_cost: number
  ship_to: ShipTo
  cash_on_delivery: boolean
  processing_days: number
}

/** The `supplier_order.created` message (Standard Webhooks: type, timestamp, data). */
export function supplierOrderCreatedPayload(input: SupplierOrderCreatedInput, at: Date): Record<string, unknown> {
  return {
    type: "supplier_order.created",
    timestamp: at.toISOString(),
    data: {
      supplier_order_id: input.supplier_order_id,
      supplier_code: input.supplier_code,
      order_number: input.order.display_id,
      ordered_at: input.order.created_at,
      ship_by_days: input.processing_days,
      items: input.items.map((i) => ({ supplier_sku: i.supplier_sku, sku: i.sku, title: i.title, quantity: i.quantity, unit_cost: i.unit_cost })),
      total_cost: input.total_cost,
      currency: input.order.currency_code,
      ship_to: input.ship_to,
      // The courier collects the customer's payment on delivery: the amount to print on the label.
      payment: input.cash_on_delivery ? { method: "cod", collect_amount: input.order.total } : { method: "prepaid", collect_amount: 0 },
    },
  }
}

/** The `supplier_order.cancelled` message. */
export function supplierOrderCancelledPayload(input: { supplier_order_id: string; supplier_code: string; order_number: number; reason: string }, at: Date): Record<string, unknown> {
  return { type: "supplier_order.cancelled", timestamp: at.toISOString(), data: { ...input } }
}

/** Our ids (prefix_ULID) and codes: anything else cannot exist, and a NUL byte must never reach the database. */
export function isEntityId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(value)
}
