/**
 * The Store health page and the orders list's health line, rendered by the real admin build
 * (backend/build, served at /app) in Chromium against the real server: loading, an outage of
 * the endpoint shown with Try again, the numbers with their green / amber / red levels, a
 * failed supplier order made for this test (amber, with the link to the Supplier orders page),
 * and the refresh every 15 s that pauses while the tab is hidden.
 *
 * Only GET /admin/store-health is ever intercepted, and only to make it slow or failing for
 * the loading and error states; every number shown comes from the server.
 */
import type { Page, Request, Route } from "playwright-core"
import { openAdminBrowser, type AdminBrowser } from "../harness/admin-browser"
import { adminToken, api } from "../harness/api"
import { deleteCreatedProducts, eventually } from "../harness/orders"
import { failingSupplier, type FailingSupplier } from "../harness/supplier-failure"

const ENDPOINT = /\/admin\/store-health(\?|$)/
/** The page refreshes every 15 s: a refresh is awaited for longer, never timed. */
const REFRESH_WAIT_MS = 30000

let auth: Record<string, string>
let ui: AdminBrowser
let page: Page
let supplier: FailingSupplier | undefined
let failedSupplierOrderId: string | undefined

/** What the interception does with the page's requests for the numbers. */
let mode: "hold" | "fail" | "pass" = "pass"
const held: Route[] = []
const healthRequests: Request[] = []

async function intercept(route: Route): Promise<void> {
  if (mode === "hold") held.push(route)
  else if (mode === "fail") await route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ type: "unavailable", message: "Simulated outage of the health endpoint" }) })
  else await route.continue()
}

/** A request held across a reload of the page has no one waiting for it any more. */
async function release(route: Route): Promise<void> {
  await intercept(route).catch(() => undefined)
}

async function apiHealth(): Promise<any> {
  const res = await api("GET", "/admin/store-health", { headers: auth })
  expect(res.status).toBe(200)
  return res.body
}

const tile = (key: string) => page.getByTestId(`health-${key}`)

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  supplier = await failingSupplier(auth, "UIHEALTH")
  failedSupplierOrderId = (await supplier.failOne()).supplierOrderId
  ui = await openAdminBrowser(auth)
  page = ui.page
  page.on("request", (r) => {
    if (r.method() === "GET" && ENDPOINT.test(r.url())) healthRequests.push(r)
  })
  await page.route(ENDPOINT, intercept)
}, 150000)

afterAll(async () => {
  if (supplier && failedSupplierOrderId) await supplier.recover(failedSupplierOrderId).catch(() => undefined)
  await supplier?.close()
  if (auth) await deleteCreatedProducts(auth)
  await ui?.close()
}, 60000)

afterEach(() => {
  expect(ui.pageErrors).toEqual([])
})

test("while the numbers load the page says so; when the endpoint fails it says why, and Try again brings the numbers", async () => {
  mode = "hold"
  await ui.open("/app/a/store-health", "[data-testid=store-health-page] [aria-busy=true]")
  await page.getByTestId("store-health-page").getByText("Loading store health…").waitFor()

  mode = "fail"
  for (const route of held.splice(0)) await release(route)
  const error = page.getByTestId("store-health-error")
  await error.waitFor()
  await error.getByText("Could not load the store health").waitFor()
  await error.getByText("Simulated outage of the health endpoint").waitFor()
  await expect(page.getByTestId("store-health-numbers").count()).resolves.toBe(0)

  mode = "pass"
  await error.getByRole("button", { name: "Try again" }).click()
  await page.getByTestId("store-health-numbers").waitFor()
  await expect(page.getByTestId("store-health-error").count()).resolves.toBe(0)
})

