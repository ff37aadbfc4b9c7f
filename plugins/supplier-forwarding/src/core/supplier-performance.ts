/**
 * How well each supplier serves us, from its supplier orders: how fast it accepts and
 * ships, and how often it rejects. Times are measured from when the order reached the
 * supplier (sent_at), so our own delivery retries do not count against it.
 */

export type SupplierOrderTimes = {
  supplier_id: string
  status: string
  sent_at: Date | null
  accepted_at: Date | null
  shipped_at: Date | null
}

export type SupplierPerformance = {
  supplier_id: string
  orders: number
  open: number
  accepted: number
  rejected: number
  shipped: number
  failed: number
  cancelled: number
  avg_hours_to_accept: number | null
  avg_hours_to_ship: number | null
  /** rejected / (orders the supplier answered: accepted, shipped or rejected) */
  rejection_rate: number | null
}

const HOUR = 3_600_000
const round2 = (n: number) => Math.round(n * 100) / 100
const mean = (xs: number[]) => (xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null)

export function supplierPerformance(rows: SupplierOrderTimes[]): SupplierPerformance[] {
  const bySupplier = new Map<string, SupplierOrderTimes[]>()
  for (const r of rows) bySupplier.set(r.supplier_id, [...(bySupplier.get(r.supplier_id) ?? []), r])
  return [...bySupplier.entries()].map(([supplier_id, list]) => {
    const count = (s: string) => list.filter((r) => r.status === s).length
    const toAccept = list.filter((r) => r.sent_at && r.accepted_at).map((r) => Math.max(0, r.accepted_at!.getTime() - r.sent_at!.getTime()) / HOUR)
    const toShip = list.filter((r) => r.sent_at && r.shipped_at).map((r) => Math.max(0, r.shipped_at!.getTime() - r.sent_at!.getTime()) / HOUR)
    const rejected = count("rejected")
    // An order that was accepted or shipped and later cancelled still counts as answered.
    const answered = list.filter((r) => r.accepted_at || r.shipped_at || r.status === "rejected").length
    return {
      supplier_id,
      orders: list.length,
      open: count("pending") + count("sent") + count("accepted"),
      accepted: list.filter((r) => r.accepted_at).length,
      rejected,
      shipped: count("shipped"),
      failed: count("failed"),
      cancelled: count("cancelled"),
      avg_hours_to_accept: mean(toAccept),
      avg_hours_to_ship: mean(toShip),
      rejection_rate: answered ? round2(rejected / answered) : null,
    }
  })
}

export function emptyPerformance(supplier_id: string): SupplierPerformance {
  return { supplier_id, orders: 0, open: 0, accepted: 0, rejected: 0, shipped: 0, failed: 0, cancelled: 0, avg_hours_to_accept: null, avg_hours_to_ship: null, rejection_rate: null }
}
