/**
 * The supplier-forwarding admin UI, rendered by the real admin build (backend/build,
 * served at /app) in Chromium: the order widget, the product widget, Settings >
 * Suppliers and the Supplier orders page each show this test's own data.
 *
 * Setting the scene through the API: two suppliers of our own (one handled by hand, one
 * by API webhook), a product whose two variants map to them, and a COD order for both.
 */
import type { Page } from "playwright-core"
import { openAdminBrowser, type AdminBrowser } from "../harness/admin-browser"
import { adminToken, api, stackInfo } from "../harness/api"
import { createProduct, deleteCreatedProducts, eventually, placeCodOrder } from "../harness/orders"

const suffix = Date.now().toString(36).toUpperCase()
const MANUAL = `UISMOKE-M-${suffix}`
const WEBHOOK = `UISMOKE-A-${suffix}`
const SKU_A = `UISMOKE-${suffix}-S`
const SKU_B = `UISMOKE-${suffix}-M`

let auth: Record<string, string>
let ui: AdminBrowser
let page: Page
let productId: string
let orderId: string
let supplierOrders: { id: string; supplier: { code: string }; status: string }[]

beforeAll(async () => {
  auth = { authorization: `Bearer ${await adminToken()}` }
  for (const supplier of [
    { code: MANUAL, name: "Smoke Test Handloom", integration: "manual", city: "Jaipur" },
    // Nothing listens there: its delivery fails, which the widget must show rather than hide.
    { code: WEBHOOK, name: "Smoke Test Synthetics", integration: "api", endpoint: "http://127.0.0.1:9/orders" },
  ]) {
    const res = await api("POST", "/admin/suppliers", { headers: auth, body: supplier })
    if (res.status !== 201) throw new Error(`creating supplier ${supplier.code}: ${res.status} ${res.text}`)
  }
  const variants = await createProduct(auth, `Smoke Test Kurta ${suffix}`, [SKU_A, SKU_B])
  const product = await api("GET", `/admin/variants/${variants[SKU_A]}`, { headers: auth })
  productId = product.body.variant.product_id
  const mapped = await api("POST", "/admin/supplier-mappings", {
    headers: auth,
    body: {
      replace: true,
      mappings: [
        { variant_id: variants[SKU_A], supplier_code: MANUAL, supplier_sku: "HL-KRT-S", cost_price: 52000 },
        { variant_id: variants[SKU_B], supplier_code: WEBHOOK, supplier_sku: "SYN-KRT-M", cost_price: 61050 },
      ],
    },
  })
  if (mapped.status !== 200) throw new Error(`mapping: ${mapped.status} ${mapped.text}`)
  orderId = await placeCodOrder([variants[SKU_A], variants[SKU_B]])
  supplierOrders = await eventually("two supplier orders", async () => {
    const res = await api("GET", `/admin/orders/${orderId}/supplier-orders`, { headers: auth })
    return res.body.supplier_orders?.length === 2 ? res.body.supplier_orders : undefined
  })
  ui = await openAdminBrowser(auth)
  page = ui.page
}, 60000)

afterAll(async () => {
  await deleteCreatedProducts(auth)
  await ui?.close()
})

afterEach(() => {
  expect(ui.pageErrors).toEqual([])
})

test("the order page shows each supplier order with its items, cost, delivery and actions", async () => {
  await ui.open(`/app/a/orders/${orderId}`, "[data-testid=supplier-orders-widget] [data-testid=supplier-order]")
  const widget = page.getByTestId("supplier-orders-widget")
  await expect(widget.getByTestId("supplier-order").count()).resolves.toBe(2)

  const manual = widget.locator(`[data-supplier-order-id="${supplierOrders.find((so) => so.supplier.code === MANUAL)!.id}"]`)
  await manual.getByText("Smoke Test Handloom").waitFor()
  await manual.getByText("HL-KRT-S").waitFor()
  await manual.getByText("₹520.00").first().waitFor()
  await manual.getByText(/Manual queue/).waitFor()
  await manual.getByRole("button", { name: "Mark as sent" }).waitFor()

  const webhook = widget.locator(`[data-supplier-order-id="${supplierOrders.find((so) => so.supplier.code === WEBHOOK)!.id}"]`)
  await webhook.getByText("SYN-KRT-M").waitFor()
  await webhook.getByText("₹610.50").first().waitFor()
  // Its delivery job is listed with its webhook id, whatever stage it has reached.
  await webhook.getByTestId("messages").getByText(/msg_/).waitFor()
})

test("the product page shows each variant's supplier, supplier SKU, cost and margin", async () => {
  await ui.open(`/app/a/products/${productId}`, "[data-testid=supplier-mapping-widget] table")
  const widget = page.getByTestId("supplier-mapping-widget")
  await expect(widget.getByLabel("Supplier of Size 1").inputValue()).resolves.toBe(MANUAL)
  await expect(widget.getByLabel("Supplier SKU of Size 1").inputValue()).resolves.toBe("HL-KRT-S")
  await expect(widget.getByLabel("Cost of Size 1").inputValue()).resolves.toBe("520.00")
  await expect(widget.getByLabel("Supplier of Size 2").inputValue()).resolves.toBe(WEBHOOK)
  await expect(widget.getByLabel("Cost of Size 2").inputValue()).resolves.toBe("610.50")
  // ₹1,499 list price - ₹520 cost
  await widget.getByText("₹979.00 (65%)").waitFor()
})

test("Settings > Suppliers lists the suppliers with their performance", async () => {
  await ui.open("/app/a/settings/suppliers", `tr[data-supplier-code="${MANUAL}"]`)
  await page.locator(`tr[data-supplier-code="${WEBHOOK}"]`).getByText("API webhook").waitFor()
  const performance = page.getByTestId("supplier-performance")
  await performance.getByText(MANUAL).waitFor()
  await page.getByTestId("mapping-import").getByText("sku,supplier_code,supplier_sku,cost_price").waitFor()
})

test("the Supplier orders page lists the manual queue with a link to the order", async () => {
  const manualId = supplierOrders.find((so) => so.supplier.code === MANUAL)!.id
  await ui.open("/app/a/supplier-orders", "[data-testid=supplier-orders-page]")
  const card = page.locator(`[data-supplier-order-id="${manualId}"]`)
  await card.waitFor()
  await card.getByRole("link", { name: /Order #\d+/ }).waitFor()
})
