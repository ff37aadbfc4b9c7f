/**
 * The docker-compose topology on loopback: HTTP replicas behind a round-robin proxy, and
 * workers that run the background loops. Here the stack's own server (MEDUSA_WORKER_MODE
 * shared: it serves and works) and a server-mode replica sit behind the proxy
 * (harness/round-robin-proxy.ts), and a worker-mode replica is a second worker beside the
 * stack's server, as compose's backend-worker is.
 *
 * Carts and bearer tokens work across processes on the database alone. Session cookies
 * need Redis (express-session keeps sessions in memory without it): those tests are skipped
 * when the stack runs without Redis; the compose topology always has Redis.
 *
 * The project registers no Medusa scheduled job (nothing in src/jobs with a `schedule`, no
 * jobSchedulerService): its periodic work is the plugins' polling loops, which run in every
 * worker and claim rows with FOR UPDATE SKIP LOCKED. So "scheduled jobs run once" is shown
 * on that work: the supplier outbox delivers each message once, and the missed-order sweep
 * recovers a lost order once, while two workers run them.
 */
import fs from "fs"
import path from "path"
import { Client } from "pg"
import { startSupplierSimulator, type SupplierSimulator } from "medusa-plugin-supplier-forwarding/simulator/supplier-simulator"
import { adminToken, api, stackInfo } from "../harness/api"
import { SHIPPING_ADDRESS, createProduct, deleteCreatedProducts, eventually, orderEmail } from "../harness/orders"
import { startReplica, type Replica } from "../harness/replica"
import { startRoundRobinProxy, type RoundRobinProxy } from "../harness/round-robin-proxy"

const run = Date.now().toString(36).toUpperCase()
const NORTH = `TR-N${run}`
const SOUTH = `TR-S${run}`
const supplierIds: Record<string, string> = {}

/** What the stack's server runs with (server-env.json is what replicas get too). */
const withRedis = Boolean(JSON.parse(fs.readFileSync(path.join(stackInfo().logDir, "server-env.json"), "utf8")).REDIS_URL)
// Session cookies live in Redis when there is one; without it each process has its own
// memory store. docker-compose always runs Redis, so this part is only meaningful with it.
const describeWithRedis = withRedis ? describe : describe.skip

let auth: Record<string, string>
let sim: SupplierSimulator
let serverReplica: Replica | undefined
let workerReplica: Replica | undefined
let proxy: RoundRobinProxy
let variants: { north: string; south: string }

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  // Both boot at once; each start stops its own process if it fails.
  const started = await Promise.allSettled([
    startReplica(240_000).then((r) => (serverReplica = r)),
    startReplica(240_000, { workerMode: "worker" }).then((r) => (workerReplica = r)),
  ])
  for (const s of started) if (s.status === "rejected") throw s.reason
  proxy = await startRoundRobinProxy([stackInfo().baseUrl, serverReplica!.baseUrl])

  sim = await startSupplierSimulator()
  for (const code of [NORTH, SOUTH]) {
    const created = await api("POST", "/admin/suppliers", { headers: auth, body: { code, name: `Replica test ${code}`, integration: "api", endpoint: sim.endpointFor(code), pickup_location: `${code}-WH`, processing_days: 2 } })
    expect(created.status).toBe(201)
    sim.addSupplier(code, created.body.secret)
    supplierIds[code] = created.body.supplier.id
  }
  const skus = await createProduct(auth, `Replica kurta ${run}`, [`TRK-${run}-S`, `TRK-${run}-M`])
  variants = { north: skus[`TRK-${run}-S`], south: skus[`TRK-${run}-M`] }
  const mapping = await api("POST", "/admin/supplier-mappings", {
    headers: auth,
    body: {
      mappings: [
        { variant_id: variants.north, supplier_code: NORTH, supplier_sku: `N-${run}-S`, cost_price: 60000 },
        { variant_id: variants.south, supplier_code: SOUTH, supplier_sku: `S-${run}-M`, cost_price: 65000 },
      ],
    },
  })
  expect(mapping.body).toEqual({ updated: 2 })
}, 300_000)

