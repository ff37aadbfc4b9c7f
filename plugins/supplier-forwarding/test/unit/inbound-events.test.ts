import { parseInboundEvent } from "../../src/core/inbound-events"

const event = (type: string, data: unknown) => ({ type, timestamp: "2026-11-23T10:00:00Z", data })
const errorOf = (payload: unknown) => {
  const result = parseInboundEvent(payload)
  return result.ok ? null : result.error
}

describe("parseInboundEvent", () => {
  it("accepts an acceptance, normalising the date and trimming the note", () => {
    expect(parseInboundEvent(event("supplier_order.accepted", { supplier_order_id: " supord_1 ", expected_ship_date: "2026-11-25T12:00:00+05:30", note: " packed " }))).toEqual({
      ok: true,
      event: { type: "supplier_order.accepted", data: { supplier_order_id: "supord_1", expected_ship_date: "2026-11-25T06:30:00.000Z", note: "packed" } },
    })
  })

  it("refuses a body that is not an event, without calling it an unknown type", () => {
    expect(parseInboundEvent([1])).toEqual({ ok: false, unknownType: false, type: null, error: "the body must be a JSON object {type, timestamp, data}" })
    expect(parseInboundEvent({ data: {} })).toMatchObject({ ok: false, unknownType: false, error: expect.stringMatching(/^type: is required/) })
    expect(parseInboundEvent(event("supplier_order.accepted", "supord_1"))).toMatchObject({ ok: false, unknownType: false, error: "data: must be an object" })
  })

  it("flags an unknown type and lists the ones we handle", () => {
    const result = parseInboundEvent(event("order.shipped", {}))
    expect(result).toMatchObject({ ok: false, unknownType: true, type: "order.shipped" })
    expect(!result.ok && result.error).toMatch(/"order\.shipped" is not an event we handle; send one of .*supplier_order\.shipped/)
  })

  it("names every missing field of a shipment", () => {
    expect(errorOf(event("supplier_order.shipped", { supplier_order_id: "supord_1", carrier: "Delhivery" }))).toBe("data.awb: is required (the courier's airway bill number)")
    expect(errorOf(event("supplier_order.shipped", { awb: "  " }))).toMatch(/^data\.supplier_order_id: is required.*; data\.carrier: is required.*; data\.awb: is required/)
    expect(errorOf(event("supplier_order.rejected", { supplier_order_id: "supord_1" }))).toMatch(/^data\.reason: is required/)
  })

  it("keeps an http(s) tracking URL and refuses anything else", () => {
    const shipped = (tracking_url: unknown) => event("supplier_order.shipped", { supplier_order_id: "supord_1", carrier: "Delhivery", awb: "AWB123", tracking_url })
    expect(parseInboundEvent(shipped("https://track.example/AWB123"))).toMatchObject({ ok: true, event: { data: { awb: "AWB123", tracking_url: "https://track.example/AWB123", shipped_at: null } } })
    for (const bad of ["javascript:alert(1)", "ftp://track.example/x", "track.example/AWB123", "https://track.example/a b", 42]) {
      expect(errorOf(shipped(bad))).toBe("data.tracking_url: must be an http(s) URL")
    }
  })

  it("checks inventory items one by one and names the exact item", () => {
    const inventory = (items: unknown) => event("inventory.updated", { items })
    expect(parseInboundEvent(inventory([{ sku: "JP-1", quantity: 0 }]))).toEqual({ ok: true, event: { type: "inventory.updated", data: { items: [{ sku: "JP-1", quantity: 0, updated_at: null }] } } })
    const items = [{ sku: "JP-1", quantity: 1 }, { sku: "JP-2", quantity: 2 }]
    expect(errorOf(inventory([...items, { sku: "JP-3", quantity: 1.5 }]))).toBe("data.items[2].quantity: must be a whole number from 0 to 1000000")
    expect(errorOf(inventory([...items, { sku: "JP-3", quantity: "3" }]))).toMatch(/^data\.items\[2\]\.quantity/)
    expect(errorOf(inventory([...items, { sku: "JP-3", quantity: -1 }]))).toMatch(/^data\.items\[2\]\.quantity/)
    expect(errorOf(inventory([{ quantity: 1, updated_at: "yesterday" }]))).toBe("data.items[0].sku: is required; data.items[0].updated_at: must be an ISO 8601 date")
    expect(errorOf(inventory([]))).toMatch(/^data\.items: must be a list of 1 to 1000/)
    expect(errorOf(inventory(Array.from({ length: 1001 }, (_, i) => ({ sku: `S${i}`, quantity: 1 }))))).toMatch(/^data\.items: must be a list of 1 to 1000/)
  })

  // Bug: dates are checked with Date.parse, which accepts non-ISO text. "2" (a supplier
  // meaning "in 2 days") becomes 2001-02-01, and the Indian "12/11/2026" (12 November)
  // becomes 11 December, while the error message promises ISO 8601.
  test("refuses a bare number as expected_ship_date", () => {
    expect(errorOf(event("supplier_order.accepted", { supplier_order_id: "supord_1", expected_ship_date: "2" }))).toBe("data.expected_ship_date: must be an ISO 8601 date")
  })

  test("refuses a day/month date as shipped_at instead of reading it month-first", () => {
    expect(errorOf(event("supplier_order.shipped", { supplier_order_id: "supord_1", carrier: "Delhivery", awb: "AWB1", shipped_at: "12/11/2026" }))).toBe("data.shipped_at: must be an ISO 8601 date")
  })
})