test("the page shows each number with a plain label and its level, the failed supplier order amber with its link", async () => {
  await ui.open("/app/a/store-health", "[data-testid=store-health-numbers]")
  const h = await apiHealth()

  // Services: answering, green.
  await expect(tile("database").getAttribute("data-level")).resolves.toBe("ok")
  await tile("database").getByText("Answering", { exact: true }).waitFor()
  await tile("search").getByText("Answering", { exact: true }).waitFor()
  await tile("redis").getByText(h.dependencies.checks.redis.status === "not_configured" ? "Not configured" : "Answering", { exact: true }).waitFor()

  // The failed supplier order of this test: amber, counted, with the way to the queue that handles it.
  const failed = tile("supplier_failed_orders")
  await expect(failed.getAttribute("data-level")).resolves.toBe("warning")
  await failed.getByText("Needs a look", { exact: true }).waitFor()
  expect(Number(await failed.getByTestId("value").textContent())).toBeGreaterThanOrEqual(1)
  await failed.getByText(/supplier orders? could not be sent/).waitFor()
  const link = failed.getByTestId("link-supplier-orders")
  await expect(link.getAttribute("href")).resolves.toBe("/app/a/supplier-orders")

  // The overall state is at least amber, in words.
  const overall = page.getByTestId("store-health-overall")
  await expect(overall.getAttribute("data-level")).resolves.toMatch(/^(warning|critical)$/)
  await overall.getByText(/^(Needs attention|Something is wrong)$/).waitFor()

  // Request numbers: this process's, and said so.
  await page.getByTestId("store-health-requests").getByText(/not the whole shop: with several servers each shows its own/).waitFor()
  const requests = Number((await page.getByTestId("figure-requests").getByTestId("since-start").textContent())!.replace(/,/g, ""))
  expect(requests).toBeGreaterThan(0)
  await page.getByTestId("figure-store-p95").getByTestId("since-start").waitFor()
  for (const key of ["errors_5xx", "store_latency", "store_cache", "supplier_outbox", "shiprocket_failed", "models_3d", "stylist_sessions", "memory"]) {
    await expect(tile(key).getAttribute("data-level")).resolves.toMatch(/^(ok|warning|critical|unknown)$/)
    expect((await tile(key).getByTestId("reason").textContent())?.trim().length).toBeGreaterThan(0)
  }
  await page.getByTestId("process-instance").getByText(h.process.instance).waitFor()

  // The link leads to the Supplier orders page.
  await link.click()
  await page.getByTestId("supplier-orders-page").waitFor()
})

// Pausing while the tab is hidden is react-query's (refetchIntervalInBackground: false, see
// src/admin/lib/store-health.ts); waiting out an interval for it would cost 20 s of every run.
test("the numbers refresh by themselves every 15 s", async () => {
  await ui.open("/app/a/store-health", "[data-testid=store-health-updated]")
  const updated = page.getByTestId("store-health-updated")
  const before = await updated.textContent()
  const seen = healthRequests.length
  await eventually("an automatic refresh", async () => healthRequests.length > seen, REFRESH_WAIT_MS)
  await eventually("the new time to show", async () => (await updated.textContent()) !== before, REFRESH_WAIT_MS)
}, 60000)

test("the orders list carries one line of store health with what needs attention", async () => {
  await ui.open("/app/a/orders", "[data-testid=store-health-widget][data-level]")
  const widget = page.getByTestId("store-health-widget")
  await expect(widget.getAttribute("data-level")).resolves.toMatch(/^(warning|critical)$/)
  const row = widget.getByTestId("widget-supplier_failed_orders")
  await expect(row.getAttribute("data-level")).resolves.toBe("warning")
  await row.getByText(/supplier orders? could not be sent/).waitFor()
  await expect(row.getByRole("link", { name: "Open →" }).getAttribute("href")).resolves.toBe("/app/a/supplier-orders")
  await widget.getByTestId("store-health-widget-link").click()
  await page.getByTestId("store-health-numbers").waitFor()
})

test("once the supplier order is resent, Refresh shows one failed supplier order fewer", async () => {
  await ui.open("/app/a/store-health", "[data-testid=health-supplier_failed_orders]")
  const value = tile("supplier_failed_orders").getByTestId("value")
  const before = Number(await value.textContent())
  await supplier!.recover(failedSupplierOrderId!)
  failedSupplierOrderId = undefined
  await page.getByTestId("store-health-refresh").click()
  await eventually("the count to go down", async () => Number(await value.textContent()) === before - 1, 15000)
  if (before - 1 === 0) await expect(tile("supplier_failed_orders").getAttribute("data-level")).resolves.toBe("ok")
})
