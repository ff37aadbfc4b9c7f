import { emptyPerformance, supplierPerformance, type SupplierOrderTimes } from "../../src/core/supplier-performance"

const T = new Date("2026-11-23T10:00:00.000Z").getTime()
const at = (hours: number) => new Date(T + hours * 3_600_000)
const row = (supplier_id: string, status: string, sent: number | null, accepted: number | null = null, shipped: number | null = null): SupplierOrderTimes => ({
  supplier_id,
  status,
  sent_at: sent === null ? null : at(sent),
  accepted_at: accepted === null ? null : at(accepted),
  shipped_at: shipped === null ? null : at(shipped),
})

describe("supplierPerformance", () => {
  it("counts orders per status and averages hours from when the order reached the supplier", () => {
    // Our delivery took 10 hours of retries (created at -10h, sent at 0h): that is not the supplier's delay.
    const rows = [
      { ...row("sup_a", "shipped", 0, 2, 26), created_at: at(-10) },
      { ...row("sup_a", "accepted", 0, 4), created_at: at(-10) },
      row("sup_a", "rejected", 1),
      row("sup_a", "pending", null),
      row("sup_a", "failed", null),
    ]
    expect(supplierPerformance(rows)).toEqual([
      { supplier_id: "sup_a", orders: 5, open: 2, accepted: 2, rejected: 1, shipped: 1, failed: 1, cancelled: 0, avg_hours_to_accept: 3, avg_hours_to_ship: 26, rejection_rate: 0.33 },
    ])
  })

  it("has no averages or rejection rate for a supplier that has answered nothing", () => {
    const [perf] = supplierPerformance([row("sup_b", "sent", 0), row("sup_b", "failed", null)])
    expect(perf).toMatchObject({ orders: 2, open: 1, failed: 1, avg_hours_to_accept: null, avg_hours_to_ship: null, rejection_rate: null })
  })

  it("counts an accepted-then-cancelled order as answered and rounds to 2 decimals", () => {
    const [perf] = supplierPerformance([row("sup_c", "cancelled", 0, 1.5), row("sup_c", "rejected", 0), row("sup_c", "shipped", 0, 0.25, 5)])
    expect(perf).toMatchObject({ cancelled: 1, rejected: 1, rejection_rate: 0.33, avg_hours_to_accept: 0.88 })
  })

  it("never reports negative hours when the answer was recorded before the send", () => {
    const [perf] = supplierPerformance([row("sup_d", "accepted", 2, 1)])
    expect(perf.avg_hours_to_accept).toBe(0)
    expect(perf.rejection_rate).toBe(0)
  })

  it("keeps suppliers apart", () => {
    const perfs = supplierPerformance([row("sup_a", "rejected", 0), row("sup_b", "accepted", 0, 1), row("sup_a", "accepted", 0, 3)])
    expect(perfs.map((p) => [p.supplier_id, p.orders, p.rejection_rate, p.avg_hours_to_accept])).toEqual([
      ["sup_a", 2, 0.5, 3],
      ["sup_b", 1, 0, 1],
    ])
  })
})

test("emptyPerformance is zero orders and no rates", () => {
  expect(emptyPerformance("sup_new")).toEqual({ supplier_id: "sup_new", orders: 0, open: 0, accepted: 0, rejected: 0, shipped: 0, failed: 0, cancelled: 0, avg_hours_to_accept: null, avg_hours_to_ship: null, rejection_rate: null })
})
