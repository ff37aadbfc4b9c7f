/**
 * Store API rate limits: per shopper address (as forwarded by our own hops), tighter on
 * sign-in, and orders per customer; 429 with Retry-After. Our own traffic (the storefront's
 * server, these tests' other suites) is not limited by its address.
 */
import { api } from "../harness/api"

const from = (address: string) => ({ "x-forwarded-for": address })
// A different address per run, so a rerun within the minute starts from zero.
const run = Date.now() % 200

test("a shopper's address gets 100 store requests a minute, then 429 with Retry-After", async () => {
  const shopper = from(`203.0.113.${run}`)
  const statuses: number[] = []
  for (let i = 0; i < 100; i++) statuses.push((await api("GET", "/store/regions", { headers: shopper })).status)
  expect(statuses.every((s) => s === 200)).toBe(true)
  const limited = await api("GET", "/store/products?limit=1", { headers: shopper })
  expect(limited.status).toBe(429)
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0)
  expect(limited.body).toMatchObject({ type: "rate_limited", message: expect.stringMatching(/100 a minute/) })
  // Another shopper, and our own traffic, are not held back.
  expect((await api("GET", "/store/regions", { headers: from(`198.51.100.${run}`) })).status).toBe(200)
  expect((await api("GET", "/store/regions")).status).toBe(200)
})

test("every plugin's store routes count against the same per-address limit", async () => {
  const shopper = from(`203.0.113.${(run + 100) % 250}`)
  const routes = ["/store/products/prod_nope/reviews", "/store/stylist/sessions/nope", "/store/products/prod_nope/3d-models", "/store/products/prod_nope/size-chart", "/store/regions"]
  const statuses: number[] = []
  for (let i = 0; i < 100; i++) statuses.push((await api("GET", routes[i % routes.length], { headers: shopper })).status)
  expect(statuses.filter((s) => s === 429)).toEqual([])
  for (const route of routes) expect([route, (await api("GET", route, { headers: shopper })).status]).toEqual([route, 429])
})

test("sign-in attempts are limited to 10 a minute per address", async () => {
  const attacker = from(`192.0.2.${run}`)
  const statuses: number[] = []
  for (let i = 0; i < 11; i++) statuses.push((await api("POST", "/store/auth", { headers: attacker, body: { email: "nobody@example.com", password: `guess-${i}` } })).status)
  expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
  expect(statuses[10]).toBe(429)
})

test("orders are limited to 10 a minute per shopper, counted on cart completion", async () => {
  const regions = (await api("GET", "/store/regions")).body.regions
  const cart = (await api("POST", "/store/carts", { body: { region_id: regions[0].id } })).body.cart
  await api("POST", `/store/carts/${cart.id}`, { body: { email: `orders-${Date.now()}@example.com` } })
  const statuses: number[] = []
  for (let i = 0; i < 11; i++) statuses.push((await api("POST", `/store/carts/${cart.id}/complete`)).status)
  // An empty cart cannot complete: each try is refused, and each counts.
  expect(statuses.slice(0, 10).every((s) => s >= 400 && s < 500 && s !== 429)).toBe(true)
  expect(statuses[10]).toBe(429)
})
