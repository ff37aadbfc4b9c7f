/**
 * Shiprocket at checkout and after: courier rates and dates as shipping options, COD
 * refused where no courier collects cash, parcels booked exactly once from the supplier's
 * pickup location (also when the create call times out after Shiprocket stored it, and
 * through 429 bursts), tracking webhooks (token checked, duplicates ignored) driving the
 * order to delivered, the storefront timeline, cancellation, returns, and one login for
 * a hundred parcels. Against the real server and the local Shiprocket simulator.
 */
import { startShiprocketSimulator, type ShiprocketSimulator } from "medusa-plugin-shiprocket/simulator/shiprocket-simulator"
import { startSupplierSimulator } from "medusa-plugin-supplier-forwarding/simulator/supplier-simulator"
import { adminToken, api, stackInfo } from "../harness/api"
import { courierCart, courierOptions, courierParcels, fulfil as fulfilItems, placeCourierOrder as placeCourierOrderIn, untilPasses, untilShiprocketConnects } from "../harness/courier"
import { createProduct, deleteCreatedProducts } from "../harness/orders"

let sim: ShiprocketSimulator
let admin: string
let india: { id: string }
let suratVariant: string
let webhookToken: string
// Fresh pincodes per run: rates are cached for 10 minutes, also across runs on one server.
const run = Date.now().toString(36).toUpperCase()
const pinBase = 400000 + Math.floor(Math.random() * 900) * 100
const pin = (n: number) => String(pinBase + n)
const auth = () => ({ authorization: `Bearer ${admin}` })
const asAdmin = (method: string, path: string, body?: unknown) => api(method, path, { body, headers: auth() })

beforeAll(async () => {
  const port = stackInfo().shiprocketApiPort
  if (!port) throw new Error("the test stack was started without a Shiprocket API port (see test/harness/global-setup.ts)")
  sim = await startShiprocketSimulator({ port, email: "api@example.com", password: "secret" })
  admin = await adminToken()
  await untilShiprocketConnects(auth())
  india = (await api("GET", "/store/regions")).body.regions.find((r: any) => r.currency_code === "inr")
  // One cheap, well-stocked item from the Surat supplier (pickup location Surat-WH1, pincode 395003).
  const variants = await createProduct(auth(), `Cotton hair tie ${run}`, [`TIE-${run}`], { inrPrice: 5000, stock: 500 })
  suratVariant = variants[`TIE-${run}`]
  const mapped = await asAdmin("POST", "/admin/supplier-mappings", { mappings: [{ variant_id: suratVariant, supplier_code: "SURAT-API", supplier_sku: `SUR-TIE-${run}`, cost_price: 2000 }] })
  expect(mapped.body).toEqual({ updated: 1 })
  webhookToken = (await asAdmin("GET", "/admin/shiprocket/settings")).body.webhook.token
})

afterAll(async () => {
  if (admin) await deleteCreatedProducts(auth())
  await sim?.close()
})

// This file's region and admin, bound once.
const cartFor = (variantId: string, quantity: number, pincode: string) => courierCart(india.id, variantId, quantity, pincode)
const placeCourierOrder = (variantId: string, quantity: number, pincode: string) => placeCourierOrderIn(india.id, variantId, quantity, pincode)
const fulfil = (orderId: string, items: { item_id: string; quantity: number }[]) => fulfilItems(auth(), orderId, items)
const parcels = (orderId: string) => courierParcels(auth(), orderId)

const booked = (orderId: string, count = 1, timeoutMs = 20_000) =>
  untilPasses(async () => {
    const list = await parcels(orderId)
    expect(list.filter((p) => p.state === "booked")).toHaveLength(count)
    return list
  }, timeoutMs)

const webhookUrl = () => `${stackInfo().baseUrl}/hooks/courier-tracking`

