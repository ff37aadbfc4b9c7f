/**
 * The real client against the simulator, over real sockets on 127.0.0.1: token caching and
 * renewal, the throttle, retries, errors in words, and the no-duplicate guard on creates.
 * Nothing here asserts on wall-clock durations: timeouts are short and delays long enough
 * that the order of events is not in doubt, and the throttle is checked on a virtual clock.
 */
import http from "http"
import type { AddressInfo } from "net"
import { startShiprocketSimulator, type ShiprocketSimulator } from "../../simulator/shiprocket-simulator"
import {
  MemoryTokenStore,
  ShiprocketAuthError,
  ShiprocketClient,
  ShiprocketError,
  ShiprocketMfaRequiredError,
  ShiprocketNoCourierError,
  ShiprocketOutcomeUnknownError,
  ShiprocketValidationError,
  type ShiprocketClientOptions,
  type StoredToken,
  type TokenStore,
} from "../../src/clients/shiprocket"
import { buildAdhocOrderPayload, buildReturnOrderPayload, chooseCouriers, parseTrackingWebhook, shiprocketOrderId, type ShiprocketAdhocOrderPayload } from "../../src/core"

let sim: ShiprocketSimulator
afterEach(async () => {
  await sim?.close()
})

function client(over: Partial<ShiprocketClientOptions> = {}): ShiprocketClient {
  return new ShiprocketClient({
    ...sim.credentials,
    baseUrl: sim.url,
    requestsPerSecond: 0,
    backoffBaseMs: 5,
    backoffMaxMs: 20,
    lookupDelayMs: 0,
    timeoutMs: 2000,
    ...over,
  })
}

const ADDRESS = { first_name: "Nila", last_name: "Shah", address_1: "21 Ring Rd", city: "Surat", province: "GJ", postal_code: "395003", country_code: "in", phone: "+91 98222 33344" }

function payload(orderId: string, over: Partial<ShiprocketAdhocOrderPayload> = {}): ShiprocketAdhocOrderPayload {
  return {
    ...buildAdhocOrderPayload({
      order_id: orderId,
      order_date: new Date(),
      pickup_location: "Primary",
      payment: "cod",
      email: "nila@example.com",
      shipping_address: ADDRESS,
      items: [{ title: "Chikankari kurta", sku: "ZR-KUR-001-M", quantity: 1, unit_price: 149900, grams: 350 }],
    }),
    ...over,
  }
}

const SERVICEABILITY = { pickup_postcode: "110030", delivery_postcode: "400001", cod: false, weight: 0.5 }

