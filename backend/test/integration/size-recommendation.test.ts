/**
 * Size advice (plugin medusa-plugin-size-recommendation) on the real server: a guest who
 * types her measurements, a shopper with saved measurements only, a shopper known only by
 * her fit reviews, and a product whose reviews say it runs small.
 */
import { adminToken, api } from "../harness/api"
import { Customer, TestProduct, createCustomer, createProductWithOptions, placeOrderAs } from "../harness/shoppers"

const SIZES = ["S", "M", "L", "XL"]
const CHART = {
  measurements: ["bust", "waist", "hips"],
  rows: [
    { size: "S", bust: [82, 86], waist: [64, 68], hips: [88, 92] },
    { size: "M", bust: [86, 90], waist: [68, 72], hips: [92, 96] },
    { size: "L", bust: [90, 94], waist: [72, 76], hips: [96, 100] },
    { size: "XL", bust: [94, 98], waist: [76, 80], hips: [100, 104] },
  ],
}
const M_BODY = { bust_cm: 88, waist_cm: 70, hips_cm: 94 }

let admin: Record<string, string>
let charted: TestProduct
const created: string[] = []

/** Titles other suites never search for (they share the server and its search index). */
async function product(title: string, status = "published"): Promise<TestProduct> {
  const made = await createProductWithOptions(admin, title, "Size", SIZES, status)
  created.push(made.id)
  return made
}

const advice = (product: string, query = "", c?: Customer) => api("GET", `/store/products/${product}/size-recommendation${query}`, { headers: c?.headers ?? {} })
const review = (c: Customer, product: TestProduct, size: string, fit: string) =>
  api("POST", `/store/products/${product.id}/reviews`, { headers: c.headers, body: { variant_id: product.variants[size], rating: 4, fit } })

beforeAll(async () => {
  admin = { authorization: `Bearer ${await adminToken()}` }
  charted = await product("Sizing sample with a chart")
  const chart = await api("POST", "/admin/size-charts", { headers: admin, body: { product_id: charted.id, ...CHART } })
  expect(chart.status).toBe(201)
})

afterAll(async () => {
  // Deleting a product deletes its reviews and leaves the catalogue as other suites expect it.
  for (const id of created) await api("DELETE", `/admin/products/${id}`, { headers: admin })
})

describe("a guest", () => {
  it("gets a size from the measurements she types, with probabilities for every size", async () => {
    const res = await advice(charted.id, "?bust_cm=88&waist_cm=70&hips_cm=94")
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      recommended_size: "M",
      confidence: expect.any(Number),
      based_on: { measurements: true, history: false, size_chart: true },
      reason: expect.stringMatching(/measurements against this product's size chart/),
    })
    expect(res.body.confidence).toBeGreaterThan(0.5)
    expect(res.body.confidence).toBeLessThanOrEqual(1)
    expect(res.body.probabilities.map((p: { size: string }) => p.size)).toEqual(SIZES)
    for (const p of res.body.probabilities) expect(p.small + p.fit + p.large).toBeCloseTo(1, 1)
    expect(res.body.probabilities[0].small).toBeGreaterThan(res.body.probabilities[0].large)
    expect(res.body.alternatives.map((a: { size: string }) => a.size)).not.toContain("M")
  })

  it("is asked for measurements when she gives none, and told how the product runs", async () => {
    const res = await advice(charted.handle)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ recommended_size: null, confidence: null, probabilities: [], reason: expect.stringMatching(/Add your measurements/) })
  })

  it("gets a 400 naming the bad measurement and a 404 for a product that is not for sale", async () => {
    const bad = await advice(charted.id, "?bust_cm=lots&waist_cm=900")
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/bust_cm/)
    expect(bad.body.message).toMatch(/waist_cm/)
    expect((await advice("prod_does_not_exist", "?bust_cm=88")).status).toBe(404)
    const draft = await product("Sizing sample draft", "draft")
    expect((await advice(draft.id, "?bust_cm=88")).status).toBe(404)
  })
})

describe("a shopper with saved measurements", () => {
  it("gets her size without typing anything, can try other numbers, and they are not saved", async () => {
    const nila = await createCustomer("Nila", "Measured")
    expect((await api("POST", "/store/customers/me/measurements", { headers: nila.headers, body: { ...M_BODY, preferred_fit: "regular" } })).status).toBe(200)
    const saved = await advice(charted.id, "", nila)
    expect(saved.body).toMatchObject({ recommended_size: "M", based_on: { measurements: true, history: false } })
    const tried = await advice(charted.id, "?bust_cm=96&waist_cm=78&hips_cm=102", nila)
    expect(tried.body.recommended_size).toBe("XL")
    const stored = await api("GET", "/store/customers/me/measurements", { headers: nila.headers })
    expect(stored.body.measurements).toMatchObject({ bust_cm: 88, waist_cm: 70, hips_cm: 94 })
  })
})

describe("a shopper known by her reviews", () => {
  // Ten shoppers, each true to one size, review six products: four true to size, one that
  // runs small (they each found their size small) and one that runs large.
  let asha: Customer
  let runsSmall: TestProduct
  let fresh: TestProduct

  beforeAll(async () => {
    const products = await Promise.all([1, 2, 3, 4].map((n) => product(`Sizing sample ${n} true to size`)))
    runsSmall = await product("Sizing sample that runs small")
    const runsLarge = await product("Sizing sample that runs large")
    fresh = await product("Sizing sample never reviewed")
    const trueSizes = ["S", "M", "M", "L", "M", "S", "L", "M", "XL", "M"]
    const shoppers = await Promise.all(trueSizes.map((_, i) => createCustomer(`Reviewer${i}`, "Fit")))
    asha = shoppers[1]
    for (const [i, shopper] of shoppers.entries()) {
      const size = trueSizes[i]
      for (const product of products) expect((await review(shopper, product, size, "true_to_size")).status).toBe(201)
      if (shopper !== asha) expect((await review(shopper, runsSmall, size, "runs_small")).status).toBe(201)
      expect((await review(shopper, runsLarge, size, "runs_large")).status).toBe(201)
    }
    // A verified purchase too: Asha bought the never-reviewed sample in M.
    await placeOrderAs(asha, [fresh.variants.M])
    const retrained = await api("POST", "/admin/size-recommendation", { headers: admin })
    expect(retrained.status).toBe(200)
    expect(retrained.body.model).toMatchObject({ state: "ready", learned: true })
    expect(retrained.body.model.reviews).toBeGreaterThanOrEqual(59)
  })

  it("gets her usual size on a product nobody has reviewed, from her history alone", async () => {
    const res = await advice(fresh.id, "", asha)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ recommended_size: "M", based_on: { measurements: false, history: true, size_chart: false, reviews: 0 } })
    expect(res.body.reason).toMatch(/you usually take M/)
  })

  it("is moved a size up on a product whose reviews say it runs small", async () => {
    const res = await advice(runsSmall.id, "", asha)
    expect(res.body.fit_note).toBe("runs small: we suggest one size up")
    expect(res.body.recommended_size).toBe("L")
    expect(res.body.reason).toMatch(/9 fit reviews of this product \(runs small\)/)
  })

  it("shows the model's state to the admin", async () => {
    const res = await api("GET", "/admin/size-recommendation", { headers: admin })
    expect(res.body.model).toMatchObject({ state: "ready", learned: true, last_error: null, trained_at: expect.any(String) })
    expect((await api("GET", "/admin/size-recommendation")).status).toBe(401)
  })
})
