/**
 * The size-recommendation admin UI, rendered by the real admin build (backend/build, served
 * at /app) in Chromium: Settings > Size charts lists the seeded charts, edits a cell of a
 * category chart and saves it, shows the server's validation error at the cell it names,
 * and shows the size model and retrains it; the product widget shows the category chart a
 * product inherits and creates the product's own chart from it.
 *
 * The scene: the seeded "co-ord-sets" chart (restored afterwards), and a draft product in
 * that category (drafts are not in the store, so other suites never see it).
 */
import type { Page } from "playwright-core"
import { openAdminBrowser, type AdminBrowser } from "../harness/admin-browser"
import { adminToken, api } from "../harness/api"

const CATEGORY = "co-ord-sets"
const run = Date.now().toString(36).toUpperCase()

let auth: Record<string, string>
let ui: AdminBrowser
let page: Page
let categoryId: string
let chart: any
let original: { measurements: string[]; rows: any[]; notes: string | null }
let productId: string | null = null

/** The editor's inches beside a range, as the merchant reads them. */
const inches = (cm: number) => {
  const s = (cm / 2.54).toFixed(1)
  return s.endsWith(".0") ? s.slice(0, -2) : s
}
const rowOf = (rows: any[], size: string) => rows.find((r) => r.size === size)
const readChart = async () => {
  const res = await api("GET", `/admin/size-charts/${chart.id}`, { headers: auth })
  expect(res.status).toBe(200)
  return res.body.size_chart
}
const productCharts = async () => (await api("GET", `/admin/size-charts?product_id=${productId}`, { headers: auth })).body.size_charts

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  const categories = await api("GET", `/admin/product-categories?handle=${CATEGORY}`, { headers: auth })
  categoryId = categories.body.product_categories[0].id
  const charts = await api("GET", `/admin/size-charts?category_id=${categoryId}`, { headers: auth })
  expect(charts.body.count).toBe(1)
  chart = charts.body.size_charts[0]
  original = { measurements: chart.measurements, rows: chart.rows, notes: chart.notes }
  const product = await api("POST", "/admin/products", {
    headers: auth,
    body: { title: `UI size chart jumpsuit ${run}`, status: "draft", categories: [{ id: categoryId }] },
  })
  expect(product.status).toBe(200)
  productId = product.body.product.id
  ui = await openAdminBrowser(auth)
  page = ui.page
}, 90000)

afterAll(async () => {
  if (auth && chart) await api("POST", `/admin/size-charts/${chart.id}`, { headers: auth, body: original })
  if (auth && productId) {
    for (const c of await productCharts()) await api("DELETE", `/admin/size-charts/${c.id}`, { headers: auth })
    await api("DELETE", `/admin/products/${productId}`, { headers: auth })
  }
  await ui?.close()
})

afterEach(() => {
  expect(ui.pageErrors).toEqual([])
})

test("Settings > Size charts lists every chart, and a category chart's edited cell is saved", async () => {
  await ui.open("/app/a/settings/size-charts", "[data-testid=size-charts-list]")
  const section = page.getByTestId("size-charts-section")
  const all = (await api("GET", "/admin/size-charts", { headers: auth })).body.size_charts
  for (const c of all) await section.locator(`tr[data-chart-id="${c.id}"]`).waitFor()
  const row = section.locator(`tr[data-chart-id="${chart.id}"]`)
  await row.getByText(CATEGORY, { exact: true }).waitFor()
  await row.getByText(chart.rows.map((r: any) => r.size).join(", "), { exact: true }).waitFor()
  await row.getByText("Bust, Waist, Hips, Length", { exact: true }).waitFor()

  await row.getByRole("button", { name: "Edit" }).click()
  const editor = section.getByTestId("size-chart-editor")
  const [min, max] = rowOf(original.rows, "M").bust
  const bustMinM = editor.getByLabel("bust min of M (cm)", { exact: true })
  await expect(bustMinM.inputValue()).resolves.toBe(String(min))
  const cell = editor.locator('tr[data-size="M"] td[data-column="bust"]')
  await cell.getByTestId("inches").getByText(`${inches(min)}–${inches(max)} in`, { exact: true }).waitFor()
  // Nothing changed yet: Save waits for a change.
  await expect(editor.getByRole("button", { name: "Save chart" }).isDisabled()).resolves.toBe(true)

  const edited = min + 1
  await bustMinM.fill(String(edited))
  // The inches follow the centimetres as they are typed.
  await cell.getByTestId("inches").getByText(`${inches(edited)}–${inches(max)} in`, { exact: true }).waitFor()
  await editor.getByRole("button", { name: "Save chart" }).click()
  // Saved: back to the list.
  await editor.waitFor({ state: "detached" })
  await section.getByTestId("size-charts-list").waitFor()

  const saved = await readChart()
  expect(rowOf(saved.rows, "M").bust).toEqual([edited, max])
  // Everything else as it was.
  expect(saved.rows.map((r: any) => (r.size === "M" ? { ...r, bust: [min, max] } : r))).toEqual(original.rows)
  expect(saved.measurements).toEqual(original.measurements)
  expect(saved.notes).toEqual(original.notes)
})

