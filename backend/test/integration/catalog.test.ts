/**
 * GET /store/catalog/products and GET /store/catalog/suggest over HTTP against the real
 * server on the freshly seeded catalog; expectations are computed from data/catalog.
 */
import path from "path"
import { loadCatalog, ProductPlan } from "../../src/seed/catalog"
import { adminToken, api } from "../harness/api"

const catalog = loadCatalog(path.resolve(__dirname, "..", "..", "..", "data", "catalog"))
type Currency = "inr" | "usd"

let regions: { inr: string; usd: string }

beforeAll(async () => {
  const res = await api("GET", "/store/regions")
  regions = {
    inr: res.body.regions.find((r: any) => r.currency_code === "inr").id,
    usd: res.body.regions.find((r: any) => r.currency_code === "usd").id,
  }
})

function qs(params: Record<string, string | number | (string | number)[] | undefined>): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, String(one))
  }
  return search.toString()
}

async function list(params: Record<string, any>, currency: Currency = "inr", headers: Record<string, string> = {}) {
  const res = await api("GET", `/store/catalog/products?${qs({ region_id: regions[currency], ...params })}`, { headers })
  if (res.status !== 200) throw new Error(`GET /store/catalog/products ${JSON.stringify(params)}: ${res.status} ${res.text}`)
  return res.body
}

/** Every matching product, through the pagination. */
async function listAll(params: Record<string, any>, currency: Currency = "inr") {
  const first = await list({ ...params, limit: 100 }, currency)
  const products = [...first.products]
  for (let page = 2; page <= first.pages; page++) products.push(...(await list({ ...params, limit: 100, page }, currency)).products)
  return { ...first, products }
}

const handles = (products: { handle: string }[]) => products.map((p) => p.handle)
const sorted = (xs: string[]) => [...xs].sort()

// ---- expectations from the catalog files ----
const categoryAndDescendants = (handle: string): Set<string> => {
  const out = new Set([handle])
  for (let grew = true; grew; ) {
    grew = false
    for (const c of catalog.categories) if (c.parent && out.has(c.parent) && !out.has(c.handle)) out.add(c.handle), (grew = true)
  }
  return out
}
const inCategory = (category: string) => {
  const cats = categoryAndDescendants(category)
  return catalog.products.filter((p) => cats.has(p.category))
}
const inStock = (v: { inventory_quantity: number }) => v.inventory_quantity > 0
const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
type Filters = { sizes?: string[]; colors?: string[]; occasions?: string[]; min?: number; max?: number; currency?: Currency }
const occasionsOf = (p: ProductPlan) => (p.metadata.occasion as string[]) ?? []
/** The card price in major units: selling price, tax-inclusive in India (catalog prices are), pre-tax in the US. */
const priceOf = (p: ProductPlan, currency: Currency) => p.price[currency]
const matchVariant = (p: ProductPlan, sizes: string[] = [], colors: string[] = []) =>
  p.variants.some((v) => inStock(v) && (!sizes.length || sizes.some((s) => eq(s, v.size))) && (!colors.length || colors.some((c) => eq(c, v.color.name))))
const matchOccasion = (p: ProductPlan, occasions: string[] = []) => !occasions.length || occasionsOf(p).some((o) => occasions.some((x) => eq(x, o)))
const matchPrice = (p: ProductPlan, f: Filters) => {
  const price = priceOf(p, f.currency ?? "inr")
  return (f.min === undefined || price >= f.min) && (f.max === undefined || price <= f.max)
}
const matches = (p: ProductPlan, f: Filters) => matchVariant(p, f.sizes, f.colors) && matchOccasion(p, f.occasions) && matchPrice(p, f)

