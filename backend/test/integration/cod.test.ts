/**
 * Cash on delivery (provider `cod`) in India and manual payment in the US, through the
 * Store API checkout of a guest: cart, item, address, shipping, payment sessions, complete.
 */
import { adminToken, api } from "../harness/api"

type Region = { id: string; name: string; payment_providers: { id: string }[] }
type Variant = { id: string; inventory_quantity: number; manage_inventory: boolean; allow_backorder: boolean; calculated_price: number }

let regions: { india: Region; us: Region }
let variants: { india: Variant[]; us: Variant[] }

const address = (postal_code: string, country_code = "in") => ({
  first_name: "Asha",
  last_name: "Rao",
  address_1: country_code === "in" ? "12 MG Road" : "350 5th Ave",
  city: country_code === "in" ? "Mumbai" : "New York",
  province: country_code === "in" ? "Maharashtra" : "NY",
  postal_code,
  country_code,
  phone: country_code === "in" ? "+919876543210" : "+12125550100",
})

const inStock = (v: Variant) => !v.manage_inventory || v.allow_backorder || v.inventory_quantity > 0

async function pricedVariants(regionId: string): Promise<Variant[]> {
  const res = await api("GET", `/store/products?region_id=${regionId}&limit=100`)
  expect(res.status).toBe(200)
  return res.body.products.flatMap((p: any) => p.variants as Variant[]).filter(inStock).sort((a: Variant, b: Variant) => b.calculated_price - a.calculated_price)
}

/** A cart with one item, the shopper's email and address and a shipping method. */
async function checkoutCart(region: Region, variant: Variant, postal: string, country = "in"): Promise<string> {
  const created = await api("POST", "/store/carts", { body: { region_id: region.id } })
  expect(created.status).toBe(200)
  const cartId = created.body.cart.id
  const item = await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: variant.id, quantity: 1 } })
  expect(item.status).toBe(200)
  const updated = await api("POST", `/store/carts/${cartId}`, { body: { email: `guest-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.com`, shipping_address: address(postal, country) } })
  expect(updated.status).toBe(200)
  await shipIt(cartId)
  return cartId
}

