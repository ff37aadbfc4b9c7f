import { deliversAutomatically, shouldForward, supplierOrderCreatedPayload, webhookIdFor } from "../../src/core/forwarding"

describe("shouldForward", () => {
  it("forwards cash on delivery when placed and prepaid orders when captured, never both", () => {
    expect(shouldForward("order.placed", ["cod"])).toBe(true)
    expect(shouldForward("order.payment_captured", ["cod"])).toBe(false)
    expect(shouldForward("order.placed", ["razorpay"])).toBe(false)
    expect(shouldForward("order.payment_captured", ["razorpay"])).toBe(true)
    expect(shouldForward("order.payment_captured", ["stripe"])).toBe(true)
    expect(shouldForward("order.placed", [])).toBe(false)
  })
})

describe("deliversAutomatically", () => {
  const supplier = { integration: "api", auto_forward: true, is_active: true }
  it("sends at once only for active, auto-forwarding suppliers that are not manual", () => {
    expect(deliversAutomatically(supplier)).toBe(true)
    expect(deliversAutomatically({ ...supplier, integration: "email" })).toBe(true)
    expect(deliversAutomatically({ ...supplier, integration: "whatsapp" })).toBe(true)
    expect(deliversAutomatically({ ...supplier, integration: "manual" })).toBe(false)
    expect(deliversAutomatically({ ...supplier, auto_forward: false })).toBe(false)
    expect(deliversAutomatically({ ...supplier, is_active: false })).toBe(false)
  })
})

describe("webhookIdFor", () => {
  it("is stable per supplier order and event", () => {
    expect(webhookIdFor("supord_01", "supplier_order.created")).toBe("msg_supord_01_created")
    expect(webhookIdFor("supord_01", "supplier_order.cancelled")).toBe("msg_supord_01_cancelled")
    expect(webhookIdFor("supord_01", "supplier_order.created")).toBe(webhookIdFor("supord_01", "supplier_order.created"))
  })
})

describe("supplierOrderCreatedPayload", () => {
  const input = {
    supplier_order_id: "supord_01",
    supplier_code: "JAIPUR-EMAIL",
    order: { id: "order_01", display_id: 1042, created_at: "2026-11-23T10:00:00.000Z", currency_code: "inr", total: 259800 },
    items: [{ line_item_id: "item_1", variant_id: "variant_1", title: "Kurta", sku: "KUR-1-M", supplier_sku: "JP-KUR-1-M", quantity: 2, unit_cost: 60000 }],
    total_cost: 120000,
    ship_to: { name: "Asha Rao", phone: "+919876543210", address_1: "12 MG Road", address_2: null, city: "Mumbai", province: "Maharashtra", postal_code: "400001", country_code: "in" },
    cash_on_delivery: true,
    processing_days: 2,
  }

  it("tells the supplier what to ship, where, and the cash the courier collects", () => {
    expect(supplierOrderCreatedPayload(input, new Date("2026-11-23T10:00:05.000Z"))).toEqual({
      type: "supplier_order.created",
      timestamp: "2026-11-23T10:00:05.000Z",
      data: {
        supplier_order_id: "supord_01",
        supplier_code: "JAIPUR-EMAIL",
        order_number: 1042,
        ordered_at: "2026-11-23T10:00:00.000Z",
        ship_by_days: 2,
        items: [{ supplier_sku: "JP-KUR-1-M", sku: "KUR-1-M", title: "Kurta", quantity: 2, unit_cost: 60000 }],
        total_cost: 120000,
        currency: "inr",
        ship_to: input.ship_to,
        payment: { method: "cod", collect_amount: 259800 },
      },
    })
  })

  it("asks for nothing to collect on a prepaid order", () => {
    const payload = supplierOrderCreatedPayload({ ...input, cash_on_delivery: false }, new Date())
    expect((payload.data as { payment: unknown }).payment).toEqual({ method: "prepaid", collect_amount: 0 })
  })
})
