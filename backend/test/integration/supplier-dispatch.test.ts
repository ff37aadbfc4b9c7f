/**
 * Supplier forwarding end to end on the real server: a local supplier simulator that
 * verifies our Standard Webhooks signatures receives the orders, and answers with signed
 * webhooks that move them through accepted -> shipped (a Medusa fulfillment with
 * tracking). Forged, stale and replayed webhooks are refused and change nothing.
 */
import { startSupplierSimulator, type SupplierSimulator } from "medusa-plugin-supplier-forwarding/simulator/supplier-simulator"
import { adminToken, api, stackInfo } from "../harness/api"
import { createProduct, deleteCreatedProducts, eventually, placeCodOrder } from "../harness/orders"

let auth: Record<string, string>
let sim: SupplierSimulator
let backendUrl: string
const run = Date.now().toString(36).toUpperCase()
const NORTH = `SIM-N${run}`
const SOUTH = `SIM-S${run}`
const supplierIds: Record<string, string> = {}
let variants: Record<string, string>

async function supplierOrders(orderId: string): Promise<any[]> {
  const res = await api("GET", `/admin/orders/${orderId}/supplier-orders`, { headers: auth })
  expect(res.status).toBe(200)
  return res.body.supplier_orders
}

async function supplierOrder(id: string): Promise<any> {
  const res = await api("GET", `/admin/supplier-orders/${id}`, { headers: auth })
  expect(res.status).toBe(200)
  return res.body.supplier_order
}

const until = (what: string, id: string, status: string) => eventually(`${what} (${status})`, async () => {
  const so = await supplierOrder(id)
  return so.status === status ? so : undefined
})

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  backendUrl = stackInfo().baseUrl
  sim = await startSupplierSimulator()
  for (const code of [NORTH, SOUTH]) {
    const created = await api("POST", "/admin/suppliers", { headers: auth, body: { code, name: `Simulated ${code}`, integration: "api", endpoint: sim.endpointFor(code), pickup_location: `${code}-WH`, processing_days: 2 } })
    expect(created.status).toBe(201)
    sim.addSupplier(code, created.body.secret)
    supplierIds[code] = created.body.supplier.id
  }
  variants = await createProduct(auth, `Simulated kurta ${run}`, [`SIMK-${run}-S`, `SIMK-${run}-M`, `SIMK-${run}-L`, `SIMK-${run}-XL`])
  const mapping = await api("POST", "/admin/supplier-mappings", {
    headers: auth,
    body: {
      mappings: [
        { variant_id: variants[`SIMK-${run}-S`], supplier_code: NORTH, supplier_sku: `N-${run}-S`, cost_price: 60000 },
        { variant_id: variants[`SIMK-${run}-M`], supplier_code: SOUTH, supplier_sku: `S-${run}-M`, cost_price: 65000 },
        { variant_id: variants[`SIMK-${run}-L`], supplier_code: NORTH, supplier_sku: `N-${run}-L`, cost_price: 61000 },
        { variant_id: variants[`SIMK-${run}-XL`], supplier_code: SOUTH, supplier_sku: `S-${run}-XL`, cost_price: 66000 },
      ],
    },
  })
  expect(mapping.body).toEqual({ updated: 4 })
})

afterAll(async () => {
  await deleteCreatedProducts(auth)
  await sim?.close()
})