/** Disjunctive facet counts: each facet applies every filter but its own. */
function expectedFacets(base: ProductPlan[], f: Filters) {
  const count = (values: string[], has: (p: ProductPlan, value: string) => boolean, pool: ProductPlan[]) =>
    Object.fromEntries(values.map((value) => [value, pool.filter((p) => has(p, value)).length]).filter(([, n]) => (n as number) > 0))
  const forSizes = base.filter((p) => matchOccasion(p, f.occasions) && matchPrice(p, f))
  const forColors = forSizes
  const forOccasions = base.filter((p) => matchVariant(p, f.sizes, f.colors) && matchPrice(p, f))
  const forPrice = base.filter((p) => matchVariant(p, f.sizes, f.colors) && matchOccasion(p, f.occasions))
  const allSizes = [...new Set(base.flatMap((p) => p.sizes))]
  const allColors = [...new Set(base.flatMap((p) => p.colors.map((c) => c.name)))]
  const allOccasions = [...new Set(base.flatMap(occasionsOf))]
  const prices = forPrice.map((p) => priceOf(p, f.currency ?? "inr"))
  return {
    sizes: count(allSizes, (p, s) => matchVariant(p, [s], f.colors), forSizes),
    colors: count(allColors, (p, c) => matchVariant(p, f.sizes, [c]), forColors),
    occasions: count(allOccasions, (p, o) => occasionsOf(p).includes(o), forOccasions),
    price: prices.length ? { min: Math.floor(Math.min(...prices)), max: Math.ceil(Math.max(...prices)) } : null,
  }
}
const asCounts = (values: { value: string; count: number }[]) => Object.fromEntries(values.filter((v) => v.count > 0).map((v) => [v.value, v.count]))