afterAll(async () => {
  await proxy?.close()
  await Promise.all([serverReplica?.stop(), workerReplica?.stop()])
  await sim?.close()
  if (auth) await deleteCreatedProducts(auth)
})

/** A cash-on-delivery cart in the India region with one unit of each variant, ready to complete, every step sent to `baseUrl`. */
async function prepareCart(baseUrl: string, variantIds: string[], email = orderEmail("replica")): Promise<string> {
  const india = (await api("GET", "/store/regions", { baseUrl })).body.regions.find((r: { currency_code: string }) => r.currency_code === "inr")
  const created = await api("POST", "/store/carts", { baseUrl, body: { region_id: india.id } })
  expect(created.status).toBe(200)
  const cartId = created.body.cart.id
  for (const variant_id of variantIds) expect((await api("POST", `/store/carts/${cartId}/line-items`, { baseUrl, body: { variant_id, quantity: 1 } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}`, { baseUrl, body: { email, shipping_address: SHIPPING_ADDRESS } })).status).toBe(200)
  const options = (await api("GET", `/store/shipping-options/${cartId}`, { baseUrl })).body.shipping_options
  const option = options.find((o: { is_return: boolean; provider_id: string }) => !o.is_return && o.provider_id !== "shiprocket")
  expect((await api("POST", `/store/carts/${cartId}/shipping-methods`, { baseUrl, body: { option_id: option.id } })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-sessions`, { baseUrl })).status).toBe(200)
  expect((await api("POST", `/store/carts/${cartId}/payment-session`, { baseUrl, body: { provider_id: "cod" } })).status).toBe(200)
  return cartId
}

async function supplierOrders(orderId: string): Promise<any[]> {
  const res = await api("GET", `/admin/orders/${orderId}/supplier-orders`, { headers: auth })
  expect(res.status).toBe(200)
  return res.body.supplier_orders
}

/**
 * Waits until the order has a sent supplier order per supplier, then checks each was
 * delivered once: one claim of its outbox message (a second worker's claim would count a
 * second attempt) and one arrival at the supplier under its webhook-id.
 */
async function forwardedOnce(orderId: string, timeoutMs = 30_000): Promise<any[]> {
  const list = await eventually(
    `a sent supplier order per supplier for ${orderId}`,
    async () => {
      const l = await supplierOrders(orderId)
      return l.length >= 2 && l.every((so) => so.status === "sent") ? l : undefined
    },
    timeoutMs
  )
  expect(list.map((so) => so.supplier_id).sort()).toEqual([supplierIds[NORTH], supplierIds[SOUTH]].sort())
  for (const so of list) {
    expect(so.messages).toEqual([expect.objectContaining({ event_type: "supplier_order.created", status: "delivered", attempts: 1 })])
    expect(sim.messages.filter((m) => m.data?.supplier_order_id === so.id).map((m) => m.deliveries)).toEqual([1])
  }
  return list
}

/** Each process's log by its role: where a line was written says which process did the work. */
function processLogs(): Record<string, string> {
  return { "stack server (shared)": path.join(stackInfo().logDir, "server.log"), "server replica": serverReplica!.logFile, "worker replica": workerReplica!.logFile }
}

/** How far each log has been written: logsMatching(..., since) reads only what came after. */
function logSizes(): Record<string, number> {
  return Object.fromEntries(Object.entries(processLogs()).map(([role, file]) => [role, fs.statSync(file).size]))
}

/** The role of the process that wrote each line matching `pattern` (a global RegExp), once per line. */
function logsMatching(pattern: RegExp, since: Record<string, number> = {}): string[] {
  return Object.entries(processLogs()).flatMap(([role, file]) => Array((fs.readFileSync(file).subarray(since[role] ?? 0).toString("utf8").match(pattern) ?? []).length).fill(role))
}

/** The log line of the forwarding service when it records an order's supplier orders, by its event or by the sweep. */
const recordedLine = (orderId: string) => new RegExp(`Order ${orderId}: (its order event was missed; )?\\d+ supplier order\\(s\\) recorded`, "g")

