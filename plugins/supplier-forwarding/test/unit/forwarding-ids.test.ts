import { isEntityId, supplierOrderCancelledPayload, webhookIdFor } from "../../src/core/forwarding"

describe("webhookIdFor rounds", () => {
  it("keeps the first round's id unchanged and gives each resend round a new id", () => {
    expect(webhookIdFor("supord_01", "supplier_order.created", 1)).toBe(webhookIdFor("supord_01", "supplier_order.created"))
    expect(webhookIdFor("supord_01", "supplier_order.created", 2)).toBe("msg_supord_01_created_r2")
    expect(webhookIdFor("supord_01", "supplier_order.created", 3)).toBe("msg_supord_01_created_r3")
    expect(webhookIdFor("supord_01", "supplier_order.cancelled", 2)).toBe("msg_supord_01_cancelled_r2")
  })

  it("produces ids the inbound id check accepts", () => {
    expect(isEntityId(webhookIdFor("supord_01JD3", "supplier_order.created", 4))).toBe(true)
  })
})

describe("supplierOrderCancelledPayload", () => {
  it("tells the supplier which order is cancelled and why, as a Standard Webhooks message", () => {
    const input = { supplier_order_id: "supord_01", supplier_code: "SURAT-API", order_number: 1042, reason: "customer cancelled" }
    const payload = supplierOrderCancelledPayload(input, new Date("2026-11-24T08:30:00.000Z"))
    expect(payload).toEqual({ type: "supplier_order.cancelled", timestamp: "2026-11-24T08:30:00.000Z", data: input })
    expect(payload.data).not.toBe(input)
  })
})

describe("isEntityId", () => {
  it.each(["supord_01JD3XKQ8Z", "SURAT-API", "sup_1", "a".repeat(100)])("accepts %s", (value) => {
    expect(isEntityId(value)).toBe(true)
  })

  it.each(["", "supord_01\u0000", "supord 01", "../etc", "sup/1", "a".repeat(101), 42, null, undefined, ["supord_01"]])("refuses %j", (value) => {
    expect(isEntityId(value)).toBe(false)
  })
})
