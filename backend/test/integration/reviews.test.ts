/**
 * Product reviews (plugin medusa-plugin-reviews): a buyer reviews the size she bought, a
 * moderator approves it, and only then does the product page list it and count it in the
 * summary. Bad reviews get a 4xx that says what is wrong.
 */
import fs from "fs"
import path from "path"
import { adminToken, api, stackInfo } from "../harness/api"
import { Customer, TestProduct, createCustomer, createProductWithOptions, placeOrderAs } from "../harness/shoppers"

let admin: Record<string, string>
const createdProducts: string[] = []

async function product(title: string, option: string, values: string[], status = "published"): Promise<TestProduct> {
  const created = await createProductWithOptions(admin, title, option, values, status)
  createdProducts.push(created.id)
  return created
}
const customer = createCustomer

const post = (productId: string, c: Customer | null, body: unknown) => api("POST", `/store/products/${productId}/reviews`, { headers: c?.headers ?? {}, body })
const listStore = (productId: string, query = "") => api("GET", `/store/products/${productId}/reviews${query}`)
const mine = (c: Customer | null, query = "") => api("GET", `/store/customers/me/reviews${query}`, { headers: c?.headers ?? {} })
const moderate = (id: string, body: unknown) => api("POST", `/admin/reviews/${id}`, { headers: admin, body })

let dress: TestProduct
let clutch: TestProduct
let priya: Customer
let meera: Customer
let asha: Customer
const reviewIds: Record<string, string> = {}

beforeAll(async () => {
  admin = { authorization: `Bearer ${await adminToken()}` }
  dress = await product("Review Wrap Dress", "Size", ["XS", "S", "M", "L"])
  clutch = await product("Review Clutch", "Colour", ["Gold"])
  priya = await customer("Priya", "Sharma")
  meera = await customer("Meera", "Iyer")
  asha = await customer("asha", "verma")
  await placeOrderAs(priya, [dress.variants.S, dress.variants.M, clutch.variants.Gold])
  await placeOrderAs(asha, [dress.variants.S])
})

afterAll(async () => {
  for (const id of createdProducts) await api("DELETE", `/admin/products/${id}`, { headers: admin })
})

