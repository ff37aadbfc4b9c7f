/**
 * Size charts (plugin medusa-plugin-size-recommendation): the seeded category charts on
 * product pages, the walk up to parent categories, product charts, and the admin API.
 */
import fs from "fs"
import path from "path"
import { loadCatalog } from "../../src/seed/catalog"
import { adminToken, api } from "../harness/api"

const catalogDir = path.resolve(__dirname, "..", "..", "..", "data", "catalog")
const catalog = loadCatalog(catalogDir)
const chartFile = JSON.parse(fs.readFileSync(path.join(catalogDir, "size-charts.json"), "utf8"))
const chartOf = (category: string) => chartFile.charts.find((c: any) => c.category === category)
const productIn = (category: string) => catalog.products.find((p) => p.category === category)!

let auth: Record<string, string>
const ids = new Map<string, string>()

async function productId(handle: string): Promise<string> {
  if (!ids.has(handle)) {
    const res = await api("GET", `/store/products?handle=${handle}`)
    ids.set(handle, res.body.products[0].id)
  }
  return ids.get(handle)!
}

async function categoryId(handle: string): Promise<string> {
  const res = await api("GET", `/store/product-categories?handle=${handle}`)
  return res.body.product_categories[0].id
}

const sizeChartOf = async (idOrHandle: string) => api("GET", `/store/products/${idOrHandle}/size-chart`)

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
})

describe("GET /store/products/:id/size-chart", () => {
  it("gives a dress its category's chart", async () => {
    const dress = productIn("bodycon-dresses")
    const res = await sizeChartOf(await productId(dress.handle))
    expect(res.status).toBe(200)
    const expected = chartOf("bodycon-dresses")
    expect(res.body).toEqual({
      size_chart: {
        id: expect.stringMatching(/^szc_/),
        source: "category",
        category_handle: "bodycon-dresses",
        unit: "cm",
        measurements: expected.measurements,
        rows: expected.rows,
        notes: expected.notes,
      },
    })
  })

  it("finds the chart by product handle too", async () => {
    const res = await sizeChartOf(productIn("skirts").handle)
    expect(res.status).toBe(200)
    expect(res.body.size_chart.category_handle).toBe("skirts")
  })

  it("gives heels their shoe chart with UK and US sizes", async () => {
    const res = await sizeChartOf(await productId(productIn("heels").handle))
    expect(res.status).toBe(200)
    expect(res.body.size_chart).toMatchObject({ source: "category", category_handle: "heels", measurements: ["foot_length"] })
    expect(res.body.size_chart.rows[0]).toEqual(chartOf("heels").rows[0])
    expect(res.body.size_chart.rows[0]).toMatchObject({ size: "36", foot_length: [22.5, 23], uk: "3", us: "5" })
  })

  it.each(["clutches", "earrings"])("answers 404 for %s, which have no chart", async (category) => {
    const res = await sizeChartOf(await productId(productIn(category).handle))
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ type: "not_found", message: "No size chart for this product" })
  })

  it("answers 404 for an unknown product", async () => {
    const res = await sizeChartOf("prod_doesnotexist")
    expect(res.status).toBe(404)
    expect(res.body.type).toBe("not_found")
  })

  it("walks up to the parent category, and prefers the product's own category", async () => {
    const accessories = await categoryId("accessories")
    const created = await api("POST", "/admin/size-charts", {
      headers: auth,
      body: { category_id: accessories, measurements: ["width"], rows: [{ size: "One size", width: [20, 30] }], notes: "Bag width" },
    })
    expect(created.status).toBe(201)
    try {
      const clutch = await sizeChartOf(await productId(productIn("clutches").handle))
      expect(clutch.status).toBe(200)
      expect(clutch.body.size_chart).toMatchObject({ id: created.body.size_chart.id, source: "category", category_handle: "accessories", notes: "Bag width" })
      const heel = await sizeChartOf(await productId(productIn("heels").handle))
      expect(heel.body.size_chart.category_handle).toBe("heels")
    } finally {
      const removed = await api("DELETE", `/admin/size-charts/${created.body.size_chart.id}`, { headers: auth })
      expect(removed.status).toBe(200)
    }
    expect((await sizeChartOf(await productId(productIn("clutches").handle))).status).toBe(404)
  })

  it("prefers a product's own chart over its category's", async () => {
    const dress = catalog.products.filter((p) => p.category === "bodycon-dresses")[1]
    const id = await productId(dress.handle)
    const created = await api("POST", "/admin/size-charts", {
      headers: auth,
      body: { product_id: id, measurements: ["bust", "length"], rows: [{ size: "S", bust: [80, 84], length: [80, 82] }, { size: "M", bust: [84, 88], length: [81, 83] }] },
    })
    expect(created.status).toBe(201)
    try {
      const res = await sizeChartOf(id)
      expect(res.body.size_chart).toEqual({
        id: created.body.size_chart.id,
        source: "product",
        category_handle: null,
        unit: "cm",
        measurements: ["bust", "length"],
        rows: [{ size: "S", bust: [80, 84], length: [80, 82] }, { size: "M", bust: [84, 88], length: [81, 83] }],
        notes: null,
      })
    } finally {
      await api("DELETE", `/admin/size-charts/${created.body.size_chart.id}`, { headers: auth })
    }
    expect((await sizeChartOf(id)).body.size_chart.source).toBe("category")
  })
})

