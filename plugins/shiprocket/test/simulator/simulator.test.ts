/**
 * The Shiprocket simulator on its own, over plain fetch: the contract's endpoints, its
 * pincode rules, validation, faults and tracking webhooks. The client is tested against it
 * in test/client.
 */
import http from "http"
import type { AddressInfo } from "net"
// Extensionless: TypeScript takes the types from shiprocket-simulator.d.ts, jest loads the .cjs.
import { startShiprocketSimulator, type ShiprocketSimulator } from "../../simulator/shiprocket-simulator"

let sim: ShiprocketSimulator
afterEach(async () => {
  await sim?.close()
})

async function call(method: string, path: string, { token, body, signal }: { token?: string; body?: unknown; signal?: AbortSignal } = {}) {
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

async function login(): Promise<string> {
  const r = await call("POST", "/auth/login", { body: sim.credentials })
  expect(r.status).toBe(200)
  return r.body.token
}

const order = (over: Record<string, unknown> = {}) => ({
  order_id: "ful_A-1",
  order_date: "2026-11-24",
  pickup_location: "Primary",
  billing_customer_name: "Nila",
  billing_last_name: "Shah",
  billing_address: "21 Ring Rd",
  billing_city: "Surat",
  billing_pincode: "395003",
  billing_state: "Gujarat",
  billing_country: "India",
  billing_email: "nila@example.com",
  billing_phone: "9822233344",
  shipping_is_billing: true,
  order_items: [{ name: "Kurta", sku: "ZR-1", units: 1, selling_price: 1499 }],
  payment_method: "COD",
  sub_total: 1499,
  length: 30,
  breadth: 25,
  height: 5,
  weight: 0.5,
  ...over,
})

test("login: a 10-day token, wrong password 401, MFA accounts, blocking after too many logins", async () => {
  sim = await startShiprocketSimulator({ maxLogins: 2 })
  const token = await login()
  expect(token).toMatch(/^sim\./)
  expect((await call("POST", "/auth/login", { body: { ...sim.credentials, password: "nope" } })).status).toBe(401)
  expect((await call("POST", "/auth/login", { body: {} })).body.errors).toHaveProperty("email")
  sim.setMfa(true)
  expect(await call("POST", "/auth/login", { body: sim.credentials })).toMatchObject({ status: 200, body: { is_mfa_enabled: true, user_id: 4242 } })
  sim.setMfa(false)
  expect(await call("POST", "/auth/login", { body: sim.credentials })).toMatchObject({ status: 403 })
  expect(sim.stats()).toMatchObject({ loginAttempts: 5, logins: 1, mfaChallenges: 1, failedLogins: 2 })
})

test("bearer token on every other call; expired tokens answer 401", async () => {
  sim = await startShiprocketSimulator()
  expect((await call("GET", "/orders")).status).toBe(401)
  const token = await login()
  expect((await call("GET", "/orders", { token })).status).toBe(200)
  sim.expireTokens()
  expect(await call("GET", "/orders", { token })).toMatchObject({ status: 401, body: { message: "Token has expired" } })
  sim.setTokenTtlMs(0)
  const born = await login()
  expect((await call("GET", "/orders", { token: born })).status).toBe(401)
  expect(sim.validTokenCount()).toBe(0)
})

test("serviceability: pincode rules, COD, rates in rupees, etd; 422 for bad params", async () => {
  sim = await startShiprocketSimulator({ now: () => new Date("2026-11-23T06:00:00Z"), pincodes: { "560034": { extraDays: 2 } } })
  const token = await login()
  const q = (params: string) => call("GET", `/courier/serviceability/?${params}`, { token })

  const ok = await q("pickup_postcode=110030&delivery_postcode=400001&cod=0&weight=0.7")
  expect(ok.status).toBe(200)
  const list = ok.body.data.available_courier_companies
  expect(list.map((c: any) => c.courier_company_id)).toEqual([51, 6, 43, 10, 1])
  // Zone C (metro to metro), 2 slabs: Xpressbees 42 + 38, no COD charge.
  expect(list[0]).toMatchObject({ rate: 80, freight_charge: 80, cod_charges: 0, cod: 1, estimated_delivery_days: "4", etd: "Nov 27, 2026" })
  expect(list[1]).toMatchObject({ courier_name: "DTDC Surface", cod: 0 })
  expect(ok.body.data.recommended_courier_company_id).toBe(43)

  const cod = await q("pickup_postcode=110030&delivery_postcode=400001&cod=1&weight=0.5&declared_value=2500")
  expect(cod.body.data.available_courier_companies[0]).toMatchObject({ rate: 92, cod_charges: 50 })

  const northEast = await q("pickup_postcode=110030&delivery_postcode=793001&cod=1&weight=0.5")
  expect(northEast.body.data.available_courier_companies.every((c: any) => c.cod === 0 && c.zone === "z_e")).toBe(true)

  expect((await q("pickup_postcode=110030&delivery_postcode=560034&cod=0&weight=0.5")).body.data.available_courier_companies[0].estimated_delivery_days).toBe("6")

  expect(await q("pickup_postcode=110030&delivery_postcode=110999&cod=0&weight=0.5")).toMatchObject({ status: 200, body: { status: 404, data: { available_courier_companies: [] } } })

  const bad = await q("pickup_postcode=11003&delivery_postcode=&weight=0")
  expect(bad.status).toBe(422)
  expect(Object.keys(bad.body.errors).sort()).toEqual(["cod", "delivery_postcode", "pickup_postcode", "weight"])
  expect(bad.body.errors.pickup_postcode).toEqual(["The pickup postcode must be 6 digits."])
})

test("non-serviceable as HTTP 404, when asked to", async () => {
  sim = await startShiprocketSimulator({ nonServiceableStyle: "http404" })
  const token = await login()
  expect((await call("GET", "/courier/serviceability/?pickup_postcode=110030&delivery_postcode=110999&cod=0&weight=0.5", { token })).status).toBe(404)
})

test("adhoc orders: validation in Shiprocket's 422 shape, a reused order_id refused, search by our id", async () => {
  sim = await startShiprocketSimulator({ pickupLocations: [{ pickup_location: "Primary", pin_code: "395010" }] })
  const token = await login()
  const bad = await call("POST", "/orders/create/adhoc", {
    token,
    body: order({ billing_pincode: "39500", billing_phone: "+91 98222", length: 0.5, order_items: [{ name: "Kurta" }], shipping_is_billing: false, pickup_location: "Elsewhere" }),
  })
  expect(bad.status).toBe(422)
  expect(bad.body).toMatchObject({ message: "The given data was invalid.", status_code: 422 })
  expect(bad.body.errors.billing_pincode).toEqual(["The billing pincode must be 6 digits."])
  expect(Object.keys(bad.body.errors)).toEqual(
    expect.arrayContaining(["billing_phone", "length", "order_items.0.sku", "order_items.0.units", "shipping_customer_name", "shipping_pincode", "pickup_location"])
  )
  expect(sim.orders).toHaveLength(0)

  const created = await call("POST", "/orders/create/adhoc", { token, body: order() })
  expect(created).toMatchObject({ status: 200, body: { status: "NEW", status_code: 1, awb_code: null } })
  expect(typeof created.body.order_id).toBe("number")
  expect(typeof created.body.shipment_id).toBe("number")
  expect(sim.orders[0]).toMatchObject({ channel_order_id: "ful_A-1", pickup_pincode: "395010", delivery_pincode: "395003", payment_method: "cod" })

  const again = await call("POST", "/orders/create/adhoc", { token, body: order() })
  expect(again.status).toBe(422)
  expect(again.body.errors.order_id).toEqual(["The order id has already been taken."])
  await call("POST", "/orders/create/adhoc", { token, body: order({ order_id: "ful_A-10" }) })

  // Fuzzy like Shiprocket's: "ful_A-1" also matches "ful_A-10". Callers filter exact ids.
  const found = await call("GET", "/orders?search=ful_A-1", { token })
  expect(found.body.data.map((o: any) => o.channel_order_id)).toEqual(["ful_A-10", "ful_A-1"])
  expect(found.body.data[1]).toMatchObject({ id: created.body.order_id, status: "NEW", shipments: [{ id: created.body.shipment_id, awb: "" }] })
  expect(found.body.meta.pagination).toMatchObject({ total: 2, current_page: 1 })
  expect((await call("GET", "/orders?search=nothing", { token })).body.data).toEqual([])
  expect((await call("GET", `/orders/show/${created.body.order_id}`, { token })).body.data.channel_order_id).toBe("ful_A-1")
})

test("AWB, pickup, tracking, cancel and returns", async () => {
  sim = await startShiprocketSimulator()
  const token = await login()
  const { body: o } = await call("POST", "/orders/create/adhoc", { token, body: order() })
  expect((await call("POST", "/courier/generate/pickup", { token, body: { shipment_id: [o.shipment_id] } })).body.message).toBe("Please assign AWB first")
  const awb = await call("POST", "/courier/assign/awb", { token, body: { shipment_id: o.shipment_id } })
  expect(awb.body).toMatchObject({ awb_assign_status: 1, response: { data: { courier_company_id: 43, courier_name: "Delhivery Surface", shipment_id: o.shipment_id } } })
  const code = awb.body.response.data.awb_code
  expect((await call("POST", "/courier/assign/awb", { token, body: { shipment_id: o.shipment_id } })).body).toMatchObject({ awb_assign_status: 0 })
  const pickup = await call("POST", "/courier/generate/pickup", { token, body: { shipment_id: [o.shipment_id] } })
  expect(pickup.body).toMatchObject({ pickup_status: 1, response: { status: 3 } })
  expect(pickup.body.response.pickup_token_number).toMatch(/^Reference No: \d+$/)
  expect((await call("POST", "/courier/generate/pickup", { token, body: { shipment_id: [o.shipment_id] } })).body.message).toBe("Already in Pickup Queue.")

  sim.advanceShipment(code, 42, { location: "Surat" })
  sim.advanceShipment(code, 18)
  const tracked = await call("GET", `/courier/track/awb/${code}`, { token })
  expect(tracked.body.tracking_data).toMatchObject({ track_status: 1, shipment_status: 18, track_url: `https://shiprocket.co/tracking/${code}` })
  expect(tracked.body.tracking_data.shipment_track_activities.map((a: any) => a["sr-status"])).toEqual(["18", "42", "3", "1"])
  expect((await call("GET", "/courier/track/awb/000", { token })).body.tracking_data.track_status).toBe(0)

  // Too late to cancel after pickup; an order still waiting can be.
  expect((await call("POST", "/orders/cancel", { token, body: { ids: [o.order_id] } })).status).toBe(400)
  const { body: o2 } = await call("POST", "/orders/create/adhoc", { token, body: order({ order_id: "ful_B-1" }) })
  expect(await call("POST", "/orders/cancel", { token, body: { ids: [o2.order_id] } })).toMatchObject({ status: 200, body: { message: "Order cancelled successfully." } })
  expect(sim.ordersByChannelId("ful_B-1")[0].status).toBe("CANCELED")
  expect((await call("POST", "/courier/assign/awb", { token, body: { shipment_id: o2.shipment_id } })).status).toBe(400)
  expect((await call("POST", "/orders/cancel", { token, body: { ids: [1] } })).status).toBe(400)
  // A cancelled order's id is still taken.
  expect((await call("POST", "/orders/create/adhoc", { token, body: order({ order_id: "ful_B-1" }) })).status).toBe(422)

  const ret = {
    order_id: "ret_A-1",
    order_date: "2026-11-30",
    pickup_customer_name: "Nila",
    pickup_address: "21 Ring Rd",
    pickup_city: "Surat",
    pickup_state: "Gujarat",
    pickup_country: "India",
    pickup_pincode: "395003",
    pickup_email: "nila@example.com",
    pickup_phone: "9822233344",
    shipping_customer_name: "Surat Silks",
    shipping_address: "Plot 4",
    shipping_city: "Surat",
    shipping_state: "Gujarat",
    shipping_country: "India",
    shipping_pincode: "394210",
    shipping_phone: "9876543210",
    order_items: [{ name: "Kurta", sku: "ZR-1", units: 1, selling_price: 1499 }],
    payment_method: "Prepaid",
    sub_total: 1499,
    length: 30,
    breadth: 25,
    height: 5,
    weight: 0.5,
  }
  expect((await call("POST", "/orders/create/return", { token, body: { ...ret, pickup_phone: "" } })).body.errors).toHaveProperty("pickup_phone")
  expect(await call("POST", "/orders/create/return", { token, body: ret })).toMatchObject({ status: 200, body: { status: "RETURN PENDING", status_code: 21 } })
  expect((await call("GET", "/orders/processing/return?search=ret_A-1", { token })).body.data.map((r: any) => r.channel_order_id)).toEqual(["ret_A-1"])
  expect((await call("GET", "/orders?search=ret_A-1", { token })).body.data).toEqual([])
  // COD to a prepaid-only pincode: no courier.
  const { body: ne } = await call("POST", "/orders/create/adhoc", { token, body: order({ order_id: "ful_NE-1", billing_pincode: "793001" }) })
  expect((await call("POST", "/courier/assign/awb", { token, body: { shipment_id: ne.shipment_id } })).body).toMatchObject({ awb_assign_status: 0 })
  expect((await call("GET", "/settings/company/pickup", { token })).body.data.shipping_address[0]).toMatchObject({ pickup_location: "Primary" })
})

test("faults: 429 bursts, 5xx, cut connections, delays, store-then-time-out; counters and the request log", async () => {
  sim = await startShiprocketSimulator()
  const token = await login()
  sim.rateLimitNext(2, { endpoint: "orders_search" })
  expect(await call("GET", "/orders", { token })).toMatchObject({ status: 429, body: { message: "You have exceeded the API call rate limit." } })
  expect((await call("GET", "/courier/track/awb/1", { token })).status).toBe(200) // other endpoints unaffected
  expect((await call("GET", "/orders", { token })).status).toBe(429)
  expect((await call("GET", "/orders", { token })).status).toBe(200)
  sim.failNext(1, { status: 503 })
  expect((await call("GET", "/orders", { token })).status).toBe(503)
  sim.resetNext(1)
  await expect(call("GET", "/orders", { token })).rejects.toThrow()
  sim.delayNext(1, 50, { endpoint: "orders_search" })
  expect((await call("GET", "/orders", { token })).status).toBe(200)

  sim.storeThenTimeoutNext(1)
  await expect(call("POST", "/orders/create/adhoc", { token, body: order(), signal: AbortSignal.timeout(200) })).rejects.toThrow()
  expect(sim.ordersByChannelId("ful_A-1")).toHaveLength(1)
  sim.storeThenFailNext(1, { status: 502 })
  expect((await call("POST", "/orders/create/adhoc", { token, body: order({ order_id: "ful_A-2" }) })).status).toBe(502)
  expect(sim.ordersByChannelId("ful_A-2")).toHaveLength(1)

  expect(sim.counts()).toMatchObject({ login: 1, orders_search: 6, track_awb: 1, create_adhoc: 2 })
  expect(sim.stats()).toMatchObject({ rateLimited: 2, serverErrors: 2, resets: 1, held: 1 })
  expect(sim.requests.map((r) => r.fault).filter(Boolean)).toEqual(["rate_limited", "rate_limited", "server_error", "reset", "delayed", "store_then_timeout", "store_then_fail"])
  expect(sim.requests.find((r) => r.fault === "store_then_timeout")).toMatchObject({ status: null, handled: true, body: { order_id: "ful_A-1" } })
  expect(() => sim.rateLimitNext(1, { endpoint: "nope" as any })).toThrow(/unknown endpoint/)
  sim.resetCounters()
  expect(sim.counts().login).toBe(0)
})

test("tracking webhooks: Shiprocket's payload, x-api-key, IST timestamps, the URL rule", async () => {
  sim = await startShiprocketSimulator()
  const received: { headers: http.IncomingHttpHeaders; body: any }[] = []
  const receiver = http.createServer((req, res) => {
    let raw = ""
    req.on("data", (c) => (raw += c))
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) })
      res.writeHead(received.length === 1 ? 200 : 500).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/courier-tracking`
  try {
    const token = await login()
    const { body: o } = await call("POST", "/orders/create/adhoc", { token, body: order() })
    const { body: a } = await call("POST", "/courier/assign/awb", { token, body: { shipment_id: o.shipment_id } })
    const awb = a.response.data.awb_code
    const first = await sim.sendTrackingWebhook({ url: hookUrl, apiKey: "tok_123", awb, statusId: 17, at: new Date("2026-11-25T03:30:00Z"), location: "Surat hub" })
    expect(first).toMatchObject({ status: 200, delivered: true })
    expect(received[0].headers["x-api-key"]).toBe("tok_123")
    expect(received[0].body).toMatchObject({
      awb: Number(awb),
      courier_name: "Delhivery Surface",
      current_status: "OUT FOR DELIVERY",
      current_status_id: 19, // the order table's number
      shipment_status: "OUT FOR DELIVERY",
      shipment_status_id: 17,
      current_timestamp: "25 11 2026 09:00:00",
      order_id: `ful_A-1_${o.order_id}`,
      sr_order_id: o.order_id,
      is_return: 0,
    })
    expect(received[0].body.scans.map((s: any) => [s["sr-status"], s["sr-status-label"]])).toEqual([
      ["1", "AWB ASSIGNED"],
      ["17", "OUT FOR DELIVERY"],
    ])
    const second = await sim.sendTrackingWebhook({ url: hookUrl, awb, payload: { pod_status: "x" } })
    expect(second).toMatchObject({ status: 500, delivered: false })
    expect(received[1].headers["x-api-key"]).toBeUndefined()
    expect(received[1].body.pod_status).toBe("x")
    await expect(sim.sendTrackingWebhook({ url: "http://127.0.0.1:1/hooks/shiprocket/tracking", awb })).rejects.toThrow(/refuses webhook URLs containing "shiprocket"/)
    await expect(sim.sendTrackingWebhook({ url: hookUrl, awb: "nope" })).rejects.toThrow(/no shipment/)
    expect(sim.webhooksSent.map((w) => w.status)).toEqual([200, 500])
  } finally {
    await new Promise((resolve) => receiver.close(resolve))
  }
})