describe("an order with items from two suppliers", () => {
  let orderId: string
  let north: any
  let south: any

  test("is delivered exactly twice, signed, each supplier getting its own items", async () => {
    orderId = await placeCodOrder([variants[`SIMK-${run}-S`], variants[`SIMK-${run}-M`]])
    const [n, s] = await Promise.all([NORTH, SOUTH].map((code) => sim.waitFor((x) => x.messages.find((m) => m.code === code && m.type === "supplier_order.created"), 20000)))
    const list = await supplierOrders(orderId)
    expect(list).toHaveLength(2)
    north = list.find((so) => so.supplier_id === supplierIds[NORTH])
    south = list.find((so) => so.supplier_id === supplierIds[SOUTH])
    expect(n.data).toMatchObject({ supplier_order_id: north.id, supplier_code: NORTH, total_cost: 60000, payment: { method: "cod" } })
    expect(n.data.items).toEqual([expect.objectContaining({ supplier_sku: `N-${run}-S`, quantity: 1, unit_cost: 60000 })])
    expect(s.data.items).toEqual([expect.objectContaining({ supplier_sku: `S-${run}-M`, quantity: 1, unit_cost: 65000 })])
    expect(n.data.ship_to).toMatchObject({ name: "Nila Shah", city: "Surat", postal_code: "395003" })
    expect(n.webhookId).toBe(`msg_${north.id}_created`)

    for (const so of [north, south]) {
      const sent = await until("delivery", so.id, "sent")
      expect(sent.messages).toEqual([expect.objectContaining({ status: "delivered", attempts: 1 })])
      expect(sent.sent_at).toBeTruthy()
    }
    // Exactly two deliveries for this order, every one with a valid signature.
    const ours = sim.messages.filter((m) => [north.id, south.id].includes(m.data?.supplier_order_id))
    expect(ours).toHaveLength(2)
    expect(ours.every((m) => m.deliveries === 1)).toBe(true)
    expect(sim.stats().badSignatures).toBe(0)
  })

  test("moves through accepted -> shipped by the supplier's webhooks, with a Medusa shipment and tracking", async () => {
    const accepted = await sim.send({ backendUrl, code: NORTH, type: "supplier_order.accepted", data: { supplier_order_id: north.id, expected_ship_date: "2026-11-25" } })
    expect(accepted).toMatchObject({ status: 200, body: { ok: true, type: "supplier_order.accepted", status: "accepted", changed: true } })
    expect((await supplierOrder(north.id)).status).toBe("accepted")

    const tracking = { carrier: "Delhivery", awb: `AWB${run}1`, tracking_url: `https://www.delhivery.com/track/package/AWB${run}1` }
    const shipped = await sim.send({ backendUrl, code: NORTH, type: "supplier_order.shipped", data: { supplier_order_id: north.id, ...tracking } })
    expect(shipped.status).toBe(200)
    const after = await supplierOrder(north.id)
    expect(after).toMatchObject({ status: "shipped", shipment: tracking })
    expect(after.fulfillment_id).toMatch(/^ful_/)
    expect(after.history.map((h: any) => h.to_status)).toEqual(["pending", "sent", "accepted", "shipped"])

    const order = (await api("GET", `/admin/orders/${orderId}?expand=fulfillments,fulfillments.tracking_links,fulfillments.items`, { headers: auth })).body.order
    const fulfillment = order.fulfillments.find((f: any) => f.id === after.fulfillment_id)
    expect(fulfillment.shipped_at).toBeTruthy()
    expect(fulfillment.tracking_links).toEqual([expect.objectContaining({ tracking_number: tracking.awb, url: tracking.tracking_url })])
    expect(fulfillment.items).toEqual([expect.objectContaining({ item_id: north.items[0].line_item_id, quantity: 1 })])
    // One of the two suppliers has shipped.
    expect(order.fulfillment_status).toBe("partially_shipped")

    // The same event again under a new id changes nothing and is not an error.
    const again = await sim.send({ backendUrl, code: NORTH, type: "supplier_order.shipped", data: { supplier_order_id: north.id, ...tracking } })
    expect(again).toMatchObject({ status: 200, body: { changed: false } })
    // A move the order's state does not allow is refused (shipped cannot be accepted again).
    const late = await sim.send({ backendUrl, code: NORTH, type: "supplier_order.rejected", data: { supplier_order_id: north.id, reason: "late" } })
    expect(late.status).toBe(409)
    expect(late.body.message).toMatch(/shipped cannot become rejected/)
  })

  test("a bad signature, a stale timestamp, a tampered body and a replayed id are each refused and change nothing", async () => {
    const before = await supplierOrder(south.id)
    const accept = { code: SOUTH, type: "supplier_order.accepted", data: { supplier_order_id: south.id } }

    const forged = await sim.send({ backendUrl, ...accept, tamper: "signature" })
    expect(forged.status).toBe(401)
    expect(forged.body.message).toMatch(/signature does not match/)
    const wrongKey = await sim.send({ backendUrl, ...accept, secret: "whsec_" + Buffer.from("not the supplier's key at all!!").toString("base64") })
    expect(wrongKey.status).toBe(401)
    const stale = await sim.send({ backendUrl, ...accept, timestamp: new Date(Date.now() - 10 * 60_000) })
    expect(stale.status).toBe(401)
    expect(stale.body.message).toMatch(/timestamp/i)
    const tampered = await sim.send({ backendUrl, ...accept, tamper: "body" })
    expect(tampered.status).toBe(401)
    const unsigned = await sim.send({ backendUrl, ...accept, headers: { "webhook-signature": null } })
    expect(unsigned.status).toBe(401)
    expect(unsigned.body.message).toMatch(/missing webhook-id, webhook-timestamp or webhook-signature/)
    expect(await supplierOrder(south.id)).toMatchObject({ status: "sent", history: before.history })

    const first = await sim.send({ backendUrl, ...accept })
    expect(first.status).toBe(200)
    const afterFirst = await supplierOrder(south.id)
    expect(afterFirst.status).toBe("accepted")
    const replay = await sim.send({ backendUrl, ...accept, id: first.id })
    expect(replay.status).toBe(409)
    expect(replay.body.message).toMatch(/already processed/)
    expect((await supplierOrder(south.id)).history).toEqual(afterFirst.history)
  })

  test("unknown event types are refused with 400 and kept; invalid data names the field; other suppliers' orders are not found", async () => {
    const unknown = await sim.send({ backendUrl, code: SOUTH, type: "supplier_order.teleported", data: { supplier_order_id: south.id } })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toMatch(/not an event we handle.*kept/)
    const receipts = (await api("GET", `/admin/suppliers/${supplierIds[SOUTH]}/webhooks`, { headers: auth })).body.receipts
    expect(receipts.find((r: any) => r.webhook_id === unknown.id)).toMatchObject({ type: "supplier_order.teleported", outcome: "unknown_type" })

    const noAwb = await sim.send({ backendUrl, code: SOUTH, type: "supplier_order.shipped", data: { supplier_order_id: south.id, carrier: "Delhivery" } })
    expect(noAwb.status).toBe(400)
    expect(noAwb.body.message).toMatch(/data\.awb: is required/)

    const foreign = await sim.send({ backendUrl, code: SOUTH, type: "supplier_order.accepted", data: { supplier_order_id: north.id } })
    expect(foreign.status).toBe(404)
    const nobody = await sim.send({ backendUrl, code: "NO-SUCH-SUPPLIER", type: "supplier_order.accepted", data: { supplier_order_id: south.id }, secret: "whsec_" + Buffer.from("x".repeat(32)).toString("base64") })
    expect(nobody.status).toBe(404)
    expect((await supplierOrder(south.id)).status).toBe("accepted")
  })
})