describe("GET /store/catalog/products: listing and filters", () => {
  it("lists exactly a category's products, with the category, its parent and children", async () => {
    const body = await listAll({ category: "bodycon-dresses" })
    expect(sorted(handles(body.products))).toEqual(sorted(handles(inCategory("bodycon-dresses"))))
    expect(body.count).toBe(inCategory("bodycon-dresses").length)
    expect(body.category).toEqual({
      id: expect.stringMatching(/^pcat_/),
      handle: "bodycon-dresses",
      name: "Bodycon Dresses",
      description: catalog.categories.find((c) => c.handle === "bodycon-dresses")!.description,
      parent: null,
      children: [],
    })
    expect(body.collection).toBeNull()
    expect(body.q).toBeNull()
    expect(body.corrected_query).toBeNull()
  })

  it("includes the descendants' products for accessories (heels, clutches, earrings)", async () => {
    const body = await listAll({ category: "accessories" })
    const expected = inCategory("accessories")
    expect(new Set(expected.map((p) => p.category))).toEqual(new Set(["heels", "clutches", "earrings"]))
    expect(sorted(handles(body.products))).toEqual(sorted(handles(expected)))
    expect(body.category.children).toEqual([
      { handle: "heels", name: "Heels" },
      { handle: "clutches", name: "Clutches" },
      { handle: "earrings", name: "Earrings" },
    ])
    const heels = await list({ category: "heels" })
    expect(heels.category.parent).toEqual({ handle: "accessories", name: "Accessories" })
    // Each card names its own (deepest) category, not the parent.
    for (const card of body.products) expect(card.category.handle).toBe(catalog.products.find((p) => p.handle === card.handle)!.category)
  })

  it("lists every product without filters and filters by collection", async () => {
    const all = await listAll({})
    expect(sorted(handles(all.products))).toEqual(sorted(handles(catalog.products)))
    const festive = await listAll({ collection: "festive-edit" })
    expect(festive.collection).toEqual({ id: expect.stringMatching(/^pcol_/), handle: "festive-edit", title: "Festive Edit" })
    // Medusa v1 keeps one collection per product: the seed assigns each product its first listed collection.
    expect(sorted(handles(festive.products))).toEqual(sorted(handles(catalog.products.filter((p) => p.collections[0] === "festive-edit"))))
  })

  it("builds each card from the product: prices in both regions, colours, sizes, stock, popularity, release date", async () => {
    const [india, us] = await Promise.all([listAll({}, "inr"), listAll({}, "usd")])
    for (const [body, currency] of [[india, "inr"], [us, "usd"]] as const) {
      for (const card of body.products) {
        const plan = catalog.products.find((p) => p.handle === card.handle)!
        const amount = plan.price[currency] * 100
        const original = plan.mrp[currency] * 100
        expect(card.price).toEqual({
          amount,
          original,
          currency_code: currency,
          discount_percent: Math.round(((original - amount) / original) * 100),
        })
        expect(card.colors).toEqual(plan.colors.map((c) => ({ name: c.name, hex: c.hex, image: expect.stringMatching(/^http.*\.webp$/) })))
        expect(card.sizes).toEqual(plan.sizes.map((s) => ({ value: s, in_stock: plan.variants.some((v) => v.size === s && inStock(v)) })))
        expect(card.in_stock).toBe(plan.variants.some(inStock))
        expect(card.popularity).toBe(plan.popularity)
        expect(card.title).toBe(plan.title)
        expect(card.subtitle).toBe(plan.subtitle ?? null)
        expect(card.thumbnail).toMatch(/^http/)
        const daysAgo = (Date.now() - Date.parse(card.released_at)) / 86400000
        expect(Math.abs(daysAgo - (plan.released_days_ago ?? 30))).toBeLessThan(1)
      }
    }
    const discounted = india.products.find((c: any) => c.price.original > c.price.amount)
    const full = india.products.find((c: any) => c.price.original === c.price.amount)
    expect(discounted.price.discount_percent).toBeGreaterThan(0)
    expect(full.price.discount_percent).toBe(0)
  })

  it("prices cards exactly as Medusa's Store API does (tax-inclusive in India, pre-tax in the US)", async () => {
    for (const currency of ["inr", "usd"] as const) {
      const [ours, medusa] = await Promise.all([listAll({}, currency), api("GET", `/store/products?region_id=${regions[currency]}&limit=100`)])
      expect(medusa.status).toBe(200)
      for (const card of ours.products) {
        const product = medusa.body.products.find((p: any) => p.id === card.id)
        const key = currency === "inr" ? "calculated_price_incl_tax" : "calculated_price"
        const originalKey = currency === "inr" ? "original_price_incl_tax" : "original_price"
        const cheapest = [...product.variants].sort((a: any, b: any) => a[key] - b[key])[0]
        expect(card.price.amount).toBe(cheapest[key])
        expect(card.price.original).toBe(cheapest[originalKey])
      }
    }
  })

  it("matches size and colour on the same in-stock variant", async () => {
    // Ruched satin midi: Emerald XS is sold out, though Emerald and XS are each in stock elsewhere.
    const ruched = catalog.products.find((p) => p.handle === "ruched-satin-bodycon-midi")!
    expect(ruched.variants.find((v) => v.size === "XS" && v.color.name === "Emerald")!.inventory_quantity).toBe(0)
    expect(ruched.variants.some((v) => v.size === "XS" && inStock(v))).toBe(true)
    expect(ruched.variants.some((v) => v.color.name === "Emerald" && inStock(v))).toBe(true)

    const cases: Filters[] = [
      { sizes: ["XS"], colors: ["Emerald"] },
      { sizes: ["M", "L"], colors: ["Black"] },
      { sizes: ["XS"] },
      { colors: ["Mint"] },
      { sizes: ["36"], colors: ["Nude", "Red"] },
    ]
    for (const f of cases) {
      const body = await listAll({ size: f.sizes, color: f.colors?.join(",") })
      const expected = catalog.products.filter((p) => matches(p, f))
      expect({ f, handles: sorted(handles(body.products)) }).toEqual({ f, handles: sorted(handles(expected)) })
      expect(body.count).toBe(expected.length)
    }
    const xsEmerald = await listAll({ size: "XS", color: "Emerald" })
    expect(handles(xsEmerald.products)).not.toContain("ruched-satin-bodycon-midi")
    // Earrings in Mint are sold out: the enamel petal drops must not match Mint.
    expect(handles((await listAll({ color: "mint" })).products)).not.toContain("enamel-petal-drop-earrings")
  })

  it("filters by occasion (any of the values) and across facets with AND", async () => {
    for (const occasions of [["wedding-guest"], ["beach", "vacation"]]) {
      const body = await listAll({ occasion: occasions })
      expect(sorted(handles(body.products))).toEqual(sorted(handles(catalog.products.filter((p) => matchOccasion(p, occasions)))))
    }
    const f: Filters = { occasions: ["party"], sizes: ["S"], colors: ["Black"] }
    const body = await listAll({ occasion: "party", size: "S", color: "Black" })
    expect(sorted(handles(body.products))).toEqual(sorted(handles(catalog.products.filter((p) => matches(p, f)))))
    expect(body.products.length).toBeGreaterThan(0)
  })

  it("filters by price range in major units against the card's price, bounds included", async () => {
    for (const [currency, min, max] of [["inr", 1000, 1500], ["usd", 30, 40], ["inr", 1299, 1299]] as const) {
      const body = await listAll({ price_min: min, price_max: max }, currency)
      const expected = catalog.products.filter((p) => matchPrice(p, { min, max, currency }))
      expect(sorted(handles(body.products))).toEqual(sorted(handles(expected)))
      expect(expected.length).toBeGreaterThan(0)
      for (const card of body.products) {
        expect(card.price.amount).toBeGreaterThanOrEqual(min * 100)
        expect(card.price.amount).toBeLessThanOrEqual(max * 100)
      }
    }
    const onlyMin = await listAll({ price_min: 3000 })
    expect(sorted(handles(onlyMin.products))).toEqual(sorted(handles(catalog.products.filter((p) => p.price.inr >= 3000))))
    expect((await list({ price_min: "1499.50", price_max: "1499.99" })).count).toBe(0)
  })

  it("sorts by every order, consistently with the cards' prices, popularity and release dates", async () => {
    const byPriceAsc = await listAll({ sort: "price_asc" })
    const amounts = byPriceAsc.products.map((c: any) => c.price.amount)
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b))
    expect(amounts).toEqual(catalog.products.map((p) => p.price.inr * 100).sort((a, b) => a - b))

    const byPriceDesc = await listAll({ sort: "price_desc" }, "usd")
    const usd = byPriceDesc.products.map((c: any) => c.price.amount)
    expect(usd).toEqual(catalog.products.map((p) => p.price.usd * 100).sort((a, b) => b - a))

    const popular = await listAll({ sort: "popular" })
    expect(popular.products.map((c: any) => c.popularity)).toEqual(catalog.products.map((p) => p.popularity).sort((a, b) => b! - a!))

    for (const body of [await listAll({ sort: "newest" }), await listAll({})]) {
      const dates = body.products.map((c: any) => Date.parse(c.released_at))
      expect(dates).toEqual([...dates].sort((a, b) => b - a))
      expect(body.products[0].handle).toBe([...catalog.products].sort((a, b) => a.released_days_ago! - b.released_days_ago!)[0].handle)
    }

    // Relevance is the default with q: a product's own title ranks it first.
    const plan = catalog.products.find((p) => p.category === "skirts")!
    const relevance = await list({ q: plan.title })
    expect(relevance.products[0].handle).toBe(plan.handle)
    const explicit = await list({ q: plan.title, sort: "relevance" })
    expect(handles(explicit.products)).toEqual(handles(relevance.products))
    // Sorting a search by price works too.
    const searchByPrice = await listAll({ q: "satin", sort: "price_asc" })
    const searchAmounts = searchByPrice.products.map((c: any) => c.price.amount)
    expect(searchAmounts.length).toBeGreaterThan(2)
    expect(searchAmounts).toEqual([...searchAmounts].sort((a, b) => a - b))
  })

  it("paginates without gaps or repeats", async () => {
    const all = await list({ limit: 100, sort: "popular" })
    expect(all.count).toBe(catalog.products.length)
    const pages: string[] = []
    const first = await list({ limit: 10, sort: "popular" })
    expect(first).toMatchObject({ page: 1, limit: 10, pages: Math.ceil(catalog.products.length / 10), count: catalog.products.length })
    for (let page = 1; page <= first.pages; page++) {
      const body = await list({ limit: 10, page, sort: "popular" })
      expect(body.products.length).toBe(page < first.pages ? 10 : catalog.products.length - 10 * (first.pages - 1))
      pages.push(...handles(body.products))
    }
    expect(pages).toEqual(handles(all.products))
    const beyond = await list({ limit: 10, page: first.pages + 1 })
    expect(beyond.products).toEqual([])
    expect(beyond.count).toBe(catalog.products.length)
    const defaults = await list({})
    expect(defaults).toMatchObject({ page: 1, limit: 24 })
    expect(defaults.products).toHaveLength(24)
  })

  it("computes disjunctive facet counts that match the catalog", async () => {
    const cases: { params: Record<string, any>; f: Filters; base: ProductPlan[] }[] = [
      { params: {}, f: {}, base: catalog.products },
      { params: { category: "bodycon-dresses", size: "XS", color: "Emerald,Black" }, f: { sizes: ["XS"], colors: ["Emerald", "Black"] }, base: inCategory("bodycon-dresses") },
      { params: { occasion: ["party", "cocktail"], price_min: 1000, price_max: 3000 }, f: { occasions: ["party", "cocktail"], min: 1000, max: 3000 }, base: catalog.products },
      { params: { category: "accessories", size: "One Size", occasion: "wedding-guest" }, f: { sizes: ["One Size"], occasions: ["wedding-guest"] }, base: inCategory("accessories") },
      { params: { size: ["M", "L"], color: "Black", occasion: "office", price_max: 50 }, f: { sizes: ["M", "L"], colors: ["Black"], occasions: ["office"], max: 50, currency: "usd" }, base: catalog.products },
    ]
    for (const { params, f, base } of cases) {
      const body = await list({ ...params, limit: 1 }, f.currency ?? "inr")
      const expected = expectedFacets(base, f)
      const got = { sizes: asCounts(body.facets.sizes), colors: asCounts(body.facets.colors), occasions: asCounts(body.facets.occasions), price: body.facets.price }
      expect({ params, ...got }).toEqual({ params, ...expected })
      expect(body.count).toBe(base.filter((p) => matches(p, f)).length)
    }
  })

  it("orders facets (sizes by size, colours and occasions by count) and keeps selected values", async () => {
    const body = await list({ limit: 1 })
    expect(body.facets.sizes.map((s: any) => s.value)).toEqual(["XS", "S", "M", "L", "XL", "XXL", "36", "37", "38", "39", "40", "41", "One Size"])
    for (const facet of [body.facets.colors, body.facets.occasions]) {
      for (let i = 1; i < facet.length; i++) {
        const [a, b] = [facet[i - 1], facet[i]]
        expect(a.count > b.count || (a.count === b.count && a.value.localeCompare(b.value) <= 0)).toBe(true)
      }
    }
    const black = body.facets.colors.find((c: any) => c.value === "Black")
    expect(black.hex).toMatch(/^#[0-9A-F]{6}$/i)

    const none = await list({ color: ["Chartreuse", "Black"], size: "XXXL", occasion: "funeral" })
    expect(none.count).toBe(0)
    expect(none.products).toEqual([])
    expect(none.facets.colors).toEqual(expect.arrayContaining([{ value: "Chartreuse", hex: "", count: 0 }]))
    expect(none.facets.sizes).toEqual(expect.arrayContaining([{ value: "XXXL", count: 0 }]))
    expect(none.facets.occasions).toEqual(expect.arrayContaining([{ value: "funeral", count: 0 }]))
    // Black with the impossible size: still listed, with a count of 0 and its hex.
    expect(none.facets.colors).toEqual(expect.arrayContaining([{ value: "Black", hex: black.hex, count: 0 }]))
  })

  it("keeps the price facet and the price filter in agreement with the cards", async () => {
    for (const currency of ["inr", "usd"] as const) {
      const all = await listAll({ sort: "price_asc" }, currency)
      const amounts: number[] = all.products.map((c: any) => c.price.amount)
      expect(all.facets.price).toEqual({ min: Math.floor(amounts[0] / 100), max: Math.ceil(amounts[amounts.length - 1] / 100) })
      // Filtering at a card's exact price returns exactly the cards with that price.
      const middle = amounts[Math.floor(amounts.length / 2)]
      const same = await listAll({ price_min: middle / 100, price_max: middle / 100 }, currency)
      expect(same.products.map((c: any) => c.price.amount)).toEqual(amounts.filter((a) => a === middle))
    }
  })

  it("searches through the search service, typo-tolerant, and combines search with filters", async () => {
    const body = await listAll({ q: "bodycn" })
    expect(body.q).toBe("bodycn")
    expect(body.corrected_query).toBe("bodycon")
    const bodycon = handles(inCategory("bodycon-dresses"))
    expect(handles(body.products)).toEqual(expect.arrayContaining(bodycon))
    for (const card of body.products) expect(card.title.toLowerCase()).toContain("bodycon")
    const narrowed = await listAll({ q: "bodycn", category: "bodycon-dresses", size: "XS" })
    expect(sorted(handles(narrowed.products))).toEqual(sorted(handles(inCategory("bodycon-dresses").filter((p) => matchVariant(p, ["XS"])))))
    const nothing = await list({ q: "zzqxj" })
    expect(nothing).toMatchObject({ count: 0, products: [], pages: 0, q: "zzqxj", corrected_query: null })
  })

  it("honours the publishable key's sales channel", async () => {
    const token = await adminToken()
    const keys = await api("GET", "/admin/publishable-api-keys", { headers: { authorization: `Bearer ${token}` } })
    const key = keys.body.publishable_api_keys.find((k: any) => k.title === "Storefront")
    const body = await list({ limit: 1 }, "inr", { "x-publishable-api-key": key.id })
    expect(body.count).toBe(catalog.products.length)
  })
})