describe("writing a review", () => {
  test("a buyer reviews the size she bought: verified, pending, size from the variant", async () => {
    const res = await post(dress.id, priya, {
      variant_id: dress.variants.M,
      rating: 5,
      title: "  Perfect  wrap dress ",
      body: "Soft fabric.\r\nTrue to size for me.",
      fit: "true_to_size",
      verified_purchase: true,
    })
    expect(res.status).toBe(201)
    expect(res.body.review).toEqual({
      id: expect.stringMatching(/^prev_/),
      product_id: dress.id,
      variant_id: dress.variants.M,
      rating: 5,
      title: "Perfect wrap dress",
      body: "Soft fabric.\nTrue to size for me.",
      fit: "true_to_size",
      size: "M",
      verified_purchase: true,
      status: "pending",
      author_name: "Priya S.",
      created_at: expect.any(String),
      updated_at: expect.any(String),
    })
    reviewIds.priyaM = res.body.review.id
  })

  test("the purchase is verified by the server even when she does not claim it; no size without a Size option", async () => {
    const res = await post(clutch.id, priya, { variant_id: clutch.variants.Gold, rating: 4 })
    expect(res.status).toBe(201)
    expect(res.body.review).toMatchObject({ verified_purchase: true, size: null, title: null, body: null, fit: null, status: "pending" })
    reviewIds.priyaClutch = res.body.review.id
  })

  test("someone who never bought it may review, unverified, but not claim a verified purchase", async () => {
    const fake = await post(dress.id, meera, { variant_id: dress.variants.L, rating: 1, verified_purchase: true })
    expect(fake.status).toBe(400)
    expect(fake.body.type).toBe("not_allowed")
    expect(fake.body.message).toMatch(/cannot be a verified purchase: you have no order of Review Wrap Dress \S+ in size L/)

    const honest = await post(dress.id, meera, { variant_id: dress.variants.L, rating: 2, fit: "runs_large", body: "Too big everywhere." })
    expect(honest.status).toBe(201)
    expect(honest.body.review).toMatchObject({ verified_purchase: false, size: "L", status: "pending", author_name: "Meera I." })
    reviewIds.meeraL = honest.body.review.id
  })

  test("a second review of the same size is refused with 409, saying so", async () => {
    const again = await post(dress.id, priya, { variant_id: dress.variants.M, rating: 1 })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ type: "duplicate_error" })
    expect(again.body.message).toMatch(/You have already reviewed Review Wrap Dress \S+ in size M/)
  })

  test("guests get 401", async () => {
    const res = await post(dress.id, null, { variant_id: dress.variants.M, rating: 5 })
    expect(res.status).toBe(401)
    expect(res.body.message).toBe("Log in to write a review")
    expect((await post(dress.id, { headers: { authorization: "Bearer forged" }, email: "", id: "" }, { variant_id: dress.variants.M, rating: 5 })).status).toBe(401)
    expect((await mine(null)).status).toBe(401)
  })

  test("bad reviews get 400 naming the field", async () => {
    const seven = await post(dress.id, meera, { variant_id: dress.variants.S, rating: 7 })
    expect(seven.status).toBe(400)
    expect(seven.body).toMatchObject({ type: "invalid_data", message: "Invalid review: rating: must be a whole number from 1 to 5" })

    const long = await post(dress.id, meera, { variant_id: dress.variants.S, rating: 3, body: "x".repeat(20 * 1024) })
    expect(long.status).toBe(400)
    expect(long.body.message).toBe("Invalid review: body: must be at most 5000 characters (this one has 20480)")

    const huge = await post(dress.id, meera, { variant_id: dress.variants.S, rating: 3, body: "x".repeat(300 * 1024) })
    expect(huge.status).toBe(400)
    expect(huge.body.message).toBe("The request body is too large")

    const nul = await post(dress.id, meera, { variant_id: dress.variants.S, rating: 3, title: "bad\u0000" })
    expect(nul.status).toBe(400)
    // NUL is refused at the edge (nothing can store it); other control characters by the review's rules.
    expect(nul.body.message).toBe("body.title holds a character that cannot be stored (NUL or half a surrogate pair)")
    const bell = await post(dress.id, meera, { variant_id: dress.variants.S, rating: 3, title: "bad\u0007" })
    expect(bell.status).toBe(400)
    expect(bell.body.message).toBe("Invalid review: title: must not contain control characters")

    const fields = await post(dress.id, meera, { variant_id: dress.variants.S, rating: 3, fit: "tight", status: "approved" })
    expect(fields.status).toBe(400)
    expect(fields.body.message).toBe("Invalid review: fit: must be one of runs_small, true_to_size, runs_large; status: is not a known field")

    const notJson = await fetch(`${stackInfo().baseUrl}/store/products/${dress.id}/reviews`, {
      method: "POST",
      headers: { ...meera.headers, "content-type": "application/json" },
      body: '{"rating": 5,',
    })
    expect(notJson.status).toBe(400)
    expect((await notJson.json()).message).toMatch(/^The request body is not valid JSON/)
  })

  test("the variant must be one of the product's, and the product a published one", async () => {
    const unknown = await post(dress.id, meera, { variant_id: "variant_does_not_exist", rating: 3 })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toBe(`Invalid review: variant_id: variant_does_not_exist is not a variant of product ${dress.id}`)

    const otherProducts = await post(dress.id, meera, { variant_id: clutch.variants.Gold, rating: 3 })
    expect(otherProducts.status).toBe(400)

    const noProduct = await post("prod_does_not_exist", meera, { variant_id: dress.variants.S, rating: 3 })
    expect(noProduct.status).toBe(404)
    expect(noProduct.body.message).toBe("No product with id prod_does_not_exist")

    const draft = await product("Review Draft Top", "Size", ["M"], "draft")
    const onDraft = await post(draft.id, meera, { variant_id: draft.variants.M, rating: 3 })
    expect(onDraft.status).toBe(404)
    expect((await listStore(draft.id)).status).toBe(404)
  })
})