describe("token", () => {
  test("one login for 100 calls in a row, and for 50 at once from a fresh client", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    for (let i = 0; i < 100; i++) await c.serviceability(SERVICEABILITY)
    expect(sim.stats().loginAttempts).toBe(1)
    expect(sim.counts().serviceability).toBe(100)

    sim.resetCounters()
    const fresh = client()
    const answers = await Promise.all(Array.from({ length: 50 }, () => fresh.serviceability(SERVICEABILITY)))
    expect(answers.every((a) => a.serviceable)).toBe(true)
    expect(sim.stats().loginAttempts).toBe(1)
  })

  test("the token store is shared: a second client (replica) does not log in; a lock keeps concurrent replicas to one login", async () => {
    sim = await startShiprocketSimulator()
    const store = new MemoryTokenStore()
    await client({ tokenStore: store }).serviceability(SERVICEABILITY)
    await client({ tokenStore: store }).serviceability(SERVICEABILITY)
    expect(sim.stats().logins).toBe(1)
    const saved = await store.load()
    expect(saved?.expires_at.getTime()).toBeGreaterThan(Date.now() + 9 * 24 * 3600 * 1000)

    // Three replicas start at once with an empty store that has a lock (like pg_advisory_lock).
    sim.resetCounters()
    let chain = Promise.resolve()
    let locks = 0
    const shared: StoredToken[] = []
    const lockedStore: TokenStore = {
      load: async () => shared[0] ?? null,
      save: async (t) => void (shared[0] = t),
      withLock: <T>(fn: () => Promise<T>) => {
        locks++
        const run = chain.then(fn)
        chain = run.then(
          () => undefined,
          () => undefined
        )
        return run
      },
    }
    const replicas = [client({ tokenStore: lockedStore }), client({ tokenStore: lockedStore }), client({ tokenStore: lockedStore })]
    await Promise.all(replicas.flatMap((r) => [r.serviceability(SERVICEABILITY), r.serviceability(SERVICEABILITY)]))
    expect(locks).toBe(3)
    expect(sim.stats().logins).toBe(1)
  })

  test("a stored token close to expiry is renewed; a broken store falls back to logging in", async () => {
    sim = await startShiprocketSimulator()
    const store = new MemoryTokenStore()
    await store.save({ token: "old", expires_at: new Date(Date.now() + 3600_000) }) // inside the 1-day margin
    await client({ tokenStore: store }).serviceability(SERVICEABILITY)
    expect(sim.stats().logins).toBe(1)
    expect((await store.load())?.token).not.toBe("old")

    const warnings: string[] = []
    const broken: TokenStore = {
      load: async () => {
        throw new Error("db down")
      },
      save: async () => {
        throw new Error("db down")
      },
    }
    const c = client({ tokenStore: broken, logger: { warn: (m) => warnings.push(m) } })
    await c.serviceability(SERVICEABILITY)
    await c.serviceability(SERVICEABILITY)
    expect(sim.stats().logins).toBe(2)
    expect(warnings.join("\n")).toMatch(/could not read the stored token[\s\S]*could not save the token/)
  })

  test("an expired token is renewed once, for all the calls that hit it", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    await c.serviceability(SERVICEABILITY)
    sim.expireTokens()
    await Promise.all(Array.from({ length: 10 }, () => c.serviceability(SERVICEABILITY)))
    expect(sim.stats()).toMatchObject({ logins: 2 })
    expect(sim.stats().unauthorized).toBeGreaterThanOrEqual(1)
    await c.serviceability(SERVICEABILITY)
    expect(sim.stats().logins).toBe(2)
  })

  test("a fresh token refused too: one renewal, then an error (no login loop)", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    await c.serviceability(SERVICEABILITY)
    sim.setTokenTtlMs(0)
    sim.expireTokens()
    const error = await c.serviceability(SERVICEABILITY).catch((e) => e)
    expect(error).toBeInstanceOf(ShiprocketAuthError)
    expect(error.message).toMatch(/freshly issued token/)
    expect(sim.stats().logins).toBe(2)
    expect(sim.counts().serviceability).toBe(3)
  })

  test("MFA: a clear error, and no second login during the cooldown", async () => {
    sim = await startShiprocketSimulator({ mfa: true })
    const c = client()
    const error = await c.serviceability(SERVICEABILITY).catch((e) => e)
    expect(error).toBeInstanceOf(ShiprocketMfaRequiredError)
    expect(error.code).toBe("mfa_required")
    expect(error.message).toMatch(/MFA is enabled/)
    expect(error.message).toMatch(/Disable MFA for this API user/)
    await expect(c.login()).rejects.toBe(error)
    expect(sim.stats().loginAttempts).toBe(1)
  })

  test("wrong password: one refused login, remembered for the cooldown, then tried again", async () => {
    sim = await startShiprocketSimulator()
    let now = 1_000_000
    const c = client({ password: "wrong", now: () => now, loginCooldownMs: 60_000 })
    const error = await c.serviceability(SERVICEABILITY).catch((e) => e)
    expect(error).toBeInstanceOf(ShiprocketAuthError)
    expect(error.code).toBe("auth")
    expect(error.message).toMatch(/refused the login for api@example.com \(HTTP 401: Invalid email and password combination\)/)
    await expect(c.serviceability(SERVICEABILITY)).rejects.toBe(error)
    expect(sim.stats().loginAttempts).toBe(1)
    now += 60_001
    await expect(c.serviceability(SERVICEABILITY)).rejects.toBeInstanceOf(ShiprocketAuthError)
    expect(sim.stats().loginAttempts).toBe(2)
  })
})