test("a range whose min is above its max: the server's message is shown next to the form and at the cell, and nothing is saved", async () => {
  await ui.open("/app/a/settings/size-charts", "[data-testid=size-charts-list]")
  const section = page.getByTestId("size-charts-section")
  const before = await readChart()
  await section.locator(`tr[data-chart-id="${chart.id}"]`).getByRole("button", { name: "Edit" }).click()
  const editor = section.getByTestId("size-chart-editor")
  const sIndex = before.rows.findIndex((r: any) => r.size === "S")
  const waistMax = before.rows[sIndex].waist[1]
  const tooBig = waistMax + 20

  await editor.getByLabel("waist min of S (cm)", { exact: true }).fill(String(tooBig))
  await editor.getByRole("button", { name: "Save chart" }).click()
  const problem = `min ${tooBig} is above max ${waistMax}`
  await editor.getByTestId("size-chart-error").getByText(`Invalid size chart: rows.${sIndex}.waist: ${problem}`).waitFor()
  const cell = editor.locator('tr[data-size="S"] td[data-column="waist"][data-invalid="true"]')
  await cell.getByTestId("cell-error").getByText(problem, { exact: true }).waitFor()
  await expect(cell.locator("input").first().getAttribute("aria-invalid")).resolves.toBe("true")
  // Still editing, with what was typed.
  await expect(editor.getByLabel("waist min of S (cm)", { exact: true }).inputValue()).resolves.toBe(String(tooBig))
  expect(await readChart()).toEqual(before)

  // Fixing the cell takes its mark away; Cancel leaves the chart as it was.
  await editor.getByLabel("waist min of S (cm)", { exact: true }).fill(String(before.rows[sIndex].waist[0]))
  await cell.waitFor({ state: "detached" })
  await editor.getByRole("button", { name: "Cancel" }).click()
  await section.getByTestId("size-charts-list").waitFor()
  expect(await readChart()).toEqual(before)
})

test("the size model section shows the model's state, and Retrain now retrains it", async () => {
  await ui.open("/app/a/settings/size-charts", "[data-testid=size-model] [data-testid=model-facts]")
  const section = page.getByTestId("size-model")
  // Not training at the moment (the server trains at start-up and when reviews change).
  let before: any
  for (let i = 0; i < 60; i++) {
    before = (await api("GET", "/admin/size-recommendation", { headers: auth })).body.model
    if (before.state !== "training") break
    await new Promise((r) => setTimeout(r, 500))
  }
  await section.locator(`[data-testid=model-state] [data-state="${before.state}"]`).waitFor()

  await section.getByRole("button", { name: "Retrain now" }).click()
  // Done when the page shows a training newer than the one before.
  await page.waitForFunction(
    (previous) => {
      const el = document.querySelector("[data-testid=size-model] [data-trained-at]")
      const at = el?.getAttribute("data-trained-at")
      return !!at && at !== previous && !!document.querySelector('[data-testid=size-model] [data-testid=model-state] [data-state="ready"]')
    },
    before.trained_at,
    { timeout: 60000 }
  )
  const after = (await api("GET", "/admin/size-recommendation", { headers: auth })).body.model
  expect(after.state).toBe("ready")
  expect(after.last_error).toBeNull()
  expect(await section.locator("[data-trained-at]").getAttribute("data-trained-at")).toBe(after.trained_at)
  await section.getByTestId("model-reviews").getByText(after.reviews.toLocaleString("en-IN"), { exact: true }).waitFor()
  await section.getByTestId("model-products").getByText(after.products.toLocaleString("en-IN"), { exact: true }).waitFor()
  await section.getByTestId("model-shoppers").getByText(after.shoppers.toLocaleString("en-IN"), { exact: true }).waitFor()
  await expect(section.getByTestId("model-training").count()).resolves.toBe(0)
  await expect(section.getByRole("button", { name: "Retrain now" }).isEnabled()).resolves.toBe(true)
})

test("the product widget shows the category chart the product uses, and creates the product's own chart from it", async () => {
  await ui.open(`/app/a/products/${productId}`, "[data-testid=product-size-chart] [data-testid=product-inherited-chart]")
  const widget = page.getByTestId("product-size-chart")
  const category = await readChart()
  await widget.locator(`[data-testid=product-inherited-chart][data-category="${CATEGORY}"]`).waitFor()
  const [xsMin, xsMax] = rowOf(category.rows, "XS").bust
  await widget.locator('tr[data-size="XS"] td[data-column="bust"]').getByText(`${xsMin}–${xsMax}`).waitFor()

  await widget.getByRole("button", { name: "Create a chart for this product" }).click()
  const editor = widget.getByTestId("size-chart-editor")
  // Prefilled from the category's chart.
  await expect(editor.getByLabel("bust min of XS (cm)", { exact: true }).inputValue()).resolves.toBe(String(xsMin))
  // This one runs long.
  const [lenMin, lenMax] = rowOf(category.rows, "XS").length
  await editor.getByLabel("length max of XS (cm)", { exact: true }).fill(String(lenMax + 4))
  await editor.getByRole("button", { name: "Create chart" }).click()
  await widget.getByTestId("product-own-chart").waitFor()
  await widget.locator('tr[data-size="XS"] td[data-column="length"]').getByText(`${lenMin}–${lenMax + 4}`).waitFor()

  const own = await productCharts()
  expect(own).toHaveLength(1)
  expect(own[0]).toMatchObject({ product_id: productId, category_id: null, measurements: category.measurements, notes: category.notes })
  expect(own[0].rows).toEqual(category.rows.map((r: any) => (r.size === "XS" ? { ...r, length: [lenMin, lenMax + 4] } : r)))

  // Deleting it brings the category's chart back.
  await widget.getByRole("button", { name: "Delete" }).click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete chart" }).click()
  await widget.locator(`[data-testid=product-inherited-chart][data-category="${CATEGORY}"]`).waitFor()
  expect(await productCharts()).toHaveLength(0)
})
