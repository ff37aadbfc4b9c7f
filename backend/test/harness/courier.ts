/**
 * Orders shipped with Shiprocket's courier options, for the Shiprocket tests: a cart with a
 * delivery address in India, the courier option, cash on delivery, fulfillments, parcels.
 */
import { api } from "./api"
import { orderEmail } from "./orders"

/** Retries `check` (which asserts) until it passes or the time is up; returns its value. */
export async function untilPasses<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}

/**
 * Waits until the server reaches the Shiprocket simulator a suite has just started. While
 * no simulator ran, a background poll may have begun a login that is still failing, and a
 * shopper's first request would share its failure.
 */
export async function untilShiprocketConnects(auth: Record<string, string>): Promise<void> {
  await untilPasses(async () => {
    const res = await api("POST", "/admin/shiprocket/test-connection", { headers: auth })
    expect(res.body).toMatchObject({ ok: true })
  }, 30_000)
}

/** A cart in `regionId` with `quantity` of a variant, delivered to `pincode`. */
export async function courierCart(regionId: string, variantId: string, quantity: number, pincode: string): Promise<string> {
  const cartId = (await api("POST", "/store/carts", { body: { region_id: regionId } })).body.cart.id
  expect((await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: variantId, quantity } })).status).toBe(200)
  const address = { first_name: "Asha", last_name: "Patel", address_1: "12 MG Road", city: "Mumbai", province: "MH", postal_code: pincode, country_code: "in", phone: "9876543210" }
  expect((await api("POST", `/store/carts/${cartId}`, { body: { email: orderEmail("asha"), shipping_address: address } })).status).toBe(200)
  return cartId
}

/** The cart's courier options (Shiprocket's, not returns). */
export async function courierOptions(cartId: string): Promise<any[]> {
  const res = await api("GET", `/store/shipping-options/${cartId}`)
  expect(res.status).toBe(200)
  return res.body.shipping_options.filter((o: any) => o.provider_id === "shiprocket" && !o.is_return)
}

/** Places a COD order shipped with the cheapest courier; returns the order. */
export async function placeCourierOrder(regionId: string, variantId: string, quantity: number, pincode: string): Promise<any> {
  const cartId = await courierCart(regionId, variantId, quantity, pincode)
  const options = await courierOptions(cartId)
  const option = options.find((o: any) => o.data.id === "shiprocket-cheapest")
  if (!option) {
    // Why not, in the failure: the options offered and what the server's estimate says.
    const estimate = await api("GET", `/store/shiprocket/serviceability?pincode=${pincode}&cart_id=${cartId}`)
    throw new Error(`no cheapest courier option for ${pincode}: options ${JSON.stringify(options.map((o: any) => o.data))}; estimate ${estimate.status} ${estimate.text.slice(0, 500)}`)
  }
  expect((await api("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: option.id } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-sessions`)).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-session`, { body: { provider_id: "cod" } })).status).toBe(200)
  const done = await api("POST", `/store/carts/${cartId}/complete`)
  expect(done.body.type).toBe("order")
  return done.body.data
}

/** Fulfils these items through the admin API; returns the new fulfillment's id. */
export async function fulfil(auth: Record<string, string>, orderId: string, items: { item_id: string; quantity: number }[]): Promise<string> {
  const res = await api("POST", `/admin/orders/${orderId}/fulfillment`, { headers: auth, body: { items } })
  expect(res.status).toBe(200)
  // Medusa lists an order's fulfillments in no set order: the new one is the latest.
  const latest = [...res.body.order.fulfillments].sort((a: any, b: any) => Date.parse(b.created_at) - Date.parse(a.created_at))[0]
  return latest.id
}

/** The order's parcels at Shiprocket, as the admin sees them. */
export async function courierParcels(auth: Record<string, string>, orderId: string): Promise<any[]> {
  const res = await api("GET", `/admin/orders/${orderId}/shiprocket`, { headers: auth })
  expect(res.status).toBe(200)
  return res.body.shipments
}