describe("before moderation", () => {
  test("pending reviews are not listed and count nowhere", async () => {
    const res = await listStore(dress.id)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      reviews: [],
      count: 0,
      limit: 10,
      offset: 0,
      summary: {
        average_rating: null,
        count: 0,
        ratings: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
        fit: { runs_small: 0, true_to_size: 0, runs_large: 0 },
        fit_by_size: [],
      },
    })
  })

  test("she sees her own pending reviews and the sizes she may still review; nobody else sees them", async () => {
    const hers = await mine(priya, `?product_id=${dress.id}`)
    expect(hers.status).toBe(200)
    expect(hers.body.reviews.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[reviewIds.priyaM, "pending"]])
    expect(hers.body.reviewable_variants).toEqual([{ variant_id: dress.variants.S, title: "S", size: "S" }])

    const all = await mine(priya)
    expect(all.body.reviews.map((r: { id: string }) => r.id).sort()).toEqual([reviewIds.priyaM, reviewIds.priyaClutch].sort())
    expect(all.body.reviewable_variants).toBeUndefined()

    const meeras = await mine(meera, `?product_id=${dress.id}`)
    expect(meeras.body.reviews.map((r: { id: string }) => r.id)).toEqual([reviewIds.meeraL])
    expect(meeras.body.reviewable_variants).toEqual([])
    expect(JSON.stringify(meeras.body)).not.toContain(reviewIds.priyaM)

    const ashas = await mine(asha, `?product_id=${dress.id}`)
    expect(ashas.body).toEqual({ reviews: [], reviewable_variants: [{ variant_id: dress.variants.S, title: "S", size: "S" }] })
  })
})

