/**
 * Hot Store API reads come from the cache (Redis with REDIS_URL, memory without) for a few
 * seconds, and a product, price or stock change answers fresh: a shopper never sees an old
 * title, price or stock for more than a few seconds. Signed-in shoppers and cart prices are
 * never served from the cache; errors are never stored.
 */
import { adminToken, api } from "../harness/api"
import { createProduct, deleteCreatedProducts, eventually, placeCodOrder } from "../harness/orders"
import { createCustomer } from "../harness/shoppers"

const run = Date.now().toString(36).toUpperCase()
const STOREFRONT = "http://localhost:8000"
let auth: Record<string, string>
let india: { id: string }

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  india = (await api("GET", "/store/regions")).body.regions.find((r: any) => r.currency_code === "inr")
})

afterAll(async () => {
  if (auth) await deleteCreatedProducts(auth)
})

/**
 * Reads `path` twice in a row until the second is a hit (for up to 30 s): catalogue events
 * (a freshly seeded store's, another test's order arriving late) may bump the catalogue's
 * version, once a second at most, between two reads.
 */
async function readTwice(path: string, headers: Record<string, string> = {}, reordered = path) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const first = await api("GET", path, { headers })
    const second = await api("GET", reordered, { headers })
    if (second.headers.get("x-cache") === "HIT" || Date.now() > deadline) return { first, second }
  }
}

test("a repeated product list is a hit with the same body and the store's CORS headers, whatever the order of the query", async () => {
  // A limit of its own, so that no other test's entry answers first.
  const limit = 30 + (Date.now() % 20)
  const { first, second } = await readTwice(`/store/products?limit=${limit}&region_id=${india.id}`, { origin: STOREFRONT }, `/store/products?region_id=${india.id}&limit=${limit}`)
  expect(first.status).toBe(200)
  expect(second.headers.get("x-cache")).toBe("HIT")
  expect(second.body).toEqual(first.body)
  expect(second.headers.get("content-type")).toMatch(/^application\/json/)
  // fetch asks for gzip, as browsers do: the hit comes gzipped (made once per entry) and decodes to the same body.
  expect(second.headers.get("content-encoding")).toBe("gzip")
  expect(second.headers.get("vary")).toMatch(/Accept-Encoding/i)
  expect(second.headers.get("access-control-allow-origin")).toBe(STOREFRONT)
  expect(second.headers.get("access-control-allow-credentials")).toBe("true")
})

test("twenty shoppers asking for the same uncached page at once make one database read between them", async () => {
  // An offset of its own: no other test's entry answers first.
  const offset = 1 + (Date.now() % 40)
  const answers = await Promise.all(Array.from({ length: 20 }, () => api("GET", `/store/products?limit=3&offset=${offset}&region_id=${india.id}`)))
  expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200))
  for (const a of answers) expect(a.body).toEqual(answers[0].body)
  // One asks, the others wait for its answer; a catalogue change landing in between (a bump
  // a second at most) starts a new entry, and its first asker asks again.
  const misses = answers.filter((a) => a.headers.get("x-cache") === "MISS").length
  expect(misses).toBeGreaterThanOrEqual(1)
  expect(misses).toBeLessThan(10)
})

test("an admin's change to a product's title and price is what the next read shows, within seconds", async () => {
  const sku = `CACHE-${run}`
  const variantId = (await createProduct(auth, `Cached kurta ${run}`, [sku], { inrPrice: 120000, stock: 5 }))[sku]
  const productId = (await api("GET", `/admin/variants?q=${sku}`, { headers: auth })).body.variants[0].product_id
  const read = () => api("GET", `/store/products/${productId}?region_id=${india.id}`)
  const { first, second } = await readTwice(`/store/products/${productId}?region_id=${india.id}`)
  expect(first.body.product.title).toBe(`Cached kurta ${run}`)
  expect(second.headers.get("x-cache")).toBe("HIT")

  expect((await api("POST", `/admin/products/${productId}`, { headers: auth, body: { title: `Renamed kurta ${run}` } })).status).toBe(200)
  expect((await api("POST", `/admin/products/${productId}/variants/${variantId}`, { headers: auth, body: { prices: [{ currency_code: "inr", amount: 99900 }] } })).status).toBe(200)
  const fresh = await eventually(
    "the renamed, repriced product",
    async () => {
      const p = (await read()).body.product
      return p.title === `Renamed kurta ${run}` && p.variants[0].calculated_price === 99900 ? p : undefined
    },
    15_000
  )
  expect(fresh.variants[0].original_price).toBe(99900)
})

test("stock sold in an order shows in the product's next reads within seconds", async () => {
  const sku = `CACHESTOCK-${run}`
  const variantId = (await createProduct(auth, `Cached scarf ${run}`, [sku], { stock: 3 }))[sku]
  const productId = (await api("GET", `/admin/variants?q=${sku}`, { headers: auth })).body.variants[0].product_id
  const stock = async () => (await api("GET", `/store/products/${productId}?region_id=${india.id}`)).body.product.variants[0].inventory_quantity
  expect(await stock()).toBe(3)
  await placeCodOrder([variantId])
  await eventually("the sold unit to show", async () => (await stock()) === 2, 15_000)
})

test("signed-in shoppers, cart prices and no-store requests are answered fresh; errors are not stored", async () => {
  const shopper = await createCustomer("Cache", "Shopper")
  const signedIn = await api("GET", `/store/products?limit=2&region_id=${india.id}`, { headers: shopper.headers })
  expect(signedIn.headers.get("x-cache")).toBe("BYPASS (signed-in)")
  const cart = (await api("POST", "/store/carts", { body: { region_id: india.id } })).body.cart
  expect((await api("GET", `/store/products?limit=2&cart_id=${cart.id}`)).headers.get("x-cache")).toBe("BYPASS (cart-prices)")
  expect((await api("GET", `/store/regions`, { headers: { "cache-control": "no-cache" } })).headers.get("x-cache")).toBe("BYPASS (no-store)")

  for (let i = 0; i < 2; i++) {
    const missing = await api("GET", `/store/products/prod_${run}MISSING`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get("x-cache")).toBe("MISS")
  }
})

test("categories, regions and the storefront's catalogue listing are cached too", async () => {
  for (const path of ["/store/product-categories", "/store/regions", `/store/catalog/products?region_id=${india.id}&limit=12`]) {
    const { second } = await readTwice(path)
    expect({ path, status: second.status, cache: second.headers.get("x-cache") }).toEqual({ path, status: 200, cache: "HIT" })
  }
})
