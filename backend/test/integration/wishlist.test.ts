/**
 * The wishlist over HTTP against the real server: guests with a token, customers by
 * Bearer JWT and by session cookie, merging, and isolation between callers.
 */
import { createHash, randomBytes } from "crypto"
import path from "path"
import { Client } from "pg"
import { loadCatalog } from "../../src/seed/catalog"
import { adminToken, api, stackInfo } from "../harness/api"

const catalog = loadCatalog(path.resolve(__dirname, "..", "..", "..", "data", "catalog"))
let region: string
let db: Client
const products: Record<string, { id: string; variants: { id: string; title: string }[] }> = {}

async function product(handle: string) {
  if (!products[handle]) {
    const res = await api("GET", `/store/products?handle=${handle}`)
    products[handle] = res.body.products[0]
  }
  return products[handle]
}

const wishlistUrl = (p = "") => `/store/wishlist${p}?region_id=${region}`
const asGuest = (token?: string): Record<string, string> => (token ? { "x-wishlist-token": token } : {})
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` })

async function registerCustomer(): Promise<{ email: string; password: string; id: string; jwt: string }> {
  const email = `wish-${randomBytes(6).toString("hex")}@example.com`
  const password = "correct horse battery"
  const created = await api("POST", "/store/customers", { body: { email, password, first_name: "Wish", last_name: "Lister" } })
  expect(created.status).toBe(200)
  const token = await api("POST", "/store/auth/token", { body: { email, password } })
  expect(token.status).toBe(200)
  return { email, password, id: created.body.customer.id, jwt: token.body.access_token }
}

async function sessionCookie(email: string, password: string): Promise<string> {
  const res = await api("POST", "/store/auth", { body: { email, password } })
  expect(res.status).toBe(200)
  const cookie = res.headers.get("set-cookie")!
  expect(cookie).toMatch(/connect\.sid=/)
  return cookie.split(";")[0]
}

beforeAll(async () => {
  const res = await api("GET", "/store/regions")
  region = res.body.regions.find((r: any) => r.currency_code === "inr").id
  db = new Client({ connectionString: stackInfo().databaseUrl })
  await db.connect()
})
afterAll(() => db.end())

describe("wishlist as a guest", () => {
  it("is empty without a token or with an unknown one", async () => {
    for (const headers of [{}, asGuest("x".repeat(43)), asGuest("not-a-token")]) {
      const res = await api("GET", wishlistUrl(), { headers })
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ wishlist: { id: null, items: [] } })
    }
  })

  it("creates a wishlist on the first add, returns its token once and stores it hashed", async () => {
    const ruched = await product("ruched-satin-bodycon-midi")
    const first = await api("POST", wishlistUrl("/items"), { body: { product_id: ruched.id } })
    expect(first.status).toBe(200)
    const token: string = first.body.token
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, "base64url")).toHaveLength(32)
    expect(first.body.wishlist.id).toMatch(/^wish_/)
    expect(first.body.wishlist.items).toEqual([
      {
        id: expect.stringMatching(/^wishitem_/),
        product_id: ruched.id,
        variant_id: null,
        created_at: expect.any(String),
        product: expect.objectContaining({ id: ruched.id, handle: "ruched-satin-bodycon-midi", price: expect.objectContaining({ amount: 189900, currency_code: "inr" }) }),
      },
    ])

    const { rows } = await db.query(`SELECT token_hash, customer_id FROM wishlist WHERE id = $1`, [first.body.wishlist.id])
    expect(rows[0].customer_id).toBeNull()
    expect(rows[0].token_hash).toBe(createHash("sha256").update(token).digest("hex"))
    const { rows: leaked } = await db.query(`SELECT count(*)::int AS n FROM wishlist WHERE token_hash = $1`, [token])
    expect(leaked[0].n).toBe(0)

    // Same product again: no-op, and no new token.
    const again = await api("POST", wishlistUrl("/items"), { body: { product_id: ruched.id }, headers: asGuest(token) })
    expect(again.status).toBe(200)
    expect(again.body.token).toBeUndefined()
    expect(again.body.wishlist.id).toBe(first.body.wishlist.id)
    expect(again.body.wishlist.items).toHaveLength(1)

    // A variant of it is a separate item; adding that twice is a no-op too.
    const variant = ruched.variants[1]
    for (let i = 0; i < 2; i++) {
      const res = await api("POST", wishlistUrl("/items"), { body: { product_id: ruched.id, variant_id: variant.id }, headers: asGuest(token) })
      expect(res.status).toBe(200)
      expect(res.body.wishlist.items).toHaveLength(2)
      expect(res.body.wishlist.items[0]).toMatchObject({ product_id: ruched.id, variant_id: variant.id })
    }

    const read = await api("GET", wishlistUrl(), { headers: asGuest(token) })
    expect(read.body.wishlist.id).toBe(first.body.wishlist.id)
    expect(read.body.wishlist.items.map((i: any) => i.variant_id)).toEqual([variant.id, null])
  })

  it("removes items, and answers 404 for an item that is not in the caller's wishlist", async () => {
    const tee = await product("everyday-cotton-crop-tee")
    const skirt = await product("denim-a-line-mini-skirt")
    const add = await api("POST", wishlistUrl("/items"), { body: { product_id: tee.id } })
    const token = add.body.token
    await api("POST", wishlistUrl("/items"), { body: { product_id: skirt.id }, headers: asGuest(token) })
    const listed = (await api("GET", wishlistUrl(), { headers: asGuest(token) })).body.wishlist.items
    const teeItem = listed.find((i: any) => i.product_id === tee.id)

    const removed = await api("DELETE", wishlistUrl(`/items/${teeItem.id}`), { headers: asGuest(token) })
    expect(removed.status).toBe(200)
    expect(removed.body.wishlist.items.map((i: any) => i.product_id)).toEqual([skirt.id])

    const twice = await api("DELETE", wishlistUrl(`/items/${teeItem.id}`), { headers: asGuest(token) })
    expect(twice.status).toBe(404)
    expect(twice.body.type).toBe("not_found")
    expect((await api("DELETE", wishlistUrl("/items/wishitem_unknown"), { headers: asGuest(token) })).status).toBe(404)

    // Another guest (or no token at all) cannot delete this guest's item.
    const skirtItem = removed.body.wishlist.items[0]
    const other = await api("POST", wishlistUrl("/items"), { body: { product_id: tee.id } })
    expect((await api("DELETE", wishlistUrl(`/items/${skirtItem.id}`), { headers: asGuest(other.body.token) })).status).toBe(404)
    expect((await api("DELETE", wishlistUrl(`/items/${skirtItem.id}`))).status).toBe(404)
    expect((await api("GET", wishlistUrl(), { headers: asGuest(token) })).body.wishlist.items).toHaveLength(1)
  })

  it("refuses unknown products and variants, bad bodies and a missing region", async () => {
    const ruched = await product("ruched-satin-bodycon-midi")
    const other = await product("sequin-mini-skirt")
    const cases: [unknown, number, RegExp][] = [
      [{ product_id: "prod_does_not_exist" }, 404, /No product with id prod_does_not_exist/],
      [{ product_id: ruched.id, variant_id: other.variants[0].id }, 400, /is not a variant of product/],
      [{ product_id: ruched.id, variant_id: "variant_nope" }, 404, /No variant with id variant_nope/],
      [{}, 400, /product_id is required/],
      [{ product_id: 42 }, 400, /product_id must be a non-empty string/],
      [{ product_id: ruched.id, colour: "red" }, 400, /unknown field colour/],
      [[ruched.id], 400, /body must be a JSON object/],
    ]
    for (const [body, status, message] of cases) {
      const res = await api("POST", wishlistUrl("/items"), { body })
      expect({ body, status: res.status, message: res.body.message }).toEqual({ body, status, message: expect.stringMatching(message) })
    }
    const broken = await fetch(`${stackInfo().baseUrl}${wishlistUrl("/items")}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{\"product_id\":" })
    expect(broken.status).toBe(400)
    expect((await broken.json()).message).toMatch(/not valid JSON/)
    const noRegion = await api("GET", "/store/wishlist")
    expect(noRegion.status).toBe(400)
    expect(noRegion.body.message).toBe("region_id is required")
    expect((await api("POST", "/store/wishlist/items", { body: { product_id: ruched.id } })).status).toBe(400)
    expect((await api("GET", "/store/wishlist?region_id=reg_nope")).status).toBe(404)
  })

  it("shows product null for an item whose product is unpublished, and refuses to add it", async () => {
    const clutch = await product("croc-embossed-flap-clutch")
    const add = await api("POST", wishlistUrl("/items"), { body: { product_id: clutch.id } })
    const token = add.body.token
    const admin = { authorization: `Bearer ${await adminToken()}` }
    try {
      expect((await api("POST", `/admin/products/${clutch.id}`, { body: { status: "draft" }, headers: admin })).status).toBe(200)
      const read = await api("GET", wishlistUrl(), { headers: asGuest(token) })
      expect(read.body.wishlist.items).toEqual([expect.objectContaining({ product_id: clutch.id, product: null })])
      const again = await api("POST", wishlistUrl("/items"), { body: { product_id: clutch.id } })
      expect(again.status).toBe(404)
    } finally {
      expect((await api("POST", `/admin/products/${clutch.id}`, { body: { status: "published" }, headers: admin })).status).toBe(200)
    }
    const restored = await api("GET", wishlistUrl(), { headers: asGuest(token) })
    expect(restored.body.wishlist.items[0].product).toMatchObject({ id: clutch.id, handle: "croc-embossed-flap-clutch" })
  })
})