describe("admin size charts", () => {
  it("needs an admin", async () => {
    expect((await api("GET", "/admin/size-charts")).status).toBe(401)
    expect((await api("POST", "/admin/size-charts", { body: {} })).status).toBe(401)
  })

  it("lists the seeded charts, filters by category and reads one", async () => {
    const all = await api("GET", "/admin/size-charts", { headers: auth })
    expect(all.status).toBe(200)
    const seeded = chartFile.charts.map((c: any) => c.category).sort()
    expect(all.body.size_charts.map((c: any) => c.category_handle).filter(Boolean).sort()).toEqual(expect.arrayContaining(seeded))
    expect(all.body.count).toBe(all.body.size_charts.length)

    const heels = await categoryId("heels")
    const one = await api("GET", `/admin/size-charts?category_id=${heels}`, { headers: auth })
    expect(one.body.size_charts).toHaveLength(1)
    const chart = one.body.size_charts[0]
    expect(chart).toMatchObject({ category_id: heels, category_handle: "heels", product_id: null, unit: "cm" })
    const read = await api("GET", `/admin/size-charts/${chart.id}`, { headers: auth })
    expect(read.status).toBe(200)
    expect(read.body.size_chart).toEqual(chart)
  })

  it("creates, updates and deletes a chart", async () => {
    const id = await productId(productIn("crop-tops").handle)
    const created = await api("POST", "/admin/size-charts", { headers: auth, body: { product_id: id, measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }] } })
    expect(created.status).toBe(201)
    const chartId = created.body.size_chart.id
    expect(created.body.size_chart).toMatchObject({ product_id: id, category_id: null, unit: "cm", measurements: ["bust"], notes: null })

    const updated = await api("POST", `/admin/size-charts/${chartId}`, {
      headers: auth,
      body: { measurements: ["bust", "waist"], rows: [{ size: "S", bust: [82, 86], waist: [64, 68] }], notes: "Snug fit" },
    })
    expect(updated.status).toBe(200)
    expect(updated.body.size_chart).toMatchObject({ measurements: ["bust", "waist"], notes: "Snug fit", rows: [{ size: "S", bust: [82, 86], waist: [64, 68] }] })

    const bad = await api("POST", `/admin/size-charts/${chartId}`, { headers: auth, body: { measurements: ["bust", "waist", "hips"] } })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain("rows.0.hips")

    const retarget = await api("POST", `/admin/size-charts/${chartId}`, { headers: auth, body: { category_id: "pcat_x" } })
    expect(retarget.status).toBe(400)
    expect(retarget.body.message).toContain("category_id: cannot be changed")

    const removed = await api("DELETE", `/admin/size-charts/${chartId}`, { headers: auth })
    expect(removed.body).toEqual({ id: chartId, object: "size_chart", deleted: true })
    expect((await api("GET", `/admin/size-charts/${chartId}`, { headers: auth })).status).toBe(404)
    expect((await api("DELETE", `/admin/size-charts/${chartId}`, { headers: auth })).status).toBe(404)
  })

  it.each([
    ["no target", { measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }] }, ["product_id: give exactly one of product_id or category_id"]],
    ["two targets", { product_id: "PRODUCT", category_id: "CATEGORY", measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }] }, ["category_id: give exactly one"]],
    ["no rows", { category_id: "CATEGORY", measurements: ["bust"], rows: [] }, ["rows: must have at least one size"]],
    ["a row without size", { category_id: "CATEGORY", measurements: ["bust"], rows: [{ bust: [82, 86] }] }, ["rows.0.size: is required"]],
    ["min above max", { category_id: "CATEGORY", measurements: ["bust"], rows: [{ size: "S", bust: [90, 86] }] }, ["rows.0.bust: min 90 is above max 86"]],
    [
      "implausible ranges",
      { category_id: "CATEGORY", measurements: ["bust", "waist"], rows: [{ size: "S", bust: [82, 860], waist: [-1, 60] }] },
      ["rows.0.bust: must lie between 0 and 300 cm", "rows.0.waist: must lie between 0 and 300 cm"],
    ],
    ["an unknown field", { category_id: "CATEGORY", measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }], colour: "red" }, ["colour: is not a known field"]],
  ])("refuses %s with 400 naming the problem", async (_name, body, messages) => {
    const product = await productId(productIn("party-wear").handle)
    const category = await categoryId("party-wear")
    const resolved = JSON.parse(JSON.stringify(body).replace(/"PRODUCT"/g, JSON.stringify(product)).replace(/"CATEGORY"/g, JSON.stringify(category)))
    const res = await api("POST", "/admin/size-charts", { headers: auth, body: resolved })
    expect(res.status).toBe(400)
    expect(res.body.type).toBe("invalid_data")
    expect(res.body.message).toMatch(/^Invalid size chart: /)
    for (const m of messages) expect(res.body.message).toContain(m)
  })

  it("refuses a chart for an unknown product or category", async () => {
    const res = await api("POST", "/admin/size-charts", { headers: auth, body: { product_id: "prod_nope", measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }] } })
    expect(res.status).toBe(400)
    expect(res.body.message).toContain("product_id: no product with id prod_nope")
    const cat = await api("POST", "/admin/size-charts", { headers: auth, body: { category_id: "pcat_nope", measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }] } })
    expect(cat.status).toBe(400)
  })

  it("refuses a second chart for the same category with 422", async () => {
    const res = await api("POST", "/admin/size-charts", {
      headers: auth,
      body: { category_id: await categoryId("bodycon-dresses"), measurements: ["bust"], rows: [{ size: "S", bust: [82, 86] }] },
    })
    expect(res.status).toBe(422)
    expect(res.body.type).toBe("duplicate_error")
    expect(res.body.message).toMatch(/already exists/)
  })
})
