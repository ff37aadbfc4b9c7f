/** The adhoc and return payloads built from Medusa-shaped orders, addresses and lines. */
import { buildAdhocOrderPayload, buildReturnOrderPayload, DEFAULT_PACKAGE, ShiprocketPayloadError, type AdhocOrderInput } from "../../src/core"

const address = {
  first_name: "Nila",
  last_name: "Shah",
  address_1: "21 Ring Rd",
  address_2: "Near Textile Market",
  city: "Surat",
  province: "GJ",
  postal_code: "395 003",
  country_code: "in",
  phone: "+91 98222 33344",
}

const input = (over: Partial<AdhocOrderInput> = {}): AdhocOrderInput => ({
  order_id: "ful_01JD3XG8W2-1",
  order_date: new Date("2026-11-23T19:00:00Z"), // already the 24th in India
  pickup_location: "SURAT-API",
  payment: "cod",
  email: "nila@example.com",
  shipping_address: address,
  items: [
    { title: "Chikankari kurta", sku: "ZR-KUR-001-M", quantity: 1, unit_price: 149900, grams: 350, tax_rate: 5, hsn: 6204 },
    { title: "Dupatta", sku: null, variant_id: "variant_01DUP", quantity: 2, unit_price: 49900, discount_total: 10000, grams: null },
  ],
  shipping_paise: 4900,
  ...over,
})

test("builds the adhoc order: IST date, full state, 10-digit phone, rupees, shipping_is_billing", () => {
  const p = buildAdhocOrderPayload(input())
  expect(p).toEqual({
    order_id: "ful_01JD3XG8W2-1",
    order_date: "2026-11-24",
    pickup_location: "SURAT-API",
    billing_customer_name: "Nila",
    billing_last_name: "Shah",
    billing_address: "21 Ring Rd",
    billing_address_2: "Near Textile Market",
    billing_city: "Surat",
    billing_pincode: "395003",
    billing_state: "Gujarat",
    billing_country: "India",
    billing_email: "nila@example.com",
    billing_phone: "9822233344",
    shipping_is_billing: true,
    order_items: [
      { name: "Chikankari kurta", sku: "ZR-KUR-001-M", units: 1, selling_price: 1499, tax: 5, hsn: "6204" },
      // (2 x 499 - 100) / 2 per unit, the line discount folded into the price
      { name: "Dupatta", sku: "variant_01DUP", units: 2, selling_price: 449 },
    ],
    payment_method: "COD",
    // 1499 + 898 + 49 shipping: what the courier collects
    sub_total: 2446,
    length: 30,
    breadth: 25,
    height: 5,
    // 350 g + 2 x 500 g default
    weight: 1.35,
  })
})

test("prepaid, an order-level discount, package dimensions (<= 0.5 cm falls back to the default)", () => {
  const p = buildAdhocOrderPayload(input({ payment: "prepaid", shipping_paise: 0, discount_paise: 39800, package: { length_cm: 20, breadth_cm: 0.5, height_cm: 2, weight_kg: 0.8 }, comment: "Reseller: Zari" }))
  expect(p).toMatchObject({ payment_method: "Prepaid", sub_total: 1999, length: 20, breadth: 25, height: 2, weight: 0.8, comment: "Reseller: Zari" })
  expect(() => buildAdhocOrderPayload(input(), { ...DEFAULT_PACKAGE, height_cm: 0.5 })).toThrow(RangeError)
})

test("a different billing address sends shipping_* for the delivery", () => {
  const billing = { ...address, first_name: "Ravi", address_1: "5 MG Road", city: "Mumbai", province: "Maharashtra", postal_code: "400001", phone: "02226123456" }
  const p = buildAdhocOrderPayload(input({ billing_address: billing }))
  expect(p).toMatchObject({
    shipping_is_billing: false,
    billing_customer_name: "Ravi",
    billing_city: "Mumbai",
    billing_state: "Maharashtra",
    billing_phone: "2226123456",
    shipping_customer_name: "Nila",
    shipping_city: "Surat",
    shipping_pincode: "395003",
    shipping_state: "Gujarat",
    shipping_phone: "9822233344",
    shipping_email: "nila@example.com",
  })
  // The same address given twice is still shipping_is_billing.
  expect(buildAdhocOrderPayload(input({ billing_address: { ...address, city: "SURAT" } })).shipping_is_billing).toBe(true)
})