test("a guest cart created on one process is filled, addressed, shipped, paid and completed on the other: one order", async () => {
  const mark = proxy.served.length
  const cartId = await prepareCart(proxy.url, [variants.north, variants.south])
  // The checkout page loads the cart once more before the shopper places the order.
  expect((await api("GET", `/store/carts/${cartId}`, { baseUrl: proxy.url })).body.cart.items).toHaveLength(2)
  const completed = await api("POST", `/store/carts/${cartId}/complete`, { baseUrl: proxy.url })
  expect({ status: completed.status, type: completed.body.type }).toEqual({ status: 200, type: "order" })

  const steps = proxy.served.slice(mark)
  expect(steps.filter((s) => s.status !== 200)).toEqual([])
  // Round robin: every step went to the other process than the one before it.
  steps.slice(1).forEach((s, i) => expect(s.upstream).not.toBe(steps[i].upstream))
  const createdOn = steps.find((s) => s.method === "POST" && s.path === "/store/carts")!.upstream
  const completedOn = steps.find((s) => s.path === `/store/carts/${cartId}/complete`)!.upstream
  expect(completedOn).not.toBe(createdOn)

  // Completing again (a double click), now on the other process, answers the same order.
  const again = await api("POST", `/store/carts/${cartId}/complete`, { baseUrl: proxy.url })
  expect(proxy.served.at(-1)!.upstream).not.toBe(completedOn)
  expect({ status: again.status, id: again.body.data?.id }).toEqual({ status: 200, id: completed.body.data.id })
  const db = new Client({ connectionString: stackInfo().databaseUrl })
  await db.connect()
  try {
    expect((await db.query(`SELECT count(*)::int AS n FROM "order" WHERE cart_id = $1`, [cartId])).rows[0].n).toBe(1)
  } finally {
    await db.end()
  }
  const order = (await api("GET", `/admin/orders/${completed.body.data.id}`, { headers: auth })).body.order
  expect(order.items.map((i: { variant_id: string }) => i.variant_id).sort()).toEqual([variants.north, variants.south].sort())
})

describe("a signed-in customer", () => {
  const email = orderEmail("replica-customer")
  const password = "replica-secret-1"

  beforeAll(async () => {
    const created = await api("POST", "/store/customers", { body: { first_name: "Rhea", last_name: "Menon", email, password } })
    expect(created.status).toBe(200)
  })

  test("a bearer token from one process is accepted by the other (no Redis needed)", async () => {
    const token = await api("POST", "/store/auth/token", { baseUrl: proxy.url, body: { email, password } })
    expect(token.status).toBe(200)
    const bearer = { authorization: `Bearer ${token.body.access_token}` }
    const first = await api("GET", "/store/customers/me", { baseUrl: proxy.url, headers: bearer })
    const second = await api("GET", "/store/customers/me", { baseUrl: proxy.url, headers: bearer })
    expect([first.status, second.status]).toEqual([200, 200])
    expect([first.body.customer.email, second.body.customer.email]).toEqual([email, email])
    expect(new Set(proxy.served.slice(-2).map((s) => s.upstream)).size).toBe(2)
  })

  // Skipped without Redis: sessions are then in each process's memory. Compose always has Redis.
  describeWithRedis("with a session cookie (sessions in Redis)", () => {
    test("signed in on one process, the other sees the same customer; signing out on one ends it on both", async () => {
      const login = await api("POST", "/store/auth", { baseUrl: proxy.url, body: { email, password } })
      expect(login.status).toBe(200)
      const loginOn = proxy.served.at(-1)!.upstream
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith("connect.sid="))?.split(";")[0]
      expect(cookie).toBeTruthy()
      const session = { cookie: cookie! }

      const onOther = await api("GET", "/store/auth", { baseUrl: proxy.url, headers: session })
      expect(proxy.served.at(-1)!.upstream).not.toBe(loginOn)
      expect({ status: onOther.status, email: onOther.body.customer?.email }).toEqual({ status: 200, email })
      const me = await api("GET", "/store/customers/me", { baseUrl: proxy.url, headers: session })
      expect({ status: me.status, email: me.body.customer?.email }).toEqual({ status: 200, email })

      const logout = await api("DELETE", "/store/auth", { baseUrl: proxy.url, headers: session })
      expect(logout.status).toBe(200)
      const after = [await api("GET", "/store/auth", { baseUrl: proxy.url, headers: session }), await api("GET", "/store/customers/me", { baseUrl: proxy.url, headers: session })]
      expect(after.map((a) => a.status)).toEqual([401, 401])
      // The two refusals came from both processes, one of them the one that signed out.
      expect(new Set(proxy.served.slice(-2).map((s) => s.upstream))).toEqual(new Set(proxy.upstreams))
    })
  })
})

