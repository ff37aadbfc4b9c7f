/**
 * Shoppers and products for store-side tests: a logged-in customer, a published product
 * whose variants are the values of one option (sizes), and an order she places herself.
 */
import { api } from "./api"
import { SHIPPING_ADDRESS } from "./orders"

export type Customer = { headers: Record<string, string>; email: string; id: string }
export type TestProduct = { id: string; title: string; handle: string; variants: Record<string, string> }

const runSuffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

export async function createCustomer(first: string, last: string): Promise<Customer> {
  const email = `${first.toLowerCase()}-${runSuffix}-${Math.random().toString(36).slice(2, 6)}@example.com`
  const created = await api("POST", "/store/customers", { body: { first_name: first, last_name: last, email, password: "shop-here-123" } })
  if (created.status !== 200) throw new Error(`creating customer ${first}: ${created.status} ${created.text}`)
  const token = await api("POST", "/store/auth/token", { body: { email, password: "shop-here-123" } })
  if (token.status !== 200) throw new Error(`logging in ${first}: ${token.status} ${token.text}`)
  return { headers: { authorization: `Bearer ${token.body.access_token}` }, email, id: created.body.customer.id }
}

/** A product whose variants are the given values of one option (e.g. Size: S, M, L); variant ids by value. */
export async function createProductWithOptions(
  admin: Record<string, string>,
  title: string,
  option: string,
  values: string[],
  status = "published"
): Promise<TestProduct> {
  const res = await api("POST", "/admin/products", {
    headers: admin,
    body: {
      title: `${title} ${runSuffix}`,
      status,
      options: [{ title: option }],
      variants: values.map((value, i) => ({
        title: value,
        sku: `T-${runSuffix}-${title.replace(/\W+/g, "")}-${i}`,
        inventory_quantity: 20,
        manage_inventory: true,
        prices: [
          { currency_code: "inr", amount: 199900 },
          { currency_code: "usd", amount: 3900 },
        ],
        options: [{ value }],
      })),
    },
  })
  if (res.status !== 200) throw new Error(`creating product ${title}: ${res.status} ${res.text}`)
  return { id: res.body.product.id, title: res.body.product.title, handle: res.body.product.handle, variants: Object.fromEntries(res.body.product.variants.map((v: { title: string; id: string }) => [v.title, v.id])) }
}

/** A cash-on-delivery order placed by a logged-in customer (so the order is hers). */
export async function placeOrderAs(c: Customer, variantIds: string[]): Promise<string> {
  const regions = await api("GET", "/store/regions")
  const india = regions.body.regions.find((r: { currency_code: string }) => r.currency_code === "inr")
  const as = { headers: c.headers }
  const step = async (what: string, res: Promise<{ status: number; text: string; body: any }>) => {
    const done = await res
    if (done.status !== 200) throw new Error(`${what}: ${done.status} ${done.text}`)
    return done.body
  }
  const cartId = (await step("cart", api("POST", "/store/carts", { ...as, body: { region_id: india.id } }))).cart.id
  for (const variant_id of variantIds) await step("line item", api("POST", `/store/carts/${cartId}/line-items`, { ...as, body: { variant_id, quantity: 1 } }))
  await step("address", api("POST", `/store/carts/${cartId}`, { ...as, body: { shipping_address: SHIPPING_ADDRESS } }))
  const options = await step("shipping options", api("GET", `/store/shipping-options/${cartId}`, as))
  const option = options.shipping_options.find((o: { is_return: boolean; provider_id: string }) => !o.is_return && o.provider_id !== "shiprocket")
  await step("shipping method", api("POST", `/store/carts/${cartId}/shipping-methods`, { ...as, body: { option_id: option.id } }))
  await step("payment sessions", api("POST", `/store/carts/${cartId}/payment-sessions`, as))
  await step("payment session", api("POST", `/store/carts/${cartId}/payment-session`, { ...as, body: { provider_id: "cod" } }))
  const completed = await step("complete", api("POST", `/store/carts/${cartId}/complete`, as))
  if (completed.type !== "order" || completed.data.customer_id !== c.id) throw new Error(`the cart did not become her order: ${JSON.stringify(completed).slice(0, 300)}`)
  return completed.data.id
}
