/**
 * A cash-on-delivery order with items from two suppliers becomes exactly two supplier
 * orders with the right items, each recorded with its outbox message before anything is
 * sent; forwarding the same order again creates nothing new.
 */
import { adminToken, api } from "../harness/api"

type Variant = { id: string; sku: string; inventory_quantity: number }
type Product = { id: string; metadata: { supplier_code?: string }; variants: Variant[] }

let auth: Record<string, string>

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
})

async function placeCodOrder(variants: Variant[]): Promise<string> {
  const regions = await api("GET", "/store/regions")
  const india = regions.body.regions.find((r: any) => r.currency_code === "inr")
  const cartId = (await api("POST", "/store/carts", { body: { region_id: india.id } })).body.cart.id
  for (const v of variants) expect((await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: v.id, quantity: 1 } })).status).toBe(200)
  const address = { first_name: "Nila", last_name: "Shah", address_1: "21 Ring Rd", city: "Surat", province: "Gujarat", postal_code: "395003", country_code: "in", phone: "+919822233344" }
  expect((await api("POST", `/store/carts/${cartId}`, { body: { email: "nila@example.com", shipping_address: address } })).status).toBe(200)
  const option = (await api("GET", `/store/shipping-options/${cartId}`)).body.shipping_options.find((o: any) => !o.is_return)
  expect((await api("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: option.id } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-sessions`)).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-session`, { body: { provider_id: "cod" } })).status).toBe(200)
  const completed = await api("POST", `/store/carts/${cartId}/complete`)
  expect(completed.body.type).toBe("order")
  return completed.body.data.id
}

async function supplierOrdersOf(orderId: string, expected: number): Promise<any[]> {
  // Forwarding runs in a subscriber after order.placed: wait for it, never longer than 20 s.
  const deadline = Date.now() + 20000
  for (;;) {
    const res = await api("GET", `/admin/orders/${orderId}/supplier-orders`, { headers: auth })
    expect(res.status).toBe(200)
    if (res.body.supplier_orders.length >= expected || Date.now() > deadline) return res.body.supplier_orders
    await new Promise((r) => setTimeout(r, 250))
  }
}

test("a two-supplier COD order becomes exactly two supplier orders, each with its items and outbox message, once", async () => {
  const products: Product[] = (await api("GET", "/store/products?limit=100")).body.products
  const bySupplier = new Map<string, Variant>()
  for (const p of products) {
    const code = p.metadata?.supplier_code
    const variant = p.variants.find((v) => v.inventory_quantity > 0)
    if (code && variant && !bySupplier.has(code)) bySupplier.set(code, variant)
  }
  type Supplier = { id: string; code: string; integration: string; auto_forward: boolean; is_active: boolean }
  const suppliers = (await api("GET", "/admin/suppliers", { headers: auth })).body.suppliers as Supplier[]
  // Suppliers the order goes to at once (the seed's WhatsApp supplier waits for the merchant).
  const automatic = suppliers.filter((s) => bySupplier.has(s.code) && s.integration !== "manual" && s.auto_forward && s.is_active).slice(0, 2)
  expect(automatic).toHaveLength(2)
  const chosen = automatic.map((s) => ({ supplier: s, variant: bySupplier.get(s.code)! }))

  const orderId = await placeCodOrder(chosen.map((c) => c.variant))
  const supplierOrders = await supplierOrdersOf(orderId, 2)
  expect(supplierOrders).toHaveLength(2)
  for (const { supplier, variant } of chosen) {
    const mine = supplierOrders.find((so) => so.supplier_id === supplier.id)
    expect(mine).toMatchObject({ order_id: orderId, status: "pending", currency_code: "inr" })
    expect(mine.items.map((i: any) => [i.variant_id, i.quantity])).toEqual([[variant.id, 1]])
    expect(mine.supplier).toMatchObject({ code: supplier.code })
    expect(mine.supplier.secret_encrypted).toBeUndefined()
    expect(mine.messages).toHaveLength(1)
    expect(mine.messages[0]).toMatchObject({ event_type: "supplier_order.created", status: "pending", webhook_id: `msg_${mine.id}_created` })
    expect(mine.messages[0].payload.data).toMatchObject({ supplier_order_id: mine.id, supplier_code: supplier.code, payment: { method: "cod" } })
    expect(mine.messages[0].payload.data.payment.collect_amount).toBeGreaterThan(0)
    expect(mine.history.map((h: any) => h.to_status)).toEqual(["pending"])
  }

  // Forwarding again (redelivered event, or the admin's button) sends nobody a second order.
  const again = await api("POST", `/admin/orders/${orderId}/supplier-orders/forward`, { headers: auth })
  expect(again.status).toBe(200)
  expect(again.body.created).toBe(0)
  expect(again.body.supplier_orders.map((so: any) => so.id).sort()).toEqual(supplierOrders.map((so) => so.id).sort())
})

test("forwarding an order that does not exist is a 404", async () => {
  const res = await api("POST", "/admin/orders/order_01ARZ3NDEKTSV4RRFFQ69G5FAV/supplier-orders/forward", { headers: auth })
  expect(res.status).toBe(404)
})