describe("checkout", () => {
  test("an Indian cart is offered the cheapest and the fastest courier, priced by Shiprocket, with the date kept on the shipping method", async () => {
    const cartId = await cartFor(suratVariant, 1, pin(1))
    const options = await courierOptions(cartId)
    expect(options.map((o: any) => o.data.id).sort()).toEqual(["shiprocket-cheapest", "shiprocket-fastest"])
    for (const o of options) expect(o.amount).toBeGreaterThan(0)
    const estimate = (await api("GET", `/store/shiprocket/serviceability?pincode=${pin(1)}&cart_id=${cartId}`)).body.estimate
    const cheapest = options.find((o: any) => o.data.id === "shiprocket-cheapest")
    expect(cheapest.amount).toBe(Math.ceil(estimate.options.find((o: any) => o.kind === "cheapest").rate / 100) * 100)
    const res = await api("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: cheapest.id } })
    expect(res.status).toBe(200)
    const method = res.body.cart.shipping_methods[0]
    expect(method.data).toMatchObject({ kind: "cheapest", pincode: pin(1) })
    expect(method.data.etd).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(method.data.courier_id).toEqual(expect.any(Number))
    // The flat rates are still there next to the couriers.
    expect((await api("GET", `/store/shipping-options/${cartId}`)).body.shipping_options.some((o: any) => o.provider_id === "manual" && !o.is_return)).toBe(true)
  })

  test("when Shiprocket is down, only the flat rates are offered", async () => {
    const cartId = await cartFor(suratVariant, 1, pin(2))
    sim.failNext(50, { status: 503, endpoint: "serviceability" })
    try {
      const all = (await api("GET", `/store/shipping-options/${cartId}`)).body.shipping_options
      expect(all.filter((o: any) => o.provider_id === "shiprocket" && !o.is_return)).toEqual([])
      expect(all.some((o: any) => o.provider_id === "manual" && !o.is_return)).toBe(true)
    } finally {
      sim.clearFaults()
      await new Promise((r) => setTimeout(r, 600)) // the outage cooldown (SHIPROCKET_OUTAGE_COOLDOWN_MS in the test stack)
    }
  })

  test("cash on delivery is refused for a pincode no courier collects cash at, with the reason", async () => {
    const cartId = await cartFor(suratVariant, 1, "791001") // prepaid-only in the simulator (North East)
    const res = await api("POST", `/store/carts/${cartId}/payment-sessions`)
    expect(res.status).toBe(200)
    const cod = res.body.cart.payment_sessions.find((s: any) => s.provider_id === "cod")
    expect(cod.data).toMatchObject({ available: false })
    expect(cod.data.reason).toMatch(/not available at pincode 791001: no courier collects cash/)
  })

  test("more shoppers than the server has database connections ask for payment options at once: each gets the courier's answer", async () => {
    // Each check runs inside the cart's transaction. Its reads once took a second connection
    // from the same pool of ten: enough at once held all ten and the server stopped answering.
    const carts: string[] = []
    for (let i = 0; i < 40; i++) carts.push(await cartFor(suratVariant, 1, "791001"))
    const answers = await Promise.all(carts.map((cartId) => api("POST", `/store/carts/${cartId}/payment-sessions`)))
    expect(answers.map((a) => a.status)).toEqual(carts.map(() => 200))
    for (const answer of answers) {
      const cod = answer.body.cart.payment_sessions.find((s: any) => s.provider_id === "cod")
      expect(cod.data.reason).toMatch(/not available at pincode 791001: no courier collects cash/)
    }
  })
})

describe("parcels", () => {
  test("a fulfillment is booked once (create, AWB, pickup) at the supplier's pickup location, even when the create call times out after Shiprocket stored it", async () => {
    const order = await placeCourierOrder(suratVariant, 1, pin(3))
    sim.storeThenTimeoutNext(1, { endpoint: "create_adhoc" })
    const fulfillmentId = await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    const [parcel] = await booked(order.id)
    const stored = sim.orders.filter((o) => o.channel_order_id.startsWith(fulfillmentId))
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ payment_method: "cod", delivery_pincode: pin(3) })
    expect(stored[0].payload.pickup_location).toBe("Surat-WH1")
    expect(parcel).toMatchObject({ kind: "forward", payment_method: "cod", pickup_location: "Surat-WH1", sr_order_id: stored[0].order_id, awb: stored[0].awb_code, stage: "pickup_pending" })
    expect(parcel.pickup_scheduled_date).toBeTruthy()
    expect(sim.requests.filter((r) => r.endpoint === "create_adhoc" && r.body?.order_id?.startsWith(fulfillmentId)).length).toBeGreaterThanOrEqual(1)
  })

  test("a 429 burst is ridden out", async () => {
    const order = await placeCourierOrder(suratVariant, 1, pin(4))
    sim.rateLimitNext(3, { endpoint: "assign_awb" })
    sim.rateLimitNext(2, { endpoint: "generate_pickup" })
    await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    const [parcel] = await booked(order.id)
    expect(parcel.awb).toBeTruthy()
    expect(sim.requests.filter((r) => r.fault === "rate_limited").length).toBeGreaterThanOrEqual(5)
  })

  test("data Shiprocket refuses fails the parcel with the reason in words, and a retry after the fix books it", async () => {
    const order = await placeCourierOrder(suratVariant, 1, pin(5))
    // A pickup location Shiprocket does not know: refused with 422 errors.pickup_location.
    sim.setPickupLocations([{ pickup_location: "Elsewhere-WH", pin_code: "110030" }])
    await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    const failed = await untilPasses(async () => {
      const [p] = await parcels(order.id)
      expect(p.state).toBe("failed")
      return p
    }, 20_000)
    sim.setPickupLocations(null) // the merchant registers the supplier's address at Shiprocket
    expect(failed.last_error).toMatch(/^Shiprocket refused the parcel: .*pickup/i)
    expect((await asAdmin("GET", "/admin/shiprocket/shipments?state=failed")).body.shipments.map((s: any) => s.id)).toContain(failed.id)
    const retried = await asAdmin("POST", `/admin/shiprocket/shipments/${failed.id}/retry`)
    expect(retried.status).toBe(200)
    await booked(order.id)
    const again = await asAdmin("POST", `/admin/shiprocket/shipments/${failed.id}/retry`)
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/only failed shipments can be retried/)
  })

  test("a slow create that lands after we gave up is found, not sent twice", async () => {
    const order = await placeCourierOrder(suratVariant, 1, pin(12))
    sim.delayNext(1, 4_500, { endpoint: "create_adhoc" }) // longer than the request timeout (3 s in the test stack)
    const fulfillmentId = await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    await booked(order.id, 1, 40_000)
    expect(sim.orders.filter((o) => o.channel_order_id.startsWith(fulfillmentId))).toHaveLength(1)
  })

  test("an expired token is renewed once, and the parcel still books", async () => {
    const order = await placeCourierOrder(suratVariant, 1, pin(13))
    const before = sim.stats().logins
    sim.expireTokens()
    await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    await booked(order.id)
    expect(sim.stats().logins - before).toBe(1)
  })
})