describe("throttle, retries, timeouts", () => {
  test("requests are spaced 1/rps apart (virtual clock)", async () => {
    sim = await startShiprocketSimulator()
    const waits: number[] = []
    const c = client({ requestsPerSecond: 2, now: () => 0, sleep: async (ms) => void waits.push(ms) })
    await c.serviceability(SERVICEABILITY) // login + call
    await c.serviceability(SERVICEABILITY)
    await Promise.all([c.serviceability(SERVICEABILITY), c.serviceability(SERVICEABILITY)])
    expect(waits).toEqual([500, 1000, 1500, 2000])
  })

  test("a 429 burst is ridden out with backoff", async () => {
    sim = await startShiprocketSimulator()
    const waits: number[] = []
    const c = client({ maxAttempts: 5, backoffBaseMs: 100, backoffMaxMs: 1000, random: () => 0.5, sleep: async (ms) => void waits.push(ms) })
    await c.login()
    sim.rateLimitNext(3)
    const r = await c.serviceability(SERVICEABILITY)
    expect(r.serviceable).toBe(true)
    expect(sim.counts().serviceability).toBe(4)
    expect(waits).toEqual([75, 150, 300])
  })

  test("a burst longer than the attempts ends in a rate_limited error", async () => {
    sim = await startShiprocketSimulator()
    const c = client({ maxAttempts: 3 })
    sim.rateLimitNext(10, { endpoint: "serviceability" })
    const error = await c.serviceability(SERVICEABILITY).catch((e) => e)
    expect(error).toBeInstanceOf(ShiprocketError)
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryable: true, maybeProcessed: false })
    expect(error.message).toMatch(/You have exceeded the API call rate limit/)
    expect(sim.counts().serviceability).toBe(3)
  })

  test("5xx and cut connections on safe calls are retried", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    sim.failNext(1, { status: 502, endpoint: "serviceability" })
    sim.resetNext(1, { endpoint: "serviceability" })
    expect((await c.serviceability(SERVICEABILITY)).serviceable).toBe(true)
    expect(sim.counts().serviceability).toBe(3)
  })

  test("every call has a timeout", async () => {
    sim = await startShiprocketSimulator()
    const c = client({ timeoutMs: 150, maxAttempts: 2 })
    await c.login()
    sim.setDelay("serviceability", 2000)
    const error = await c.serviceability(SERVICEABILITY).catch((e) => e)
    expect(error).toMatchObject({ code: "timeout", maybeProcessed: true, retryable: true })
    expect(error.message).toMatch(/did not answer GET \/courier\/serviceability\/ within 150 ms/)
    expect(sim.counts().serviceability).toBe(2)
  })

  test("nobody listening: network errors, retried, then reported as not processed", async () => {
    sim = await startShiprocketSimulator()
    const url = sim.url
    await sim.close()
    const c = new ShiprocketClient({ email: "a@b.c", password: "x", baseUrl: url, requestsPerSecond: 0, maxAttempts: 2, backoffBaseMs: 1, backoffMaxMs: 2 })
    const error = await c.serviceability(SERVICEABILITY).catch((e) => e)
    expect(error).toMatchObject({ code: "network", maybeProcessed: false })
    expect(error.message).toMatch(/ECONNREFUSED/)
  })
})