describe("when a supplier cannot be reached", () => {
  test("delivery is retried, then marked failed with the last error, and a resend by hand delivers it under the same webhook-id", async () => {
    sim.setFailRate(1)
    try {
      const orderId = await placeCodOrder([variants[`SIMK-${run}-L`]])
      const [so] = await eventually("the supplier order", async () => {
        const list = await supplierOrders(orderId)
        return list.length ? list : undefined
      })
      const failed = await until("retries to run out", so.id, "failed")
      // SUPPLIER_RETRY_MAX_ATTEMPTS=4 in the test stack.
      expect(failed.messages[0]).toMatchObject({ status: "failed", attempts: 4 })
      expect(failed.messages[0].last_error).toMatch(/HTTP 5\d\d|not delivered/)
      expect(failed.history.at(-1)).toMatchObject({ from_status: "pending", to_status: "failed" })
      const queue = (await api("GET", "/admin/supplier-orders?queue=attention&limit=200", { headers: auth })).body.supplier_orders
      expect(queue.map((q: any) => q.id)).toContain(so.id)

      sim.setFailRate(0)
      const resent = await api("POST", `/admin/supplier-orders/${so.id}/resend`, { headers: auth })
      expect(resent.status).toBe(200)
      const sent = await until("the resend", so.id, "sent")
      expect(sent.messages[0]).toMatchObject({ status: "delivered", webhook_id: `msg_${so.id}_created` })
      expect(sim.messages.filter((m) => m.data?.supplier_order_id === so.id)).toHaveLength(1)
    } finally {
      sim.setFailRate(0)
    }
  })

  test("a rejection flags the order, and a resend goes out as a new message", async () => {
    const orderId = await placeCodOrder([variants[`SIMK-${run}-XL`]])
    const [so] = await eventually("the supplier order", async () => {
      const list = await supplierOrders(orderId)
      return list.length ? list : undefined
    })
    await until("delivery", so.id, "sent")
    const rejected = await sim.send({ backendUrl, code: SOUTH, type: "supplier_order.rejected", data: { supplier_order_id: so.id, reason: "XL out of stock until Friday" } })
    expect(rejected.status).toBe(200)
    expect(await supplierOrder(so.id)).toMatchObject({ status: "rejected", rejection_reason: "XL out of stock until Friday" })
    const order = (await api("GET", `/admin/orders/${orderId}`, { headers: auth })).body.order
    expect(order.metadata.supplier_alert).toMatchObject({ supplier_order_id: so.id, supplier_code: SOUTH, reason: "XL out of stock until Friday" })

    expect((await api("POST", `/admin/supplier-orders/${so.id}/resend`, { headers: auth })).status).toBe(200)
    const again = await until("the second round", so.id, "sent")
    expect(again.messages[0].webhook_id).toBe(`msg_${so.id}_created_r2`)
    expect(sim.messages.filter((m) => m.data?.supplier_order_id === so.id).map((m) => m.webhookId)).toEqual([`msg_${so.id}_created`, `msg_${so.id}_created_r2`])
  })
})