describe("a supplier that packs while we book the courier", () => {
  test("accepting its supplier order fulfils its items and books the pickup at its door", async () => {
    const suppliers = await startSupplierSimulator()
    try {
      const code = `PACK-${run}`
      const created = await asAdmin("POST", "/admin/suppliers", { code, name: `Packing supplier ${run}`, integration: "api", endpoint: suppliers.endpointFor(code), pickup_location: `${code}-WH`, pincode: "302029", processing_days: 1 })
      expect(created.status).toBe(201)
      suppliers.addSupplier(code, created.body.secret)
      const variants = await createProduct(auth(), `Block print scarf ${run}`, [`SCARF-${run}`], { inrPrice: 5000, stock: 20 })
      const variantId = variants[`SCARF-${run}`]
      const mapped = await asAdmin("POST", "/admin/supplier-mappings", { mappings: [{ variant_id: variantId, supplier_code: code, supplier_sku: `P-SCARF-${run}`, cost_price: 2000 }] })
      expect(mapped.body).toEqual({ updated: 1 })

      const order = await placeCourierOrder(variantId, 1, pin(11))
      const message = await suppliers.waitFor((x) => x.messages.find((m) => m.code === code && m.type === "supplier_order.created"), 20_000)
      const supplierOrderId = message.data.supplier_order_id
      await untilPasses(async () => expect((await asAdmin("GET", `/admin/supplier-orders/${supplierOrderId}`)).body.supplier_order.status).toBe("sent"))
      expect(await parcels(order.id)).toEqual([]) // nothing is booked before the supplier accepts

      const accepted = await suppliers.send({ backendUrl: stackInfo().baseUrl, code, type: "supplier_order.accepted", data: { supplier_order_id: supplierOrderId } })
      expect(accepted.status).toBe(200)
      const [parcel] = await booked(order.id)
      expect(parcel).toMatchObject({ pickup_location: `${code}-WH`, supplier_id: created.body.supplier.id })
      expect(sim.orders.find((o) => o.order_id === parcel.sr_order_id)!.payload.pickup_location).toBe(`${code}-WH`)
      const supplierOrder = (await asAdmin("GET", `/admin/supplier-orders/${supplierOrderId}`)).body.supplier_order
      expect(supplierOrder.fulfillment_id).toBe(parcel.fulfillment_id)
    } finally {
      await suppliers.close()
    }
  })
})

