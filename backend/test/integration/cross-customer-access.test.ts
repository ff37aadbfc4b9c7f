/**
 * Cross-customer access on the real server: Asha owns body measurements, a wishlist,
 * stylist conversations, orders and a review. Bela (another customer, by token and by
 * session cookie), an anonymous caller, and callers holding a forged, an expired or an
 * unsigned token naming Asha try to read, change and delete them through every custom
 * Store API route. Each gets a 4xx whose message says what to do (never a 5xx), and
 * Asha's data is compared before and after.
 *
 * Medusa core's own GET /store/orders/:id answers anyone holding the (unguessable) order
 * id, by design (guest order confirmation); it is not one of ours and not tested here.
 */
import { createHmac, randomBytes } from "crypto"
import path from "path"
import { adminToken, api as rawApi, ApiResponse, stackInfo } from "../harness/api"
import { orderEmail, placeCodOrder } from "../harness/orders"
import { Customer, TestProduct, createCustomer, createProductWithOptions, placeOrderAs } from "../harness/shoppers"

// Every answer is recorded: whatever a test did not look at closely must still not be a 5xx.
const answers: { what: string; status: number }[] = []
async function api<T = any>(method: string, urlPath: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiResponse<T>> {
  const res = await rawApi<T>(method, urlPath, options)
  answers.push({ what: `${method} ${urlPath}`, status: res.status })
  return res
}

// ---------------------------------------------------------------- tokens

// The secret the server signs customer tokens with, resolved as the server resolves it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resolveRuntimeConfig } = require(path.resolve(__dirname, "..", "..", "runtime-config.js"))
const JWT_SECRET: string = resolveRuntimeConfig({ JWT_SECRET: process.env.JWT_SECRET }).secrets.JWT_SECRET

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
/** A token as Medusa's POST /store/auth/token makes them; `secret` null makes an unsigned one (alg "none"). */
function storeJwt(claims: Record<string, unknown>, secret: string | null): string {
  const head = `${part({ alg: secret ? "HS256" : "none", typ: "JWT" })}.${part(claims)}`
  return `${head}.${secret ? createHmac("sha256", secret).update(head).digest("base64url") : ""}`
}
const seconds = () => Math.floor(Date.now() / 1000)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

type Caller = { name: string; headers: Record<string, string> }

// ---------------------------------------------------------------- the cast

const CHART = {
  measurements: ["bust", "waist", "hips"],
  rows: [
    { size: "S", bust: [82, 86], waist: [64, 68], hips: [88, 92] },
    { size: "M", bust: [86, 90], waist: [68, 72], hips: [92, 96] },
    { size: "L", bust: [90, 94], waist: [72, 76], hips: [96, 100] },
    { size: "XL", bust: [94, 98], waist: [76, 80], hips: [100, 104] },
  ],
}
const ASHA_BODY = { bust_cm: 88, waist_cm: 70, hips_cm: 94, height_cm: 160, weight_kg: 55, bra_size: "34B", body_type: "hourglass", preferred_fit: "regular" }
const BELA_BODY = { bust_cm: 96, waist_cm: 78, hips_cm: 102 }

let admin: Record<string, string>
let india: string
let dress: TestProduct
let asha: Customer
let bela: Customer
let belaCookie: Caller
/** Bela, signed in: she gets her own data, never Asha's. */
let others: Caller[]
/** Not signed in as anyone the server believes: anonymous, or a token naming Asha that the server must reject. */
let strangers: Caller[]
let ashaOrder: string
let belaOrder: string
let guestOrder: string

beforeAll(async () => {
  admin = bearer(await adminToken())
  india = (await api("GET", "/store/regions")).body.regions.find((r: { currency_code: string }) => r.currency_code === "inr").id
  asha = await createCustomer("Asha", "Owner")
  bela = await createCustomer("Bela", "Other")
  const login = await api("POST", "/store/auth", { body: { email: bela.email, password: "shop-here-123" } })
  expect(login.status).toBe(200)
  belaCookie = { name: "bela (session cookie)", headers: { cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] } }
  others = [{ name: "bela (token)", headers: bela.headers }, belaCookie]

  const claims = { customer_id: asha.id, domain: "store" }
  strangers = [
    { name: "anonymous", headers: {} },
    { name: "garbage token", headers: bearer("not-a-token") },
    { name: "forged token", headers: bearer(storeJwt({ ...claims, iat: seconds(), exp: seconds() + 3600 }, "not-the-server-secret")) },
    { name: "expired token", headers: bearer(storeJwt({ ...claims, iat: seconds() - 31 * 86400, exp: seconds() - 60 }, JWT_SECRET)) },
    { name: "unsigned token", headers: bearer(storeJwt(claims, null)) },
  ]

  dress = await createProductWithOptions(admin, "Cross Access Dress", "Size", ["S", "M", "L", "XL"])
  expect((await api("POST", "/admin/size-charts", { headers: admin, body: { product_id: dress.id, ...CHART } })).status).toBe(201)
  ashaOrder = await placeOrderAs(asha, [dress.variants.S])
  belaOrder = await placeOrderAs(bela, [dress.variants.M])
  guestOrder = await placeCodOrder([dress.variants.L])
})

