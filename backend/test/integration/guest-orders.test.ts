/**
 * A guest who registers afterwards links her guest orders to the new account by
 * presenting their ids (her browser kept them at checkout); the order's email must be hers.
 */
import { api, stackInfo } from "../harness/api"

type Region = { id: string; countries: { iso_2: string }[] }

let india: Region

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`

async function guestCodOrder(email: string): Promise<{ id: string; display_id: number }> {
  const products = await api("GET", `/store/products?region_id=${india.id}&limit=20`)
  const variant = products.body.products.flatMap((p: any) => p.variants).find((v: any) => v.inventory_quantity > 0)
  const cart = (await api("POST", "/store/carts", { body: { region_id: india.id } })).body.cart
  expect((await api("POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: variant.id, quantity: 1 } })).status).toBe(200)
  const address = { first_name: "Meera", last_name: "Iyer", address_1: "3 Park St", city: "Kolkata", province: "West Bengal", postal_code: "700016", country_code: "in", phone: "+919812345678" }
  expect((await api("POST", `/store/carts/${cart.id}`, { body: { email, shipping_address: address } })).status).toBe(200)
  const options = await api("GET", `/store/shipping-options/${cart.id}`)
  const option = options.body.shipping_options.find((o: any) => !o.is_return && o.provider_id !== "shiprocket")
  expect((await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: option.id } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cart.id}/payment-sessions`)).status).toBe(200)
  expect((await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "cod" } })).status).toBe(200)
  const completed = await api("POST", `/store/carts/${cart.id}/complete`)
  expect(completed.body.type).toBe("order")
  return { id: completed.body.data.id, display_id: completed.body.data.display_id }
}

async function registerAndLogIn(email: string): Promise<string> {
  const created = await api("POST", "/store/customers", { body: { email, password: "a-long-password", first_name: "Meera", last_name: "Iyer" } })
  expect(created.status).toBe(200)
  const token = await api("POST", "/store/auth/token", { body: { email, password: "a-long-password" } })
  expect(token.status).toBe(200)
  return token.body.access_token
}

const link = (token: string | null, body: unknown) =>
  api("POST", "/store/customers/me/guest-orders", { body, headers: token ? { authorization: `Bearer ${token}` } : {} })

beforeAll(async () => {
  const regions = await api("GET", "/store/regions")
  india = regions.body.regions.find((r: Region) => r.countries.some((c) => c.iso_2 === "in"))
})

describe("linking guest orders to an account", () => {
  test("a guest's order shows in the account registered afterwards with the same email, once linked", async () => {
    const email = unique("meera")
    const order = await guestCodOrder(email)
    const token = await registerAndLogIn(email)
    const before = await api("GET", "/store/customers/me/orders", { headers: { authorization: `Bearer ${token}` } })
    expect(before.body.orders).toHaveLength(0)

    const linked = await link(token, { order_ids: [order.id, order.id] })
    expect(linked.status).toBe(200)
    expect(linked.body.orders).toEqual([order])

    const after = await api("GET", "/store/customers/me/orders", { headers: { authorization: `Bearer ${token}` } })
    expect(after.body.orders.map((o: { id: string }) => o.id)).toEqual([order.id])
    // Linking again is harmless: the order is already the account's.
    expect((await link(token, { order_ids: [order.id] })).body.orders).toEqual([])
  })

  test("an order placed with another email is not linked, even with its id", async () => {
    const someoneElses = await guestCodOrder(unique("someone"))
    const token = await registerAndLogIn(unique("intruder"))
    const res = await link(token, { order_ids: [someoneElses.id] })
    expect(res.status).toBe(200)
    expect(res.body.orders).toEqual([])
    const orders = await api("GET", "/store/customers/me/orders", { headers: { authorization: `Bearer ${token}` } })
    expect(orders.body.orders).toHaveLength(0)
  })

  test("without a login it answers 401, and a malformed body 400 with what to send", async () => {
    const anonymous = await link(null, { order_ids: [] })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.message).toMatch(/Log in/)

    const token = await registerAndLogIn(unique("careless"))
    const missing = await link(token, {})
    expect(missing.status).toBe(400)
    expect(missing.body.message).toMatch(/order_ids must be a list/)
    const junk = await link(token, { order_ids: ["order_1", 42] })
    expect(junk.status).toBe(400)
    expect(junk.body.message).toMatch(/2 value\(s\) that are not order ids/)
    const tooMany = await link(token, { order_ids: Array.from({ length: 21 }, () => "order_01ARZ3NDEKTSV4RRFFQ69G5FAV") })
    expect(tooMany.status).toBe(400)
    const notJson = await fetch(`${stackInfo().baseUrl}/store/customers/me/guest-orders`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: "{not json",
    })
    expect(notJson.status).toBe(400)
  })
})