describe("tracking", () => {
  let order: any
  let parcel: any

  beforeAll(async () => {
    order = await placeCourierOrder(suratVariant, 1, pin(6))
    await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    ;[parcel] = await booked(order.id)
  })

  test("a webhook with a wrong or missing token gets 401 and changes nothing", async () => {
    for (const apiKey of ["wrong-token", null]) {
      // Claims delivery without recording it at the simulator (its scans would carry it into later webhooks).
      const res = await sim.sendTrackingWebhook({ url: webhookUrl(), apiKey, awb: parcel.awb, payload: { shipment_status_id: 7, shipment_status: "DELIVERED", current_status_id: 7, current_status: "DELIVERED" } })
      expect(res.status).toBe(401)
    }
    const [after] = await parcels(order.id)
    expect(after.stage).toBe("pickup_pending")
    expect(after.events.some((e: any) => e.source === "webhook")).toBe(false)
  })

  test("webhooks drive the parcel to delivered: shipped in Medusa at pickup, COD captured on delivery, repeats ignored", async () => {
    // Courier scans after the booking, a few minutes apart.
    const start = Date.now()
    const send = (statusId: number, minutesLater: number) =>
      sim.sendTrackingWebhook({ url: webhookUrl(), apiKey: webhookToken, awb: parcel.awb, statusId, at: new Date(start + minutesLater * 60_000) })
    const picked = await send(42, 1)
    expect(picked.status).toBe(200)
    expect(picked.body).toMatchObject({ applied: true, stage: "picked_up", duplicate: false })
    await untilPasses(async () => {
      const o = (await asAdmin("GET", `/admin/orders/${order.id}`)).body.order
      expect(o.fulfillment_status).toBe("shipped")
      expect(o.fulfillments[0].tracking_links[0].tracking_number).toBe(parcel.awb)
    }, 10_000)
    expect((await send(18, 2)).body.stage).toBe("in_transit")
    expect((await send(17, 3)).body.stage).toBe("out_for_delivery")
    const delivered = await send(7, 4)
    expect(delivered.body).toMatchObject({ stage: "delivered", changed: true })
    const repeat = await sim.sendTrackingWebhook({ url: webhookUrl(), apiKey: webhookToken, payload: delivered.payload })
    expect(repeat.status).toBe(200)
    expect(repeat.body).toMatchObject({ duplicate: true, changed: false })
    // A late "in transit" scan does not reopen a delivered parcel.
    expect((await send(18, 3.5)).body.stage).toBe("delivered")
    await untilPasses(async () => {
      const o = (await asAdmin("GET", `/admin/orders/${order.id}`)).body.order
      expect(o.payment_status).toBe("captured")
      expect(o.fulfillments[0].metadata).toMatchObject({ delivery_status: "delivered" })
    }, 10_000)
    const timeline = await api("GET", `/store/orders/${order.id}/tracking`)
    expect(timeline.status).toBe(200)
    const [shipment] = timeline.body.shipments
    expect(shipment).toMatchObject({ stage: "delivered", awb: parcel.awb, state: "booked" })
    expect(shipment.events.map((e: any) => e.stage)).toEqual(expect.arrayContaining(["picked_up", "in_transit", "out_for_delivery", "delivered"]))
    expect(shipment.last_error).toBeUndefined()
  })

  test("an update for an AWB that is not ours is acknowledged and ignored; a body that is not tracking is a 400", async () => {
    const unknown = await sim.sendTrackingWebhook({ url: webhookUrl(), apiKey: webhookToken, payload: { awb: "NOT-OURS-1", shipment_status_id: 18, current_timestamp: "23 11 2026 10:00:00" } })
    expect(unknown.status).toBe(200)
    expect(unknown.body).toMatchObject({ applied: false, reason: "unknown_awb" })
    const bad = await sim.sendTrackingWebhook({ url: webhookUrl(), apiKey: webhookToken, rawBody: "{not json" })
    expect(bad.status).toBe(400)
    const empty = await sim.sendTrackingWebhook({ url: webhookUrl(), apiKey: webhookToken, payload: { awb: "X1" } })
    expect(empty.status).toBe(400)
    expect(empty.body.message).toMatch(/no status/)
  })

  test("missed webhooks are caught up by polling Shiprocket's tracking", async () => {
    const other = await placeCourierOrder(suratVariant, 1, pin(7))
    await fulfil(other.id, [{ item_id: other.items[0].id, quantity: 1 }])
    const [p] = await booked(other.id)
    // The courier picks it up, but the webhook never arrives.
    const stored = sim.orders.find((o) => o.order_id === p.sr_order_id)!
    stored.history.push({ statusId: 42, label: "PICKED UP", at: new Date(), location: "Surat", activity: "Shipment picked up", courierStatus: "PKD" })
    await untilPasses(async () => {
      const [now] = await parcels(other.id)
      expect(now.stage).toBe("picked_up")
      expect(now.events.some((e: any) => e.source === "poll")).toBe(true)
    }, 20_000)
  })

  test("the storefront timeline of a registered customer's order is hers alone", async () => {
    const res = await api("GET", `/store/orders/order_doesnotexist/tracking`)
    expect(res.status).toBe(404)
  })
})