afterAll(async () => {
  // The stack is shared with other suites that count the catalogue; deleting the product deletes its reviews too.
  if (dress) await rawApi("DELETE", `/admin/products/${dress.id}`, { headers: admin })
})

/** The status and message together, so a failure shows who got what. */
function expectRefused(who: string, res: ApiResponse, status: number, message: RegExp) {
  expect({ who, status: res.status, message: res.body?.message }).toEqual({ who, status, message: expect.stringMatching(message) })
}

// ---------------------------------------------------------------- tokens are checked

describe("the tokens the strangers hold", () => {
  test("are refused for what they are: the same claims signed with the server's secret and not expired are Asha", async () => {
    // Without this, an "expired" token could be failing only because the test signed it wrongly.
    await api("POST", "/store/customers/me/measurements", { headers: asha.headers, body: ASHA_BODY })
    const control = bearer(storeJwt({ customer_id: asha.id, domain: "store", iat: seconds(), exp: seconds() + 600 }, JWT_SECRET))
    const res = await api("GET", "/store/customers/me/measurements", { headers: control })
    expect(res.status).toBe(200)
    expect(res.body.measurements).toMatchObject({ bust_cm: 88 })
  })
})

// ---------------------------------------------------------------- measurements

describe("body measurements", () => {
  let before: unknown

  beforeAll(async () => {
    const saved = await api("POST", "/store/customers/me/measurements", { headers: asha.headers, body: ASHA_BODY })
    expect(saved.status).toBe(200)
    before = saved.body.measurements
  })

  test("another customer reads only her own, whatever she puts in the query", async () => {
    for (const other of others) {
      for (const query of ["", `?customer_id=${asha.id}`]) {
        const res = await api("GET", `/store/customers/me/measurements${query}`, { headers: other.headers })
        expect({ who: other.name, status: res.status, body: res.body }).toEqual({ who: other.name, status: 200, body: { measurements: null } })
      }
    }
  })

  test("a stranger gets 401 saying to log in", async () => {
    for (const s of strangers) {
      expectRefused(s.name, await api("GET", "/store/customers/me/measurements", { headers: s.headers }), 401, /^Log in to see your measurements$/)
      expectRefused(s.name, await api("POST", "/store/customers/me/measurements", { headers: s.headers, body: { bust_cm: 120 } }), 401, /^Log in to save your measurements$/)
    }
  })

  test("another customer's saves change only hers; naming Asha in the body is a 400", async () => {
    const named = await api("POST", "/store/customers/me/measurements", { headers: bela.headers, body: { customer_id: asha.id, bust_cm: 120 } })
    expectRefused("bela", named, 400, /customer_id: is not a known measurement/)
    const saved = await api("POST", "/store/customers/me/measurements", { headers: belaCookie.headers, body: BELA_BODY })
    expect(saved.status).toBe(200)
    expect(saved.body.measurements).toMatchObject(BELA_BODY)
    // Clearing (there is no DELETE route; null clears a field) clears hers only.
    const cleared = await api("POST", "/store/customers/me/measurements", { headers: bela.headers, body: { height_cm: null, bra_size: null } })
    expect(cleared.body.measurements).toMatchObject({ ...BELA_BODY, height_cm: null, bra_size: null })
    expect((await api("GET", "/store/customers/me/measurements", { headers: asha.headers })).body.measurements).toEqual(before)
  })

  test("size advice uses the caller's own saved measurements, never Asha's", async () => {
    const advice = (headers: Record<string, string>, query = "") => api("GET", `/store/products/${dress.id}/size-recommendation${query}`, { headers })
    const hers = await advice(asha.headers)
    expect(hers.body).toMatchObject({ recommended_size: "M", based_on: { measurements: true } })
    for (const other of others) {
      for (const query of ["", `?customer_id=${asha.id}`]) {
        const res = await advice(other.headers, query)
        expect({ who: other.name, status: res.status, size: res.body.recommended_size }).toEqual({ who: other.name, status: 200, size: "XL" })
      }
    }
    // Strangers are guests here: advice without measurements, not advice from Asha's.
    for (const s of strangers) {
      const res = await advice(s.headers, `?customer_id=${asha.id}`)
      expect({ who: s.name, status: res.status, based_on: res.body.based_on }).toMatchObject({ who: s.name, status: 200, based_on: { measurements: false, history: false } })
    }
  })

  test("Asha's measurements are unchanged", async () => {
    expect((await api("GET", "/store/customers/me/measurements", { headers: asha.headers })).body.measurements).toEqual(before)
  })
})