describe("jobs with two workers (the stack's server and a worker replica)", () => {
  test("an order placed on the server replica is forwarded to each supplier once, by a worker", async () => {
    const cartId = await prepareCart(proxy.url, [variants.north, variants.south])
    const completed = await api("POST", `/store/carts/${cartId}/complete`, { baseUrl: serverReplica!.baseUrl })
    expect(completed.body.type).toBe("order")
    const orderId = completed.body.data.id
    await forwardedOnce(orderId)

    // Recorded once, in one process. With Redis the order event goes over the queue to the
    // workers, and a server-mode process handles none and runs no sweep. With the local event
    // bus every process's staged-event poller hands events out in its own process, so it may
    // be any of them. Delivery is always a worker's: the dispatcher does not run in a server.
    const recordedBy = logsMatching(recordedLine(orderId))
    expect(recordedBy).toHaveLength(1)
    if (withRedis) expect(recordedBy[0]).not.toBe("server replica")
  })

  test("orders placed at the same moment on both servers are each delivered once per supplier", async () => {
    const ORDERS = 6
    const carts: string[] = []
    for (let i = 0; i < ORDERS; i++) carts.push(await prepareCart(proxy.url, [variants.north, variants.south], orderEmail(`rush${i}`)))
    const mark = proxy.served.length
    const answers = await Promise.all(carts.map((cartId) => api("POST", `/store/carts/${cartId}/complete`, { baseUrl: proxy.url })))
    expect(answers.map((a) => a.body.type)).toEqual(Array(ORDERS).fill("order"))
    expect(new Set(proxy.served.slice(mark).map((s) => s.upstream)).size).toBe(2)

    const delivered = await Promise.all(answers.map((a) => forwardedOnce(a.body.data.id, 60_000)))
    expect(delivered.flat()).toHaveLength(ORDERS * 2)
    expect(sim.integrityReport().underTwoIds).toEqual([])
  })

  test("the missed-order sweep, run by both workers, recovers a lost order once", async () => {
    const cartId = await prepareCart(proxy.url, [variants.north, variants.south])
    const orderId = (await api("POST", `/store/carts/${cartId}/complete`, { baseUrl: proxy.url })).body.data.id
    const first = await forwardedOnce(orderId)
    // What a crash between order.placed and the subscriber's commit leaves: an order with no supplier order.
    const before = logSizes()
    const db = new Client({ connectionString: stackInfo().databaseUrl })
    await db.connect()
    try {
      await db.query(`DELETE FROM supplier_order WHERE order_id = $1`, [orderId])
    } finally {
      await db.end()
    }
    // SUPPLIER_SWEEP_INTERVAL_MS=2000 in the test stack; the sweep leaves orders younger than 15 s to their event.
    const recovered = await forwardedOnce(orderId, 60_000)
    expect(recovered.filter((so) => first.some((f) => f.id === so.id))).toEqual([])
    for (const so of recovered) expect(so.history[0].detail.reason).toMatch(/order event was missed/)
    // One worker's sweep recorded it; the other's found it done. A server replica runs no sweep.
    const sweptBy = logsMatching(recordedLine(orderId), before)
    expect(sweptBy).toHaveLength(1)
    expect(["stack server (shared)", "worker replica"]).toContain(sweptBy[0])
  })
})