describe("cancel and returns", () => {
  test("cancelling the fulfillment before pickup cancels at Shiprocket; after pickup it is refused with the reason", async () => {
    const order = await placeCourierOrder(suratVariant, 2, pin(8))
    const first = await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    const [p] = await booked(order.id)
    const cancelled = await asAdmin("POST", `/admin/orders/${order.id}/fulfillments/${first}/cancel`)
    expect(cancelled.status).toBe(200)
    expect(sim.orders.find((o) => o.order_id === p.sr_order_id)!.status).toMatch(/CANCEL/i)
    expect((await parcels(order.id))[0]).toMatchObject({ state: "cancelled", stage: "cancelled" })

    const second = await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    const list = await booked(order.id)
    const live = list.find((x) => x.fulfillment_id === second)
    await sim.sendTrackingWebhook({ url: webhookUrl(), apiKey: webhookToken, awb: live.awb, statusId: 42 })
    const refused = await asAdmin("POST", `/admin/shiprocket/shipments/${live.id}/cancel`)
    expect(refused.status).toBe(400)
    expect(refused.body.message).toMatch(/courier already has the parcel .*create a return instead/)
  })

  test("a return with the courier return option books a reverse pickup from the customer to the supplier", async () => {
    const order = await placeCourierOrder(suratVariant, 1, pin(9))
    await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    const [p] = await booked(order.id)
    for (const statusId of [42, 7]) await sim.sendTrackingWebhook({ url: webhookUrl(), apiKey: webhookToken, awb: p.awb, statusId })
    const returnOption = (await api("GET", `/store/shipping-options?region_id=${india.id}&is_return=true`)).body.shipping_options.find((o: any) => o.provider_id === "shiprocket")
    expect(returnOption).toBeDefined()
    const res = await api("POST", "/store/returns", { body: { order_id: order.id, items: [{ item_id: order.items[0].id, quantity: 1 }], return_shipping: { option_id: returnOption.id } } })
    expect(res.status).toBe(200)
    const returned = await untilPasses(async () => {
      const list = await parcels(order.id)
      const r = list.find((x) => x.kind === "return")
      expect(r?.state).toBe("booked")
      return r
    }, 20_000)
    const atShiprocket = sim.orders.find((o) => o.order_id === returned.sr_order_id)!
    expect(atShiprocket.is_return).toBe(true)
    expect(atShiprocket.payload.pickup_pincode).toBe(pin(9))
    expect(atShiprocket.payload.shipping_pincode).toBe("395003")
  })
})

describe("volume", () => {
  test("a hundred parcels are booked with one login", async () => {
    const order = await placeCourierOrder(suratVariant, 100, pin(10))
    // A fresh Shiprocket account: the token the server holds is unknown to it, so it must log in, once.
    await sim.close()
    sim = await startShiprocketSimulator({ port: stackInfo().shiprocketApiPort, email: "api@example.com", password: "secret" })
    for (let i = 0; i < 100; i++) await fulfil(order.id, [{ item_id: order.items[0].id, quantity: 1 }])
    await booked(order.id, 100, 120_000)
    expect(new Set(sim.orders.filter((o) => o.payload?.comment?.includes(`#${order.display_id}`)).map((o) => o.channel_order_id)).size).toBe(100)
    expect(sim.stats().loginAttempts).toBe(1)
    expect(sim.stats().logins).toBe(1)
  }, 240_000)
})