test("a company name stands in for a missing person name; unknown provinces pass through", () => {
  const p = buildAdhocOrderPayload(input({ shipping_address: { ...address, first_name: null, last_name: null, company: "Zari Boutique", province: "Some Region" } }))
  expect(p).toMatchObject({ billing_customer_name: "Zari Boutique", billing_last_name: "", billing_state: "Some Region" })
})

test("everything Shiprocket would refuse is refused here, each field named", () => {
  let error: unknown
  try {
    buildAdhocOrderPayload(
      input({
        order_id: "x".repeat(51),
        pickup_location: " ",
        email: "not-an-email",
        shipping_address: { ...address, postal_code: "39500", phone: "12345", province: "", city: "", country_code: "us", first_name: "", last_name: "" },
        items: [{ title: "", quantity: 0, unit_price: 10.5 }],
      })
    )
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(ShiprocketPayloadError)
  const fields = (error as ShiprocketPayloadError).fieldErrors
  expect(Object.keys(fields).sort()).toEqual(
    [
      "order_id",
      "pickup_location",
      "billing_email",
      "billing_customer_name",
      "billing_pincode",
      "billing_phone",
      "billing_state",
      "billing_city",
      "billing_country",
      "order_items.0.name",
      "order_items.0.sku",
      "order_items.0.units",
      "order_items.0.selling_price",
    ].sort()
  )
  expect((error as Error).message).toContain("billing_pincode: The billing pincode must be 6 digits")
  expect(() => buildAdhocOrderPayload(input({ items: [] }))).toThrow(/order_items: The order items field is required/)
  expect(() => buildAdhocOrderPayload(input({ discount_paise: 10_000_000 }))).toThrow(/sub_total/)
  expect(() => buildAdhocOrderPayload(input({ shipping_address: { ...address, city: "A very long city name that goes on" } }))).toThrow(/billing_city/)
})

test("return order: pickup from the customer, shipping to the warehouse, prepaid", () => {
  const p = buildReturnOrderPayload({
    order_id: "ret_01JD4-1",
    order_date: new Date("2026-11-30T06:00:00Z"),
    customer: { ...address, email: "nila@example.com" },
    warehouse: { company: "Surat Silks", address_1: "Plot 4, GIDC", city: "Surat", province: "Gujarat", postal_code: "394210", phone: "9876543210", email: "ops@suratsilks.example" },
    items: [{ title: "Chikankari kurta", sku: "ZR-KUR-001-M", quantity: 1, unit_price: 149900, grams: 350 }],
  })
  expect(p).toMatchObject({
    order_id: "ret_01JD4-1",
    order_date: "2026-11-30",
    pickup_customer_name: "Nila",
    pickup_pincode: "395003",
    pickup_state: "Gujarat",
    pickup_phone: "9822233344",
    pickup_email: "nila@example.com",
    shipping_customer_name: "Surat Silks",
    shipping_pincode: "394210",
    shipping_email: "ops@suratsilks.example",
    payment_method: "Prepaid",
    sub_total: 1499,
    weight: 0.35,
  })
  expect(() =>
    buildReturnOrderPayload({ order_id: "r-1", order_date: new Date(), customer: { ...address, email: "" }, warehouse: { ...address, postal_code: "1", email: "w@x.io" }, items: [{ title: "a", sku: "b", quantity: 1, unit_price: 1 }] })
  ).toThrow(/pickup_email.*shipping_pincode|shipping_pincode.*pickup_email/)
})