describe("wishlist as a customer", () => {
  it("keeps one wishlist per customer, reachable by Bearer JWT and by session cookie", async () => {
    const customer = await registerCustomer()
    const heels = await product("pointed-toe-stiletto-pumps")
    const empty = await api("GET", wishlistUrl(), { headers: bearer(customer.jwt) })
    expect(empty.body).toEqual({ wishlist: { id: null, items: [] } })

    const add = await api("POST", wishlistUrl("/items"), { body: { product_id: heels.id }, headers: bearer(customer.jwt) })
    expect(add.status).toBe(200)
    expect(add.body.token).toBeUndefined()
    const plan = catalog.products.find((p) => p.handle === "pointed-toe-stiletto-pumps")!
    expect(add.body.wishlist.items[0].product.price.amount).toBe(plan.price.inr * 100)

    const cookie = await sessionCookie(customer.email, customer.password)
    const viaSession = await api("GET", wishlistUrl(), { headers: { cookie } })
    expect(viaSession.body.wishlist.id).toBe(add.body.wishlist.id)
    expect(viaSession.body.wishlist.items.map((i: any) => i.product_id)).toEqual([heels.id])

    // Adding through the session lands in the same wishlist.
    const earrings = await product("kundan-pearl-drop-earrings")
    const viaCookieAdd = await api("POST", wishlistUrl("/items"), { body: { product_id: earrings.id }, headers: { cookie } })
    expect(viaCookieAdd.body.wishlist.id).toBe(add.body.wishlist.id)
    expect(viaCookieAdd.body.wishlist.items).toHaveLength(2)

    const { rows } = await db.query(`SELECT count(*)::int AS n FROM wishlist WHERE customer_id = $1`, [customer.id])
    expect(rows[0].n).toBe(1)
    // A customer's wishlist has no token: it cannot be reached as a guest.
    const { rows: own } = await db.query(`SELECT token_hash FROM wishlist WHERE customer_id = $1`, [customer.id])
    expect(own[0].token_hash).toBeNull()
  })

  it("merges a guest wishlist into the customer's, deduplicated, and retires the token", async () => {
    const customer = await registerCustomer()
    const [a, b, c] = await Promise.all(["satin-bias-cut-midi-skirt", "high-rise-wide-leg-jeans", "sequin-evening-clutch"].map(product))
    await api("POST", wishlistUrl("/items"), { body: { product_id: a.id }, headers: bearer(customer.jwt) })

    const guest = await api("POST", wishlistUrl("/items"), { body: { product_id: a.id } })
    const token = guest.body.token
    await api("POST", wishlistUrl("/items"), { body: { product_id: b.id }, headers: asGuest(token) })
    await api("POST", wishlistUrl("/items"), { body: { product_id: c.id, variant_id: c.variants[0].id }, headers: asGuest(token) })

    // A customer who also sends the guest token still sees her own wishlist.
    const mine = await api("GET", wishlistUrl(), { headers: { ...bearer(customer.jwt), ...asGuest(token) } })
    expect(mine.body.wishlist.items.map((i: any) => i.product_id)).toEqual([a.id])

    const merged = await api("POST", wishlistUrl("/merge"), { body: { token }, headers: bearer(customer.jwt) })
    expect(merged.status).toBe(200)
    expect(merged.body.merged).toBe(2)
    expect(merged.body.wishlist.id).toBe(mine.body.wishlist.id)
    const items = merged.body.wishlist.items.map((i: any) => `${i.product_id}:${i.variant_id}`)
    expect(items.sort()).toEqual([`${a.id}:null`, `${b.id}:null`, `${c.id}:${c.variants[0].id}`].sort())
    expect(merged.body.wishlist.items.every((i: any) => i.product !== null)).toBe(true)

    // The guest wishlist is gone: its token is unknown now, and merging it again merges nothing.
    expect((await api("GET", wishlistUrl(), { headers: asGuest(token) })).body).toEqual({ wishlist: { id: null, items: [] } })
    const again = await api("POST", wishlistUrl("/merge"), { body: { token }, headers: bearer(customer.jwt) })
    expect(again.status).toBe(200)
    expect(again.body.merged).toBe(0)
    expect(again.body.wishlist.items).toHaveLength(3)
    const unknown = await api("POST", wishlistUrl("/merge"), { body: { token: "y".repeat(43) }, headers: bearer(customer.jwt) })
    expect(unknown.body.merged).toBe(0)
  })

  it("lets a new customer merge into a wishlist created by the merge, via the session cookie", async () => {
    const customer = await registerCustomer()
    const tee = await product("ribbed-baby-tee-crop-top")
    const guest = await api("POST", wishlistUrl("/items"), { body: { product_id: tee.id } })
    const cookie = await sessionCookie(customer.email, customer.password)
    const merged = await api("POST", wishlistUrl("/merge"), { body: { token: guest.body.token }, headers: { cookie } })
    expect(merged.status).toBe(200)
    expect(merged.body.merged).toBe(1)
    expect(merged.body.wishlist.items.map((i: any) => i.product_id)).toEqual([tee.id])
  })

  it("refuses merge without a customer (401) and with a bad body (400)", async () => {
    const guest = await api("POST", wishlistUrl("/items"), { body: { product_id: (await product("tailored-linen-shorts")).id } })
    const anonymous = await api("POST", wishlistUrl("/merge"), { body: { token: guest.body.token } })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.type).toBe("unauthorized")
    const asGuestToo = await api("POST", wishlistUrl("/merge"), { body: { token: guest.body.token }, headers: asGuest(guest.body.token) })
    expect(asGuestToo.status).toBe(401)
    const forged = await api("POST", wishlistUrl("/merge"), { body: { token: guest.body.token }, headers: bearer("not.a.jwt") })
    expect(forged.status).toBe(401)
    // The guest's wishlist is untouched.
    expect((await api("GET", wishlistUrl(), { headers: asGuest(guest.body.token) })).body.wishlist.items).toHaveLength(1)

    const customer = await registerCustomer()
    for (const body of [{}, { token: 5 }, { token: "" }]) {
      const res = await api("POST", wishlistUrl("/merge"), { body, headers: bearer(customer.jwt) })
      expect(res.status).toBe(400)
      expect(res.body.message).toMatch(/token/)
    }
  })

  it("never shows or changes one customer's items to another customer", async () => {
    const [alice, bob] = await Promise.all([registerCustomer(), registerCustomer()])
    const jeans = await product("straight-fit-vintage-wash-jeans")
    const added = await api("POST", wishlistUrl("/items"), { body: { product_id: jeans.id }, headers: bearer(alice.jwt) })
    const aliceItem = added.body.wishlist.items[0]

    const bobView = await api("GET", wishlistUrl(), { headers: bearer(bob.jwt) })
    expect(bobView.body).toEqual({ wishlist: { id: null, items: [] } })
    const bobDelete = await api("DELETE", wishlistUrl(`/items/${aliceItem.id}`), { headers: bearer(bob.jwt) })
    expect(bobDelete.status).toBe(404)

    // Bob with a wishlist of his own still cannot touch Alice's item.
    const bobAdd = await api("POST", wishlistUrl("/items"), { body: { product_id: jeans.id }, headers: bearer(bob.jwt) })
    expect(bobAdd.body.wishlist.id).not.toBe(added.body.wishlist.id)
    expect((await api("DELETE", wishlistUrl(`/items/${aliceItem.id}`), { headers: bearer(bob.jwt) })).status).toBe(404)
    // Nor can a guest, or anyone with Alice's wishlist id as a token.
    expect((await api("DELETE", wishlistUrl(`/items/${aliceItem.id}`), { headers: asGuest(added.body.wishlist.id) })).status).toBe(404)
    const bobMerge = await api("POST", wishlistUrl("/merge"), { body: { token: added.body.wishlist.id }, headers: bearer(bob.jwt) })
    expect(bobMerge.body.merged).toBe(0)

    const aliceView = await api("GET", wishlistUrl(), { headers: bearer(alice.jwt) })
    expect(aliceView.body.wishlist.items.map((i: any) => i.id)).toEqual([aliceItem.id])
    // Alice removes her own item.
    const aliceDelete = await api("DELETE", wishlistUrl(`/items/${aliceItem.id}`), { headers: bearer(alice.jwt) })
    expect(aliceDelete.status).toBe(200)
    expect(aliceDelete.body.wishlist.items).toEqual([])
  })
})
