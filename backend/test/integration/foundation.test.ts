/**
 * The foundation over HTTP against the real server on a real, freshly seeded database.
 */
import path from "path"
import { loadCatalog } from "../../src/seed/catalog"
import { adminToken, api } from "../harness/api"

const catalog = loadCatalog(path.resolve(__dirname, "..", "..", "..", "data", "catalog"))
const handlesIn = (category: string) => new Set(catalog.products.filter((p) => p.category === category).map((p) => p.handle))

let regions: { india: any; us: any }

beforeAll(async () => {
  const res = await api("GET", "/store/regions")
  expect(res.status).toBe(200)
  regions = {
    india: res.body.regions.find((r: any) => r.name === "India"),
    us: res.body.regions.find((r: any) => r.name === "United States"),
  }
})

describe("health and admin", () => {
  it("answers /health", async () => {
    const res = await api("GET", "/health")
    expect(res.status).toBe(200)
  })

  it("serves the admin at /app", async () => {
    const res = await api("GET", "/app")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("text/html")
    expect(res.text).toMatch(/<div id="root">/)
  })

  it("logs the demo admin in and lists the products", async () => {
    const token = await adminToken()
    const res = await api("GET", "/admin/products?limit=5", { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(catalog.products.length)
    expect(res.body.products).toHaveLength(5)
  })

  it("refuses a wrong admin password with 401", async () => {
    const res = await api("POST", "/admin/auth/token", { body: { email: "admin@example.com", password: "wrong" } })
    expect(res.status).toBe(401)
  })
})

describe("regions and money", () => {
  it("has India in INR and the United States in USD", () => {
    expect(regions.india.currency_code).toBe("inr")
    expect(regions.india.countries.map((c: any) => c.iso_2)).toEqual(["in"])
    expect(regions.india.includes_tax).toBe(true)
    expect(regions.us.currency_code).toBe("usd")
    expect(regions.us.countries.map((c: any) => c.iso_2)).toEqual(["us"])
  })

  it("offers cash on delivery in India and manual payment in the US by default", () => {
    expect(regions.india.payment_providers.map((p: any) => p.id)).toEqual(["cod"])
    expect(regions.us.payment_providers.map((p: any) => p.id)).toEqual(["manual"])
  })

  it.each([
    ["india", "inr"],
    ["us", "usd"],
  ])("lists seeded products priced in the %s region's currency (%s)", async (region, currency) => {
    const regionId = (regions as any)[region].id
    const res = await api("GET", `/store/products?region_id=${regionId}&limit=100`)
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(catalog.products.length)
    expect(res.body.count).toBeGreaterThanOrEqual(48)
    for (const product of res.body.products) {
      const plan = catalog.products.find((p) => p.handle === product.handle)!
      expect(plan).toBeDefined()
      for (const variant of product.variants) {
        expect(variant.calculated_price).toBe(plan.price[currency as "inr" | "usd"] * 100)
        expect(variant.original_price).toBe(plan.mrp[currency as "inr" | "usd"] * 100)
        expect(variant.prices.some((p: any) => p.currency_code === currency)).toBe(true)
      }
    }
  })

  it("shows MRP above the selling price where there is a discount", async () => {
    const discounted = catalog.products.find((p) => p.mrp.inr > p.price.inr)!
    const res = await api("GET", `/store/products?handle=${discounted.handle}&region_id=${regions.india.id}`)
    const variant = res.body.products[0].variants[0]
    expect(variant.original_price).toBeGreaterThan(variant.calculated_price)
    expect(variant.calculated_price_type).toBe("sale")
  })

  it("includes GST in Indian prices at each product's rate (5%, 18% above Rs 2,500, 3% jewellery)", async () => {
    const res = await api("GET", `/store/products?region_id=${regions.india.id}&limit=100`)
    const rates = new Set<number>()
    for (const product of res.body.products) {
      const plan = catalog.products.find((p) => p.handle === product.handle)!
      rates.add(plan.gst_rate)
      const variant = product.variants[0]
      const price = variant.calculated_price
      expect(variant.calculated_price_incl_tax).toBe(price)
      expect(variant.calculated_tax).toBe(Math.round(price - price / (1 + plan.gst_rate / 100)))
    }
    expect([...rates].sort()).toEqual([18, 3, 5])
  })

  it("adds no tax to US prices by default", async () => {
    const res = await api("GET", `/store/products?region_id=${regions.us.id}&limit=3`)
    for (const product of res.body.products) expect(product.variants[0].calculated_tax).toBe(0)
  })

  it("keeps stock per variant, including sold-out sizes", async () => {
    const soldOut = catalog.products.flatMap((p) => p.variants.map((v) => ({ p, v }))).find(({ v }) => v.inventory_quantity === 0)!
    const res = await api("GET", `/store/products?handle=${soldOut.p.handle}`)
    const variant = res.body.products[0].variants.find((v: any) => v.sku === soldOut.v.sku)
    expect(variant.inventory_quantity).toBe(0)
    expect(variant.allow_backorder).toBe(false)
  })
})

describe("catalog browsing", () => {
  it("filters by category", async () => {
    const cats = await api("GET", "/store/product-categories?handle=bodycon-dresses")
    expect(cats.status).toBe(200)
    const categoryId = cats.body.product_categories[0].id
    const res = await api("GET", `/store/products?category_id[]=${categoryId}&limit=100`)
    expect(res.status).toBe(200)
    expect(new Set(res.body.products.map((p: any) => p.handle))).toEqual(handlesIn("bodycon-dresses"))
  })

  it("nests heels, clutches and earrings under accessories", async () => {
    const res = await api("GET", "/store/product-categories?handle=accessories&include_descendants_tree=true")
    const children = res.body.product_categories[0].category_children.map((c: any) => c.handle).sort()
    expect(children).toEqual(["clutches", "earrings", "heels"])
  })

  it("gives products images, colour hexes and fashion metadata", async () => {
    const res = await api("GET", `/store/products?limit=5`)
    for (const product of res.body.products) {
      expect(product.thumbnail).toMatch(/^http/)
      expect(product.images.length).toBeGreaterThanOrEqual(2)
      expect(product.metadata).toEqual(expect.objectContaining({ fabric: expect.any(String), occasion: expect.any(Array), care: expect.any(String) }))
      for (const v of product.variants) expect(v.metadata.color_hex).toMatch(/^#[0-9A-Fa-f]{6}$/)
    }
    const image = await fetch(res.body.products[0].thumbnail)
    expect(image.status).toBe(200)
    expect(image.headers.get("content-type")).toBe("image/webp")
  })
})

describe("search", () => {
  it("finds bodycon dresses for the typo 'bodycn'", async () => {
    const res = await api("POST", "/store/products/search", { body: { q: "bodycn" } })
    expect(res.status).toBe(200)
    expect(res.body.corrected_query).toBe("bodycon")
    const bodycon = handlesIn("bodycon-dresses")
    expect(res.body.hits.length).toBeGreaterThanOrEqual(bodycon.size)
    // Every bodycon dress is found, and they rank first.
    const top = res.body.hits.slice(0, bodycon.size).map((h: any) => h.handle)
    expect(new Set(top)).toEqual(bodycon)
  })

  it("ranks title matches and supports several words", async () => {
    const plan = catalog.products.find((p) => p.category === "skirts")!
    const res = await api("POST", "/store/products/search", { body: { q: plan.title } })
    expect(res.body.hits[0].handle).toBe(plan.handle)
  })

  it("answers an empty or nonsense query with no hits, not an error", async () => {
    for (const q of ["", "zzqxj", "&|!():*"]) {
      const res = await api("POST", "/store/products/search", { body: { q } })
      expect(res.status).toBe(200)
      expect(res.body.hits).toEqual([])
    }
  })
})
