/**
 * The life of a supplier order and which moves are allowed. Supplier webhooks may
 * arrive late, twice or out of order: a move that is not allowed is reported, not
 * applied, and repeating the current status is a no-op.
 */

export const SUPPLIER_ORDER_STATUSES = ["pending", "sent", "accepted", "rejected", "shipped", "failed", "cancelled"] as const
export type SupplierOrderStatus = (typeof SUPPLIER_ORDER_STATUSES)[number]

const ALLOWED: Record<SupplierOrderStatus, SupplierOrderStatus[]> = {
  // pending: recorded with its outbox entry, not yet delivered
  pending: ["sent", "failed", "cancelled", "accepted", "rejected"],
  sent: ["accepted", "rejected", "failed", "cancelled", "shipped"],
  accepted: ["shipped", "cancelled"],
  rejected: ["pending", "cancelled"], // resend after fixing the cause, or cancel to move the items elsewhere
  failed: ["pending", "cancelled", "sent"], // resend from the admin, or pass it on by hand and mark it sent
  shipped: [],
  cancelled: [],
}

export type Transition = { ok: true; changed: boolean } | { ok: false; error: string }

export function transition(from: SupplierOrderStatus, to: SupplierOrderStatus): Transition {
  if (from === to) return { ok: true, changed: false }
  if (ALLOWED[from].includes(to)) return { ok: true, changed: true }
  return { ok: false, error: `a supplier order that is ${from} cannot become ${to}` }
}

export function isSupplierOrderStatus(value: unknown): value is SupplierOrderStatus {
  return typeof value === "string" && (SUPPLIER_ORDER_STATUSES as readonly string[]).includes(value)
}
