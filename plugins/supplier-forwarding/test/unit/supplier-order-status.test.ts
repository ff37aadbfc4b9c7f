import { isSupplierOrderStatus, transition } from "../../src/core/supplier-order-status"

describe("transition", () => {
  it.each([
    ["pending", "sent"], ["sent", "accepted"], ["accepted", "shipped"], ["sent", "rejected"], ["failed", "pending"], ["accepted", "cancelled"],
    // a supplier may answer before our delivery is recorded as sent
    ["pending", "accepted"],
  ] as const)("allows %s -> %s", (from, to) => {
    expect(transition(from, to)).toEqual({ ok: true, changed: true })
  })

  it.each([
    ["shipped", "accepted"], ["cancelled", "sent"], ["rejected", "shipped"], ["shipped", "cancelled"],
  ] as const)("refuses %s -> %s with a reason", (from, to) => {
    const result = transition(from, to)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.error).toBe(`a supplier order that is ${from} cannot become ${to}`)
  })

  it("treats a repeated status as a no-op (duplicate webhooks)", () => {
    expect(transition("accepted", "accepted")).toEqual({ ok: true, changed: false })
  })

  it("recognises statuses", () => {
    expect(isSupplierOrderStatus("shipped")).toBe(true)
    expect(isSupplierOrderStatus("lost")).toBe(false)
    expect(isSupplierOrderStatus(3)).toBe(false)
  })
})