// ---------------------------------------------------------------- wishlist

describe("wishlist", () => {
  const url = (p = "") => `/store/wishlist${p}?region_id=${india}`
  const ids: Record<string, string> = {}
  let before: { id: string; items: { id: string; product_id: string }[] }
  let ashaItem: string

  const wishlistOf = async (headers: Record<string, string>) => (await api("GET", url(), { headers })).body.wishlist

  beforeAll(async () => {
    for (const handle of ["everyday-cotton-crop-tee", "denim-a-line-mini-skirt", "sequin-mini-skirt"]) {
      ids[handle] = (await api("GET", `/store/products?handle=${handle}`)).body.products[0].id
    }
    const added = await api("POST", url("/items"), { headers: asha.headers, body: { product_id: ids["everyday-cotton-crop-tee"] } })
    expect(added.status).toBe(200)
    ashaItem = added.body.wishlist.items[0].id
    before = await wishlistOf(asha.headers)
  })

  test("reading it as anyone else shows the caller's own list, never hers", async () => {
    for (const c of [...others, ...strangers]) {
      const wishlist = await wishlistOf(c.headers)
      // A wishlist is read as "mine": there is no id to ask for, so nobody else's can come back.
      expect({ who: c.name, id: wishlist.id === before.id, items: wishlist.items.map((i: { id: string }) => i.id) }).toEqual({ who: c.name, id: false, items: [] })
    }
  })

  test("removing her item is a 404 for anyone else, including a guest with a token of her own", async () => {
    const guest = await api("POST", url("/items"), { body: { product_id: ids["sequin-mini-skirt"] } })
    const callers = [...others, ...strangers, { name: "another guest's token", headers: { "x-wishlist-token": guest.body.token } }, { name: "bela with that token", headers: { ...bela.headers, "x-wishlist-token": guest.body.token } }]
    for (const c of callers) {
      expectRefused(c.name, await api("DELETE", url(`/items/${ashaItem}`), { headers: c.headers }), 404, new RegExp(`^No item ${ashaItem} in your wishlist$`))
    }
    expect(await wishlistOf(asha.headers)).toEqual(before)
  })

  test("adding as someone else adds to the caller's own list", async () => {
    const added = await api("POST", url("/items"), { headers: bela.headers, body: { product_id: ids["sequin-mini-skirt"] } })
    expect(added.status).toBe(200)
    expect(added.body.wishlist.id).not.toBe(before.id)
    expect(added.body.wishlist.items.map((i: { product_id: string }) => i.product_id)).toEqual([ids["sequin-mini-skirt"]])
    expect(await wishlistOf(asha.headers)).toEqual(before)
  })

  test("merging needs a login, and a guest list she merged cannot be merged again by anyone", async () => {
    // Asha, browsing as a guest, saved a skirt; signed in, she merges it into her wishlist.
    const guest = await api("POST", url("/items"), { body: { product_id: ids["denim-a-line-mini-skirt"] } })
    const token: string = guest.body.token
    for (const s of strangers) {
      expectRefused(s.name, await api("POST", url("/merge"), { headers: s.headers, body: { token } }), 401, /^Log in as a customer to merge a guest wishlist$/)
    }
    const merged = await api("POST", url("/merge"), { headers: asha.headers, body: { token } })
    expect(merged.body).toMatchObject({ merged: 1, wishlist: { id: before.id } })
    const afterMerge = await wishlistOf(asha.headers)
    expect(afterMerge.items.map((i: { product_id: string }) => i.product_id).sort()).toEqual([ids["denim-a-line-mini-skirt"], ids["everyday-cotton-crop-tee"]].sort())

    // The token is spent: Bela replaying it, or a forged one, gets nothing of Asha's.
    for (const t of [token, randomBytes(32).toString("base64url")]) {
      const res = await api("POST", url("/merge"), { headers: bela.headers, body: { token: t } })
      expect(res.status).toBe(200)
      expect(res.body.merged).toBe(0)
      expect(res.body.wishlist.items.map((i: { product_id: string }) => i.product_id)).toEqual([ids["sequin-mini-skirt"]])
    }
    expect((await wishlistOf({ "x-wishlist-token": token })).items).toEqual([])
    expect(await wishlistOf(asha.headers)).toEqual(afterMerge)
  })
})