describe("answers in words", () => {
  test("422 field errors read as a sentence, and are not retried", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    const error = await c.createAdhocOrder(payload("ful_X-1", { billing_pincode: "39500" })).catch((e) => e)
    expect(error).toBeInstanceOf(ShiprocketValidationError)
    expect(error.message).toBe("billing_pincode: The billing pincode must be 6 digits")
    expect(error.fieldErrors).toEqual({ billing_pincode: ["The billing pincode must be 6 digits."] })
    expect(error.status).toBe(422)
    expect(sim.counts().create_adhoc).toBe(1)
    expect(sim.counts().orders_search).toBe(0)
  })

  test("serviceability: pincodes checked before calling; not serviceable either way Shiprocket says it; COD by pincode", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    const bad = await c.serviceability({ ...SERVICEABILITY, delivery_postcode: "40001" }).catch((e) => e)
    expect(bad).toBeInstanceOf(ShiprocketValidationError)
    expect(bad.message).toBe("delivery_postcode: The delivery postcode must be a 6-digit Indian pincode")
    expect(sim.counts().serviceability).toBe(0)

    expect(await c.serviceability({ ...SERVICEABILITY, delivery_postcode: "110999" })).toMatchObject({ serviceable: false, couriers: [], message: expect.stringMatching(/not serviceable/) })
    const cod = await c.serviceability({ ...SERVICEABILITY, delivery_postcode: "793001", cod: true })
    expect(cod.serviceable).toBe(true)
    expect(chooseCouriers(cod.couriers, { cod: true }).cheapest).toBeNull()
    const offer = chooseCouriers((await c.serviceability({ ...SERVICEABILITY, cod: true, declared_value: 1499 })).couriers, { cod: true })
    expect(offer.cheapest).toMatchObject({ courierId: 51, ratePaise: 7200 })
    expect(offer.fastest).toMatchObject({ courierId: 10 })

    await sim.close()
    sim = await startShiprocketSimulator({ nonServiceableStyle: "http404" })
    expect(await client().serviceability({ ...SERVICEABILITY, delivery_postcode: "110999" })).toMatchObject({ serviceable: false })
  })
})