describe("GET /store/catalog/products: bad input", () => {
  it.each([
    ["missing region_id", "", 400, /region_id is required/],
    ["unknown region", "region_id=reg_nope", 404, /No region with id reg_nope/],
    ["bad sort", "sort=cheapest", 400, /sort must be one of relevance, newest, price_asc, price_desc, popular/],
    ["page=0", "page=0", 400, /page must be a whole number from 1/],
    ["page=abc", "page=abc", 400, /page must be a whole number/],
    ["limit=1000", "limit=1000", 400, /limit must be a whole number from 1 to 100/],
    ["limit=0", "limit=0", 400, /limit must be a whole number from 1 to 100/],
    ["price_min=abc", "price_min=abc", 400, /price_min must be an amount in major units/],
    ["price_max=-5", "price_max=-5", 400, /price_max must be an amount/],
    ["min above max", "price_min=2000&price_max=1000", 400, /price_min \(2000\) must not be above price_max \(1000\)/],
    ["unknown category", "category=ball-gowns", 404, /No category with handle ball-gowns/],
    ["unknown collection", "collection=winter", 404, /No collection with handle winter/],
    ["unknown parameter", "colour=Black", 400, /unknown query parameter colour/],
    ["page twice", "page=1&page=2", 400, /page must be given once/],
    ["nested value", "size[a]=M", 400, /size must be a list of plain values/],
    ["several problems at once", "sort=x&limit=1000", 400, /sort must be one of.*; limit must be/],
  ])("%s -> %i", async (_name, query, status, message) => {
    const withRegion = query.includes("region_id") || _name === "missing region_id" ? query : `region_id=${regions.inr}&${query}`
    const res = await api("GET", `/store/catalog/products?${withRegion}`)
    expect(res.status).toBe(status)
    expect(res.body.type).toBe(status === 404 ? "not_found" : "invalid_data")
    expect(res.body.message).toMatch(message)
  })
})

