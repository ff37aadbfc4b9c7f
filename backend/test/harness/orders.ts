/** Placing real orders through the Store API, and waiting for what happens after. */
import { api } from "./api"

export const SHIPPING_ADDRESS = { first_name: "Nila", last_name: "Shah", address_1: "21 Ring Rd", city: "Surat", province: "Gujarat", postal_code: "395003", country_code: "in", phone: "+919822233344" }

/**
 * A shopper's email of its own for each order: a store limits how many orders one
 * shopper places a minute (RATE_LIMIT_ORDERS_PER_MINUTE), and a whole suite's orders
 * under one address would run into it.
 */
export const orderEmail = (name: string): string => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`

/** A cart in the India region, one unit of each variant, ready to complete: address, shipping, cash on delivery. */
export async function prepareCodCart(variantIds: string[], email = orderEmail("nila")): Promise<string> {
  const regions = await api("GET", "/store/regions")
  const india = regions.body.regions.find((r: { currency_code: string }) => r.currency_code === "inr")
  const cartId = (await api("POST", "/store/carts", { body: { region_id: india.id } })).body.cart.id
  for (const variant_id of variantIds) expect((await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id, quantity: 1 } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}`, { body: { email, shipping_address: SHIPPING_ADDRESS } })).status).toBe(200)
  const option = (await api("GET", `/store/shipping-options/${cartId}`)).body.shipping_options.find((o: { is_return: boolean; provider_id: string }) => !o.is_return && o.provider_id !== "shiprocket")
  expect((await api("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: option.id } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-sessions`)).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-session`, { body: { provider_id: "cod" } })).status).toBe(200)
  return cartId
}

/** A cash-on-delivery order in the India region, one unit of each variant; returns the order id. */
export async function placeCodOrder(variantIds: string[], email = orderEmail("nila")): Promise<string> {
  const cartId = await prepareCodCart(variantIds, email)
  const completed = await api("POST", `/store/carts/${cartId}/complete`)
  expect(completed.body.type).toBe("order")
  return completed.body.data.id
}

/** Polls until `check` returns a value (not undefined/false/null); fails with `what` after timeoutMs. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== null && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const createdProducts: string[] = []

/**
 * Deletes the products this test file created: the stack is shared, and other files count
 * the seed's catalog (call it in afterAll).
 */
export async function deleteCreatedProducts(auth: Record<string, string>): Promise<void> {
  for (const id of createdProducts.splice(0)) {
    const res = await api("DELETE", `/admin/products/${id}`, { headers: auth })
    if (res.status !== 200) throw new Error(`deleting test product ${id}: ${res.status} ${res.text}`)
  }
}

/** A published product with one in-stock size variant per SKU, priced in INR and USD; returns variant ids by SKU. */
export async function createProduct(auth: Record<string, string>, title: string, skus: string[], opts: { inrPrice?: number; stock?: number } = {}): Promise<Record<string, string>> {
  const res = await api("POST", "/admin/products", {
    headers: auth,
    body: {
      title,
      status: "published",
      options: [{ title: "Size" }],
      variants: skus.map((sku, i) => ({
        title: `Size ${i + 1}`,
        sku,
        inventory_quantity: opts.stock ?? 50,
        manage_inventory: true,
        prices: [
          { currency_code: "inr", amount: opts.inrPrice ?? 149900 },
          { currency_code: "usd", amount: 2900 },
        ],
        options: [{ value: `Size ${i + 1}` }],
      })),
    },
  })
  if (res.status !== 200) throw new Error(`creating product ${title}: ${res.status} ${res.text}`)
  createdProducts.push(res.body.product.id)
  return Object.fromEntries(res.body.product.variants.map((v: { sku: string; id: string }) => [v.sku, v.id]))
}