describe("creating orders without duplicates", () => {
  test("stored, then the answer never comes: looked up by our order_id, not created again", async () => {
    sim = await startShiprocketSimulator()
    const c = client({ timeoutMs: 250 })
    await c.login()
    sim.storeThenTimeoutNext(1)
    const id = shiprocketOrderId("ful_01JD3XG8W2Q5Z9N7K4M6P1R0TY", 1)
    const created = await c.createAdhocOrder(payload(id))
    expect(created).toMatchObject({ channel_order_id: id, recovered: true, attempts: 1, status: "NEW" })
    const stored = sim.ordersByChannelId(id)
    expect(stored).toHaveLength(1)
    expect(created.order_id).toBe(stored[0].order_id)
    expect(created.shipment_id).toBe(stored[0].shipment_id)
    expect(sim.counts()).toMatchObject({ create_adhoc: 1, orders_search: 1 })
  })

  test("stored, then a 5xx: same", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    sim.storeThenFailNext(1, { status: 504 })
    const created = await c.createAdhocOrder(payload("ful_B-1"))
    expect(created.recovered).toBe(true)
    expect(sim.ordersByChannelId("ful_B-1")).toHaveLength(1)
    expect(sim.counts().create_adhoc).toBe(1)
  })

  test("a 5xx or cut connection before storing: looked up, not found, created once", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    sim.failNext(1, { status: 500, endpoint: "create_adhoc" })
    sim.resetNext(1, { endpoint: "create_adhoc" })
    const created = await c.createAdhocOrder(payload("ful_C-1"))
    expect(created).toMatchObject({ recovered: false, attempts: 3, status: "NEW" })
    expect(sim.ordersByChannelId("ful_C-1")).toHaveLength(1)
    expect(sim.counts()).toMatchObject({ create_adhoc: 3, orders_search: 2 })
  })

  test("429 and 401 on create are retried directly (Shiprocket processed nothing)", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    await c.login()
    sim.expireTokens()
    sim.rateLimitNext(2, { endpoint: "create_adhoc" })
    const created = await c.createAdhocOrder(payload("ful_D-1"))
    expect(created.recovered).toBe(false)
    expect(sim.ordersByChannelId("ful_D-1")).toHaveLength(1)
    expect(sim.counts()).toMatchObject({ create_adhoc: 4, orders_search: 0, login: 2 })
  })

  test("a slow create that outlives the timeout still makes exactly one order", async () => {
    sim = await startShiprocketSimulator()
    const c = client({ timeoutMs: 100 })
    await c.login()
    sim.delayNext(1, 300, { endpoint: "create_adhoc" })
    await c.createAdhocOrder(payload("ful_E-1"))
    // Whichever way the race went (found on lookup, or created by the retry and the slow one
    // refused as a duplicate), once the slow request is done there is one order.
    await sim.waitFor((s) => s.requests.filter((r) => r.endpoint === "create_adhoc").every((r) => r.handled))
    expect(sim.ordersByChannelId("ful_E-1")).toHaveLength(1)
  })

  test("the order already exists (a crash after sending): found, not duplicated", async () => {
    sim = await startShiprocketSimulator()
    const first = await client().createAdhocOrder(payload("ful_F-1"))
    const again = await client().createAdhocOrder(payload("ful_F-1"))
    expect(again).toMatchObject({ recovered: true, order_id: first.order_id, shipment_id: first.shipment_id })
    expect(sim.ordersByChannelId("ful_F-1")).toHaveLength(1)
  })

  test("the exact id is found among fuzzy search results", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    for (const n of [10, 11, 1]) await c.createAdhocOrder(payload(`ful_G-${n}`))
    expect((await c.findOrderByChannelOrderId("ful_G-1"))?.channel_order_id).toBe("ful_G-1")
    expect(await c.findOrderByChannelOrderId("ful_G-2")).toBeNull()
  })

  test("when the lookup fails too, the outcome is reported as unknown (never a blind retry)", async () => {
    sim = await startShiprocketSimulator()
    const c = client({ timeoutMs: 200, maxAttempts: 2 })
    await c.login()
    sim.storeThenTimeoutNext(1)
    sim.failNext(5, { status: 503, endpoint: "orders_search" })
    const error = await c.createAdhocOrder(payload("ful_H-1")).catch((e) => e)
    expect(error).toBeInstanceOf(ShiprocketOutcomeUnknownError)
    expect(error).toMatchObject({ code: "outcome_unknown", channelOrderId: "ful_H-1", maybeProcessed: true })
    expect(error.message).toMatch(/Do not create it again under a new order_id before finding it/)
    expect(sim.counts().create_adhoc).toBe(1)
    expect(sim.ordersByChannelId("ful_H-1")).toHaveLength(1)
    sim.clearFaults()
    expect((await c.findOrderByChannelOrderId("ful_H-1"))?.channel_order_id).toBe("ful_H-1")
  })

  test("Shiprocket unreachable: the create is not processed, so it fails plainly", async () => {
    sim = await startShiprocketSimulator()
    const c = client({ maxAttempts: 2 })
    await c.login()
    const up = sim
    await up.close()
    const error = await c.createAdhocOrder(payload("ful_I-1")).catch((e) => e)
    expect(error).toMatchObject({ code: "network", maybeProcessed: false })
  })
})