// ---------------------------------------------------------------- stylist

describe("stylist conversations", () => {
  const chat = (body: Record<string, unknown>, headers: Record<string, string> = {}) => api("POST", "/store/stylist/chat", { body, headers })
  const session = (id: string, headers: Record<string, string> = {}) => api("GET", `/store/stylist/sessions/${id}`, { headers })
  const NOT_YOURS = /belongs to someone else\. Send the message without session_id to start a new one\.$/
  let hers: string
  let before: unknown

  beforeAll(async () => {
    const first = await chat({ message: "a party dress under 3000 rupees, size M", region_id: india }, asha.headers)
    expect(first.status).toBe(200)
    hers = first.body.session_id
    before = (await session(hers, asha.headers)).body
    expect((before as { session: { messages: unknown[] } }).session.messages).toHaveLength(2)
  })

  test("hers cannot be read or deleted by anyone else: 404 that says it may belong to someone else", async () => {
    for (const c of [...others, ...strangers]) {
      expectRefused(c.name, await session(hers, c.headers), 404, NOT_YOURS)
      expectRefused(c.name, await api("DELETE", `/store/stylist/sessions/${hers}`, { headers: c.headers }), 404, NOT_YOURS)
    }
    expect((await session(hers, asha.headers)).body).toEqual(before)
  })

  test("hers cannot be continued by anyone else, in the plain or the streaming chat", async () => {
    // Bela's cookie and token count against one per-customer stylist limit: one chat each is enough.
    for (const c of [...others, ...strangers]) {
      expectRefused(c.name, await chat({ message: "show me more", region_id: india, session_id: hers }, c.headers), 404, NOT_YOURS)
    }
    for (const c of [others[0], strangers[0], strangers[3]]) {
      const res = await fetch(`${stackInfo().baseUrl}/store/stylist/chat/stream`, {
        method: "POST",
        headers: { "content-type": "application/json", ...c.headers },
        body: JSON.stringify({ message: "show me more", region_id: india, session_id: hers }),
      })
      const text = await res.text()
      answers.push({ what: "POST /store/stylist/chat/stream", status: res.status })
      // A refusal before the stream starts: a plain 404, not a 200 stream holding an error event.
      expect({ who: c.name, status: res.status, type: res.headers.get("content-type") }).toEqual({ who: c.name, status: 404, type: expect.stringMatching(/application\/json/) })
      expect(JSON.parse(text).message).toMatch(NOT_YOURS)
    }
    expect((await session(hers, asha.headers)).body).toEqual(before)
  })

  test("a guest with no id gets a new conversation, and with another id a 404", async () => {
    const fresh = await chat({ message: "a casual top", region_id: india })
    expect(fresh.status).toBe(200)
    expect(fresh.body.session_id).not.toBe(hers)
    const guessed = `stys_${randomBytes(24).toString("base64url")}`
    expectRefused("guest with a made-up id", await chat({ message: "more", region_id: india, session_id: guessed }), 404, NOT_YOURS)
    expect((await session(hers, asha.headers)).body).toEqual(before)
  })

  test("a guest conversation she continues signed in becomes hers alone", async () => {
    const guest = await chat({ message: "jeans under 2500 rupees", region_id: india })
    const id: string = guest.body.session_id
    expect((await session(id)).status).toBe(200)
    const continued = await chat({ message: "something different", region_id: india, session_id: id }, asha.headers)
    expect(continued.status).toBe(200)
    expect(continued.body.session_id).toBe(id)
    for (const c of [others[0], ...strangers]) expectRefused(c.name, await session(id, c.headers), 404, NOT_YOURS)
    expect((await session(id, asha.headers)).body.session.messages).toHaveLength(4)
  })
})

