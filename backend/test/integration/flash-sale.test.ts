/**
 * A flash sale: 50 shoppers press "Place order" at once for the last 10 units, their
 * checkouts spread over two backend processes on one database (the stack's server and a
 * replica). Exactly 10 orders, stock 0, and 40 answers that say the item sold out: never
 * an oversold unit, never a 5xx.
 */
import { Client } from "pg"
import { adminToken, api, stackInfo } from "../harness/api"
import { createProduct, deleteCreatedProducts, orderEmail, prepareCodCart } from "../harness/orders"
import { startReplica, type Replica } from "../harness/replica"

const run = Date.now().toString(36).toUpperCase()
const UNITS = 10
const SHOPPERS = 50

let auth: Record<string, string>
let replica: Replica

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  replica = await startReplica()
}, 180_000)

afterAll(async () => {
  await replica?.stop()
  if (auth) await deleteCreatedProducts(auth)
})

async function ordersOf(variantId: string): Promise<number> {
  const db = new Client({ connectionString: stackInfo().databaseUrl })
  await db.connect()
  try {
    const { rows } = await db.query(`SELECT count(DISTINCT li.order_id)::int AS n FROM line_item li WHERE li.variant_id = $1 AND li.order_id IS NOT NULL`, [variantId])
    return rows[0].n
  } finally {
    await db.end()
  }
}

test("50 simultaneous checkouts for the last 10 units over two processes: 10 orders, stock 0, 40 clear sold-out answers", async () => {
  const sku = `FLASH-${run}`
  const variantId = (await createProduct(auth, `Flash sale kurta ${run}`, [sku], { stock: UNITS }))[sku]
  // Every shopper's cart is ready first, as at the moment a sale opens.
  const carts: string[] = []
  for (let i = 0; i < SHOPPERS; i++) carts.push(await prepareCodCart([variantId], orderEmail(`flash${i}`)))

  const servers = [stackInfo().baseUrl, replica.baseUrl]
  const answers = await Promise.all(carts.map((cartId, i) => api("POST", `/store/carts/${cartId}/complete`, { baseUrl: servers[i % 2] })))

  expect(answers.filter((a) => a.status >= 500).map((a) => a.text)).toEqual([])
  const placed = answers.filter((a) => a.status === 200 && a.body.type === "order")
  const refused = answers.filter((a) => a.status === 409)
  expect(placed).toHaveLength(UNITS)
  expect(refused).toHaveLength(SHOPPERS - UNITS)
  for (const answer of refused) {
    expect(answer.body.code).toBe("insufficient_inventory")
    expect(answer.body.message).toMatch(/^Flash sale kurta .* has sold out while you were checking out\. Remove it or lower the quantity/)
    expect(answer.body.errors).toEqual([expect.objectContaining({ code: "insufficient_inventory", variant_id: variantId, wanted: 1, available: 0 })])
  }
  // Both processes placed orders: the lock is shared through the database, not a process.
  const placedBy = new Set(answers.map((a, i) => (a.status === 200 ? servers[i % 2] : null)).filter(Boolean))
  expect(placedBy.size).toBe(2)

  const variant = (await api("GET", `/admin/variants?q=${sku}`, { headers: auth })).body.variants.find((v: any) => v.sku === sku)
  expect(variant.inventory_quantity).toBe(0)
  expect(await ordersOf(variantId)).toBe(UNITS)

  // A refused shopper's cart is untouched: it can still be changed and, with stock back, ordered.
  const refusedCart = carts[answers.findIndex((a) => a.status === 409)]
  expect((await api("POST", `/admin/products/${variant.product_id}/variants/${variantId}`, { headers: auth, body: { inventory_quantity: 1 } })).status).toBe(200)
  const second = await api("POST", `/store/carts/${refusedCart}/complete`, { baseUrl: replica.baseUrl })
  expect({ status: second.status, type: second.body.type }).toEqual({ status: 200, type: "order" })
})

test("a second click on a placed order answers the same order, not a refusal for stock", async () => {
  const sku = `FLASH2-${run}`
  const variantId = (await createProduct(auth, `Last scarf ${run}`, [sku], { stock: 1 }))[sku]
  const cartId = await prepareCodCart([variantId], orderEmail("twice"))
  const first = await api("POST", `/store/carts/${cartId}/complete`)
  expect(first.body.type).toBe("order")
  const again = await api("POST", `/store/carts/${cartId}/complete`, { baseUrl: replica.baseUrl })
  expect({ status: again.status, type: again.body.type, id: again.body.data?.id }).toEqual({ status: 200, type: "order", id: first.body.data.id })
})