describe("a shipment from order to delivery, and back", () => {
  test("create, AWB, pickup, tracking by poll and by webhook, cancel, return", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    const o = await c.createAdhocOrder(payload("ful_J-1"))
    const awb = await c.assignAwb({ shipment_id: o.shipment_id! })
    expect(awb).toMatchObject({ courier_company_id: 43, courier_name: "Delhivery Surface", recovered: false })
    // Assigning again (a retry whose first try worked) finds the AWB through the order.
    expect(await c.assignAwb({ shipment_id: o.shipment_id! }, { channelOrderId: "ful_J-1" })).toMatchObject({ awb_code: awb.awb_code, recovered: true })
    const again = await c.assignAwb({ shipment_id: o.shipment_id! }).catch((e) => e)
    expect(again).toBeInstanceOf(ShiprocketNoCourierError)
    expect(again.alreadyAssigned).toBe(true)

    const pickup = await c.generatePickup({ shipment_id: o.shipment_id! })
    expect(pickup.already_queued).toBe(false)
    expect(pickup.pickup_token_number).toMatch(/Reference No/)
    expect((await c.generatePickup({ shipment_id: o.shipment_id! })).already_queued).toBe(true)

    sim.advanceShipment(awb.awb_code, 42)
    const tracked = await c.trackAwb(awb.awb_code)
    expect(tracked).toMatchObject({ found: true, stage: "picked_up", statusId: 42 })
    expect(tracked.events.map((e) => e.stage)).toEqual(["pickup_pending", "pickup_pending", "picked_up"])

    // The webhook, received by a plain server and read by core.
    const bodies: unknown[] = []
    const receiver = http.createServer((req, res) => {
      let raw = ""
      req.on("data", (d) => (raw += d))
      req.on("end", () => {
        bodies.push(JSON.parse(raw))
        res.writeHead(200).end()
      })
    })
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
    try {
      const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/courier-tracking`
      for (const statusId of [18, 17, 7]) await sim.sendTrackingWebhook({ url, apiKey: "k", awb: awb.awb_code, statusId })
    } finally {
      await new Promise((r) => receiver.close(r))
    }
    const updates = bodies.map((b) => parseTrackingWebhook(b)).map((r) => (r.ok ? r.value : null))
    expect(updates.map((u) => [u?.stage, u?.channelOrderId, u?.awb])).toEqual([
      ["in_transit", "ful_J-1", awb.awb_code],
      ["out_for_delivery", "ful_J-1", awb.awb_code],
      ["delivered", "ful_J-1", awb.awb_code],
    ])
    expect(new Set(updates.map((u) => u?.dedupeKey)).size).toBe(3)

    // Delivered: too late to cancel. A return goes back to the warehouse.
    await expect(c.cancelOrders([o.order_id])).rejects.toMatchObject({ code: "http", status: 400 })
    const ret = await c.createReturn(
      buildReturnOrderPayload({
        order_id: "ret_J-1",
        order_date: new Date(),
        customer: { ...ADDRESS, email: "nila@example.com" },
        warehouse: { company: "Surat Silks", address_1: "Plot 4", city: "Surat", province: "GJ", postal_code: "394210", phone: "9876543210", email: "ops@suratsilks.example" },
        items: [{ title: "Chikankari kurta", sku: "ZR-KUR-001-M", quantity: 1, unit_price: 149900 }],
      })
    )
    expect(ret).toMatchObject({ status: "RETURN PENDING", status_code: 21, recovered: false })
    expect((await c.findReturnByChannelOrderId("ret_J-1"))?.order_id).toBe(ret.order_id)

    const other = await c.createAdhocOrder(payload("ful_J-2"))
    expect((await c.cancelOrders([other.order_id])).message).toBe("Order cancelled successfully.")
    expect(sim.ordersByChannelId("ful_J-2")[0].status).toBe("CANCELED")
    expect((await c.testConnection()).pickup_locations.map((p) => p.pickup_location)).toEqual(["Primary"])
    expect(sim.stats().logins).toBe(1)
  })

  test("no courier for the route: a ShiprocketNoCourierError", async () => {
    sim = await startShiprocketSimulator()
    const c = client()
    const o = await c.createAdhocOrder(payload("ful_K-1", { billing_pincode: "110999" }))
    const error = await c.assignAwb({ shipment_id: o.shipment_id! }).catch((e) => e)
    expect(error).toBeInstanceOf(ShiprocketNoCourierError)
    expect(error.alreadyAssigned).toBe(false)
    expect(error.message).toMatch(/No courier serviceable/)
  })
})