test("cancelling our order cancels its supplier orders and tells suppliers that have them", async () => {
  const orderId = await placeCodOrder([variants[`SIMK-${run}-S`], variants[`SIMK-${run}-M`]])
  const list = await eventually("two supplier orders", async () => {
    const l = await supplierOrders(orderId)
    return l.length === 2 ? l : undefined
  })
  for (const so of list) await until("delivery", so.id, "sent")
  const cancel = await api("POST", `/admin/orders/${orderId}/cancel`, { headers: auth })
  expect(cancel.status).toBe(200)
  for (const so of list) {
    const cancelled = await until("cancellation", so.id, "cancelled")
    const message = await eventually("the cancellation message", async () => (await supplierOrder(so.id)).messages.find((m: any) => m.event_type === "supplier_order.cancelled" && m.status === "delivered"))
    expect(message.webhook_id).toBe(`msg_${so.id}_cancelled`)
    expect(cancelled.cancelled_at).toBeTruthy()
    const received = sim.messages.find((m) => m.type === "supplier_order.cancelled" && m.data.supplier_order_id === so.id)
    expect(received?.data).toMatchObject({ reason: "the customer's order was cancelled" })
  }
})

test("inventory.updated sets the stock of the supplier's variants by its SKU, ignores older updates and reports unknown SKUs", async () => {
  const at = new Date()
  const res = await sim.send({
    backendUrl,
    code: NORTH,
    type: "inventory.updated",
    data: { items: [{ sku: `N-${run}-S`, quantity: 7, updated_at: at.toISOString() }, { sku: `S-${run}-M`, quantity: 99 }, { sku: "NOPE-1", quantity: 3 }] },
  })
  expect(res.status).toBe(200)
  // S-...-M belongs to the other supplier: this one cannot set it.
  expect(res.body).toMatchObject({ updated: 1, stale: [], unknown_skus: [`S-${run}-M`, "NOPE-1"] })
  const variant = async (sku: string) => (await api("GET", `/admin/variants?q=${sku}`, { headers: auth })).body.variants.find((v: any) => v.sku === sku)
  expect((await variant(`SIMK-${run}-S`)).inventory_quantity).toBe(7)
  expect((await variant(`SIMK-${run}-M`)).inventory_quantity).not.toBe(99)

  const older = await sim.send({ backendUrl, code: NORTH, type: "inventory.updated", data: { items: [{ sku: `N-${run}-S`, quantity: 500, updated_at: new Date(at.getTime() - 60_000).toISOString() }] } })
  expect(older.body).toMatchObject({ updated: 0, stale: [`N-${run}-S`] })
  expect((await variant(`SIMK-${run}-S`)).inventory_quantity).toBe(7)

  const bad = await sim.send({ backendUrl, code: NORTH, type: "inventory.updated", data: { items: [{ sku: `N-${run}-S`, quantity: -4 }] } })
  expect(bad.status).toBe(400)
  expect(bad.body.message).toMatch(/data\.items\[0\]\.quantity/)
})