describe("moderation", () => {
  test("moderators see pending reviews first, with the product and the customer's email, and counts per status", async () => {
    const res = await api("GET", `/admin/reviews?product_id=${dress.id}`, { headers: admin })
    expect(res.status).toBe(200)
    expect(res.body.counts).toEqual({ pending: 2, approved: 0, rejected: 0 })
    expect(res.body.count).toBe(2)
    expect(res.body.reviews[0]).toMatchObject({
      product_id: dress.id,
      product_title: dress.title,
      status: "pending",
      moderation_note: null,
      moderated_at: null,
    })
    const priyas = res.body.reviews.find((r: { id: string }) => r.id === reviewIds.priyaM)
    expect(priyas).toMatchObject({ customer_email: priya.email, customer_id: priya.id, variant_title: "M", size: "M", author_name: "Priya S." })
    expect(res.body.summary).toMatchObject({ count: 0, average_rating: null })

    const searched = await api("GET", `/admin/reviews?q=${encodeURIComponent(meera.email)}&status=pending`, { headers: admin })
    expect(searched.body.reviews.map((r: { id: string }) => r.id)).toEqual([reviewIds.meeraL])

    const bad = await api("GET", "/admin/reviews?status=spam", { headers: admin })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toBe("Invalid query: status: must be one of pending, approved, rejected")
    expect((await api("GET", "/admin/reviews")).status).toBe(401)
  })

  test("approved reviews are listed with the summary; rejected ones are not", async () => {
    const approved = await moderate(reviewIds.priyaM, { status: "approved", note: "Checked the order" })
    expect(approved.status).toBe(200)
    expect(approved.body.review).toMatchObject({ status: "approved", moderation_note: "Checked the order", moderated_at: expect.any(String) })
    const rejected = await moderate(reviewIds.meeraL, { status: "rejected", note: "Not about the product" })
    expect(rejected.body.review.status).toBe("rejected")

    // Asha bought S: her review, approved, makes a second size.
    const ashas = await post(dress.id, asha, { variant_id: dress.variants.S, rating: 4, fit: "runs_small", verified_purchase: true, title: "Order a size up" })
    expect(ashas.status).toBe(201)
    reviewIds.ashaS = ashas.body.review.id
    expect((await moderate(reviewIds.ashaS, { status: "approved" })).status).toBe(200)

    const res = await listStore(dress.id)
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(2)
    expect(res.body.reviews.map((r: { id: string }) => r.id)).toEqual([reviewIds.ashaS, reviewIds.priyaM])
    expect(res.body.reviews[1]).toEqual({
      id: reviewIds.priyaM,
      rating: 5,
      title: "Perfect wrap dress",
      body: "Soft fabric.\nTrue to size for me.",
      fit: "true_to_size",
      size: "M",
      verified_purchase: true,
      author_name: "Priya S.",
      created_at: expect.any(String),
    })
    expect(res.body.reviews[0].author_name).toBe("Asha V.")
    expect(res.body.summary).toEqual({
      average_rating: 4.5,
      count: 2,
      ratings: { "1": 0, "2": 0, "3": 0, "4": 1, "5": 1 },
      fit: { runs_small: 1, true_to_size: 1, runs_large: 0 },
      fit_by_size: [
        { size: "S", runs_small: 1, true_to_size: 0, runs_large: 0, count: 1 },
        { size: "M", runs_small: 0, true_to_size: 1, runs_large: 0, count: 1 },
      ],
    })
    const text = JSON.stringify(res.body)
    for (const secret of [priya.email, priya.id, asha.email, asha.id, meera.email, "moderation_note", "Checked the order"]) expect(text).not.toContain(secret)

    // By handle too, sorted and paged.
    const lowest = await listStore(dress.handle, "?sort=lowest&limit=1")
    expect(lowest.body).toMatchObject({ count: 2, limit: 1, offset: 0 })
    expect(lowest.body.reviews.map((r: { id: string }) => r.id)).toEqual([reviewIds.ashaS])
    const highest = await listStore(dress.id, "?sort=highest&limit=1&offset=1")
    expect(highest.body.reviews.map((r: { id: string }) => r.id)).toEqual([reviewIds.ashaS])
    const badQuery = await listStore(dress.id, "?sort=best&limit=500")
    expect(badQuery.status).toBe(400)
    expect(badQuery.body.message).toBe("Invalid query: limit: must be a whole number from 1 to 50; sort: must be one of newest, highest, lowest")
  })

  test("the customer sees the decision but not the moderator's note", async () => {
    const hers = await mine(meera)
    expect(hers.body.reviews[0]).toMatchObject({ id: reviewIds.meeraL, status: "rejected" })
    expect(JSON.stringify(hers.body)).not.toContain("Not about the product")
  })

  test("a decision can be reversed but never back to pending; unknown reviews are 404", async () => {
    const pending = await moderate(reviewIds.meeraL, { status: "pending" })
    expect(pending.status).toBe(400)
    expect(pending.body.message).toBe("Invalid moderation: status: must be approved or rejected")

    const takenDown = await moderate(reviewIds.priyaM, { status: "rejected" })
    expect(takenDown.body.review).toMatchObject({ status: "rejected", moderation_note: null })
    expect((await listStore(dress.id)).body.summary).toMatchObject({ count: 1, average_rating: 4 })
    expect((await moderate(reviewIds.priyaM, { status: "approved" })).body.review.status).toBe("approved")
    expect((await listStore(dress.id)).body.summary).toMatchObject({ count: 2, average_rating: 4.5 })

    const unknown = await moderate("prev_unknown", { status: "approved" })
    expect(unknown.status).toBe(404)
    expect(unknown.body.message).toBe("No review with id prev_unknown")
    const counts = await api("GET", `/admin/reviews?product_id=${dress.id}&status=approved`, { headers: admin })
    expect(counts.body).toMatchObject({ count: 2, counts: { pending: 0, approved: 2, rejected: 1 } })
  })

  test("a moderator can delete a review", async () => {
    const deleted = await api("DELETE", `/admin/reviews/${reviewIds.priyaClutch}`, { headers: admin })
    expect(deleted.status).toBe(200)
    expect(deleted.body).toEqual({ id: reviewIds.priyaClutch, object: "product_review", deleted: true })
    expect((await api("DELETE", `/admin/reviews/${reviewIds.priyaClutch}`, { headers: admin })).status).toBe(404)
    expect((await api("GET", `/admin/reviews/${reviewIds.priyaClutch}`, { headers: admin })).status).toBe(404)
    // Deleted, so she may review that bag again.
    const again = await mine(priya, `?product_id=${clutch.id}`)
    expect(again.body.reviewable_variants).toEqual([{ variant_id: clutch.variants.Gold, title: "Gold", size: null }])
  })
})

test("the review events did not break anything", async () => {
  expect((await api("GET", "/health")).status).toBe(200)
  const log = path.join(stackInfo().logDir, "server.log")
  if (fs.existsSync(log)) {
    const text = fs.readFileSync(log, "utf8")
    expect(text).not.toMatch(/could not emit product_review/)
    expect(text).not.toMatch(/product_review\.(created|moderated)[^\n]*(error|fail)/i)
  }
})