// ---------------------------------------------------------------- orders

describe("orders", () => {
  const orderIds = async (headers: Record<string, string>) => (await api("GET", "/store/customers/me/orders", { headers })).body.orders.map((o: { id: string }) => o.id)
  const tracking = (id: string, headers: Record<string, string> = {}) => api("GET", `/store/orders/${id}/tracking`, { headers })

  test("her order list shows only her own orders; strangers get 401", async () => {
    expect(await orderIds(asha.headers)).toEqual([ashaOrder])
    for (const other of others) expect({ who: other.name, orders: await orderIds(other.headers) }).toEqual({ who: other.name, orders: [belaOrder] })
    for (const s of strangers) expect({ who: s.name, status: (await api("GET", "/store/customers/me/orders", { headers: s.headers })).status }).toEqual({ who: s.name, status: 401 })
  })

  test("the tracking of her order answers only to her; everyone else gets 404", async () => {
    const mine = await tracking(ashaOrder, asha.headers)
    expect(mine.status).toBe(200)
    expect(mine.body).toEqual({ order_id: ashaOrder, shipments: [] })
    for (const c of [...others, ...strangers]) expectRefused(c.name, await tracking(ashaOrder, c.headers), 404, new RegExp(`^Order with id ${ashaOrder} was not found$`))
    expect((await tracking(belaOrder, bela.headers)).status).toBe(200)
    // A guest order is readable by its unguessable id, as Medusa's own GET /store/orders/:id is.
    for (const c of [others[0], strangers[0]]) expect({ who: c.name, status: (await tracking(guestOrder, c.headers)).status }).toEqual({ who: c.name, status: 200 })
  })

  test("core's order lookup by display id needs the order's own email", async () => {
    const [order] = (await api("GET", "/store/customers/me/orders", { headers: asha.headers })).body.orders
    const lookup = (email: string) => api("GET", `/store/orders?display_id=${order.display_id}&email=${encodeURIComponent(email)}`)
    expect((await lookup(bela.email)).status).toBe(404)
    expect((await lookup(asha.email)).body.order.id).toBe(ashaOrder)
  })

  test("nobody else can link her order, or a guest order placed with her email, to their account", async () => {
    const link = (headers: Record<string, string>, order_ids: string[]) => api("POST", "/store/customers/me/guest-orders", { headers, body: { order_ids } })
    // Asha checked out as a guest with her account's email before signing in.
    const asGuest = await placeCodOrder([dress.variants.S], asha.email)
    for (const other of others) {
      const res = await link(other.headers, [ashaOrder, asGuest])
      // Linking answers with the orders it linked: none, and it does not say which ids exist.
      expect({ who: other.name, status: res.status, orders: res.body.orders }).toEqual({ who: other.name, status: 200, orders: [] })
    }
    for (const s of strangers) expectRefused(s.name, await link(s.headers, [asGuest]), 401, /^Log in to link your orders to your account$/)
    expect(await orderIds(bela.headers)).toEqual([belaOrder])
    expect(await orderIds(asha.headers)).toEqual([ashaOrder])

    const linked = await link(asha.headers, [asGuest])
    expect(linked.body.orders.map((o: { id: string }) => o.id)).toEqual([asGuest])
    expect((await orderIds(asha.headers)).sort()).toEqual([ashaOrder, asGuest].sort())
    // Linked, it is an account's order: its tracking is hers alone now.
    expect((await tracking(asGuest, asha.headers)).status).toBe(200)
    for (const c of [others[0], strangers[0]]) expectRefused(c.name, await tracking(asGuest, c.headers), 404, /was not found/)
  })
})