test("supplier performance counts each supplier's orders, acceptances, shipments and rejections", async () => {
  const res = await api("GET", "/admin/suppliers/performance", { headers: auth })
  expect(res.status).toBe(200)
  const north = res.body.performance.find((p: any) => p.code === NORTH)
  const south = res.body.performance.find((p: any) => p.code === SOUTH)
  expect(north).toMatchObject({ shipped: 1, accepted: 1, rejected: 0, rejection_rate: 0 })
  expect(north.avg_hours_to_accept).toBeGreaterThanOrEqual(0)
  expect(north.avg_hours_to_ship).toBeGreaterThanOrEqual(0)
  // South accepted one order; the one it rejected was resent and is out again.
  expect(south).toMatchObject({ accepted: 1, rejected: 0 })
  expect(south.orders).toBeGreaterThanOrEqual(3)
})

test("an order whose order event was lost (a crash before forwarding) is found by the sweep and forwarded", async () => {
  const orderId = await placeCodOrder([variants[`SIMK-${run}-S`]])
  const [first] = await eventually("the supplier order", async () => {
    const l = await supplierOrders(orderId)
    return l.length ? l : undefined
  })
  // Forwarded by its order event, which has now been handled: nothing of it is still on the way.
  expect(first.history[0].detail.reason).toBe("order.placed")
  await until("delivery", first.id, "sent")
  // What a crash between order.placed and the subscriber's commit leaves: an order with no supplier order.
  const { Client } = await import("pg")
  const db = new Client({ connectionString: stackInfo().databaseUrl })
  await db.connect()
  try {
    await db.query(`DELETE FROM supplier_order WHERE order_id = $1`, [orderId])
  } finally {
    await db.end()
  }
  // SUPPLIER_SWEEP_INTERVAL_MS=2000 in the test stack; the sweep leaves orders younger than 15 s to their event.
  const [recovered] = await eventually(
    "the sweep to forward the order",
    async () => {
      const l = await supplierOrders(orderId)
      return l.length ? l : undefined
    },
    45_000
  )
  expect(recovered.id).not.toBe(first.id)
  expect(recovered.history[0].detail.reason).toMatch(/order event was missed/)
  await until("delivery", recovered.id, "sent")
  expect(await supplierOrders(orderId)).toHaveLength(1)
})