describe("GET /store/catalog/suggest", () => {
  const suggest = (q: string | undefined, region = regions.inr) => api("GET", `/store/catalog/suggest?${qs({ region_id: region, q })}`)

  it("finds products and categories by prefix as the shopper types", async () => {
    const res = await suggest("bod")
    expect(res.status).toBe(200)
    expect(res.body.q).toBe("bod")
    expect(res.body.corrected_query).toBeNull()
    expect(res.body.products.length).toBeGreaterThan(0)
    expect(res.body.products.length).toBeLessThanOrEqual(6)
    for (const card of res.body.products) {
      expect(card.title.toLowerCase()).toMatch(/\bbod/)
      expect(card.price.currency_code).toBe("inr")
    }
    expect(res.body.categories).toEqual([{ handle: "bodycon-dresses", name: "Bodycon Dresses" }])
  })

  it("suggests categories by a word of their name, at most 3, and products at most 6", async () => {
    const crop = await suggest("crop t")
    expect(crop.body.categories).toEqual([{ handle: "crop-tops", name: "Crop Tops" }])
    expect(crop.body.products.every((c: any) => c.category.handle === "crop-tops" || /crop/i.test(c.title))).toBe(true)
    const ear = await suggest("ear", regions.usd)
    expect(ear.body.categories).toEqual([{ handle: "earrings", name: "Earrings" }])
    expect(ear.body.products.every((c: any) => c.price.currency_code === "usd")).toBe(true)
    const b = await suggest("b")
    expect(b.body.products).toHaveLength(6)
    expect(b.body.categories.length).toBeLessThanOrEqual(3)
    expect(b.body.categories.map((c: any) => c.handle)).toEqual(expect.arrayContaining(["bodycon-dresses", "bottoms"]))
  })

  it("passes the search engine's typo correction through", async () => {
    const res = await suggest("bodycn")
    expect(res.body.corrected_query).toBe("bodycon")
    expect(res.body.products.length).toBe(6)
    expect(res.body.categories).toEqual([{ handle: "bodycon-dresses", name: "Bodycon Dresses" }])
  })

  it("answers an empty query with empty lists and bad input with 4xx", async () => {
    for (const q of ["", undefined, "   "]) {
      const res = await suggest(q as string)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ q: q === undefined ? "" : q.trim(), corrected_query: null, products: [], categories: [] })
    }
    const noRegion = await api("GET", "/store/catalog/suggest?q=bod")
    expect(noRegion.status).toBe(400)
    expect(noRegion.body.message).toBe("region_id is required")
    const unknownRegion = await api("GET", "/store/catalog/suggest?q=bod&region_id=reg_nope")
    expect(unknownRegion.status).toBe(404)
    const tooLong = await suggest("x".repeat(201))
    expect(tooLong.status).toBe(400)
  })
})