// ---------------------------------------------------------------- reviews

describe("reviews and verified purchases", () => {
  const mine = (headers: Record<string, string>) => api("GET", `/store/customers/me/reviews?product_id=${dress.id}`, { headers })
  let review: string

  test("her purchase makes nobody else a verified buyer", async () => {
    expect((await mine(asha.headers)).body.reviewable_variants.map((v: { size: string }) => v.size)).toEqual(["S"])
    for (const other of others) {
      expect({ who: other.name, reviewable: (await mine(other.headers)).body.reviewable_variants.map((v: { size: string }) => v.size) }).toEqual({ who: other.name, reviewable: ["M"] })
    }
    const claimed = await api("POST", `/store/products/${dress.id}/reviews`, { headers: bela.headers, body: { variant_id: dress.variants.S, rating: 1, verified_purchase: true } })
    expectRefused("bela", claimed, 400, /cannot be a verified purchase: you have no order of .* in size S/)
  })

  test("her pending review is hers alone; strangers can neither list nor write", async () => {
    const written = await api("POST", `/store/products/${dress.id}/reviews`, { headers: asha.headers, body: { variant_id: dress.variants.S, rating: 5, fit: "true_to_size" } })
    expect(written.status).toBe(201)
    expect(written.body.review).toMatchObject({ verified_purchase: true, status: "pending" })
    review = written.body.review.id
    for (const other of others) expect({ who: other.name, text: JSON.stringify((await mine(other.headers)).body).includes(review) }).toEqual({ who: other.name, text: false })
    for (const s of strangers) {
      expectRefused(s.name, await mine(s.headers), 401, /^Log in to see your reviews$/)
      expectRefused(s.name, await api("POST", `/store/products/${dress.id}/reviews`, { headers: s.headers, body: { variant_id: dress.variants.S, rating: 1 } }), 401, /^Log in to write a review$/)
    }
    expect((await api("GET", `/store/products/${dress.id}/reviews`)).body.count).toBe(0)
    expect((await mine(asha.headers)).body.reviews).toEqual([written.body.review])
  })
})

describe("all of the above", () => {
  test("no attempt was answered with a server error", () => {
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(answers.length).toBeGreaterThan(100)
  })
})
