/**
 * An item sells out between checkout and "Place order": the order is refused with
 * insufficient_inventory, and the same cart can then be changed (another size in, the
 * sold-out line out) and completed. Medusa 1.20 alone leaves the cancelled payment on
 * the cart and every later change fails (see src/strategies/cart-completion.ts).
 */
import { adminToken, api } from "../harness/api"

type Variant = { id: string; inventory_quantity: number }

test("a cart refused for stock can be fixed and ordered", async () => {
  const regions = await api("GET", "/store/regions")
  const india = regions.body.regions.find((r: any) => r.currency_code === "inr")
  const products = await api("GET", `/store/products?region_id=${india.id}&limit=50`)
  const product = products.body.products.find((p: any) => p.variants.filter((v: Variant) => v.inventory_quantity > 2).length >= 2)
  const [soldOut, other] = product.variants.filter((v: Variant) => v.inventory_quantity > 2) as Variant[]
  const auth = { authorization: `Bearer ${await adminToken()}` }
  const setStock = (v: Variant, n: number) => api("POST", `/admin/products/${product.id}/variants/${v.id}`, { body: { inventory_quantity: n }, headers: auth })

  const cartId = (await api("POST", "/store/carts", { body: { region_id: india.id } })).body.cart.id
  expect((await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: soldOut.id, quantity: 1 } })).status).toBe(200)
  const address = { first_name: "Ira", last_name: "Das", address_1: "7 Lake Rd", city: "Pune", province: "Maharashtra", postal_code: "411001", country_code: "in", phone: "+919811112222" }
  expect((await api("POST", `/store/carts/${cartId}`, { body: { email: "ira@example.com", shipping_address: address } })).status).toBe(200)
  const option = (await api("GET", `/store/shipping-options/${cartId}`)).body.shipping_options.find((o: any) => !o.is_return && o.provider_id !== "shiprocket")
  expect((await api("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: option.id } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-sessions`)).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-session`, { body: { provider_id: "cod" } })).status).toBe(200)

  expect((await setStock(soldOut, 0)).status).toBe(200)
  try {
    const refused = await api("POST", `/store/carts/${cartId}/complete`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0]).toMatchObject({ code: "insufficient_inventory" })

    const added = await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: other.id, quantity: 1 } })
    expect({ status: added.status, message: added.body.message }).toEqual({ status: 200, message: undefined })
    const soldOutLine = added.body.cart.items.find((i: any) => i.variant_id === soldOut.id)
    expect((await api("DELETE", `/store/carts/${cartId}/line-items/${soldOutLine.id}`)).status).toBe(200)

    const completed = await api("POST", `/store/carts/${cartId}/complete`)
    expect(completed.status).toBe(200)
    expect(completed.body.type).toBe("order")
    expect(completed.body.data.items.map((i: any) => i.variant_id)).toEqual([other.id])
    expect(completed.body.data.payments).toHaveLength(1)
  } finally {
    await setStock(soldOut, soldOut.inventory_quantity)
  }
})
