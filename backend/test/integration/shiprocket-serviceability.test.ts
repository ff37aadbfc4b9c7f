/**
 * Delivery estimates by pincode from Shiprocket (a local simulator of its API, see
 * plugins/shiprocket/simulator): prepaid and cash on delivery, cheapest and fastest
 * couriers, picked up at the items' supplier; one login for many requests; when
 * Shiprocket fails, the answer says dates are unavailable instead of failing.
 */
import { startShiprocketSimulator, type ShiprocketSimulator } from "medusa-plugin-shiprocket/simulator/shiprocket-simulator"
import { adminToken, api, stackInfo } from "../harness/api"
import { untilShiprocketConnects } from "../harness/courier"

let sim: ShiprocketSimulator
// Fresh pincodes per run: estimates are cached for 10 minutes, also across runs on one server.
const base = 110000 + Math.floor(Math.random() * 700) * 100
const pin = (n: number) => String(base + n)
let surat: { variantId: string }
let jaipur: { variantId: string }

beforeAll(async () => {
  const port = stackInfo().shiprocketApiPort
  if (!port) throw new Error("the test stack was started without a Shiprocket API port (see test/harness/global-setup.ts)")
  sim = await startShiprocketSimulator({ port, email: "api@example.com", password: "secret" })
  await untilShiprocketConnects({ authorization: `Bearer ${await adminToken()}` })
  const products = (await api("GET", "/store/products?limit=100")).body.products
  const first = (code: string) => {
    const p = products.find((x: any) => x.metadata?.supplier_code === code)
    return { variantId: p.variants[0].id }
  }
  surat = first("SURAT-API")
  jaipur = first("JAIPUR-EMAIL")
})

afterAll(async () => {
  await sim?.close()
})

const estimate = (query: string) => api("GET", `/store/shiprocket/serviceability?${query}`)

test("a serviceable pincode gets prepaid and COD dates and the cheapest and fastest couriers, picked up at the supplier", async () => {
  const res = await estimate(`pincode=${pin(1)}&variant_id=${surat.variantId}`)
  expect(res.status).toBe(200)
  expect(res.body).toMatchObject({ configured: true, pincode: pin(1), message: null })
  const e = res.body.estimate
  expect(e).toMatchObject({ serviceable: true, prepaid: { available: true }, cod: { available: true } })
  expect(e.prepaid.etd).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  expect(e.options.map((o: any) => o.kind)).toEqual(["cheapest", "fastest"])
  expect(e.options[0].rate).toBeLessThanOrEqual(e.options[1].rate)
  expect(e.options[1].estimated_days).toBeLessThanOrEqual(e.options[0].estimated_days)
  const asked = sim.requests.filter((r) => r.endpoint === "serviceability" && r.status === 200 && r.query.delivery_postcode === pin(1))
  // From the supplier's pincode (SURAT-API, 395003), once prepaid and once COD.
  expect(asked.map((r) => [r.query.pickup_postcode, r.query.cod]).sort()).toEqual([["395003", "0"], ["395003", "1"]])
})

test("COD is refused where couriers do not collect cash, and nothing is offered where none deliver", async () => {
  const prepaidOnly = (await estimate(`pincode=791001&variant_id=${surat.variantId}`)).body.estimate
  expect(prepaidOnly).toMatchObject({ serviceable: true, prepaid: { available: true }, cod: { available: false, reason: "couriers to this pincode do not collect cash on delivery" } })
  const nowhere = (await estimate(`pincode=560999&variant_id=${surat.variantId}`)).body.estimate
  expect(nowhere).toMatchObject({ serviceable: false, prepaid: { available: false }, cod: { available: false, reason: "no courier delivers to this pincode" }, options: [] })
})

test("a cart with items from two suppliers is served only if both parcels can be, by the later date", async () => {
  const regions = (await api("GET", "/store/regions")).body.regions
  const india = regions.find((r: any) => r.currency_code === "inr")
  const cartId = (await api("POST", "/store/carts", { body: { region_id: india.id } })).body.cart.id
  for (const v of [surat, jaipur]) expect((await api("POST", `/store/carts/${cartId}/line-items`, { body: { variant_id: v.variantId, quantity: 1 } })).status).toBe(200)
  const res = await estimate(`pincode=${pin(2)}&cart_id=${cartId}`)
  expect(res.body.estimate).toMatchObject({ serviceable: true, prepaid: { available: true } })
  const pickups = new Set(sim.requests.filter((r) => r.endpoint === "serviceability" && r.status === 200 && r.query.delivery_postcode === pin(2)).map((r) => r.query.pickup_postcode))
  expect([...pickups].sort()).toEqual(["302029", "395003"])
  expect(res.body.estimate.options).toHaveLength(1)
  expect(res.body.estimate.options[0].courier_name).toContain(" + ")
})

test("many estimates share one login; answers are cached per pincode and weight band", async () => {
  const before = sim.stats().logins
  for (const n of [3, 4, 5, 6, 7, 3, 4]) expect((await estimate(`pincode=${pin(n)}&variant_id=${surat.variantId}`)).status).toBe(200)
  expect(sim.stats().logins - before).toBe(0) // the token from the connection check is reused (stored in the database)
  expect(sim.stats().logins).toBe(1)
  const asked = sim.requests.filter((r) => r.endpoint === "serviceability" && r.status === 200 && r.query.delivery_postcode === pin(3))
  expect(asked).toHaveLength(2) // prepaid and COD once each, the repeat came from the cache
})

test("when Shiprocket fails, dates are unavailable but the page still works", async () => {
  sim.failNext(20, { status: 503, endpoint: "serviceability" })
  try {
    const res = await estimate(`pincode=${pin(8)}&variant_id=${surat.variantId}`)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ configured: true, pincode: pin(8), estimate: null, message: "Delivery dates are unavailable right now" })
  } finally {
    sim.clearFaults()
  }
})

test("a pincode that is not 6 digits, or a malformed id, is a 400 that says why", async () => {
  for (const [query, message] of [
    ["pincode=12345", /not an Indian pincode/],
    ["pincode=012345", /not an Indian pincode/],
    ["", /pincode: is required/],
    ["pincode=110001&cart_id=x!", /cart_id: not an id/],
    // Text PostgreSQL cannot store is refused before any route sees it.
    ["pincode=110001&cart_id=%00", /query\.cart_id holds a character that cannot be stored/],
  ] as const) {
    const res = await estimate(query)
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(message)
  }
})