async function shipIt(cartId: string) {
  const options = await api("GET", `/store/shipping-options/${cartId}`)
  expect(options.status).toBe(200)
  const option = options.body.shipping_options.find((o: any) => !o.is_return && o.provider_id !== "shiprocket")
  expect(option).toBeDefined()
  const shipped = await api("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: option.id } })
  expect(shipped.status).toBe(200)
}

async function createSessions(cartId: string) {
  const res = await api("POST", `/store/carts/${cartId}/payment-sessions`)
  expect(res.status).toBe(200)
  return res.body.cart
}

async function selectProvider(cartId: string, provider_id: string) {
  const res = await api("POST", `/store/carts/${cartId}/payment-session`, { body: { provider_id } })
  expect(res.status).toBe(200)
  return res.body.cart
}

const codSession = (cart: any) => cart.payment_sessions.find((s: any) => s.provider_id === "cod")

beforeAll(async () => {
  const res = await api("GET", "/store/regions")
  regions = {
    india: res.body.regions.find((r: Region) => r.name === "India"),
    us: res.body.regions.find((r: Region) => r.name === "United States"),
  }
  variants = { india: await pricedVariants(regions.india.id), us: await pricedVariants(regions.us.id) }
})

describe("cash on delivery in India", () => {
  it("is the India region's payment provider; the US keeps manual", () => {
    expect(regions.india.payment_providers.map((p) => p.id)).toEqual(["cod"])
    expect(regions.us.payment_providers.map((p) => p.id)).toEqual(["manual"])
  })

  it("turns a guest cart with an allowed pincode into an order awaiting cash on delivery", async () => {
    const variant = variants.india[variants.india.length - 1]
    const cartId = await checkoutCart(regions.india, variant, "400001")
    const cart = await createSessions(cartId)
    expect(codSession(cart).data).toEqual({ available: true, reason: null, pincode: "400001", max_order_amount: 2000000 })
    const selected = await selectProvider(cartId, "cod")
    expect(selected.payment_session.provider_id).toBe("cod")
    expect(selected.payment_session.data).toEqual({ available: true, reason: null, pincode: "400001", max_order_amount: 2000000 })

    const done = await api("POST", `/store/carts/${cartId}/complete`)
    expect(done.status).toBe(200)
    expect(done.body.type).toBe("order")
    const order = done.body.data
    expect(order.payment_status).toBe("awaiting")
    expect(order.payments).toHaveLength(1)
    expect(order.payments[0]).toMatchObject({ provider_id: "cod", amount: selected.total, currency_code: "inr" })
    expect(order.payments[0].data).toMatchObject({ available: true, pincode: "400001" })
  })

  it("marks COD unavailable for an Andaman & Nicobar pincode, refuses the order with the reason and keeps the cart", async () => {
    const cartId = await checkoutCart(regions.india, variants.india[variants.india.length - 1], "744101")
    const cart = await createSessions(cartId)
    const reason = "Cash on delivery is not available for Andaman & Nicobar Islands pincodes"
    expect(codSession(cart).data).toEqual({ available: false, reason, pincode: "744101", max_order_amount: 2000000 })

    const refused = await api("POST", `/store/carts/${cartId}/complete`)
    expect(refused.status).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    expect(refused.body).toMatchObject({ type: "invalid_data", message: reason })

    const kept = await api("GET", `/store/carts/${cartId}`)
    expect(kept.status).toBe(200)
    expect(kept.body.cart.completed_at).toBeNull()
    expect(kept.body.cart.items).toHaveLength(1)

    // She changes the address; the session is re-evaluated in the same request.
    const moved = await api("POST", `/store/carts/${cartId}`, { body: { shipping_address: address("560034") } })
    expect(moved.status).toBe(200)
    expect(codSession(moved.body.cart).data).toEqual({ available: true, reason: null, pincode: "560034", max_order_amount: 2000000 })
    const done = await api("POST", `/store/carts/${cartId}/complete`)
    expect(done.status).toBe(200)
    expect(done.body.type).toBe("order")
    expect(done.body.data.payment_status).toBe("awaiting")
  })

  it("re-checks when the address changes to a blocked area after COD was selected", async () => {
    const cartId = await checkoutCart(regions.india, variants.india[variants.india.length - 1], "110001")
    await createSessions(cartId)
    await selectProvider(cartId, "cod")
    const moved = await api("POST", `/store/carts/${cartId}`, { body: { shipping_address: address("682555") } })
    expect(moved.status).toBe(200)
    expect(moved.body.cart.payment_session.data).toMatchObject({ available: false, reason: "Cash on delivery is not available for Lakshadweep pincodes", pincode: "682555" })
  })

  it("asks for a valid pincode", async () => {
    const cartId = await checkoutCart(regions.india, variants.india[variants.india.length - 1], "40001")
    const cart = await createSessions(cartId)
    expect(codSession(cart).data).toMatchObject({ available: false, reason: "Enter a valid 6-digit pincode", pincode: "40001" })
    const refused = await api("POST", `/store/carts/${cartId}/complete`)
    expect(refused.status).toBe(400)
    expect(refused.body.message).toBe("Enter a valid 6-digit pincode")
  })

  it("refuses an order above the COD maximum and allows it again below", async () => {
    const cartId = await checkoutCart(regions.india, variants.india[0], "400001")
    // Add one each of the next most expensive in-stock variants until the total passes Rs 20,000
    // (one each: earlier tests' orders may have taken some of the stock read at the start).
    let total = 0
    for (const v of variants.india.slice(1)) {
      if (total > 2000000) break
      const quantity = 1
      const res = await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: v.id, quantity } })
      expect(res.status).toBe(200)
      total = res.body.cart.total
    }
    expect(total).toBeGreaterThan(2000000)
    const cart = await createSessions(cartId)
    const reason = "Cash on delivery is available for orders up to Rs 20,000"
    expect(codSession(cart).data).toEqual({ available: false, reason, pincode: "400001", max_order_amount: 2000000 })
    const refused = await api("POST", `/store/carts/${cartId}/complete`)
    expect(refused.status).toBe(400)
    expect(refused.body.message).toBe(reason)

    // Emptying the bag down to the first item makes COD available again.
    const items = (await api("GET", `/store/carts/${cartId}`)).body.cart.items
    let latest: any
    for (const item of items.slice(1)) {
      latest = await api("DELETE", `/store/carts/${cartId}/line-items/${item.id}`)
      expect(latest.status).toBe(200)
    }
    expect(codSession(latest.body.cart).data).toMatchObject({ available: true, reason: null })
  })

  it("never trusts session data sent by the client", async () => {
    const cartId = await checkoutCart(regions.india, variants.india[variants.india.length - 1], "744101")
    await createSessions(cartId)
    const res = await api("POST", `/store/carts/${cartId}/payment-sessions/cod`, { body: { data: { available: true, reason: null } } })
    expect(res.status).toBe(200)
    expect(codSession(res.body.cart).data.available).toBe(false)
    const refused = await api("POST", `/store/carts/${cartId}/complete`)
    expect(refused.status).toBe(400)
  })

  it("records cash collected on capture and a refund paid back, and cancels an uncollected payment", async () => {
    const token = await adminToken()
    const auth = { authorization: `Bearer ${token}` }
    const place = async () => {
      const cartId = await checkoutCart(regions.india, variants.india[variants.india.length - 1], "400001")
      await createSessions(cartId)
      const done = await api("POST", `/store/carts/${cartId}/complete`)
      expect(done.status).toBe(200)
      return done.body.data
    }

    const delivered = await place()
    const captured = await api("POST", `/admin/orders/${delivered.id}/capture`, { headers: auth })
    expect(captured.status).toBe(200)
    expect(captured.body.order.payment_status).toBe("captured")
    expect(captured.body.order.payments[0].data.collected_at).toEqual(expect.any(String))
    const refunded = await api("POST", `/admin/orders/${delivered.id}/refund`, { headers: auth, body: { amount: 10000, reason: "other", note: "Paid back by UPI" } })
    expect(refunded.status).toBe(200)
    expect(refunded.body.order.payment_status).toBe("partially_refunded")
    expect(refunded.body.order.payments[0].data.refunds).toEqual([expect.objectContaining({ amount: 10000 })])

    const changedMind = await place()
    const canceled = await api("POST", `/admin/orders/${changedMind.id}/cancel`, { headers: auth })
    expect(canceled.status).toBe(200)
    expect(canceled.body.order.status).toBe("canceled")
    expect(canceled.body.order.payment_status).toBe("canceled")
  })
})

describe("manual payment in the US", () => {
  it("completes a guest order", async () => {
    const variant = variants.us[variants.us.length - 1]
    const cartId = await checkoutCart(regions.us, variant, "10001", "us")
    const cart = await createSessions(cartId)
    expect(cart.payment_sessions.map((s: any) => s.provider_id)).toEqual(["manual"])
    expect(cart.payment_session.provider_id).toBe("manual")
    const done = await api("POST", `/store/carts/${cartId}/complete`)
    expect(done.status).toBe(200)
    expect(done.body.type).toBe("order")
    expect(done.body.data.payment_status).toBe("awaiting")
    expect(done.body.data.payments[0].provider_id).toBe("manual")
  })

  it("does not offer cash on delivery", async () => {
    const cartId = await checkoutCart(regions.us, variants.us[variants.us.length - 1], "10001", "us")
    const res = await api("POST", `/store/carts/${cartId}/payment-session`, { body: { provider_id: "cod" } })
    expect(res.status).toBe(400)
  })
})
